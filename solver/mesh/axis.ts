/**
 * Mesh-line positions along one axis: a target size, local refinement with geometric
 * growth, and coordinates that must be mesh lines (cell footprint, gasket edges, bolts).
 */
import { MeshError } from './quadMesh';

/** Local refinement: element size `size` at coordinate `at`, growing by `ratio` per element away from it. */
export interface AxisRefinement {
  /** mm */
  at: number;
  /** element size at `at` (mm) */
  size: number;
  /** growth ratio of neighbouring element sizes, > 1; default 1.2 */
  ratio?: number;
}

export interface AxisSpec {
  /** first coordinate (mm) */
  from: number;
  /** last coordinate (mm), > from */
  to: number;
  /** target (largest) element size (mm) */
  size: number;
  /** coordinates that must be mesh lines (mm); those outside [from, to] are ignored */
  lines?: readonly number[];
  /** places to refine toward */
  refine?: readonly AxisRefinement[];
}

/** Samples per segment for the numerical equidistribution of 1/h. */
const SAMPLES = 2048;

/**
 * Local size h(x) = min(size, min_i (size_i + (ratio_i − 1)·|x − at_i|)).
 * A geometric series of element sizes h0·r^k places elements so that the size at distance d
 * is h0 + (r − 1)·d, hence the linear law.
 *
 * Refinements sharing a size and a ratio (all a model's washers, say) are one group: within it
 * the term grows with |x − at_i|, so only the nearest refinement on either side of x can give the
 * minimum — a binary search instead of a pass over every bolt for each of the many samples. The
 * value is the one the pass would give, bit for bit (rounding is monotone).
 */
function localSizeField(spec: AxisSpec): (x: number) => number {
  const byKind = new Map<string, { size: number; slope: number; at: number[] }>();
  for (const g of spec.refine ?? []) {
    const ratio = g.ratio ?? 1.2;
    const key = `${g.size} ${ratio}`;
    const group = byKind.get(key);
    if (group) group.at.push(g.at);
    else byKind.set(key, { size: g.size, slope: ratio - 1, at: [g.at] });
  }
  // `next`: the first refinement right of the last x asked for; the samples come in increasing
  // order, so it only steps forward (a smaller x searches again)
  const groups = [...byKind.values()].map((g) => ({ ...g, at: Float64Array.from(g.at).sort(), next: 0 }));
  return (x: number): number => {
    let h = spec.size;
    for (const g of groups) {
      const { size, slope, at } = g;
      let k = g.next;
      if (k > 0 && at[k - 1] > x) {
        let hi = k;
        k = 0;
        while (k < hi) {
          const mid = (k + hi) >> 1;
          if (at[mid] <= x) k = mid + 1;
          else hi = mid;
        }
      }
      while (k < at.length && at[k] <= x) k++;
      g.next = k;
      if (k > 0) h = Math.min(h, size + slope * Math.abs(x - at[k - 1]));
      if (k < at.length) h = Math.min(h, size + slope * Math.abs(x - at[k]));
    }
    return h;
  };
}

function checkSpec(spec: AxisSpec, name: string): void {
  const bad = (field: string, v: unknown, why: string) => {
    throw new MeshError(`${name}.${field}: ${String(v)} — ${why}`);
  };
  if (!Number.isFinite(spec.from)) bad('from', spec.from, 'must be a finite coordinate in mm');
  if (!Number.isFinite(spec.to) || !(spec.to > spec.from))
    bad('to', spec.to, `must be finite and > from (${spec.from} mm)`);
  if (!Number.isFinite(spec.size) || !(spec.size > 0)) bad('size', `${spec.size} mm`, 'must be > 0');
  for (const [i, g] of (spec.refine ?? []).entries()) {
    if (!Number.isFinite(g.at)) bad(`refine[${i}].at`, g.at, 'must be a finite coordinate in mm');
    if (!Number.isFinite(g.size) || !(g.size > 0)) bad(`refine[${i}].size`, `${g.size} mm`, 'must be > 0');
    if (g.ratio !== undefined && !(g.ratio >= 1 && Number.isFinite(g.ratio))) {
      bad(`refine[${i}].ratio`, g.ratio, 'must be ≥ 1');
    }
  }
  for (const [i, x] of (spec.lines ?? []).entries()) {
    if (!Number.isFinite(x)) bad(`lines[${i}]`, x, 'must be a finite coordinate in mm');
  }
}

/**
 * Mesh-line coordinates along one axis, strictly increasing, starting at `from` and ending
 * at `to`, containing every forced line within [from, to]. Forced lines closer than 1e-3 of the
 * smallest element size (or 1e-9 of the span) merge: two bolts a few nanometres off each other's
 * line would otherwise leave a sliver element whose stiffness swamps the plate's in round-off.
 * Between forced lines the points equidistribute ∫dx/h(x).
 * @param name used in error messages, e.g. 'x'
 */
export function axisCoordinates(spec: AxisSpec, name = 'axis'): Float64Array {
  checkSpec(spec, name);
  const span = spec.to - spec.from;
  let smallest = spec.size;
  for (const g of spec.refine ?? []) smallest = Math.min(smallest, g.size);
  const tol = Math.max(1e-9 * span, 1e-3 * Math.min(smallest, span));
  const breaks = [spec.from, spec.to];
  for (const x of spec.lines ?? []) if (x > spec.from + tol && x < spec.to - tol) breaks.push(x);
  breaks.sort((a, b) => a - b);
  const fixed: number[] = [breaks[0]];
  for (let i = 1; i < breaks.length; i++) {
    if (breaks[i] - fixed[fixed.length - 1] > tol) fixed.push(breaks[i]);
  }
  fixed[fixed.length - 1] = spec.to;

  const out: number[] = [spec.from];
  const cum = new Float64Array(SAMPLES + 1);
  const localSize = localSizeField(spec);
  for (let k = 0; k + 1 < fixed.length; k++) {
    const a = fixed[k];
    const b = fixed[k + 1];
    const dx = (b - a) / SAMPLES;
    // Trapezoidal cumulative integral of the element density 1/h.
    cum[0] = 0;
    let prev = 1 / localSize(a);
    for (let j = 1; j <= SAMPLES; j++) {
      const cur = 1 / localSize(a + j * dx);
      cum[j] = cum[j - 1] + 0.5 * (prev + cur) * dx;
      prev = cur;
    }
    const total = cum[SAMPLES];
    // Round but tolerate 1 % overshoot so an exact multiple of the size is not split again.
    const nElem = Math.max(1, Math.ceil(total * (1 - 1e-2)));
    let j = 0;
    for (let m = 1; m < nElem; m++) {
      const target = (m * total) / nElem;
      while (cum[j + 1] < target) j++;
      const f = (target - cum[j]) / (cum[j + 1] - cum[j]);
      out.push(a + (j + f) * dx);
    }
    out.push(b);
  }
  return Float64Array.from(out);
}

/**
 * The segment of increasing positions `lines` that holds v: the last k in [0, n − 2] with
 * lines[k] ≤ v (0 below the first line, n − 2 past the last), found by bisection. Tables, grids
 * and mesh lines all look their points up this way.
 */
export function segmentOf(lines: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = lines.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (lines[mid] <= v) lo = mid;
    else hi = mid;
  }
  return Math.min(lo, lines.length - 2);
}
