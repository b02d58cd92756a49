import { InputError } from '../validation/parseInput';
import type { LocalSearchSettings } from './localSearch';
import type { BestCriterion } from './paretoFront';
import type { Design } from './searchSpace';
import type { VariationSettings } from './variation';

/** How a search runs. */
export interface Nsga2Options {
  /** number of objectives each evaluation returns (minimised) */
  readonly objectives: number;
  /** number of constraint margins each evaluation returns; default 0 */
  readonly constraints?: number;
  /** most designs evaluated in the whole run (the budget), ≥ 1 */
  readonly maxEvaluations: number;
  /** designs per generation, parents and children alike (μ = λ); default 40 */
  readonly populationSize?: number;
  /** seed of the run, a whole number in [0, 2³¹ − 1] */
  readonly seed: number;
  /** designs to evaluate first (a known housing, say), then random ones fill the first generation */
  readonly initial?: readonly Design[];
  /**
   * A natural size of each constraint's margin, in its unit: violations are divided by it before
   * they are summed (Deb 2000 normalises each constraint so that none swamps the others). Without
   * it each constraint is divided by its largest violation seen so far in the run.
   */
  readonly constraintScales?: readonly number[];
  /** the crossover and mutation settings; the NSGA-II paper's by default */
  readonly variation?: Partial<VariationSettings>;
  /** which design `report()` calls best so far; default: least objective 0 */
  readonly best?: BestCriterion;
  /**
   * Children bred per design sent out, from 1 (plain NSGA-II, the default) to 50: above 1 each
   * generation breeds that many times more children and keeps those a surrogate of the archive
   * ranks best (see `preselection.ts`), for a budget of a few hundred evaluations.
   */
  readonly preselection?: number;
  /**
   * The hybrid's local phase (`localSearch.ts`): the last `share` of the budget is spent on a
   * compass search around the best feasible design for `best`; share 0 (the default) is plain
   * NSGA-II to the end.
   */
  readonly localSearch?: LocalSearchSettings;
  /**
   * A cheap prediction of the `best` criterion's objective, made without evaluating (the
   * inactive mass counted from the parts, say): the local phase sends out only moves it predicts
   * to beat the incumbent. Infinity for a design that cannot be evaluated. Without it every move
   * goes out.
   */
  readonly estimate?: (design: Design) => number;
}

export const DEFAULT_POPULATION = 40;
/** Survival sorts 2 × population designs pairwise, keeping who dominates whom: O(N²) time and memory. */
export const MAX_POPULATION = 1000;
/** The archive is kept whole and read after each generation; each evaluation is a solve of seconds. */
export const MAX_EVALUATIONS = 100_000;

/** Refuse options no search can run with: each issue names the option, its value and what is allowed. */
export function checkSearchOptions(o: Nsga2Options): void {
  const issues: string[] = [];
  const whole = (field: string, x: unknown, lo: number, hi: number) => {
    if (typeof x !== 'number' || !Number.isInteger(x) || x < lo || x > hi)
      issues.push(`${field}: ${String(x)} — must be a whole number >= ${lo} and <= ${hi}`);
  };
  // crowding and the archive's front lose their meaning, and their speed, with many objectives
  whole('objectives', o.objectives, 1, 10);
  whole('constraints', o.constraints ?? 0, 0, 1000);
  whole('maxEvaluations', o.maxEvaluations, 1, MAX_EVALUATIONS);
  whole('populationSize', o.populationSize ?? DEFAULT_POPULATION, 2, MAX_POPULATION);
  whole('seed', o.seed, 0, 2 ** 31 - 1);
  const scales = o.constraintScales;
  if (scales !== undefined) {
    if (!Array.isArray(scales) || scales.length !== (o.constraints ?? 0))
      issues.push(
        `constraintScales: ${String(scales)} — must give one scale per constraint (${o.constraints ?? 0})`,
      );
    else
      scales.forEach((s, j) => {
        if (typeof s !== 'number' || !(s > 0) || !Number.isFinite(s))
          issues.push(
            `constraintScales[${j}]: ${String(s)} (the constraint's unit) — must be a finite number > 0`,
          );
      });
  }
  const v = o.variation ?? {};
  const probability = (field: keyof VariationSettings) => {
    const x = v[field];
    if (x !== undefined && (typeof x !== 'number' || !(x >= 0 && x <= 1)))
      issues.push(`variation.${field}: ${String(x)} — must be a probability in [0, 1]`);
  };
  const index = (field: keyof VariationSettings) => {
    const x = v[field];
    if (x !== undefined && (typeof x !== 'number' || !(x >= 0 && x <= 1000)))
      issues.push(`variation.${field}: ${String(x)} — must be a distribution index in [0, 1000]`);
  };
  if (o.preselection !== undefined) whole('preselection', o.preselection, 1, 50);
  const local = o.localSearch;
  if (local !== undefined) {
    const share = (field: string, x: unknown, lo: number, open: boolean) => {
      if (typeof x !== 'number' || !(open ? x > lo : x >= lo) || !(x <= 1))
        issues.push(
          `localSearch.${field}: ${String(x)} — must be a number ${open ? '>' : '>='} ${lo} and <= 1`,
        );
    };
    share('share', local.share, 0, false);
    if (local.initialStep !== undefined) share('initialStep', local.initialStep, 0, true);
    if (local.minStep !== undefined) share('minStep', local.minStep, 0, true);
  }
  if (o.estimate !== undefined && typeof o.estimate !== 'function')
    issues.push(`estimate: ${String(o.estimate)} — must be a function of a design`);
  probability('crossoverProbability');
  probability('mutationProbability');
  index('crossoverEta');
  index('mutationEta');
  const best = o.best;
  if (best !== undefined) {
    whole('best.objective', best.objective, 0, o.objectives - 1);
    best.limits?.forEach((l, k) => {
      whole(`best.limits[${k}].objective`, l.objective, 0, o.objectives - 1);
      if (typeof l.max !== 'number' || Number.isNaN(l.max))
        issues.push(`best.limits[${k}].max: ${String(l.max)} (the objective's unit) — must be a number`);
    });
  }
  if (issues.length > 0) throw new InputError('search options', issues);
}
