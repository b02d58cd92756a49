/**
 * Rank-one terms G D Gᵀ added to a factored matrix B = Pᵀ L Lᵀ P, taken by Woodbury in the
 * forward space: with F = L⁻¹ P, B⁻¹ = Fᵀ F and
 *     (B + G D Gᵀ)⁻¹ = Fᵀ (I − W S⁻¹ Wᵀ) F,   W = F G,   S = D⁻¹ + Wᵀ W.
 * A column g of G is sparse (a bolt's two washers), so its forward image is zero before the
 * washer's first supernode: W's columns are kept as spans, which keeps S and the correction cheap.
 */
import { LuDecomposition, Matrix } from 'ml-matrix';
import type { Span } from './tangent';

/** W (each column cut to its nonzero span) and the LU of S, for one factorization. */
export interface ForwardWoodbury {
  columns: Span[];
  S: LuDecomposition;
}

/**
 * W = F G and S = D⁻¹ + Wᵀ W. `forward(g, w)` writes F g into w (length `size`); `stiffness`
 * holds D's diagonal [N/mm].
 */
export function forwardWoodbury(
  forward: (g: Float64Array, w: Float64Array) => void,
  size: number,
  columns: Float64Array[],
  stiffness: ArrayLike<number>,
): ForwardWoodbury {
  const W = columns.map((g) => {
    const w = new Float64Array(size);
    forward(g, w);
    return span(w);
  });
  const nb = W.length;
  const S = new Matrix(nb, nb);
  for (let a = 0; a < nb; a++)
    for (let c = a; c < nb; c++) {
      const v = spansDot(W[a], W[c]);
      S.set(a, c, v);
      S.set(c, a, v);
    }
  for (let a = 0; a < nb; a++) S.set(a, a, S.get(a, a) + 1 / stiffness[a]);
  return { columns: W, S: new LuDecomposition(S) };
}

/** f := (I − W S⁻¹ Wᵀ) f, for f a forward image F b. */
export function correctForwardImage(woodbury: ForwardWoodbury, f: Float64Array): void {
  const { columns, S } = woodbury;
  const rhs = new Matrix(columns.length, 1);
  for (let a = 0; a < columns.length; a++) rhs.set(a, 0, spanDot(columns[a], f));
  const coef = S.solve(rhs);
  for (let c = 0; c < columns.length; c++) {
    const { from, values } = columns[c];
    const w = coef.get(c, 0);
    for (let i = 0; i < values.length; i++) f[from + i] -= w * values[i];
  }
}

/** v cut to the stretch between its first and last nonzero entries. */
export function span(v: Float64Array): Span {
  let lo = 0;
  while (lo < v.length && v[lo] === 0) lo++;
  let hi = v.length;
  while (hi > lo && v[hi - 1] === 0) hi--;
  // a copy, so that the zeros around the span are not kept alive
  return { from: lo, values: v.slice(lo, hi) };
}

/** a · x for a span and a full vector */
function spanDot(a: Span, x: Float64Array): number {
  const { from, values } = a;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] * x[from + i];
  return s;
}

/** a · b over the overlap of two spans */
function spansDot(a: Span, b: Span): number {
  const lo = Math.max(a.from, b.from);
  const hi = Math.min(a.from + a.values.length, b.from + b.values.length);
  let s = 0;
  for (let i = lo; i < hi; i++) s += a.values[i - a.from] * b.values[i - b.from];
  return s;
}
