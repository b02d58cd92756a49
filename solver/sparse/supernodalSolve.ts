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
  const t = new Float64Array(num.symbolic.maxRowsBelow);
  const ns = sym.superStart.length - 1;
  for (let s = 0; s < ns; s++) forwardSupernode(num, s, y, 0, t);
  return y;
}

/** The second half: x = Pᵀ L⁻ᵀ y (y in the factor's numbering, overwritten). Returns x. */
export function backwardSolve<T extends Float64Array>(num: NumericFactor, y: Float64Array, x: T): T {
  const sym = num.symbolic;
  const n = sym.n;
  const t = new Float64Array(num.symbolic.maxRowsBelow);
  for (let s = sym.superStart.length - 2; s >= 0; s--) backwardSupernode(num, s, y, 0, t);
  const perm = sym.perm;
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

/**
 * y := L⁻ᵀ L⁻¹ y for q column-major right-hand sides in the permuted numbering, each
 * supernode's panel reused from cache for all of them. The supernode steps gather the rows
 * below the diagonal block once into a dense buffer, so the indirect row indices are touched
 * once per supernode, not once per column.
 */
function substituteColumns(num: NumericFactor, Y: Float64Array, q: number): void {
  const { superRowPtr, n } = num.symbolic;
  const ns = superRowPtr.length - 1;
  const t = new Float64Array(num.symbolic.maxRowsBelow);
  for (let s = 0; s < ns; s++) for (let j = 0; j < q; j++) forwardSupernode(num, s, Y, j * n, t);
  for (let s = ns - 1; s >= 0; s--) for (let j = 0; j < q; j++) backwardSupernode(num, s, Y, j * n, t);
}

/**
 * Forward step of supernode s on the right-hand side stored at y[base ..]. Columns go four at a
 * time: their 4×4 triangle is solved in registers, then one sweep down the panel applies all
 * four to the rest of the diagonal block and to the rows below (accumulated in t and scattered
 * once), so each y or t entry is loaded and stored once per eight flops. A group whose entries
 * are all zero is skipped: a sparse right-hand side (a bolt's washer load) only walks the
 * supernodes on its path to the root.
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
  const below = m - k;
  let touched = false;
  let c = 0;
  for (; c + 4 <= k; c += 4) {
    const l0 = off + c * m;
    const l1 = l0 + m;
    const l2 = l1 + m;
    const l3 = l2 + m;
    const b0 = y[yf + c];
    const b1 = y[yf + c + 1];
    const b2 = y[yf + c + 2];
    const b3 = y[yf + c + 3];
    if (b0 === 0 && b1 === 0 && b2 === 0 && b3 === 0) continue;
    const x0 = b0 / L[l0 + c];
    const x1 = (b1 - L[l0 + c + 1] * x0) / L[l1 + c + 1];
    const x2 = (b2 - L[l0 + c + 2] * x0 - L[l1 + c + 2] * x1) / L[l2 + c + 2];
    const x3 = (b3 - L[l0 + c + 3] * x0 - L[l1 + c + 3] * x1 - L[l2 + c + 3] * x2) / L[l3 + c + 3];
    y[yf + c] = x0;
    y[yf + c + 1] = x1;
    y[yf + c + 2] = x2;
    y[yf + c + 3] = x3;
    for (let r = c + 4; r < k; r++)
      y[yf + r] -= L[l0 + r] * x0 + L[l1 + r] * x1 + L[l2 + r] * x2 + L[l3 + r] * x3;
    if (below === 0) continue;
    if (!touched) {
      t.fill(0, 0, below);
      touched = true;
    }
    for (let r = 0; r < below; r++) {
      const q = k + r;
      t[r] += L[l0 + q] * x0 + L[l1 + q] * x1 + L[l2 + q] * x2 + L[l3 + q] * x3;
    }
  }
  for (; c < k; c++) {
    const col = off + c * m;
    const b = y[yf + c];
    if (b === 0) continue;
    const xc = b / L[col + c];
    y[yf + c] = xc;
    for (let r = c + 1; r < k; r++) y[yf + r] -= L[col + r] * xc;
    if (below === 0) continue;
    if (!touched) {
      t.fill(0, 0, below);
      touched = true;
    }
    for (let r = 0; r < below; r++) t[r] += L[col + k + r] * xc;
  }
  if (touched) for (let r = 0; r < below; r++) y[base + superRows[rp + k + r]] -= t[r];
}

/**
 * Backward step of supernode s on the right-hand side stored at y[base ..]: the rows below are
 * gathered into t once, then columns go four at a time from the last, their dot products with
 * everything after them (diagonal block and rows below) formed in one sweep with four
 * accumulators, and their 4×4 triangle solved in registers.
 */
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
  // the columns past the last whole group of four, one by one from the last
  let c = k - 1;
  for (; c >= k - (k % 4); c--) {
    const col = off + c * m;
    let sum = y[yf + c];
    for (let r = c + 1; r < k; r++) sum -= L[col + r] * y[yf + r];
    for (let r = 0; r < below; r++) sum -= L[col + k + r] * t[r];
    y[yf + c] = sum / L[col + c];
  }
  for (let c0 = c - 3; c0 >= 0; c0 -= 4) {
    const l0 = off + c0 * m;
    const l1 = l0 + m;
    const l2 = l1 + m;
    const l3 = l2 + m;
    let s0 = y[yf + c0];
    let s1 = y[yf + c0 + 1];
    let s2 = y[yf + c0 + 2];
    let s3 = y[yf + c0 + 3];
    for (let r = c0 + 4; r < k; r++) {
      const yr = y[yf + r];
      s0 -= L[l0 + r] * yr;
      s1 -= L[l1 + r] * yr;
      s2 -= L[l2 + r] * yr;
      s3 -= L[l3 + r] * yr;
    }
    for (let r = 0; r < below; r++) {
      const q = k + r;
      const tr = t[r];
      s0 -= L[l0 + q] * tr;
      s1 -= L[l1 + q] * tr;
      s2 -= L[l2 + q] * tr;
      s3 -= L[l3 + q] * tr;
    }
    const x3 = s3 / L[l3 + c0 + 3];
    const x2 = (s2 - L[l2 + c0 + 3] * x3) / L[l2 + c0 + 2];
    const x1 = (s1 - L[l1 + c0 + 2] * x2 - L[l1 + c0 + 3] * x3) / L[l1 + c0 + 1];
    const x0 = (s0 - L[l0 + c0 + 1] * x1 - L[l0 + c0 + 2] * x2 - L[l0 + c0 + 3] * x3) / L[l0 + c0];
    y[yf + c0] = x0;
    y[yf + c0 + 1] = x1;
    y[yf + c0 + 2] = x2;
    y[yf + c0 + 3] = x3;
  }
}
