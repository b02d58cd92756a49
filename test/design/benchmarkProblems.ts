import type { SearchSpace } from '../../src/design/searchSpace';

/**
 * Test problems with analytic Pareto fronts. ZDT: E. Zitzler, K. Deb, L. Thiele, "Comparison of
 * multiobjective evolutionary algorithms: empirical results", Evolutionary Computation 8(2) (2000)
 * 173–195. CONSTR: K. Deb, "Multi-objective optimization using evolutionary algorithms" (Wiley,
 * 2001), §14.1, and the NSGA-II paper's table of constrained problems.
 */

/** n real variables x0 … x(n−1) on [0, 1]. */
export function unitCube(n: number): SearchSpace {
  const space: Record<string, { kind: 'real'; lo: number; hi: number }> = {};
  for (let i = 0; i < n; i++) space[`x${String(i).padStart(2, '0')}`] = { kind: 'real', lo: 0, hi: 1 };
  return space;
}

/** The genome of a unit-cube design, x0 first. */
export function xs(design: Readonly<Record<string, unknown>>, n: number): number[] {
  return Array.from({ length: n }, (_, i) => design[`x${String(i).padStart(2, '0')}`] as number);
}

/** ZDT1 (convex front f2 = 1 − √f1) and ZDT2 (concave front f2 = 1 − f1²), at g = 1 on the front. */
export function zdt(which: 1 | 2, x: readonly number[]): [number, number] {
  const f1 = x[0];
  let s = 0;
  for (let i = 1; i < x.length; i++) s += x[i];
  const g = 1 + (9 * s) / (x.length - 1);
  const h = which === 1 ? 1 - Math.sqrt(f1 / g) : 1 - (f1 / g) ** 2;
  return [f1, g * h];
}

/** Points of a front curve f2 = front(f1) on [a, b], dense near a where √ is steep. */
export function sampleCurve(
  front: (f1: number) => number,
  a: number,
  b: number,
  n = 2001,
): [number, number][] {
  return Array.from({ length: n }, (_, k) => {
    const t = k / (n - 1);
    const f1 = a + (b - a) * t * t;
    return [f1, front(f1)];
  });
}

/** Distance from p to the segment q–r. */
function segmentDistance(p: readonly number[], q: readonly number[], r: readonly number[]): number {
  const dx = r[0] - q[0];
  const dy = r[1] - q[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.min(1, Math.max(0, ((p[0] - q[0]) * dx + (p[1] - q[1]) * dy) / len2)) : 0;
  return Math.hypot(p[0] - q[0] - t * dx, p[1] - q[1] - t * dy);
}

/**
 * Generational distance: the mean distance of the points to the true front, taken as the polyline
 * through its samples (chords of a 2001-point sampling sit within ~1e-7 of these smooth curves).
 * `truth` may hold several curves one after the other; a jump between them is no segment when
 * `breaks` lists the index where each new curve starts.
 */
export function generationalDistance(
  points: readonly (readonly number[])[],
  truth: readonly [number, number][],
  breaks: readonly number[] = [],
): number {
  let sum = 0;
  for (const p of points) {
    let best = Number.POSITIVE_INFINITY;
    for (let k = 0; k + 1 < truth.length; k++)
      if (!breaks.includes(k + 1)) best = Math.min(best, segmentDistance(p, truth[k], truth[k + 1]));
    sum += best;
  }
  return sum / points.length;
}
