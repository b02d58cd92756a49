/** Forward and back substitution through the supernodal panels of L. */
import type { FactorHelper, SweepVectors } from './parallel/factorHelper';
import { type SubtreeSplit, subtreeSplit } from './parallel/subtreeSplit';
import type { NumericFactor, SymbolicFactor } from './types';

/** What a substitution reads of the analysis: the supernodes, their rows and where their panels start. */
export type PanelStructure = Pick<SymbolicFactor, 'superStart' | 'superRowPtr' | 'superRows' | 'panelPtr'>;

/**
 * Below this many panel entries a substitution stays on one thread: handing half of it over
 * (a message and a wake-up, tens of µs) would cost more than the half takes.
 */
const MIN_SHARED_SWEEP = 1_000_000;
/** ... and a forward substitution of a right-hand side with fewer nonzeros than this share of its entries */
const MIN_SHARED_DENSITY = 0.125;

/** Solves A x = b with the factor (x may be b's storage; returns x). */
export function solve(num: NumericFactor, b: Float64Array): Float64Array<ArrayBuffer>;
export function solve<T extends Float64Array>(
  num: NumericFactor,
  b: Float64Array,
  x: T,
  helper?: FactorHelper | null,
): T;
export function solve(
  num: NumericFactor,
  b: Float64Array,
  x: Float64Array = new Float64Array(num.symbolic.n),
  helper: FactorHelper | null = null,
): Float64Array {
  const y = new Float64Array(num.symbolic.n);
  forwardSolve(num, b, y, helper);
  return backwardSolve(num, y, x, helper);
}

/**
 * The first half of a solve: y = L⁻¹ P b, in the factor's (permuted) numbering. With A = Pᵀ L Lᵀ P,
 * A⁻¹ = Fᵀ F for F = L⁻¹ P, so bᵀ A⁻¹ c = (F b)·(F c): a low-rank correction of A needs only
 * these forward images of its vectors, and a sparse b costs only the supernodes on its path to
 * the root. Returns y.
 */
export function forwardSolve<T extends Float64Array>(
  num: NumericFactor,
  b: Float64Array,
  y: T,
  helper: FactorHelper | null = null,
): T {
  const sym = num.symbolic;
  const n = sym.n;
  if (b.length < n) throw new RangeError(`solve: right-hand side has ${b.length} entries, expected ${n}`);
  const perm = sym.perm;
  const split = sweepSplit(num);
  if (split) {
    let nonzero = 0;
    for (let i = 0; i < n; i++) {
      const value = b[perm[i]];
      y[i] = value;
      if (value !== 0) nonzero++;
    }
    // a sparse b (a bolt's washer load) walks only its path to the root: this thread is done with
    // its part before the helper would have woken up, so it keeps the subtree too (same bits)
    const shared = nonzero >= n * MIN_SHARED_DENSITY ? sharedHelper(num, helper) : null;
    if (!shared) {
      const rowsAfter = n - sym.superStart[split.last + 1];
      forwardSplit(num, split, null, { y, spill: new Float64Array(rowsAfter), backup: y.subarray(0, 0) });
      return y;
    }
    const v = shared.sweepVectors(n);
    v.y.set(y.subarray(0, n));
    forwardSplit(num, split, shared, v);
    y.set(v.y.subarray(0, n));
    return y;
  }
  for (let i = 0; i < n; i++) y[i] = b[perm[i]];
  const t = new Float64Array(num.symbolic.maxRowsBelow);
  const ns = sym.superStart.length - 1;
  for (let s = 0; s < ns; s++) forwardSupernode(sym, num.values, s, y, 0, t, null, n);
  return y;
}

/** The second half: x = Pᵀ L⁻ᵀ y (y in the factor's numbering, overwritten). Returns x. */
export function backwardSolve<T extends Float64Array>(
  num: NumericFactor,
  y: Float64Array,
  x: T,
  helper: FactorHelper | null = null,
): T {
  const sym = num.symbolic;
  const n = sym.n;
  const perm = sym.perm;
  const split = sweepSplit(num);
  const shared = split ? sharedHelper(num, helper) : null;
  if (split && shared) {
    const v = shared.sweepVectors(n);
    v.y.set(y.subarray(0, n));
    backwardTwoThreads(num, split, shared, v);
    for (let i = 0; i < n; i++) x[perm[i]] = v.y[i];
    return x;
  }
  const t = new Float64Array(num.symbolic.maxRowsBelow);
  for (let s = sym.superStart.length - 2; s >= 0; s--) backwardSupernode(sym, num.values, s, y, 0, t);
  for (let i = 0; i < n; i++) x[perm[i]] = y[i];
  return x;
}

/**
 * The split of a big factor's substitutions, used whether or not a helper takes part: the
 * forward substitution sums the subtree's updates of its ancestors apart and adds them at the
 * join in either case, so one thread and two give the same bits.
 */
function sweepSplit(num: NumericFactor): SubtreeSplit | null {
  return num.values.length < MIN_SHARED_SWEEP ? null : subtreeSplit(num.symbolic);
}

/** The helper, when it can take part: running, and L in memory it can read. */
function sharedHelper(num: NumericFactor, helper: FactorHelper | null): FactorHelper | null {
  if (!helper || helper.stopped) return null;
  if (typeof SharedArrayBuffer === 'undefined' || !(num.values.buffer instanceof SharedArrayBuffer))
    return null;
  return helper;
}

/**
 * Forward substitution in the split of the factorization: the subtree T (supernodes
 * first..last, a contiguous range of columns) updates its ancestors' rows in `spill`, everything
 * else updates y, and the two are summed at the join; then T's ancestors and the rest. With a
 * helper, T runs there while this thread does the supernodes before T's parent that are not in T.
 * T's part is restartable: if the helper had not started (or threw), T's entries are restored
 * from `backup` and this thread does T itself.
 */
function forwardSplit(
  num: NumericFactor,
  split: SubtreeSplit,
  helper: FactorHelper | null,
  v: SweepVectors,
): void {
  const sym = num.symbolic;
  const L = num.values;
  const { first, last, join } = split;
  // the spill holds the rows after T's columns (T's ancestors among them), from `to` on
  const to = sym.superStart[last + 1];
  const ancestors = ancestorRows(sym, last);
  for (const row of ancestors) v.spill[row - to] = 0;
  const t = new Float64Array(sym.maxRowsBelow);
  const subtree = () => substituteSubtree(sym, L, first, last, v.y, t, { spill: v.spill, limit: to });
  const wait = helper ? handOver(helper, num, split, v, true) : null;
  for (let s = 0; s < first; s++) forwardSupernode(sym, L, s, v.y, 0, t, null, sym.n);
  if (!wait) subtree();
  for (let s = last + 1; s < join; s++) forwardSupernode(sym, L, s, v.y, 0, t, null, sym.n);
  wait?.(() => {
    for (const row of ancestors) v.spill[row - to] = 0;
    subtree();
  });
  for (const row of ancestors) v.y[row] += v.spill[row - to];
  const ns = sym.superStart.length - 1;
  for (let s = join; s < ns; s++) forwardSupernode(sym, L, s, v.y, 0, t, null, sym.n);
}

/**
 * Back substitution on two threads: this thread first does T's ancestors and everything after
 * T's parent in postorder (they only read what comes later), then hands T to the helper and
 * does the rest before T; T reads only its ancestors, final by then. Restartable as the forward.
 */
function backwardTwoThreads(
  num: NumericFactor,
  split: SubtreeSplit,
  helper: FactorHelper,
  v: SweepVectors,
): void {
  const sym = num.symbolic;
  const L = num.values;
  const { first, last, join } = split;
  const t = new Float64Array(sym.maxRowsBelow);
  for (let s = sym.superStart.length - 2; s >= join; s--) backwardSupernode(sym, L, s, v.y, 0, t);
  const wait = handOver(helper, num, split, v, false);
  for (let s = join - 1; s > last; s--) backwardSupernode(sym, L, s, v.y, 0, t);
  for (let s = first - 1; s >= 0; s--) backwardSupernode(sym, L, s, v.y, 0, t);
  wait(() => substituteSubtree(sym, L, first, last, v.y, t, null));
}

/**
 * Hands the subtree T's part of a substitution to the helper, T's entries of y kept first, and
 * returns the wait for it: when the helper had not started (or failed), T's entries are restored
 * and `redo` does T on this thread.
 */
function handOver(
  helper: FactorHelper,
  num: NumericFactor,
  split: SubtreeSplit,
  v: SweepVectors,
  forward: boolean,
): (redo: () => void) => void {
  const from = num.symbolic.superStart[split.first];
  const to = num.symbolic.superStart[split.last + 1];
  v.backup.set(v.y.subarray(from, to), from);
  const ticket = helper.beginSweep({ sym: num.symbolic, split, values: num.values, vectors: v, forward });
  return (redo) => {
    helper.end(
      ticket,
      () => {
        v.y.set(v.backup.subarray(from, to), from);
        redo();
        return 0;
      },
      'sweep',
    );
  };
}

/** The rows below supernode s's diagonal block: every row outside s's subtree that the subtree updates. */
function ancestorRows(sym: PanelStructure, s: number): Int32Array {
  const k = sym.superStart[s + 1] - sym.superStart[s];
  return sym.superRows.subarray(sym.superRowPtr[s] + k, sym.superRowPtr[s + 1]);
}

/**
 * The subtree first..last's part of a substitution on y (the helper's side of a two-thread one):
 * forward, with the updates of rows at or past `forward.limit` going to `forward.spill` (row − limit), or back
 * when `forward` is null.
 */
export function substituteSubtree(
  sym: PanelStructure,
  L: Float64Array,
  first: number,
  last: number,
  y: Float64Array,
  t: Float64Array,
  forward: { spill: Float64Array; limit: number } | null,
): void {
  if (forward)
    for (let s = first; s <= last; s++) forwardSupernode(sym, L, s, y, 0, t, forward.spill, forward.limit);
  else for (let s = last; s >= first; s--) backwardSupernode(sym, L, s, y, 0, t);
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
  const sym = num.symbolic;
  const L = num.values;
  for (let s = 0; s < ns; s++) for (let j = 0; j < q; j++) forwardSupernode(sym, L, s, Y, j * n, t, null, n);
  for (let s = ns - 1; s >= 0; s--) for (let j = 0; j < q; j++) backwardSupernode(sym, L, s, Y, j * n, t);
}

/**
 * Forward step of supernode s on the right-hand side stored at y[base ..]. Columns go eight at a
 * time (then four, then one): their triangles are solved in registers, four columns at once, then
 * one sweep down the panel applies all eight to the rows below (accumulated in t and scattered
 * once), so each t entry is loaded and stored once per sixteen flops; four columns a sweep left
 * the loop, not memory, the limit (2 mm default plate: 3.0 → 2.0 ms a forward solve). A group whose
 * entries are all zero is skipped: a sparse right-hand side (a bolt's washer load) only walks the
 * supernodes on its path to the root. With `spill`, the updates of rows at or past `limit` go
 * to spill[row − limit] instead of to y (the subtree's side of a split substitution, on either thread).
 */
function forwardSupernode(
  sym: PanelStructure,
  L: Float64Array,
  s: number,
  y: Float64Array,
  base: number,
  t: Float64Array,
  spill: Float64Array | null,
  limit: number,
): void {
  const { superStart, superRowPtr, superRows, panelPtr } = sym;
  const f = superStart[s];
  const k = superStart[s + 1] - f;
  const rp = superRowPtr[s];
  const m = superRowPtr[s + 1] - rp;
  const off = panelPtr[s];
  const yf = base + f;
  const below = m - k;
  let touched = false;
  let c = 0;
  // eight columns at a time: two 4×4 triangles in registers, then one sweep of the rows below for
  // all eight (that sweep is most of the panel, and a four-column one is bound by its loop, not memory)
  for (; c + 8 <= k; c += 8) {
    const l0 = off + c * m;
    const l4 = l0 + 4 * m;
    const first = forwardGroup(L, l0, m, c, k, y, yf);
    const second = forwardGroup(L, l4, m, c + 4, k, y, yf);
    if (!(first || second) || below === 0) continue;
    if (!touched) {
      t.fill(0, 0, below);
      touched = true;
    }
    const x0 = first ? y[yf + c] : 0;
    const x1 = first ? y[yf + c + 1] : 0;
    const x2 = first ? y[yf + c + 2] : 0;
    const x3 = first ? y[yf + c + 3] : 0;
    const x4 = second ? y[yf + c + 4] : 0;
    const x5 = second ? y[yf + c + 5] : 0;
    const x6 = second ? y[yf + c + 6] : 0;
    const x7 = second ? y[yf + c + 7] : 0;
    const l1 = l0 + m;
    const l2 = l1 + m;
    const l3 = l2 + m;
    const l5 = l4 + m;
    const l6 = l5 + m;
    const l7 = l6 + m;
    for (let r = 0; r < below; r++) {
      const q = k + r;
      t[r] +=
        L[l0 + q] * x0 +
        L[l1 + q] * x1 +
        L[l2 + q] * x2 +
        L[l3 + q] * x3 +
        (L[l4 + q] * x4 + L[l5 + q] * x5 + L[l6 + q] * x6 + L[l7 + q] * x7);
    }
  }
  for (; c + 4 <= k; c += 4) {
    const l0 = off + c * m;
    if (!forwardGroup(L, l0, m, c, k, y, yf) || below === 0) continue;
    if (!touched) {
      t.fill(0, 0, below);
      touched = true;
    }
    const x0 = y[yf + c];
    const x1 = y[yf + c + 1];
    const x2 = y[yf + c + 2];
    const x3 = y[yf + c + 3];
    const l1 = l0 + m;
    const l2 = l1 + m;
    const l3 = l2 + m;
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
  if (!touched) return;
  if (spill) {
    for (let r = 0; r < below; r++) {
      const row = superRows[rp + k + r];
      if (row < limit) y[base + row] -= t[r];
      else spill[row - limit] -= t[r];
    }
  } else for (let r = 0; r < below; r++) y[base + superRows[rp + k + r]] -= t[r];
}

/**
 * Forward step of the four columns c..c+3 of a panel (the first at L[l0], m rows each) within
 * their supernode's k columns: their 4×4 triangle solved in registers and applied to the rest of
 * the diagonal block, in y[yf ..]. Returns false, doing nothing, when their four entries are zero.
 */
function forwardGroup(
  L: Float64Array,
  l0: number,
  m: number,
  c: number,
  k: number,
  y: Float64Array,
  yf: number,
): boolean {
  const b0 = y[yf + c];
  const b1 = y[yf + c + 1];
  const b2 = y[yf + c + 2];
  const b3 = y[yf + c + 3];
  if (b0 === 0 && b1 === 0 && b2 === 0 && b3 === 0) return false;
  const l1 = l0 + m;
  const l2 = l1 + m;
  const l3 = l2 + m;
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
  return true;
}

/**
 * Backward step of supernode s on the right-hand side stored at y[base ..]: the rows below are
 * gathered into t once, then columns go eight at a time from the last (then four at the front),
 * their dot products with everything after them (diagonal block and rows below) formed in one
 * sweep with eight accumulators, and their triangles solved in registers, four columns at once.
 */
function backwardSupernode(
  sym: PanelStructure,
  L: Float64Array,
  s: number,
  y: Float64Array,
  base: number,
  t: Float64Array,
): void {
  const { superStart, superRowPtr, superRows, panelPtr } = sym;
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
  // eight columns at a time from the last: their dot products with the solved rows after them and
  // with the rows below in one sweep, then the later 4×4 triangle, its part in the earlier four, and theirs
  let c0 = c - 7;
  for (; c0 >= 0; c0 -= 8) {
    const l0 = off + c0 * m;
    const l1 = l0 + m;
    const l2 = l1 + m;
    const l3 = l2 + m;
    const l4 = l3 + m;
    const l5 = l4 + m;
    const l6 = l5 + m;
    const l7 = l6 + m;
    let s0 = y[yf + c0];
    let s1 = y[yf + c0 + 1];
    let s2 = y[yf + c0 + 2];
    let s3 = y[yf + c0 + 3];
    let s4 = y[yf + c0 + 4];
    let s5 = y[yf + c0 + 5];
    let s6 = y[yf + c0 + 6];
    let s7 = y[yf + c0 + 7];
    for (let r = c0 + 8; r < k; r++) {
      const yr = y[yf + r];
      s0 -= L[l0 + r] * yr;
      s1 -= L[l1 + r] * yr;
      s2 -= L[l2 + r] * yr;
      s3 -= L[l3 + r] * yr;
      s4 -= L[l4 + r] * yr;
      s5 -= L[l5 + r] * yr;
      s6 -= L[l6 + r] * yr;
      s7 -= L[l7 + r] * yr;
    }
    for (let r = 0; r < below; r++) {
      const q = k + r;
      const tr = t[r];
      s0 -= L[l0 + q] * tr;
      s1 -= L[l1 + q] * tr;
      s2 -= L[l2 + q] * tr;
      s3 -= L[l3 + q] * tr;
      s4 -= L[l4 + q] * tr;
      s5 -= L[l5 + q] * tr;
      s6 -= L[l6 + q] * tr;
      s7 -= L[l7 + q] * tr;
    }
    const d = c0 + 4;
    backwardTriangle(L, l4, m, d, y, yf, s4, s5, s6, s7);
    const x4 = y[yf + d];
    const x5 = y[yf + d + 1];
    const x6 = y[yf + d + 2];
    const x7 = y[yf + d + 3];
    s0 -= L[l0 + d] * x4 + L[l0 + d + 1] * x5 + L[l0 + d + 2] * x6 + L[l0 + d + 3] * x7;
    s1 -= L[l1 + d] * x4 + L[l1 + d + 1] * x5 + L[l1 + d + 2] * x6 + L[l1 + d + 3] * x7;
    s2 -= L[l2 + d] * x4 + L[l2 + d + 1] * x5 + L[l2 + d + 2] * x6 + L[l2 + d + 3] * x7;
    s3 -= L[l3 + d] * x4 + L[l3 + d + 1] * x5 + L[l3 + d + 2] * x6 + L[l3 + d + 3] * x7;
    backwardTriangle(L, l0, m, c0, y, yf, s0, s1, s2, s3);
  }
  // a last group of four at the front
  for (c0 += 4; c0 >= 0; c0 -= 4) {
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
    backwardTriangle(L, l0, m, c0, y, yf, s0, s1, s2, s3);
  }
}

/**
 * The back step's 4×4 triangle of columns c..c+3 (the first at L[l0], m rows each): from the sums
 * s0..s3 (y less everything after the four), their values, written to y[yf + c ..].
 */
function backwardTriangle(
  L: Float64Array,
  l0: number,
  m: number,
  c: number,
  y: Float64Array,
  yf: number,
  s0: number,
  s1: number,
  s2: number,
  s3: number,
): void {
  const l1 = l0 + m;
  const l2 = l1 + m;
  const l3 = l2 + m;
  const x3 = s3 / L[l3 + c + 3];
  const x2 = (s2 - L[l2 + c + 3] * x3) / L[l2 + c + 2];
  const x1 = (s1 - L[l1 + c + 2] * x2 - L[l1 + c + 3] * x3) / L[l1 + c + 1];
  const x0 = (s0 - L[l0 + c + 1] * x1 - L[l0 + c + 2] * x2 - L[l0 + c + 3] * x3) / L[l0 + c];
  y[yf + c] = x0;
  y[yf + c + 1] = x1;
  y[yf + c + 2] = x2;
  y[yf + c + 3] = x3;
}
