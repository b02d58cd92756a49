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
  // interleaved (row-major) so each entry of L is loaded once for all right-hand sides
  const Y = new Float64Array(n * nrhs);
  for (let c = 0; c < nrhs; c++) {
    const off = c * n;
    for (let i = 0; i < n; i++) Y[i * nrhs + c] = B[off + perm[i]];
  }
  if (nrhs === 1) substitute(num, Y);
  else substituteMany(num, Y, nrhs);
  for (let c = 0; c < nrhs; c++) {
    const off = c * n;
    for (let i = 0; i < n; i++) X[off + perm[i]] = Y[i * nrhs + c];
  }
  return X;
}

/** substitute() for nrhs interleaved right-hand sides: Y[i·nrhs + j]. */
function substituteMany(num: NumericFactor, Y: Float64Array, q: number): void {
  const { superStart, superRowPtr, superRows, panelPtr } = num.symbolic;
  const L = num.values;
  const ns = superStart.length - 1;
  let tallest = 0;
  for (let s = 0; s < ns; s++) tallest = Math.max(tallest, superRowPtr[s + 1] - superRowPtr[s]);
  const t = new Float64Array(tallest * q);
  for (let s = 0; s < ns; s++) {
    const f = superStart[s];
    const k = superStart[s + 1] - f;
    const rp = superRowPtr[s];
    const m = superRowPtr[s + 1] - rp;
    const off = panelPtr[s];
    for (let c = 0; c < k; c++) {
      const col = off + c * m;
      const d = 1 / L[col + c];
      const yc = (f + c) * q;
      for (let j = 0; j < q; j++) Y[yc + j] *= d;
      for (let r = c + 1; r < k; r++) {
        const l = L[col + r];
        const yr = (f + r) * q;
        for (let j = 0; j < q; j++) Y[yr + j] -= l * Y[yc + j];
      }
    }
    if (m === k) continue;
    t.fill(0, 0, (m - k) * q);
    for (let c = 0; c < k; c++) {
      const col = off + c * m + k;
      const yc = (f + c) * q;
      for (let r = 0; r < m - k; r++) {
        const l = L[col + r];
        const tr = r * q;
        for (let j = 0; j < q; j++) t[tr + j] += l * Y[yc + j];
      }
    }
    for (let r = 0; r < m - k; r++) {
      const yr = superRows[rp + k + r] * q;
      const tr = r * q;
      for (let j = 0; j < q; j++) Y[yr + j] -= t[tr + j];
    }
  }
  for (let s = ns - 1; s >= 0; s--) {
    const f = superStart[s];
    const k = superStart[s + 1] - f;
    const rp = superRowPtr[s];
    const m = superRowPtr[s + 1] - rp;
    const off = panelPtr[s];
    for (let r = 0; r < m - k; r++) {
      const yr = superRows[rp + k + r] * q;
      for (let j = 0; j < q; j++) t[r * q + j] = Y[yr + j];
    }
    for (let c = k - 1; c >= 0; c--) {
      const col = off + c * m;
      const yc = (f + c) * q;
      for (let r = c + 1; r < k; r++) {
        const l = L[col + r];
        const yr = (f + r) * q;
        for (let j = 0; j < q; j++) Y[yc + j] -= l * Y[yr + j];
      }
      const below = col + k;
      for (let r = 0; r < m - k; r++) {
        const l = L[below + r];
        const tr = r * q;
        for (let j = 0; j < q; j++) Y[yc + j] -= l * t[tr + j];
      }
      const d = 1 / L[col + c];
      for (let j = 0; j < q; j++) Y[yc + j] *= d;
    }
  }
}

/**
 * In place: y := L⁻ᵀ L⁻¹ y in the permuted numbering. Each supernode's rows below its diagonal
 * block are gathered once into a dense buffer (backward) or accumulated there and scattered once
 * (forward), so the indirect row indices are touched once per supernode, not once per column.
 */
function substitute(num: NumericFactor, y: Float64Array): void {
  const { superStart, superRowPtr, superRows, panelPtr } = num.symbolic;
  const L = num.values;
  const ns = superStart.length - 1;
  let tallest = 0;
  for (let s = 0; s < ns; s++) tallest = Math.max(tallest, superRowPtr[s + 1] - superRowPtr[s]);
  const t = new Float64Array(tallest);
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
      for (let r = c + 1; r < k; r++) y[f + r] -= L[col + r] * xc;
    }
    if (m === k) continue;
    t.fill(0, 0, m - k);
    for (let c = 0; c < k; c++) {
      const xc = y[f + c];
      if (xc === 0) continue;
      const col = off + c * m + k;
      for (let r = 0; r < m - k; r++) t[r] += L[col + r] * xc;
    }
    for (let r = 0; r < m - k; r++) y[superRows[rp + k + r]] -= t[r];
  }
  for (let s = ns - 1; s >= 0; s--) {
    const f = superStart[s];
    const k = superStart[s + 1] - f;
    const rp = superRowPtr[s];
    const m = superRowPtr[s + 1] - rp;
    const off = panelPtr[s];
    for (let r = 0; r < m - k; r++) t[r] = y[superRows[rp + k + r]];
    for (let c = k - 1; c >= 0; c--) {
      const col = off + c * m;
      let sum = y[f + c];
      for (let r = c + 1; r < k; r++) sum -= L[col + r] * y[f + r];
      const below = col + k;
      for (let r = 0; r < m - k; r++) sum -= L[below + r] * t[r];
      y[f + c] = sum / L[col + c];
    }
  }
}
