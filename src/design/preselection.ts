/**
 * Surrogate pre-selection for a search whose evaluations are dear: breed more children than a
 * generation holds, predict each child's objectives and constraint margins from the designs
 * already evaluated, and send out only the children the prediction ranks best.
 *
 * The scheme is the "pre-screening" of M. Emmerich, K. Giannakoglou, B. Naujoks, "Single- and
 * multiobjective evolutionary optimization assisted by Gaussian random field metamodels", IEEE
 * Trans. Evolutionary Computation 10(4) (2006) 421–439. The surrogate here is the simplest that
 * handles mixed variables: inverse-distance weighting (D. Shepard, "A two-dimensional
 * interpolation function for irregularly-spaced data", Proc. ACM National Conference 1968) over
 * the k nearest evaluated designs, with Gower's distance (J. C. Gower, "A general coefficient of
 * similarity and some of its properties", Biometrics 27 (1971) 857–871): a real or whole number
 * counts its difference over its range, a choice 0 when equal and 1 when not. No kriging: its
 * fit costs O(n³) per generation and needs tuning that a few hundred designs cannot pin down.
 */
import type { SearchSpace } from './searchSpace';
import { variableNames } from './searchSpace';

/** Gower's distance of two genomes of `space`, in [0, 1]. */
export function gowerDistance(space: SearchSpace, a: readonly number[], b: readonly number[]): number {
  const names = variableNames(space);
  let sum = 0;
  names.forEach((name, i) => {
    const v = space[name];
    if (v.kind === 'choice') sum += a[i] === b[i] ? 0 : 1;
    else if (v.hi > v.lo) sum += Math.abs(a[i] - b[i]) / (v.hi - v.lo);
  });
  return sum / names.length;
}

/** An evaluated design as the surrogate sees it: its genome and the values to predict. */
export interface Sample {
  readonly genome: readonly number[];
  readonly values: readonly number[];
}

/**
 * The values predicted at `genome`: the inverse-square-distance weighted mean over the `k`
 * nearest samples (the value of a sample at distance 0 itself). Undefined without samples.
 */
export function predictValues(
  space: SearchSpace,
  samples: readonly Sample[],
  genome: readonly number[],
  k: number,
): number[] | undefined {
  if (samples.length === 0) return undefined;
  const near = samples
    .map((s, i) => ({ s, i, d: gowerDistance(space, s.genome, genome) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, Math.max(1, k));
  if (near[0].d === 0) return [...near[0].s.values];
  const m = near[0].s.values.length;
  const sum = new Array<number>(m).fill(0);
  let weight = 0;
  for (const { s, d } of near) {
    const w = 1 / (d * d);
    weight += w;
    for (let j = 0; j < m; j++) sum[j] += w * s.values[j];
  }
  return sum.map((x) => x / weight);
}
