/** Forward and back substitution through the supernodal panels of L. */
import type { NumericFactor } from './types';

/** Solves A x = b with the factor (x may be b's storage; returns x). */
export function solve(num: NumericFactor, b: Float64Array): Float64Array<ArrayBuffer>;
export function solve<T extends Float64Array>(num: NumericFactor, b: Float64Array, x: T): T;
export function solve(
  num: NumericFactor,
  b: Float64Array,
  x: Float64Array = new Float64Array(num.symbolic.n),
): Float64Array {
  const sym = num.symbolic;
  const n = sym.n;
  if (b.length < n) throw new RangeError(`solve: right-hand side has ${b.length} entries, expected ${n}`);
  const y = new Float64Array(n);
  const perm = sym.perm;
  for (let i = 0; i < n; i++) y[i] = b[perm[i]];
  substitute(num, y);
  for (let i = 0; i < n; i++) x[perm[i]] = y[i];
  return x;
}

/**
 * Solves A X = B for nrhs right-hand sides stored column-major in B (n × nrhs).
 * Returns X in the same layout.
 */
export function solveMany(num: NumericFactor, B: Float64Array, nrhs: number): Float64Array<ArrayBuffer>;
export function solveMany<T extends Float64Array>(num: NumericFactor, B: Float64Array, nrhs: number, X: T): T;
export function solveMany(
  num: NumericFactor,
  B: Float64Array,
  nrhs: number,
  X: Float64Array = new Float64Array(B.length),
): Float64Array {
  const n = num.symbolic.n;
  if (B.length < n * nrhs) throw new RangeError(`solveMany: B has ${B.length} entries, expected ${n * nrhs}`);
  const perm = num.symbolic.perm;
  const y = new Float64Array(n);
  for (let c = 0; c < nrhs; c++) {
    const off = c * n;
    for (let i = 0; i < n; i++) y[i] = B[off + perm[i]];
    substitute(num, y);
    for (let i = 0; i < n; i++) X[off + perm[i]] = y[i];
  }
  return X;
}

/** In place: y := L⁻ᵀ L⁻¹ y in the permuted numbering. */
function substitute(num: NumericFactor, y: Float64Array): void {
  const { superStart, superRowPtr, superRows, panelPtr } = num.symbolic;
  const L = num.values;
  const ns = superStart.length - 1;
  for (let s = 0; s < ns; s++) {
    const f = superStart[s];
    const k = superStart[s + 1] - f;
    const rp = superRowPtr[s];
    const m = superRowPtr[s + 1] - rp;
    const off = panelPtr[s];
    for (let c = 0; c < k; c++) {
      const col = off + c * m;
      const xc = y[f + c] / L[col + c];
      y[f + c] = xc;
      if (xc === 0) continue;
      for (let r = c + 1; r < k; r++) y[f + r] -= L[col + r] * xc;
      for (let r = k; r < m; r++) y[superRows[rp + r]] -= L[col + r] * xc;
    }
  }
  for (let s = ns - 1; s >= 0; s--) {
    const f = superStart[s];
    const k = superStart[s + 1] - f;
    const rp = superRowPtr[s];
    const m = superRowPtr[s + 1] - rp;
    const off = panelPtr[s];
    for (let c = k - 1; c >= 0; c--) {
      const col = off + c * m;
      let sum = y[f + c];
      for (let r = c + 1; r < k; r++) sum -= L[col + r] * y[f + r];
      for (let r = k; r < m; r++) sum -= L[col + r] * y[superRows[rp + r]];
      y[f + c] = sum / L[col + c];
    }
  }
}
