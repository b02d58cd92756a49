import { SingleBar } from 'cli-progress';
import type { SolverSession } from '../../../solver/session/solverSession';
import { defaultMaxMemoryMiB, estimateWork, type WorkLimits } from '../../case/workBudget';
import { buildModel } from '../../model/buildModel';
import type { StackGeometry } from '../../presentation/stackGeometry';
import { stackGeometryOf } from '../../presentation/stackGeometryOf';
import { writeToleranceFolder } from '../../report/toleranceFolder';
import { toleranceSummary } from '../../report/toleranceSummary';
import { createSolverSession } from '../../threads/factorThreads';
import { type DrawnCase, drawCase } from '../../tolerance/drawInputs';
import { drawRecordOfArtifacts } from '../../tolerance/drawRecordOfArtifacts';
import { type StudySettings, studySettings } from '../../tolerance/studySettings';
import type { ToleranceResult } from '../../tolerance/toleranceResult';
import {
  type DrawRecord,
  failedDrawRecord,
  planToleranceStudy,
  runToleranceStudy,
  type StudyPlan,
  ToleranceAggregator,
} from '../../tolerance/toleranceStudy';
import { InputError } from '../../validation/parseInput';
import type { CaseJob, CaseOutcome } from '../caseJob';
import { caseFolderIn } from '../caseName';
import type { CaseRunner } from '../caseRunner';
import { inputHash } from '../inputHash';
import { catchInterrupt } from '../interrupt';

/** The CLI's overrides of a case's tolerances block. */
export interface StudyFlags {
  samples?: number;
  seed?: number;
}

/**
 * Where a study's draws are solved: in this process on one session (the default), on a pool of
 * `workers` worker threads, or through the BullMQ queue at `queue` by `stackpress worker`s.
 */
export interface StudyRunnerOptions {
  /** worker threads of the pool (2 or more) */
  workers?: number;
  /** redis:// URL of the queue */
  queue?: string;
  /** with a queue: tries per draw, the first included */
  attempts: number;
  /** per-draw time limit on the pool or the queue [s] */
  timeout: number;
  /** with a queue: give up once Redis has been out of reach this long [s] */
  queueTimeout: number;
}

/**
 * A worker thread's own memory beside its case [MiB]: its V8 heap, the solver's code and the
 * messages it passes. A round allowance, not a measurement: it keeps `--workers 1000` from
 * starting a thousand threads on a small case.
 */
const LANE_BASE_MIB = 64;

/** A loaded case that runs as a study. */
export interface StudyCase {
  file: string;
  raw: unknown;
  /** its folder's name under --out */
  name: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Check a case for a study before anything is solved: the case, its block with the flags applied,
 * and the study's work budget. Throws InputError naming the file, field, value and range.
 */
export function checkStudyFile(
  file: string,
  raw: unknown,
  flags: StudyFlags,
  limits: WorkLimits,
  workers?: number,
): StudySettings {
  // a seed alone would start a study of the block's default 100 draws the user never asked for
  if (flags.seed !== undefined && flags.samples === undefined && !(isRecord(raw) && 'tolerances' in raw))
    throw new InputError(`case ${file}`, [
      `--seed: ${flags.seed} — the seed of a tolerance study; give --samples N (1–1000 draws) too, or a tolerances block in the case`,
    ]);
  let settings: StudySettings;
  try {
    settings = studySettings(raw, { ...flags, limits });
  } catch (e) {
    if (e instanceof InputError) throw new InputError(`case ${file}`, e.issues);
    throw e;
  }
  if (workers !== undefined) checkLanes(file, settings, workers, limits);
  return settings;
}

/**
 * A pool of `workers` threads holds the case's solver memory once per thread (each keeps its own
 * session): refuse a pool that would not fit in the memory limit, before anything is solved.
 */
function checkLanes(file: string, settings: StudySettings, workers: number, limits: WorkLimits): void {
  const lanes = Math.min(workers, settings.tolerances.samples);
  const perLane = estimateWork(settings.checked.case).memoryMiB.total + LANE_BASE_MIB;
  const maxMemory = limits.maxMemoryMiB ?? defaultMaxMemoryMiB;
  if (lanes * perLane > maxMemory)
    throw new InputError(`case ${file}`, [
      `--workers: ${workers} — ${lanes} worker threads would need about ${Math.ceil(lanes * perLane)} MiB (${Math.ceil(perLane)} MiB each: the case's solver memory and the thread's own), above the ${maxMemory} MiB memory limit (--max-memory); use at most ${Math.max(1, Math.floor(maxMemory / perLane))} workers, or --queue to spread the draws over machines`,
    ]);
}

/**
 * The case as the study ran it: the file's case with its tolerances block holding the samples
 * and seed used, so `stackpress solve case.json` in the study folder runs the same study again.
 */
function studiedCase(raw: unknown, samples: number, seed: number): unknown {
  if (!isRecord(raw)) return raw;
  const block = isRecord(raw.tolerances) ? raw.tolerances : {};
  return { ...raw, tolerances: { ...block, samples, seed } };
}

/** The stack the study's maps are drawn on: the case's, before any draw (a thickness draw moves it by microns). */
function stackOf(settings: StudySettings): StackGeometry {
  const c = settings.checked.case;
  return stackGeometryOf(c, buildModel(c));
}

/** The progress of a study: a draw finished, and, from a queue, trouble and one-off events. */
interface DrawProgress {
  update(done: number, counts: { failed: number }): void;
  /** what is wrong right now (null: nothing), e.g. Redis out of reach */
  status(text: string | null): void;
  /** a one-off event, on a line of its own */
  note(line: string): void;
  stop(): void;
}

/**
 * The progress of a study on stderr: a bar "draw 37/100, 0 failed" on a terminal; without one
 * (a log, CI) a line at every tenth of the draws, so a long study still shows it is alive.
 */
function drawProgress(name: string, total: number): DrawProgress {
  const stream = process.stderr;
  if (stream.isTTY !== true) {
    let logged = 0;
    let shown: string | null = null;
    return {
      update(done: number, { failed }: { failed: number }) {
        const tenth = Math.floor((10 * done) / total);
        if (tenth > logged) {
          logged = tenth;
          stream.write(`stackpress: ${name}: draw ${done}/${total}, ${failed} failed\n`);
        }
      },
      status(text) {
        if (text !== null && shown === null) stream.write(`stackpress: ${name}: ${text}\n`);
        shown = text;
      },
      note(line) {
        stream.write(`${line}\n`);
      },
      stop() {},
    };
  }
  const bar = new SingleBar({
    format: `${name} {bar} {percentage}% | draw {value}/{total}, {failed} failed | ETA {eta_formatted}{status}`,
    stream,
    hideCursor: true,
    etaBuffer: 16,
  });
  let failedNow = 0;
  bar.start(total, 0, { failed: 0, status: '' });
  return {
    update(done, { failed }) {
      failedNow = failed;
      bar.update(done, { failed });
    },
    status(text) {
      bar.update({ failed: failedNow, status: text === null ? '' : ` | ${text}` });
    },
    note(line) {
      // clear the bar's line, print, and let the bar redraw below
      stream.write(`\r\x1b[2K${line}\n`);
      bar.update({ failed: failedNow });
    },
    stop() {
      bar.stop();
    },
  };
}

/**
 * Run each study in turn and write its folder under `out`, all files or none; print its summary.
 * In process (the default) every draw is solved on one solver session; with `runner.workers` or
 * `runner.queue` the draws go out as plain cases to a worker-thread pool or the BullMQ queue.
 * Returns the number of studies that failed or have failed draws: a study with failed draws is
 * still written whole, its failed draws listed by index, and the run exits 1; a study that fails
 * as a whole is reported and the next one runs.
 */
export async function runStudies(
  studies: (StudyCase & { settings: StudySettings })[],
  flags: StudyFlags,
  opts: { out: string; threads: number; limits: WorkLimits; runner?: StudyRunnerOptions },
): Promise<number> {
  const { runner } = opts;
  if (runner && (runner.workers !== undefined || runner.queue !== undefined))
    return runDistributedStudies(studies, flags, { ...opts, runner });
  const threaded = createSolverSession(opts.threads);
  let troubled = 0;
  try {
    for (const study of studies) {
      try {
        const failed = await runStudy(study, flags, opts, threaded.session);
        if (failed > 0) troubled++;
      } catch (e) {
        if (e instanceof InputError) throw e;
        troubled++;
        process.stderr.write(`stackpress: ${study.file}: ${(e as Error).message}\n`);
      }
    }
  } finally {
    await threaded.close();
  }
  return troubled;
}

/** One study: solve its draws with a progress bar, write its folder, print its summary; returns its failed draws. */
async function runStudy(
  study: StudyCase & { settings: StudySettings },
  flags: StudyFlags,
  opts: { out: string; limits: WorkLimits },
  session: SolverSession,
): Promise<number> {
  const bar = drawProgress(study.name, study.settings.tolerances.samples);
  let failed = 0;
  let result: ToleranceResult;
  try {
    result = runToleranceStudy(study.raw, {
      ...flags,
      session,
      limits: opts.limits,
      onDraw: (draw, done) => {
        if (draw.status === 'failed') failed++;
        bar.update(done, { failed });
      },
    });
  } finally {
    bar.stop();
  }
  return writeStudy(study, result, opts.out);
}

/** Write a finished study's folder and print its summary and its failed draws; returns their number. */
async function writeStudy(
  { file, raw, name, settings }: StudyCase & { settings: StudySettings },
  result: ToleranceResult,
  out: string,
): Promise<number> {
  const ran = studiedCase(raw, result.samples, result.seed);
  const failedInputs = new Map(
    result.failed.map((i) => [i, drawCase(settings.checked.case, settings.tolerances, i).input]),
  );
  const dir = caseFolderIn(out, name);
  await writeToleranceFolder(dir, {
    result,
    stack: result.samples > result.failed.length ? stackOf(settings) : null,
    input: { file, hash: inputHash(ran) },
    case: ran,
    failedInputs,
  });
  process.stdout.write(`${toleranceSummary(result)}\nwrote the study folder ${dir}\n\n`);
  if (result.failed.length > 0)
    process.stderr.write(
      `stackpress: ${file}: ${result.failed.length} of ${result.samples} draws failed: ${result.failed.slice(0, 30).join(', ')}${result.failed.length > 30 ? ', …' : ''} (listed in ${dir}/samples.csv; rerun one alone with stackpress solve ${dir}/draw-${result.failed[0]}.json)\n`,
    );
  return result.failed.length;
}

/**
 * Most bytes of draw inputs handed to the pool or the queue at once: the draws go out in windows
 * of this size, so a study of 1000 draws of a case with a large measured map never holds all its
 * draws' maps at once. A case without one fits in one window. Large on purpose: the pool starts
 * its threads, and their sessions, afresh for each window.
 */
const WINDOW_BYTES = 256 * 2 ** 20;

/** How long finished draws stay in Redis [s], so a study run again takes them instead of solving them again. */
const KEEP_SECONDS = 24 * 3600;

/**
 * The studies with their draws solved on the pool or the queue: Ctrl-C stops the running draws
 * (the first study left unfinished is not written, and the run ends there, exit 1).
 */
async function runDistributedStudies(
  studies: (StudyCase & { settings: StudySettings })[],
  flags: StudyFlags,
  opts: { out: string; limits: WorkLimits; runner: StudyRunnerOptions },
): Promise<number> {
  const interrupt = catchInterrupt();
  let troubled = 0;
  try {
    for (const study of studies) {
      if (interrupt.stopped) break;
      try {
        const result = await distributedStudy(study, flags, opts, interrupt);
        if (result === null) break;
        if ((await writeStudy(study, result, opts.out)) > 0) troubled++;
      } catch (e) {
        if (e instanceof InputError) throw e;
        troubled++;
        process.stderr.write(`stackpress: ${study.file}: ${(e as Error).message}\n`);
      }
    }
  } finally {
    interrupt.dispose();
  }
  if (interrupt.stopped) {
    process.stderr.write('stackpress: interrupted; the unfinished study was not written\n');
    troubled++;
  }
  return troubled;
}

/**
 * A runner for one study's draws: the worker-thread pool or the queue, and how the error of a
 * draw the queue gave up on (Redis away too long) begins: such a draw was never solved.
 */
async function studyRunner(
  runner: StudyRunnerOptions,
  progress: DrawProgress,
): Promise<{ runner: CaseRunner; notSolved: string | null }> {
  if (runner.queue !== undefined) {
    const { NOT_SOLVED, QueueRunner } = await import('../../distributed/queueRunner');
    const queue = new QueueRunner(runner.queue, {
      attempts: runner.attempts,
      timeoutSeconds: runner.timeout,
      keepSeconds: KEEP_SECONDS,
      queueTimeoutSeconds: runner.queueTimeout,
      progress,
    });
    return { runner: queue, notSolved: NOT_SOLVED };
  }
  const { WorkerPool } = await import('../workerPool');
  return { runner: new WorkerPool(runner.workers ?? 2, { timeoutSeconds: runner.timeout }), notSolved: null };
}

/**
 * One study's draws sent out as plain case jobs that return their artifacts, each turned into
 * the draw's record as it comes back (in any order: the aggregator files them by index). A draw
 * that fails, times out, or comes back malformed is a failed draw; a study missing a draw is
 * never written. Null when interrupted.
 */
async function distributedStudy(
  study: StudyCase & { settings: StudySettings },
  flags: StudyFlags,
  opts: { limits: WorkLimits; runner: StudyRunnerOptions },
  interrupt: ReturnType<typeof catchInterrupt>,
): Promise<ToleranceResult | null> {
  const t0 = performance.now();
  const plan = planToleranceStudy(study.raw, { ...flags, limits: opts.limits });
  const progress = drawProgress(study.name, plan.samples);
  const aggregator = new ToleranceAggregator(plan);
  const headers = new Map<string, string>();
  let done = 0;
  let failed = 0;
  let gaveUp: { error: string; draws: number } | null = null;
  try {
    const { runner, notSolved } = await studyRunner(opts.runner, progress);
    interrupt.onStop(() => runner.stop());
    const window = drawWindow(plan);
    for (let start = 0; start < plan.samples && !interrupt.stopped; start += window) {
      const drawn: DrawnCase[] = [];
      for (let i = start; i < Math.min(plan.samples, start + window); i++) drawn.push(plan.draw(i));
      const jobs: CaseJob[] = drawn.map((d) => ({
        id: d.index,
        raw: d.input,
        input: { file: `${study.file} draw ${d.index}`, hash: inputHash(d.input) },
        returnArtifacts: true,
        limits: opts.limits,
      }));
      await runner.run(jobs, (o) => {
        if (o.status === 'aborted') return;
        if (o.status === 'failed' && notSolved !== null && o.error.startsWith(notSolved)) {
          gaveUp = { error: o.error.slice(notSolved.length), draws: (gaveUp?.draws ?? 0) + 1 };
          return;
        }
        const r = drawRecordOf(drawn[o.id - start], o, headers);
        aggregator.add(r);
        if (r.draw.status === 'failed') failed++;
        progress.update(++done, { failed });
      });
    }
  } finally {
    progress.stop();
  }
  if (interrupt.stopped) return null;
  // a draw the queue never solved is not a failed draw: the study is not written at all
  const unsolved = gaveUp as { error: string; draws: number } | null;
  if (unsolved !== null)
    throw new Error(
      `the queue gave up (${unsolved.error}) with ${unsolved.draws} of ${plan.samples} draws not solved; the study was not written (its solved draws stay in Redis for ${KEEP_SECONDS / 3600} h: run it again to solve only the rest)`,
    );
  return aggregator.finish((performance.now() - t0) / 1000);
}

/** Draws per window: as many as WINDOW_BYTES of draw inputs hold, judged by draw 0's size. */
function drawWindow(plan: StudyPlan): number {
  const bytes = JSON.stringify(plan.draw(0).input).length;
  return Math.max(1, Math.min(plan.samples, Math.floor(WINDOW_BYTES / Math.max(1, bytes))));
}

/**
 * A draw's record from its job's outcome. Every draw's maps must lie on one grid (a worker that
 * sends another fails its draw, instead of the whole study in the aggregator).
 */
function drawRecordOf(drawn: DrawnCase, o: CaseOutcome, headers: Map<string, string>): DrawRecord {
  if (o.status === 'failed') return failedDrawRecord(drawn, new Error(o.error));
  try {
    if (o.status !== 'ok' || !o.artifacts) throw new Error('the worker sent no artifacts for this draw');
    const r = drawRecordOfArtifacts(drawn, o.artifacts);
    for (const [state, g] of Object.entries(r.grids)) {
      const header = `${g.nx} ${g.ny} ${g.x0} ${g.y0} ${g.dx} ${g.dy}`;
      const first = headers.get(state) ?? header;
      if (header !== first)
        throw new Error(`its ${state} map lies on a grid (${header}) other than the study's (${first})`);
    }
    for (const [state, g] of Object.entries(r.grids))
      headers.set(state, `${g.nx} ${g.ny} ${g.x0} ${g.y0} ${g.dx} ${g.dy}`);
    return r;
  } catch (e) {
    return failedDrawRecord(drawn, e);
  }
}
