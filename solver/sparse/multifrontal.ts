/**
 * Numeric supernodal Cholesky, multifrontal: each supernode's front is its panel of L
 * (rows × own columns, stored in place in the factor) plus an update matrix for the rows
 * below (a dense workspace). A's entries and the children's update matrices are added
 * in, the own columns are factored in blocks of NB columns, and every block updates the
 * rest of the front with the 4×4 register-blocked kernel. The update matrix then goes on
 * a stack for the parent (postorder makes the children's updates the top of the stack).
 */
import { factorPanelBlock } from './kernels/panelFactor';
import { schurUpdate } from './kernels/schurUpdate';
import { NotPositiveDefiniteError } from './notPositiveDefinite';
import type { NumericFactor, SymbolicFactor, SymmetricCsc } from './types';

/** Width of the column blocks of the partial factorization. */
const NB = 32;

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
          seconds: 0,
        };
  const L = num.values;
  const stack = num.stack;
  const front = num.front;
  const { superStart, superRowPtr, superRows, superChildPtr, superChildren, panelPtr, aTarget, iperm } = sym;
  const n = sym.n;
  const tolerance = options.pivotTolerance ?? 1e-12;

  // scatter A into the panels; remember the original diagonal for the pivot test
  L.fill(0);
  const values = A.values;
  for (let q = 0; q < values.length; q++) L[aTarget[q]] += values[q];
  const diagonal = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    for (let q = A.colPtr[j]; q < A.colPtr[j + 1]; q++) if (A.rowIdx[q] === j) diagonal[iperm[j]] = values[q];
  }

  const rowPos = new Int32Array(n);
  const rel = new Int32Array(maxBelow(sym));
  const ns = superStart.length - 1;
  let stackTop = 0;
  for (let s = 0; s < ns; s++) {
    const f = superStart[s];
    const k = superStart[s + 1] - f;
    const rp = superRowPtr[s];
    const m = superRowPtr[s + 1] - rp;
    const mu = m - k;
    const off = panelPtr[s];
    front.fill(0, 0, mu * mu);
    for (let r = 0; r < m; r++) rowPos[superRows[rp + r]] = r;

    // extend-add the children's update matrices (they are the top of the stack, in order)
    let childBase = stackTop;
    for (let q = superChildPtr[s]; q < superChildPtr[s + 1]; q++) {
      const c = superChildren[q];
      const mc = superRowPtr[c + 1] - superRowPtr[c] - (superStart[c + 1] - superStart[c]);
      childBase -= mc * mc;
    }
    let u = childBase;
    for (let q = superChildPtr[s]; q < superChildPtr[s + 1]; q++) {
      const c = superChildren[q];
      const kc = superStart[c + 1] - superStart[c];
      const cBelow = superRowPtr[c] + kc;
      const mc = superRowPtr[c + 1] - cBelow;
      for (let t = 0; t < mc; t++) rel[t] = rowPos[superRows[cBelow + t]];
      for (let t = 0; t < mc; t++) {
        const pc = rel[t];
        const colU = u + t * mc;
        if (pc < k) {
          const dstCol = off + pc * m;
          for (let r = t; r < mc; r++) L[dstCol + rel[r]] += stack[colU + r];
        } else {
          const dstCol = (pc - k) * mu - k;
          for (let r = t; r < mc; r++) front[dstCol + rel[r]] += stack[colU + r];
        }
      }
      u += mc * mc;
    }
    stackTop = childBase;

    // partial factorization of the front: own columns in blocks, each updating the rest
    for (let c0 = 0; c0 < k; c0 += NB) {
      const c1 = c0 + NB < k ? c0 + NB : k;
      const failed = factorPanelBlock(L, off, m, m, c0, c1, diagonal, f, tolerance);
      if (failed >= 0) {
        const dof = sym.perm[f + failed];
        const describe = options.describeDof ?? sym.describeDof;
        throw new NotPositiveDefiniteError(dof, L[off + failed * m + failed], diagonal[f + failed], describe?.(dof));
      }
      const nb = c1 - c0;
      if (c1 < k) schurUpdate(L, off + c0 * m, m, nb, c1, m - c1, L, off + c1 * m + c1, m, k - c1);
      if (mu > 0) schurUpdate(L, off + c0 * m, m, nb, k, mu, front, 0, mu, mu);
    }
    if (mu > 0) {
      stack.set(front.subarray(0, mu * mu), stackTop);
      stackTop += mu * mu;
    }
  }
  num.seconds = (performance.now() - t0) / 1000;
  return num;
}

function maxBelow(sym: SymbolicFactor): number {
  let most = 0;
  const ns = sym.superStart.length - 1;
  for (let s = 0; s < ns; s++) {
    const mu = sym.superRowPtr[s + 1] - sym.superRowPtr[s] - (sym.superStart[s + 1] - sym.superStart[s]);
    if (mu > most) most = mu;
  }
  return most;
}
