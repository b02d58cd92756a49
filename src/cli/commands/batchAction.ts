import { join } from 'node:path';
import { QueueRunner } from '../../distributed/queueRunner';
import { columnsOf, csvTable } from '../../presentation/csv';
import { writeAtomic } from '../../report/atomicWrite';
import { readResultFile } from '../../report/caseFolder';
import { summaryRow } from '../../report/summaryRow';
import type { CaseSummary } from '../../solveCase';
import { checkCaseFile, loadCaseFile } from '../caseFile';
import { findCaseFiles } from '../caseFiles';
import type { CaseJob } from '../caseJob';
import { caseFolderIn, caseFolderNames, folderNameNote } from '../caseName';
import type { CaseRunner } from '../caseRunner';
import { inputHash } from '../inputHash';
import { catchInterrupt } from '../interrupt';
import { batchProgressBar } from '../progressBar';
import { WorkerPool } from '../workerPool';

export interface BatchOptions {
  out: string;
  dataDir?: string[];
  jobs: number;
  queue?: string;
  attempts: number;
  timeout: number;
  queueTimeout: number;
  maxMemory?: number;
}

/** One line of the batch: how a case file ended. */
interface BatchEntry {
  file: string;
  name: string;
  status: 'ok' | 'skipped' | 'failed' | 'interrupted';
  error?: string;
  summary?: CaseSummary;
}

/**
 * The action of `stackpress batch` (registered in ./batch.ts): a case whose result.json carries
 * the same input hash is skipped, the rest are solved on worker threads or through the queue;
 * failures go to OUT/errors.json without stopping the batch, and OUT/summary.csv covers every case.
 */
export async function runBatch(patterns: string[], opts: BatchOptions): Promise<void> {
  const limits = { maxMemoryMiB: opts.maxMemory };
  const files = [...new Set((await Promise.all(patterns.map(findCaseFiles))).flat())];
  const entries: BatchEntry[] = [];
  const jobs: CaseJob[] = [];
  const names = caseFolderNames(files);
  for (const [k, file] of files.entries()) {
    const name = names[k];
    const note = folderNameNote(file, name);
    if (note) process.stderr.write(`stackpress: ${note}\n`);
    const entry: BatchEntry = { file, name, status: 'failed' };
    entries.push(entry);
    try {
      const outDir = caseFolderIn(opts.out, name);
      const raw = await loadCaseFile(file, { dataDirs: opts.dataDir });
      checkCaseFile(file, raw, limits);
      const hash = inputHash(raw);
      const previous = await readResultFile(outDir);
      if (previous?.input.hash === hash) Object.assign(entry, { status: 'skipped', summary: previous });
      else jobs.push({ id: entries.length - 1, raw, outDir, input: { file, hash }, limits });
    } catch (e) {
      entry.error = (e as Error).message;
    }
  }
  const skipped = entries.filter((e) => e.status === 'skipped').length;
  const where = opts.queue
    ? `the queue at ${opts.queue}`
    : `${Math.min(opts.jobs, Math.max(1, jobs.length))} worker threads`;
  process.stderr.write(
    `stackpress: ${files.length} cases, ${skipped} already done, ${jobs.length} to solve on ${where}\n`,
  );

  const bar = batchProgressBar(jobs.length);
  const pool: CaseRunner = opts.queue
    ? new QueueRunner(opts.queue, {
        attempts: opts.attempts,
        timeoutSeconds: opts.timeout,
        keepSeconds: 24 * 3600,
        queueTimeoutSeconds: opts.queueTimeout,
        progress: bar,
      })
    : new WorkerPool(opts.jobs, { timeoutSeconds: opts.timeout });
  const interrupt = catchInterrupt();
  interrupt.onStop(() => pool.stop());
  // queued cases count as interrupted until they end, not as failed: the bar counts real failures
  for (const job of jobs) entries[job.id].status = 'interrupted';
  let failed = entries.filter((e) => e.status === 'failed').length;
  try {
    await pool.run(jobs, (o) => {
      const entry = entries[o.id];
      if (o.status === 'ok') Object.assign(entry, { status: 'ok', summary: o.summary });
      else if (o.status === 'failed') {
        Object.assign(entry, { status: 'failed', error: o.error });
        failed++;
      }
      if (o.status !== 'aborted') bar.tick(failed);
    });
  } finally {
    bar.stop();
    interrupt.dispose();
  }

  const errors = entries
    .filter((e) => e.status === 'failed')
    .map((e) => ({ caseFile: e.file, error: e.error ?? 'unknown error' }));
  await writeAtomic(join(opts.out, 'errors.json'), `${JSON.stringify(errors, null, 2)}\n`);
  const rows = entries.map((e) => ({
    case: e.name,
    file: e.file,
    status: e.status,
    error: e.error ?? '',
    ...(e.summary ? summaryRow(e.summary) : {}),
  }));
  await writeAtomic(join(opts.out, 'summary.csv'), csvTable(columnsOf(rows), rows));

  const count = (s: BatchEntry['status']) => entries.filter((e) => e.status === s).length;
  process.stderr.write(
    `stackpress: ${count('ok')} solved, ${count('skipped')} skipped, ${count('failed')} failed${interrupt.stopped ? `, ${count('interrupted')} interrupted` : ''} — ${join(opts.out, 'summary.csv')}\n`,
  );
  for (const e of errors) process.stderr.write(`  failed: ${e.caseFile}: ${e.error.split('\n').join(' ')}\n`);
  if (errors.length > 0 || interrupt.stopped) process.exitCode = 1;
}
