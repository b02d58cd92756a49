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
  const y = new Float64Array(num.symbolic.n);
  forwardSolve(num, b, y);
  return backwardSolve(num, y, x);
}

/**
 * The first half of a solve: y = L⁻¹ P b, in the factor's (permuted) numbering. With A = Pᵀ L Lᵀ P,
 * A⁻¹ = Fᵀ F for F = L⁻¹ P, so bᵀ A⁻¹ c = (F b)·(F c): a low-rank correction of A needs only
 * these forward images of its vectors, and a sparse b costs only the supernodes on its path to
 * the root. Returns y.
 */
export function forwardSolve<T extends Float64Array>(num: NumericFactor, b: Float64Array, y: T): T {
  const sym = num.symbolic;
  const n = sym.n;
  if (b.length < n) throw new RangeError(`solve: right-hand side has ${b.length} entries, expected ${n}`);
  const perm = sym.perm;
  for (let i = 0; i < n; i++) y[i] = b[perm[i]];
  const t = new Float64Array(tallestSupernode(num));
  const ns = sym.superStart.length - 1;
  for (let s = 0; s < ns; s++) forwardSupernode(num, s, y, 0, t);
  return y;
}

/** The second half: x = Pᵀ L⁻ᵀ y (y in the factor's numbering, overwritten). Returns x. */
export function backwardSolve<T extends Float64Array>(num: NumericFactor, y: Float64Array, x: T): T {
  const sym = num.symbolic;
  const n = sym.n;
  const t = new Float64Array(tallestSupernode(num));
  for (let s = sym.superStart.length - 2; s >= 0; s--) backwardSupernode(num, s, y, 0, t);
  const perm = sym.perm;
  for (let i = 0; i < n; i++) x[perm[i]] = y[i];
  return x;
}

function tallestSupernode(num: NumericFactor): number {
  const { superRowPtr } = num.symbolic;
  let tallest = 0;
  for (let s = 0; s + 1 < superRowPtr.length; s++)
    tallest = Math.max(tallest, superRowPtr[s + 1] - superRowPtr[s]);
  return tallest;
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

/**
 * y := L⁻ᵀ L⁻¹ y for q column-major right-hand sides in the permuted numbering, each
 * supernode's panel reused from cache for all of them. The supernode steps gather the rows
 * below the diagonal block once into a dense buffer, so the indirect row indices are touched
 * once per supernode, not once per column.
 */
function substituteColumns(num: NumericFactor, Y: Float64Array, q: number): void {
  const { superRowPtr, n } = num.symbolic;
  const ns = superRowPtr.length - 1;
  const t = new Float64Array(tallestSupernode(num));
  for (let s = 0; s < ns; s++) for (let j = 0; j < q; j++) forwardSupernode(num, s, Y, j * n, t);
  for (let s = ns - 1; s >= 0; s--) for (let j = 0; j < q; j++) backwardSupernode(num, s, Y, j * n, t);
}

/**
 * Forward step of supernode s on the right-hand side stored at y[base ..]. A supernode whose
 * entries are all zero is skipped: a sparse right-hand side (a bolt's washer load) then only
 * walks the supernodes on its path to the root.
 */
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
  let empty = true;
  for (let c = 0; c < k; c++) {
    if (y[yf + c] !== 0) {
      empty = false;
      break;
    }
  }
  if (empty) return;
  for (let c = 0; c < k; c++) {
    const col = off + c * m;
    const xc = y[yf + c] / L[col + c];
    y[yf + c] = xc;
    for (let r = c + 1; r < k; r++) y[yf + r] -= L[col + r] * xc;
  }
  const below = m - k;
  if (below === 0) return;
  t.fill(0, 0, below);
  // four columns per sweep of t: one load and store of t per eight flops, not per two
  let c = 0;
  for (; c + 4 <= k; c += 4) {
    const x0 = y[yf + c];
    const x1 = y[yf + c + 1];
    const x2 = y[yf + c + 2];
    const x3 = y[yf + c + 3];
    const l0 = off + c * m + k;
    const l1 = l0 + m;
    const l2 = l1 + m;
    const l3 = l2 + m;
    for (let r = 0; r < below; r++) t[r] += L[l0 + r] * x0 + L[l1 + r] * x1 + L[l2 + r] * x2 + L[l3 + r] * x3;
  }
  for (; c < k; c++) {
    const xc = y[yf + c];
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
  if (below > 0) {
    for (let r = 0; r < below; r++) t[r] = y[base + superRows[rp + k + r]];
    // the rows below do not depend on the diagonal block: four columns' dot products per sweep of t
    let c = 0;
    for (; c + 4 <= k; c += 4) {
      const l0 = off + c * m + k;
      const l1 = l0 + m;
      const l2 = l1 + m;
      const l3 = l2 + m;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let r = 0; r < below; r++) {
        const tr = t[r];
        s0 += L[l0 + r] * tr;
        s1 += L[l1 + r] * tr;
        s2 += L[l2 + r] * tr;
        s3 += L[l3 + r] * tr;
      }
      y[yf + c] -= s0;
      y[yf + c + 1] -= s1;
      y[yf + c + 2] -= s2;
      y[yf + c + 3] -= s3;
    }
    for (; c < k; c++) {
      const lo = off + c * m + k;
      let sum = 0;
      for (let r = 0; r < below; r++) sum += L[lo + r] * t[r];
      y[yf + c] -= sum;
    }
  }
  for (let c = k - 1; c >= 0; c--) {
    const col = off + c * m;
    // two partial sums halve the dependency chain of the dot product
    let even = y[yf + c];
    let odd = 0;
    let r = c + 1;
    for (; r + 1 < k; r += 2) {
      even -= L[col + r] * y[yf + r];
      odd -= L[col + r + 1] * y[yf + r + 1];
    }
    if (r < k) even -= L[col + r] * y[yf + r];
    y[yf + c] = (even + odd) / L[col + c];
  }
}
