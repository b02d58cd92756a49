import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DesignProblem } from '../../design/designProblem';
import { loadDesignSpecFile } from '../../design/designSpecFile';
import { writeDesignFolder } from '../../report/designFolder';
import { InputError } from '../../validation/parseInput';
import { type DesignEvaluator, DesignPool } from '../designPool';
import { designProgressBar } from '../designProgress';
import { type DesignSearchSettings, searchDesigns } from '../designSearch';
import { inputHash } from '../inputHash';
import { catchInterrupt } from '../interrupt';

export interface DesignCommandOptions {
  out: string;
  seed?: number;
  budget?: number;
  workers: number;
  /** whether --workers was given (it cannot go with --queue) */
  workersGiven?: boolean;
  queue?: string;
  covLimit?: number;
  /** per design [s] */
  timeout: number;
  attempts: number;
  queueTimeout: number;
}

/**
 * Refuse an --out that is not a folder this command may replace: a file, or a folder holding
 * anything but an earlier design run (replacing it would delete the user's files).
 */
async function checkOutFolder(out: string): Promise<void> {
  const s = await lstat(out).catch(() => null);
  if (s === null) return;
  if (!s.isDirectory())
    throw new InputError('--out', [
      `--out: ${JSON.stringify(out)} is not a folder — give a new folder, or one an earlier stackpress design wrote`,
    ]);
  const names = await readdir(out);
  if (names.length === 0) return;
  const record = await readFile(join(out, 'design.json'), 'utf8').catch(() => null);
  let ours = false;
  try {
    ours = record !== null && (JSON.parse(record) as { kind?: unknown }).kind === 'stackpress.design';
  } catch {
    ours = false;
  }
  if (!ours)
    throw new InputError('--out', [
      `--out: ${JSON.stringify(out)} holds ${names.length} entries and no design.json of an earlier design run — the folder is replaced whole, so give a new or empty folder`,
    ]);
}

/** The evaluator of a run: the local pool, or the BullMQ queue with --queue. */
async function evaluatorOf(problem: DesignProblem, opts: DesignCommandOptions): Promise<DesignEvaluator> {
  if (opts.queue) {
    const { DesignQueue } = await import('../../distributed/designQueue');
    return new DesignQueue(opts.queue, problem, {
      timeoutSeconds: opts.timeout,
      attempts: opts.attempts,
      queueTimeoutSeconds: opts.queueTimeout,
    });
  }
  return new DesignPool(problem, opts.workers, opts.timeout);
}

/** What a search and its folder need beyond the problem. */
export interface DesignRunSettings {
  out: string;
  spec: { file: string; hash: string };
  seed: number;
  budget: number;
  population: number;
  covLimit: number;
  /** draw the progress bar on stderr; default true */
  progress?: boolean;
  signal?: AbortSignal;
}

/**
 * Search `problem` on `evaluator`, write the design folder and print the summary. Returns
 * whether a feasible design met the CoV limit (the command exits 1 when none did).
 */
export async function designRun(
  problem: DesignProblem,
  evaluator: DesignEvaluator,
  s: DesignRunSettings,
): Promise<boolean> {
  const measure = problem.objectives.measure;
  const state = {
    feasible: 0,
    failed: 0,
    best: null as { efficiencyPct: number; cov: number; mass: number } | null,
  };
  const bar = s.progress === false ? null : designProgressBar(s.budget);
  const t0 = performance.now();
  let firstFeasibleSeconds: number | null = null;
  const settings: DesignSearchSettings = {
    seed: s.seed,
    budget: s.budget,
    population: s.population,
    covLimit: s.covLimit,
    signal: s.signal,
    onEvaluation: (e) => {
      if (!e || (e.status === 'failed' && !e.objectiveVector)) state.failed++;
      if (e?.status === 'feasible' && e.objectives && e.objectiveVector) {
        state.feasible++;
        firstFeasibleSeconds ??= (performance.now() - t0) / 1000;
        const [mass, cov] = e.objectiveVector;
        if (cov <= s.covLimit && (state.best === null || mass < state.best.mass))
          state.best = {
            mass,
            cov,
            efficiencyPct:
              100 * (measure === 'mass' ? e.objectives.massEfficiency : e.objectives.volumeEfficiency),
          };
      }
      bar?.tick(state);
    },
    onGeneration: (r) => bar?.generation(r.generations, r.evaluations, state),
  };
  let search: Awaited<ReturnType<typeof searchDesigns>>;
  try {
    search = await searchDesigns(problem, evaluator, settings);
  } finally {
    bar?.stop();
  }
  const seconds = (performance.now() - t0) / 1000;
  const run = {
    problem,
    search,
    spec: s.spec,
    seed: s.seed,
    budget: s.budget,
    population: s.population,
    covLimit: s.covLimit,
    seconds,
    firstFeasibleSeconds,
  };
  const { designSummary } = await import('../../report/designFolder');
  const files = await writeDesignFolder(s.out, run);
  process.stdout.write(`${designSummary(run)}\nwrote ${files.join(', ')} to ${s.out}\n`);
  return search.result.best !== undefined;
}

/** The action of `stackpress design` (registered in ./design.ts). */
export async function runDesign(specFile: string, opts: DesignCommandOptions): Promise<void> {
  if (opts.queue && opts.workersGiven)
    throw new InputError('options', [
      '--workers with --queue: the queue runs the designs on `stackpress worker` processes, whose own --concurrency sets their threads — give one of the two',
    ]);
  const out = resolve(opts.out);
  await checkOutFolder(out);
  const problem = await loadDesignSpecFile(specFile);
  const raw = await readFile(specFile);
  const seed = opts.seed ?? problem.optimiser.seed;
  const budget = opts.budget ?? problem.optimiser.budget;
  const covLimit = opts.covLimit ?? problem.bestCovLimit;
  const evaluator = await evaluatorOf(problem, opts);
  const interrupt = catchInterrupt();
  const stop = new AbortController();
  interrupt.onStop(() => {
    stop.abort();
    evaluator.stop();
  });
  let found: boolean;
  try {
    found = await designRun(problem, evaluator, {
      out,
      spec: { file: specFile, hash: inputHash({ spec: raw.toString('utf8'), problem }) },
      seed,
      budget,
      population: problem.optimiser.population,
      covLimit,
      signal: stop.signal,
    });
  } finally {
    interrupt.dispose();
    await evaluator.close();
  }
  if (!found) {
    process.stderr.write(
      `stackpress: no feasible design with CoV <= ${covLimit} — see ${join(out, 'summary.txt')}\n`,
    );
    process.exitCode = 1;
  }
}
