/**
 * Numeric supernodal Cholesky, multifrontal: each supernode's front is its panel of L
 * (rows × own columns, stored in place in the factor) plus an update matrix for the rows
 * below (a packed lower triangle in a workspace). A's entries and the children's update
 * matrices are added in, the own columns are factored left-looking in blocks of NB
 * columns, and the update matrix is formed KC columns at a time; all of that runs through
 * the 4×4 register-blocked kernel. The update matrix then goes on a stack for the parent
 * (postorder makes the children's updates the top of the stack).
 */
import { extendAdd } from './kernels/extendAdd';
import { factorStrip, STRIP_MAX } from './kernels/panelFactor';
import { packSize, schurUpdate } from './kernels/schurUpdate';
import { NotPositiveDefiniteError } from './notPositiveDefinite';
import type { NumericFactor, SymbolicFactor, SymmetricCsc } from './types';

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
  const storedL = sym.panelPtr[sym.panelPtr.length - 1];
  const num: NumericFactor =
    reuse && reuse.symbolic === sym
      ? reuse
      : {
          symbolic: sym,
          values: new Float64Array(storedL),
          stack: new Float64Array(sym.stackSize),
          front: new Float64Array(sym.frontSize),
          pack: new Float64Array(packSize(sym.maxPanelRows, Math.max(NB, KC))),
          diagonal: new Float64Array(sym.n),
          rowPos: new Int32Array(sym.n),
          relative: new Int32Array(sym.maxRowsBelow),
          seconds: 0,
        };
  const n = sym.n;
  const L = num.values;
  const tolerance = options.pivotTolerance ?? 1e-12;
  const describe = options.describeDof ?? sym.describeDof;
  // the original diagonal, for the relative pivot test
  const diagonal = num.diagonal;
  for (let j = 0; j < n; j++) diagonal[j] = sym.aDiagonal[j] >= 0 ? A.values[sym.aDiagonal[j]] : 0;

  // One call per supernode (a small function the JIT optimizes as a whole, rather than
  // one long loop that it would compile on the fly and deoptimize on every new path).
  const ns = sym.superStart.length - 1;
  let stackTop = 0;
  for (let s = 0; s < ns; s++) {
    const failed = factorSupernode(sym, num, A.values, s, stackTop, tolerance);
    if (failed < 0) {
      const col = -failed - 1; // permuted column whose pivot failed
      const f = sym.superStart[s];
      const m = sym.superRowPtr[s + 1] - sym.superRowPtr[s];
      const dof = sym.perm[col];
      const pivot = L[sym.panelPtr[s] + (col - f) * m + (col - f)];
      throw new NotPositiveDefiniteError(dof, pivot, diagonal[col], describe?.(dof));
    }
    stackTop = failed;
  }
  num.seconds = (performance.now() - t0) / 1000;
  return num;
}

/**
 * Assembles and partially factors the front of supernode s. Returns the new top of the
 * update stack, or -(column + 1) of a failed pivot (permuted numbering).
 */
function factorSupernode(
  sym: SymbolicFactor,
  num: NumericFactor,
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
