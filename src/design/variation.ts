/**
 * Crossover and mutation of genomes (one number per variable; a choice as the index of its value).
 *
 * Continuous variables: simulated binary crossover (SBX) and polynomial mutation, K. Deb and
 * R. B. Agrawal, "Simulated binary crossover for continuous search space", Complex Systems 9 (1995)
 * 115–148, in the bounded form of Deb's NSGA-II reference code (the spread factor's distribution
 * is cut at the bounds, so children never need clipping in the mean).
 *
 * Whole numbers: the same operators on the relaxed interval [lo − ½, hi + ½], rounded to the
 * nearest whole number — every value, the end ones included, owns an interval of width one, so
 * rounding favours none; neighbouring counts stay neighbours, which a count of bolts needs. A
 * mutation of a whole number moves it at least one step (see `stepAtLeastOne`).
 *
 * Choices: uniform crossover (each child takes each choice from either parent with probability ½)
 * and random-reset mutation (a different value drawn uniformly). Categories have no order, so no
 * operator that assumes a distance between them (as SBX on an index would) is used.
 */
import type { SeededRandom } from '../model/seededRandom';
import type { SearchSpace, Variable } from './searchSpace';
import { variableNames } from './searchSpace';

/** Settings of the variation operators; the defaults are those of the NSGA-II paper. */
export interface VariationSettings {
  /** probability that a pair of parents is crossed at all (else the children are copies); default 0.9 */
  readonly crossoverProbability: number;
  /** SBX distribution index: larger keeps children nearer their parents; default 20 */
  readonly crossoverEta: number;
  /** polynomial mutation distribution index; default 20 */
  readonly mutationEta: number;
  /** probability of mutating each variable; default 1 / (number of variables) */
  readonly mutationProbability?: number;
}

export const DEFAULT_VARIATION: VariationSettings = {
  crossoverProbability: 0.9,
  crossoverEta: 20,
  mutationEta: 20,
};

/** Below this parent gap SBX leaves the variable alone: the spread factor is 0/0 there. */
const SAME_VALUE = 1e-14;

/** Interval the operators work on: the variable's own, or the relaxed one for whole numbers. */
function interval(v: Variable): [number, number] {
  if (v.kind === 'int') return [v.lo - 0.5, v.hi + 0.5];
  if (v.kind === 'real') return [v.lo, v.hi];
  return [0, v.values.length - 1];
}

/** Round a relaxed whole number back into [lo, hi] (hi + ½ itself rounds up, hence the clamp). */
function settle(v: Variable, x: number): number {
  if (v.kind === 'int') return Math.min(v.hi, Math.max(v.lo, Math.round(x)));
  if (v.kind === 'real') return Math.min(v.hi, Math.max(v.lo, x));
  return x;
}

/** The SBX spread factor for one side, from a uniform draw `u` and the bound's reach `beta`. */
function spread(u: number, beta: number, eta: number): number {
  const alpha = 2 - beta ** -(eta + 1);
  return u <= 1 / alpha ? (u * alpha) ** (1 / (eta + 1)) : (1 / (2 - u * alpha)) ** (1 / (eta + 1));
}

/** Bounded SBX of one variable: two children of parents `a`, `b` on [lo, hi]. */
export function sbx(
  a: number,
  b: number,
  lo: number,
  hi: number,
  eta: number,
  random: SeededRandom,
): [number, number] {
  if (Math.abs(a - b) <= SAME_VALUE) return [a, b];
  const y1 = Math.min(a, b);
  const y2 = Math.max(a, b);
  const gap = y2 - y1;
  const u = random.uniform();
  const c1 = 0.5 * (y1 + y2 - spread(u, 1 + (2 * (y1 - lo)) / gap, eta) * gap);
  const c2 = 0.5 * (y1 + y2 + spread(u, 1 + (2 * (hi - y2)) / gap, eta) * gap);
  const k1 = Math.min(hi, Math.max(lo, c1));
  const k2 = Math.min(hi, Math.max(lo, c2));
  return random.uniform() < 0.5 ? [k2, k1] : [k1, k2];
}

/** Polynomial mutation of `y` on [lo, hi]. */
export function polynomialMutation(
  y: number,
  lo: number,
  hi: number,
  eta: number,
  random: SeededRandom,
): number {
  const width = hi - lo;
  if (!(width > 0)) return y;
  const d1 = (y - lo) / width;
  const d2 = (hi - y) / width;
  const u = random.uniform();
  const power = 1 / (eta + 1);
  let dq: number;
  if (u <= 0.5) {
    const val = 2 * u + (1 - 2 * u) * (1 - d1) ** (eta + 1);
    dq = val ** power - 1;
  } else {
    const val = 2 * (1 - u) + 2 * (u - 0.5) * (1 - d2) ** (eta + 1);
    dq = 1 - val ** power;
  }
  return Math.min(hi, Math.max(lo, y + dq * width));
}

/**
 * A mutated whole number: `y` rounded, but at least one step from `x` towards `y`. On a short range
 * (0–3 springs) the polynomial step is mostly under ½, and a mutation that rounds back to the
 * parent would change nothing.
 */
function stepAtLeastOne(lo: number, hi: number, x: number, y: number): number {
  if (hi === lo) return x;
  const r = Math.min(hi, Math.max(lo, Math.round(y)));
  if (r !== x) return r;
  const up = y > x || (y === x && x < hi);
  return up ? (x < hi ? x + 1 : x - 1) : x > lo ? x - 1 : x + 1;
}

/** Two children of two parent genomes: crossover of each variable by its kind. */
export function crossover(
  space: SearchSpace,
  p1: readonly number[],
  p2: readonly number[],
  settings: VariationSettings,
  random: SeededRandom,
): [number[], number[]] {
  const c1 = [...p1];
  const c2 = [...p2];
  if (random.uniform() >= settings.crossoverProbability) return [c1, c2];
  variableNames(space).forEach((name, i) => {
    const v = space[name];
    // each variable is crossed with probability ½, as in the reference code: children stay near one parent in many variables
    if (random.uniform() >= 0.5) return;
    if (v.kind === 'choice') {
      c1[i] = p2[i];
      c2[i] = p1[i];
      return;
    }
    const [lo, hi] = interval(v);
    const [x1, x2] = sbx(p1[i], p2[i], lo, hi, settings.crossoverEta, random);
    c1[i] = settle(v, x1);
    c2[i] = settle(v, x2);
  });
  return [c1, c2];
}

/** Mutate a genome in place, each variable with the mutation probability. */
export function mutate(
  space: SearchSpace,
  genome: number[],
  settings: VariationSettings,
  random: SeededRandom,
): void {
  const names = variableNames(space);
  const pm = settings.mutationProbability ?? 1 / names.length;
  names.forEach((name, i) => {
    if (random.uniform() >= pm) return;
    const v = space[name];
    if (v.kind === 'choice') {
      const n = v.values.length;
      if (n > 1) genome[i] = (genome[i] + 1 + Math.floor((n - 1) * random.uniform())) % n;
      return;
    }
    const [lo, hi] = interval(v);
    const y = polynomialMutation(genome[i], lo, hi, settings.mutationEta, random);
    genome[i] = v.kind === 'int' ? stepAtLeastOne(v.lo, v.hi, genome[i], y) : settle(v, y);
  });
}
