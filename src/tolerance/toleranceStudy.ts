import { ContactAbortedError } from '../../solver/contact/contactSolver';
import { SolverSession } from '../../solver/session/solverSession';
import type { CaseInput } from '../case/schema';
import type { WorkLimits } from '../case/workBudget';
import type { LoadState } from '../presentation/resultFields';
import type { RegularGrid } from '../results/pressureMap';
import type { CaseResult } from '../solveCase';
import { type DrawnCase, drawCase } from './drawInputs';
import { drawMaps } from './drawMetrics';
import { drawSeed } from './drawSeed';
import { DrawSolver, type SolvedDraw } from './drawSolver';
import { firstOrderEstimates } from './firstOrder';
import { MapAccumulator } from './mapDistribution';
import { metricDistribution } from './metricDistribution';
import { type StudySettings, studySettings } from './studySettings';
import {
  type MapDistribution,
  METRIC_UNITS,
  type MetricDistribution,
  TOLERANCE_SCHEMA,
  type ToleranceDraw,
  type ToleranceMetric,
  type ToleranceResult,
} from './toleranceResult';

const METRICS = Object.keys(METRIC_UNITS) as ToleranceMetric[];

/**
 * A checked study and its draws as cases: what a batch pool or a queue hands out. Draws are made
 * on demand, one at a time (a study of 1000 draws of a case with a large noisy map would not fit
 * in memory all at once); `draw(i)` is pure, the same case every call.
 */
export interface StudyPlan extends StudySettings {
  /** draws in the study */
  samples: number;
  /** draw i (0-based) as a complete case */
  draw(index: number): DrawnCase;
}

/** One draw's outcome, solved here or by a worker: its record and, when solved, its maps. */
export interface DrawRecord {
  draw: ToleranceDraw;
  /** the top interface's pressure on the map grid [MPa], per load state; empty when failed */
  grids: Partial<Record<LoadState, RegularGrid>>;
  /** Newton steps (one linear solve each) over both load steps; 0 when failed */
  solves: number;
}

export interface ToleranceStudyOptions {
  /** override the block's samples and seed (creating the block with its defaults when absent) */
  samples?: number;
  seed?: number;
  /** the caches and factorization thread to use; default a fresh session */
  session?: SolverSession;
  /** after each draw, solved or failed */
  onDraw?: (draw: ToleranceDraw, done: number, total: number) => void;
  limits?: WorkLimits;
  /** also propagate the input covariance through the solver's tangent at the mean inputs (firstOrder.ts) */
  firstOrder?: boolean;
  /** checked between Newton steps and between draws; a set flag ends the study with ContactAbortedError */
  shouldAbort?: () => boolean;
}

/**
 * Check a case for a study and make its draws' cases (see `studySettings` for the checks).
 * Throws InputError for a bad case or block.
 */
export function planToleranceStudy(
  raw: unknown,
  options: { samples?: number; seed?: number; limits?: WorkLimits } = {},
): StudyPlan {
  const settings = studySettings(raw, options);
  const c = settings.checked.case;
  const samples = settings.tolerances.samples;
  return {
    ...settings,
    samples,
    draw: (index: number) => {
      if (!(Number.isInteger(index) && index >= 0 && index < samples))
        throw new RangeError(`draw ${index}: the study has draws 0 to ${samples - 1}`);
      return drawCase(c, settings.tolerances, index);
    },
  };
}

function record(drawn: DrawnCase, fields: Omit<ToleranceDraw, 'index' | 'seed' | 'inputs'>): ToleranceDraw {
  return { index: drawn.index, seed: drawn.seed, inputs: drawn.inputs, ...fields };
}

/** A draw that failed: its index, seed and inputs with the message, so it can be re-run alone. */
export function failedDrawRecord(drawn: DrawnCase, error: unknown): DrawRecord {
  const message = error instanceof Error ? error.message : String(error);
  return {
    draw: record(drawn, {
      status: 'failed',
      error: message,
      metrics: null,
      factorizations: 0,
      factorizationsReused: 0,
    }),
    grids: {},
    solves: 0,
  };
}

/** The record of a draw solved here (after the result checks; throws when they refuse it). */
function solvedRecord(drawn: DrawnCase, s: SolvedDraw): DrawRecord {
  const { metrics, grids } = drawMaps(s.case, s.model, s.loadUp, s.swollen);
  return {
    draw: record(drawn, {
      status: 'ok',
      error: null,
      metrics,
      factorizations: s.factorizations,
      factorizationsReused: s.factorizationsReused,
    }),
    grids,
    solves: s.solves,
  };
}

/**
 * The record of a draw that `solveCase` solved (in a batch lane or on a queue worker), from its
 * result with fields; a failed solve is `failedDrawRecord`. Throws what the result checks throw.
 */
export function drawRecordOfResult(drawn: DrawnCase, result: CaseResult): DrawRecord {
  const { case: c, model, loadUp, swollen } = result.fields;
  const reused = result.effort.factorizationsReused;
  return solvedRecord(drawn, {
    case: c,
    model,
    loadUp,
    swollen,
    solves: result.solver.newtonIterations,
    factorizations: result.solver.factorizations - reused,
    factorizationsReused: reused,
    sharedSolver: false,
  });
}

/**
 * Gathers a study's draws as they come, in any order, from any lane or worker: each record's maps
 * go into the per-point statistics at once and are dropped, so a study holds one grid per draw
 * per load state (the values the percentiles need) and no more. `finish` gives the study.
 */
export class ToleranceAggregator {
  private readonly records: (ToleranceDraw | undefined)[];
  private readonly solves: number[];
  private readonly maps: Map<LoadState, MapAccumulator>;

  constructor(private readonly plan: StudyPlan) {
    const n = plan.tolerances.samples;
    // dense arrays: flatMap and filter skip the holes of a sparse one, and a missing draw with them
    this.records = Array.from({ length: n }, () => undefined);
    this.solves = Array.from({ length: n }, () => 0);
    const threshold = plan.checked.case.output.contactThreshold;
    this.maps = new Map(plan.states.map((s) => [s, new MapAccumulator(n, threshold)]));
  }

  /** Add one draw's record; throws for an index out of range or given twice. */
  add(r: DrawRecord): void {
    const i = r.draw.index;
    if (!(Number.isInteger(i) && i >= 0 && i < this.records.length) || this.records[i])
      throw new Error(`tolerance study: draw ${i} is out of range or given twice`);
    this.records[i] = r.draw;
    this.solves[i] = r.solves;
    if (r.draw.status !== 'ok') return;
    for (const [state, acc] of this.maps) {
      const g = r.grids[state];
      if (g && r.draw.metrics?.[state]) acc.add(i, g);
    }
  }

  /**
   * The distributions of every metric and the per-point maps over the draws that solved, with the
   * failed ones named by index. Throws when a draw is missing: a study is never silently partial.
   */
  finish(seconds: number): ToleranceResult {
    const c = this.plan.checked.case;
    const t = this.plan.tolerances;
    const missing = this.records.flatMap((r, i) => (r ? [] : [i]));
    if (missing.length > 0)
      throw new Error(
        `tolerance study: draws ${missing.slice(0, 20).join(', ')}${missing.length > 20 ? ', …' : ''} have no result; the study is incomplete`,
      );
    const all = this.records as ToleranceDraw[];
    const ok = all.filter((d) => d.status === 'ok');
    const distributions: ToleranceResult['distributions'] = {};
    const maps: ToleranceResult['maps'] = {};
    for (const state of this.plan.states) {
      const solved = ok.flatMap((d) => (d.metrics?.[state] ? [d.metrics[state]] : []));
      if (solved.length === 0) continue;
      const perMetric = {} as Record<ToleranceMetric, MetricDistribution>;
      for (const m of METRICS)
        perMetric[m] = metricDistribution(
          solved.map((metrics) => metrics[m]),
          t.targets.filter((target) => target.metric === m),
        );
      distributions[state] = perMetric;
      const m: MapDistribution | null = this.maps.get(state)?.finish() ?? null;
      if (m) maps[state] = m;
    }
    const perDraw = (f: (d: ToleranceDraw) => number) =>
      ok.length > 0 ? ok.reduce((s, d) => s + f(d), 0) / ok.length : 0;
    return {
      schema: TOLERANCE_SCHEMA,
      caseName: c.name ?? 'case',
      seed: t.seed,
      samples: t.samples,
      draws: all,
      failed: all.filter((d) => d.status === 'failed').map((d) => d.index),
      warnings: [...this.plan.checked.warnings],
      targets: t.targets.map((target) => ({ ...target })),
      distributions,
      maps,
      effort: {
        seconds,
        solvesPerDraw: perDraw((d) => this.solves[d.index]),
        factorizationsPerDraw: perDraw((d) => d.factorizations),
        reusedPerDraw: perDraw((d) => d.factorizationsReused),
      },
    };
  }
}

/** The study from its draws' records, one per draw of the plan in any order (see ToleranceAggregator). */
export function aggregateDraws(
  plan: StudyPlan,
  records: readonly DrawRecord[],
  seconds: number,
): ToleranceResult {
  const aggregator = new ToleranceAggregator(plan);
  for (const r of records) aggregator.add(r);
  return aggregator.finish(seconds);
}

/**
 * A tolerance study of a case: draw its random inputs N times (the case's `tolerances` block,
 * `samples` and `seed` overriding it), solve every draw in one session reusing what the draws
 * share, and report the distribution of every metric and the per-point maps. A draw that fails
 * to solve or is refused by the result checks is recorded with its index and message and the
 * study goes on. Throws InputError for a bad case or study block.
 */
export function runToleranceStudy(raw: unknown, options: ToleranceStudyOptions = {}): ToleranceResult {
  const t0 = performance.now();
  const plan = planToleranceStudy(raw, options);
  const session = options.session ?? new SolverSession();
  // before the draws: a mean-input case that cannot be solved ends the study before its cost
  const firstOrder = options.firstOrder ? firstOrderEstimates(plan, session) : null;
  const solver = new DrawSolver(session, options.limits, options.shouldAbort);
  const aggregator = new ToleranceAggregator(plan);
  let done = 0;
  for (let i = 0; i < plan.samples; i++) {
    if (options.shouldAbort?.()) throw new ContactAbortedError('tolerance study: cancelled');
    // a draw that cannot even be drawn is a failed draw too, with its seed and no inputs
    let drawn: DrawnCase = {
      index: i,
      seed: drawSeed(plan.tolerances.seed, i),
      input: {} as CaseInput,
      inputs: {},
    };
    let r: DrawRecord;
    try {
      drawn = plan.draw(i);
      r = solvedRecord(drawn, solver.solve(drawn.input));
    } catch (e) {
      // a cancelled study is not a failed draw
      if (e instanceof ContactAbortedError) throw e;
      r = failedDrawRecord(drawn, e);
    }
    aggregator.add(r);
    options.onDraw?.(r.draw, ++done, plan.samples);
  }
  const result = aggregator.finish(0);
  if (firstOrder) result.firstOrder = firstOrder;
  result.effort.seconds = (performance.now() - t0) / 1000;
  return result;
}
