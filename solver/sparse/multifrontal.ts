/**
 * Numeric supernodal Cholesky, multifrontal: each supernode's front is its panel of L
 * (rows × own columns, stored in place in the factor) plus an update matrix for the rows
 * below (a packed lower triangle in a workspace). A's entries and the children's update
 * matrices are added in, the own columns are factored left-looking in blocks of NB
 * columns, and the update matrix is formed KC columns at a time; all of that runs through
 * the register-blocked kernel (kernels/schurUpdate.ts). The update matrix then goes on a stack for the parent
 * (postorder makes the children's updates the top of the stack).
 *
 * With a helper thread (parallel/), one subtree is factored there into the shared L while
 * this thread does the supernodes that do not depend on it; its update matrix lands in the
 * stack slot the one-thread order gives it, so both orders compute the same bits.
 */
import { extendAdd } from './kernels/extendAdd';
import { factorStrip, STRIP_MAX } from './kernels/panelFactor';
import { packBuffer, packSize, schurUpdate } from './kernels/schurUpdate';
import { NotPositiveDefiniteError } from './notPositiveDefinite';
import type { FactorHelper } from './parallel/factorHelper';
import { type SubtreeSplit, subtreeSplit } from './parallel/subtreeSplit';
import type { FactorStructure, FactorWorkspace, NumericFactor, SymbolicFactor, SymmetricCsc } from './types';

/** Width of the column blocks of the partial factorization. */
const NB = 32;
/** Columns per pass of the update-matrix product (its packed rows stay in L2). */
const KC = 128;
/** Width of the unblocked strips inside a block. */
const NB_INNER = STRIP_MAX;

export interface FactorOptions {
  /** a pivot below tolerance × its original diagonal entry counts as breakdown (default 1e-12) */
  pivotTolerance?: number;
  describeDof?: (dof: number) => string;
  /**
   * A second thread that factors one large subtree while this one does the rest (see
   * parallel/factorHelper.ts), usually the caller's SolverSession.factorHelper. Default: none,
   * this thread alone. The factor is bit-identical either way.
   */
  helper?: FactorHelper | null;
}

/** Doubles of packing workspace of a factorization thread. */
export function packDoubles(maxPanelRows: number): number {
  return packSize(maxPanelRows, Math.max(NB, KC));
}

/**
 * Computes L with P A Pᵀ = L Lᵀ for the pattern analysed in `sym`. Passing the previous
 * factor as `reuse` refactors in its storage (same pattern, new values) without allocating.
 * Throws NotPositiveDefiniteError naming the original dof of a non-positive pivot.
 */
export function factor(
  sym: SymbolicFactor,
  A: SymmetricCsc,
  reuse?: NumericFactor,
  options: FactorOptions = {},
): NumericFactor {
  const t0 = performance.now();
  if (A.n !== sym.n || A.rowIdx.length !== sym.nnzA) {
    throw new RangeError(`factor: matrix (n=${A.n}, nnz=${A.rowIdx.length}) does not match its analysis`);
  }
  const helper = options.helper && !options.helper.stopped ? options.helper : null;
  // with a helper thread, L and the update stack are written by both threads: shared memory
  const split = helper ? subtreeSplit(sym) : null;
  const storedL = sym.panelPtr[sym.panelPtr.length - 1];
  const num: NumericFactor =
    reuse && reuse.symbolic === sym && (!split || isShared(reuse.values))
      ? reuse
      : {
          symbolic: sym,
          values: split && helper ? helper.sharedArray(storedL) : new Float64Array(storedL),
          stack: split && helper ? helper.sharedArray(sym.stackSize) : new Float64Array(sym.stackSize),
          front: new Float64Array(sym.frontSize),
          pack: packBuffer(packDoubles(sym.maxPanelRows)),
          diagonal: new Float64Array(sym.n),
          rowPos: new Int32Array(sym.n),
          relative: new Int32Array(sym.maxRowsBelow),
          seconds: 0,
        };
  const tolerance = options.pivotTolerance ?? 1e-12;
  const ns = sym.superStart.length - 1;
  let top: number;
  if (split && helper) {
    // Steps: 1. hand the subtree T to the helper; 2. factor everything before the join that
    // does not depend on T, leaving T's update slot free on the stack; 3. join (or, if the
    // helper has not started yet, factor T here after all); 4. the rest, serially.
    const ticket = helper.begin({ sym, split, aValues: A.values, num, tolerance });
    originalDiagonal(sym, A.values, num.diagonal, 0, sym.n);
    top = factorSupernodes(sym, num, A.values, 0, split.first - 1, 0, tolerance);
    if (top >= 0) {
      const afterSlot = split.stackOffset + split.updateSize;
      top = factorSupernodes(sym, num, A.values, split.last + 1, split.join - 1, afterSlot, tolerance);
    }
    const helperFailed = helper.end(ticket, () => {
      const privateStack = { ...num, stack: new Float64Array(split.stackSize) };
      return factorSubtree(sym, privateStack, A.values, split, num.stack, tolerance);
    });
    // the failure a one-thread factorization reports is the one in the lowest column
    // (codes are -(column + 1), so the lower column has the larger code)
    if (helperFailed < 0 && (top >= 0 || helperFailed > top)) top = helperFailed;
    if (top >= 0) top = factorSupernodes(sym, num, A.values, split.join, ns - 1, top, tolerance);
  } else {
    originalDiagonal(sym, A.values, num.diagonal, 0, sym.n);
    top = factorSupernodes(sym, num, A.values, 0, ns - 1, 0, tolerance);
  }
  if (top < 0) throwBreakdown(sym, num, top, options);
  num.seconds = (performance.now() - t0) / 1000;
  return num;
}

/**
 * Factors supernodes first..last (a postorder range) with the update stack starting at
 * `stackTop`. Returns the new stack top, or -(column + 1) of the first failed pivot
 * (permuted numbering). `ws.diagonal` must hold A's diagonal for these columns.
 */
export function factorSupernodes(
  sym: FactorStructure,
  ws: FactorWorkspace,
  aValues: Float64Array,
  first: number,
  last: number,
  stackTop: number,
  tolerance: number,
): number {
  // One call per supernode (a small function the JIT optimizes as a whole, rather than
  // one long loop that it would compile on the fly and deoptimize on every new path).
  let top = stackTop;
  for (let s = first; s <= last; s++) {
    top = factorSupernode(sym, ws, aValues, s, top, tolerance);
    if (top < 0) return top;
  }
  return top;
}

/** A subtree of the assembly tree and the slot of its update matrix on the one-thread stack (see SubtreeSplit). */
export type SubtreeSlot = Pick<SubtreeSplit, 'first' | 'last' | 'stackOffset' | 'updateSize'>;

/**
 * Factors the subtree on its own stack (`ws.stack`, from 0) and copies its update matrix into
 * its slot of `stack`, the stack of the one-thread order: the helper thread does this, and the
 * calling thread when the helper had not started. Returns 0, or -(column + 1) of a failed pivot.
 */
export function factorSubtree(
  sym: FactorStructure,
  ws: FactorWorkspace,
  aValues: Float64Array,
  slot: SubtreeSlot,
  stack: Float64Array,
  tolerance: number,
): number {
  const top = factorSupernodes(sym, ws, aValues, slot.first, slot.last, 0, tolerance);
  if (top < 0) return top;
  stack.set(ws.stack.subarray(0, slot.updateSize), slot.stackOffset);
  return 0;
}

/** Copies A's diagonal (permuted columns from..to-1) for the relative pivot test. */
export function originalDiagonal(
  sym: FactorStructure,
  aValues: Float64Array,
  diagonal: Float64Array,
  from: number,
  to: number,
): void {
  const { aDiagonal } = sym;
  for (let j = from; j < to; j++) diagonal[j] = aDiagonal[j] >= 0 ? aValues[aDiagonal[j]] : 0;
}

/** The supernode that holds permuted column col. */
function supernodeOf(sym: FactorStructure, col: number): number {
  const start = sym.superStart;
  let lo = 0;
  let hi = start.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (start[mid] <= col) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function throwBreakdown(
  sym: SymbolicFactor,
  num: NumericFactor,
  code: number,
  options: FactorOptions,
): never {
  const col = -code - 1; // permuted column whose pivot failed
  const s = supernodeOf(sym, col);
  const f = sym.superStart[s];
  const m = sym.superRowPtr[s + 1] - sym.superRowPtr[s];
  const dof = sym.perm[col];
  const pivot = num.values[sym.panelPtr[s] + (col - f) * m + (col - f)];
  const describe = options.describeDof ?? sym.describeDof;
  throw new NotPositiveDefiniteError(dof, pivot, num.diagonal[col], describe?.(dof));
}

function isShared(a: Float64Array): boolean {
  return typeof SharedArrayBuffer === 'function' && a.buffer instanceof SharedArrayBuffer;
}

/**
 * Assembles and partially factors the front of supernode s. Returns the new top of the
 * update stack, or -(column + 1) of a failed pivot (permuted numbering).
 */
function factorSupernode(
  sym: FactorStructure,
  num: FactorWorkspace,
  aValues: Float64Array,
  s: number,
  stackTop: number,
  tolerance: number,
): number {
  const { superStart, superRowPtr, superRows, superChildPtr, superChildren, panelPtr } = sym;
  const L = num.values;
  const stack = num.stack;
  const front = num.front;
  const pack = num.pack;
  const rowPos = num.rowPos;
  const rel = num.relative;
  const diagonal = num.diagonal;
  const f = superStart[s];
  const k = superStart[s + 1] - f;
  const rp = superRowPtr[s];
  const m = superRowPtr[s + 1] - rp;
  const mu = m - k;
  const off = panelPtr[s];
  const uSize = (mu * (mu + 1)) >> 1;
  // this panel's part of A, scattered while the panel is about to be used
  L.fill(0, off, off + m * k);
  const { aSource, aTarget } = sym;
  for (let t = sym.aEntryPtr[s]; t < sym.aEntryPtr[s + 1]; t++) L[aTarget[t]] += aValues[aSource[t]];
  front.fill(0, 0, uSize);
  for (let r = 0; r < m; r++) rowPos[superRows[rp + r]] = r;

  // extend-add the children's update matrices (they are the top of the stack, in order)
  let childBase = stackTop;
  for (let q = superChildPtr[s]; q < superChildPtr[s + 1]; q++) {
    const c = superChildren[q];
    const mc = superRowPtr[c + 1] - superRowPtr[c] - (superStart[c + 1] - superStart[c]);
    childBase -= (mc * (mc + 1)) >> 1;
  }
  let u = childBase;
  for (let q = superChildPtr[s]; q < superChildPtr[s + 1]; q++) {
    const c = superChildren[q];
    const kc = superStart[c + 1] - superStart[c];
    const cBelow = superRowPtr[c] + kc;
    const mc = superRowPtr[c + 1] - cBelow;
    for (let t = 0; t < mc; t++) rel[t] = rowPos[superRows[cBelow + t]];
    extendAdd(stack, u, mc, rel, L, off, m, k, front);
    u += (mc * (mc + 1)) >> 1;
  }
  let top = childBase;

  // Partial factorization of the front, left-looking over blocks of NB own columns: a
  // block first receives the updates of all earlier columns (KC at a time, so each entry
  // is read and written once per KC columns), then is factored in strips.
  for (let c0 = 0; c0 < k; c0 += NB) {
    const c1 = c0 + NB < k ? c0 + NB : k;
    for (let p0 = 0; p0 < c0; p0 += KC) {
      const kc = p0 + KC < c0 ? KC : c0 - p0;
      schurUpdate(L, off + p0 * m, m, kc, c0, m - c0, L, off + c0 * m + c0, m, c1 - c0, pack);
    }
    // strips of NB_INNER columns, each factored row by row, then applied to the rest of the block
    for (let b0 = c0; b0 < c1; b0 += NB_INNER) {
      const b1 = b0 + NB_INNER < c1 ? b0 + NB_INNER : c1;
      const failed = factorStrip(L, off, m, m, b0, b1, diagonal, f, tolerance);
      if (failed >= 0) return -(f + failed) - 1;
      if (b1 < c1)
        schurUpdate(L, off + b0 * m, m, b1 - b0, b1, m - b1, L, off + b1 * m + b1, m, c1 - b1, pack);
    }
  }
  // the update matrix for the parent, KC factored columns per pass (few passes over a large U)
  if (mu > 0) {
    for (let p0 = 0; p0 < k; p0 += KC) {
      const kc = p0 + KC < k ? KC : k - p0;
      schurUpdate(L, off + p0 * m, m, kc, k, mu, front, 0, mu, mu, pack, true);
    }
    stack.set(front.subarray(0, uSize), top);
    top += uSize;
  }
  return top;
}
