import { join } from 'node:path';
import {
  type Factor,
  fullFactorial,
  getPath,
  latinHypercube,
  type Range,
  withPath,
} from '../../case/variants';
import { columnsOf, csvTable } from '../../presentation/csv';
import { writeAtomic } from '../../report/atomicWrite';
import { caseFieldHeader } from '../../report/caseFieldUnit';
import { summaryRow } from '../../report/summaryRow';
import { InputError } from '../../validation/parseInput';
import { checkCaseFile, loadCaseFile } from '../caseFile';
import type { CaseJob } from '../caseJob';
import { caseFolderName } from '../caseName';
import { inputHash } from '../inputHash';
import { catchInterrupt } from '../interrupt';
import { batchProgressBar } from '../progressBar';
import { WorkerPool } from '../workerPool';

export interface SweepOptions {
  vary?: Factor[];
  lhs?: number;
  range?: Range[];
  seed: number;
  out: string;
  dataDir?: string[];
  jobs: number;
  maxMemory?: number;
}

/**
 * The action of `stackpress sweep` (registered in ./sweep.ts): the variants of one case, solved on
 * the worker pool; one CSV row per variant, the varied inputs first and the outputs after
 * (OUT/<case>-sweep.csv), each header of a quantity with its unit. A variant that fails its checks
 * or its solve is kept as a row with its status and error.
 */
export async function runSweep(file: string, opts: SweepOptions): Promise<void> {
  const limits = { maxMemoryMiB: opts.maxMemory };
  const base = await loadCaseFile(file, { dataDirs: opts.dataDir });
  checkCaseFile(file, base, limits);
  const settings = variantSettings(opts);
  const paths = Object.keys(settings[0] ?? {});
  const missing = paths.filter((p) => getPath(base, p) === undefined);
  if (missing.length > 0) {
    throw new InputError(
      'sweep',
      missing.map(
        (p) =>
          `${p}: not in ${file} — vary only values the case sets (write the default into the case first)`,
      ),
    );
  }

  // a varied input's column is its case path with the schema's unit, as the outputs carry theirs
  const headers = new Map(paths.map((p) => [p, caseFieldHeader(p)]));
  const rows: Record<string, unknown>[] = settings.map((s, i) => ({
    variant: i + 1,
    ...Object.fromEntries(Object.entries(s).map(([p, v]) => [headers.get(p) ?? p, v])),
    status: 'interrupted',
  }));
  const jobs: CaseJob[] = [];
  settings.forEach((s, i) => {
    try {
      let raw: unknown = base;
      for (const [p, v] of Object.entries(s)) raw = withPath(raw, p, v);
      checkCaseFile(`${file} variant ${i + 1}`, raw, limits);
      jobs.push({ id: i, raw, input: { file, hash: inputHash(raw) }, limits });
    } catch (e) {
      Object.assign(rows[i], {
        status: 'invalid',
        error: (e as InputError).issues?.join('; ') ?? (e as Error).message,
      });
    }
  });
  process.stderr.write(`stackpress: ${settings.length} variants of ${file}, ${jobs.length} valid\n`);

  const pool = new WorkerPool(opts.jobs);
  const interrupt = catchInterrupt();
  interrupt.onStop(() => pool.stop());
  let failed = 0;
  const bar = batchProgressBar(jobs.length);
  try {
    await pool.run(jobs, (o) => {
      if (o.status === 'ok') Object.assign(rows[o.id], { status: 'ok', ...summaryRow(o.summary) });
      else if (o.status === 'failed') {
        failed++;
        Object.assign(rows[o.id], { status: 'failed', error: o.error });
      }
      if (o.status !== 'aborted') bar.tick(failed);
    });
  } finally {
    bar.stop();
    interrupt.dispose();
  }
  // the case name made safe as a file name, so the CSV lands inside --out
  const out = join(opts.out, `${caseFolderName(file)}-sweep.csv`);
  const columns = columnsOf(rows).filter((c) => c !== 'error');
  await writeAtomic(out, csvTable([...columns, 'error'], rows));
  const bad = rows.filter((r) => r.status !== 'ok').length;
  process.stderr.write(`stackpress: ${rows.length - bad} of ${rows.length} variants solved — ${out}\n`);
  if (bad > 0) process.exitCode = 1;
}

/** The input settings of each variant, from `--vary` (factorial) or `--lhs` with `--range`. */
function variantSettings(opts: SweepOptions): Record<string, unknown>[] {
  const vary = opts.vary ?? [];
  const ranges = opts.range ?? [];
  if (opts.lhs !== undefined) {
    if (ranges.length === 0) throw new InputError('sweep', ['--lhs: needs at least one --range path=lo:hi']);
    if (vary.length > 0)
      throw new InputError('sweep', ['--vary and --lhs: choose one (a full factorial or a Latin hypercube)']);
    return latinHypercube(ranges, opts.lhs, opts.seed);
  }
  if (ranges.length > 0) throw new InputError('sweep', ['--range: only with --lhs N']);
  if (vary.length === 0)
    throw new InputError('sweep', ['give --vary path=v1,v2,... or --lhs N with --range path=lo:hi']);
  const n = vary.reduce((p, f) => p * f.values.length, 1);
  if (n > 100_000) throw new InputError('sweep', [`--vary: ${n} variants — at most 100000`]);
  return fullFactorial(vary);
}
