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
  const Y = new Float64Array(n * nrhs);
  for (let c = 0; c < nrhs; c++) {
    const off = c * n;
    for (let i = 0; i < n; i++) Y[off + i] = B[off + perm[i]];
  }
  substituteColumns(num, Y, nrhs);
  for (let c = 0; c < nrhs; c++) {
    const off = c * n;
    for (let i = 0; i < n; i++) X[off + perm[i]] = Y[off + i];
  }
  return X;
}

/** substitute() for nrhs column-major right-hand sides, each supernode's panel reused from cache for all of them. */
function substituteColumns(num: NumericFactor, Y: Float64Array, q: number): void {
  const { superRowPtr, n } = num.symbolic;
  const ns = superRowPtr.length - 1;
  let tallest = 0;
  for (let s = 0; s < ns; s++) tallest = Math.max(tallest, superRowPtr[s + 1] - superRowPtr[s]);
  const t = new Float64Array(tallest);
  for (let s = 0; s < ns; s++) for (let j = 0; j < q; j++) forwardSupernode(num, s, Y, j * n, t);
  for (let s = ns - 1; s >= 0; s--) for (let j = 0; j < q; j++) backwardSupernode(num, s, Y, j * n, t);
}

/**
 * In place: y := L⁻ᵀ L⁻¹ y in the permuted numbering. Each supernode's rows below its diagonal
 * block are gathered once into a dense buffer (backward) or accumulated there and scattered once
 * (forward), so the indirect row indices are touched once per supernode, not once per column.
 */
function substitute(num: NumericFactor, y: Float64Array): void {
  substituteColumns(num, y, 1);
}

/** Forward step of supernode s on the right-hand side stored at y[base ..]. */
function forwardSupernode(
  num: NumericFactor,
  s: number,
  y: Float64Array,
  base: number,
  t: Float64Array,
): void {
  const { superStart, superRowPtr, superRows, panelPtr } = num.symbolic;
  const L = num.values;
  const f = superStart[s];
  const k = superStart[s + 1] - f;
  const rp = superRowPtr[s];
  const m = superRowPtr[s + 1] - rp;
  const off = panelPtr[s];
  const yf = base + f;
  for (let c = 0; c < k; c++) {
    const col = off + c * m;
    const xc = y[yf + c] / L[col + c];
    y[yf + c] = xc;
    for (let r = c + 1; r < k; r++) y[yf + r] -= L[col + r] * xc;
  }
  const below = m - k;
  if (below === 0) return;
  t.fill(0, 0, below);
  for (let c = 0; c < k; c++) {
    const xc = y[yf + c];
    if (xc === 0) continue;
    const col = off + c * m + k;
    for (let r = 0; r < below; r++) t[r] += L[col + r] * xc;
  }
  for (let r = 0; r < below; r++) y[base + superRows[rp + k + r]] -= t[r];
}

/** Backward step of supernode s on the right-hand side stored at y[base ..]. */
function backwardSupernode(
  num: NumericFactor,
  s: number,
  y: Float64Array,
  base: number,
  t: Float64Array,
): void {
  const { superStart, superRowPtr, superRows, panelPtr } = num.symbolic;
  const L = num.values;
  const f = superStart[s];
  const k = superStart[s + 1] - f;
  const rp = superRowPtr[s];
  const m = superRowPtr[s + 1] - rp;
  const off = panelPtr[s];
  const yf = base + f;
  const below = m - k;
  for (let r = 0; r < below; r++) t[r] = y[base + superRows[rp + k + r]];
  for (let c = k - 1; c >= 0; c--) {
    const col = off + c * m;
    let sum = y[yf + c];
    for (let r = c + 1; r < k; r++) sum -= L[col + r] * y[yf + r];
    const lo = col + k;
    for (let r = 0; r < below; r++) sum -= L[lo + r] * t[r];
    y[yf + c] = sum / L[col + c];
  }
}
