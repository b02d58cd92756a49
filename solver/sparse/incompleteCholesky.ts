/**
 * Incomplete Cholesky IC(0): L has exactly the pattern of A's lower triangle. Plate
 * stiffness matrices are not M-matrices and plain IC(0) can meet a non-positive pivot,
 * so the diagonal is shifted (A + α diag(A)) with growing α until it succeeds
 * (Manteuffel's shifted incomplete factorization).
 */
import type { SymmetricCsc } from './types';

export interface IncompleteCholesky {
  /** L in A's lower-triangle pattern (diagonal first in each column, as rows are sorted) */
  factor: SymmetricCsc;
  /** the diagonal shift α that made it succeed */
  shift: number;
}

/** Computes IC(0) of A, shifting the diagonal if needed. */
export function incompleteCholesky(A: SymmetricCsc): IncompleteCholesky {
  let shift = 0;
  for (let attempt = 0; attempt < 30; attempt++) {
    const values = tryFactor(A, shift);
    if (values) return { factor: { ...A, values }, shift };
    shift = shift === 0 ? 1e-3 : shift * 2;
  }
  throw new Error('incompleteCholesky: no diagonal shift up to 2^29·1e-3 gave positive pivots');
}

function tryFactor(A: SymmetricCsc, shift: number): Float64Array | null {
  const { n, colPtr, rowIdx } = A;
  const L = Float64Array.from(A.values);
  const pos = new Int32Array(n).fill(-1);
  for (let j = 0; j < n; j++) {
    if (colPtr[j] === colPtr[j + 1] || rowIdx[colPtr[j]] !== j)
      throw new Error(`incompleteCholesky: no diagonal in column ${j}`);
    L[colPtr[j]] *= 1 + shift;
  }
  for (let k = 0; k < n; k++) {
    const dk = colPtr[k];
    const d = L[dk];
    if (!(d > 0)) return null;
    const pivot = Math.sqrt(d);
    L[dk] = pivot;
    for (let t = dk + 1; t < colPtr[k + 1]; t++) L[t] /= pivot;
    // right-looking update restricted to A's pattern: L(i,j) -= L(i,k) L(j,k) for i >= j > k
    for (let t = dk + 1; t < colPtr[k + 1]; t++) {
      const j = rowIdx[t];
      const ljk = L[t];
      for (let q = colPtr[j]; q < colPtr[j + 1]; q++) pos[rowIdx[q]] = q;
      for (let s = t; s < colPtr[k + 1]; s++) {
        const q = pos[rowIdx[s]];
        if (q >= 0) L[q] -= L[s] * ljk;
      }
      for (let q = colPtr[j]; q < colPtr[j + 1]; q++) pos[rowIdx[q]] = -1;
    }
  }
  return L;
}

/** z = (L Lᵀ)⁻¹ r with the incomplete factor. */
export function applyIncompleteCholesky(ic: IncompleteCholesky, r: Float64Array, z: Float64Array): void {
  const { n, colPtr, rowIdx, values } = ic.factor;
  z.set(r.subarray(0, n));
  for (let j = 0; j < n; j++) {
    const zj = z[j] / values[colPtr[j]];
    z[j] = zj;
    for (let t = colPtr[j] + 1; t < colPtr[j + 1]; t++) z[rowIdx[t]] -= values[t] * zj;
  }
  for (let j = n - 1; j >= 0; j--) {
    let sum = z[j];
    for (let t = colPtr[j] + 1; t < colPtr[j + 1]; t++) sum -= values[t] * z[rowIdx[t]];
    z[j] = sum / values[colPtr[j]];
  }
}
