import { join } from 'node:path';
import type { Command } from 'commander';
import { QueueRunner } from '../../distributed/queueRunner';
import { redisUrl } from '../../distributed/redisConnection';
import { writeAtomic } from '../../report/atomicWrite';
import { readResultFile } from '../../report/caseFolder';
import { columnsOf, csvTable } from '../../report/csv';
import { summaryRow } from '../../report/summaryRow';
import type { CaseSummary } from '../../solveCase';
import { checkCaseFile, loadCaseFile } from '../caseFile';
import { findCaseFiles } from '../caseFiles';
import { type CaseJob, timeLimitSeconds } from '../caseJob';
import { caseFolderIn, caseFolderNames, folderNameNote } from '../caseName';
import type { CaseRunner } from '../caseRunner';
import { dataDirFlag, dataDirHelp, dataDirOption } from '../dataDirOption';
import { inputHash } from '../inputHash';
import { catchInterrupt } from '../interrupt';
import { defaultJobs, maxMemoryFlag, maxMemoryHelp, positiveInt, positiveNumber } from '../options';
import { batchProgressBar } from '../progressBar';
import { WorkerPool } from '../workerPool';

interface BatchOptions {
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
 * `stackpress batch DIR|GLOB...`: solve many cases on a worker-thread pool. Resumable (a case whose
 * result.json carries the same input hash is skipped); failures go to OUT/errors.json without
 * stopping the batch; OUT/summary.csv covers every case.
 */
export function registerBatchCommand(program: Command): void {
  program
    .command('batch')
    .description('solve many cases in parallel; resumable; errors.json and summary.csv in the output folder')
    .argument('<cases...>', 'folders of case files, case files, or globs such as "cases/fig5b-*.json"')
    .option('--out <dir>', 'output folder; one subfolder per case', 'results')
    .option('--jobs <n>', 'worker threads (default: number of cores)', positiveInt('--jobs'), defaultJobs)
    .option(dataDirFlag, dataDirHelp, dataDirOption)
    .option(
      maxMemoryFlag,
      `${maxMemoryHelp}; with --queue each worker applies its own`,
      positiveNumber('--max-memory'),
    )
    .option(
      '--queue <redis-url>',
      'solve on `stackpress worker` processes through a BullMQ queue in Redis, e.g. redis://127.0.0.1:6379',
      redisUrl,
    )
    .option(
      '--attempts <n>',
      'with --queue: tries per case (a crashed or timed-out solve is retried with backoff)',
      positiveInt('--attempts'),
      3,
    )
    .option(
      '--timeout <s>',
      'time limit per case — checks, solve and writing [s]; a case over it fails as timed out',
      timeLimitSeconds('--timeout'),
      600,
    )
    .option(
      '--queue-timeout <s>',
      'with --queue: give up (exit 1) once Redis has been unreachable this long [s]',
      timeLimitSeconds('--queue-timeout'),
      120,
    )
    .action(async (patterns: string[], opts: BatchOptions) => {
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
      let failed = entries.filter((e) => e.status === 'failed').length;
      for (const job of jobs) entries[job.id].status = 'interrupted';
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
      for (const e of errors)
        process.stderr.write(`  failed: ${e.caseFile}: ${e.error.split('\n').join(' ')}\n`);
      if (errors.length > 0 || interrupt.stopped) process.exitCode = 1;
    });
}
