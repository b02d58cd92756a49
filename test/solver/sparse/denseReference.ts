/** Independent dense references for the sparse tests (ml-matrix, naive loops). */
import { solve as denseSolve, Matrix } from 'ml-matrix';
import type { SymmetricCsc } from '../../../solver/sparse/types';
import { seededRandom } from '../../bench/plateProblem';

/** Full dense copy of a lower-triangle CSC matrix. */
export function toDense(A: SymmetricCsc): Matrix {
  const M = Matrix.zeros(A.n, A.n);
  for (let j = 0; j < A.n; j++) {
    for (let k = A.colPtr[j]; k < A.colPtr[j + 1]; k++) {
      const i = A.rowIdx[k];
      M.set(i, j, M.get(i, j) + A.values[k]);
      if (i !== j) M.set(j, i, M.get(j, i) + A.values[k]);
    }
  }
  return M;
}

/** Lower-triangle CSC of a dense symmetric matrix (entries with |a| > 0). */
export function fromDense(M: Matrix): SymmetricCsc {
  const n = M.rows;
  const colPtr = new Int32Array(n + 1);
  const rows: number[] = [];
  const vals: number[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = j; i < n; i++) {
      if (M.get(i, j) !== 0) {
        rows.push(i);
        vals.push(M.get(i, j));
      }
    }
    colPtr[j + 1] = rows.length;
  }
  return { n, colPtr, rowIdx: Int32Array.from(rows), values: Float64Array.from(vals) };
}

/** x = A⁻¹ b by ml-matrix's dense LU solve. */
export function denseSolution(A: SymmetricCsc, b: Float64Array): Float64Array {
  const x = denseSolve(toDense(A), Matrix.columnVector(Array.from(b)));
  return Float64Array.from(x.getColumn(0));
}

/**
 * A random sparse SPD matrix: random symmetric off-diagonal pattern with density
 * `density`, values in [-1, 1), and a diagonal that makes it strictly diagonally dominant.
 */
export function randomSpd(n: number, density: number, seed: number): SymmetricCsc {
  const rand = seededRandom(seed);
  const M = Matrix.zeros(n, n);
  for (let j = 0; j < n; j++) {
    for (let i = j + 1; i < n; i++) {
      if (rand() < density) {
        const v = 2 * rand() - 1;
        M.set(i, j, v);
        M.set(j, i, v);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) if (j !== i) s += Math.abs(M.get(i, j));
    M.set(i, i, s + 0.5 + rand());
  }
  return fromDense(M);
}

/** max |a - b| / max |b| */
export function relativeError(a: Float64Array, b: Float64Array): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs(a[i] - b[i]));
    den = Math.max(den, Math.abs(b[i]));
  }
  return num / den;
}

/** nnz(L) (diagonal included) of the Cholesky factor of P A Pᵀ by explicit boolean elimination. */
export function bruteForceFillCount(A: SymmetricCsc, perm: Int32Array): number {
  const n = A.n;
  const iperm = new Int32Array(n);
  for (let k = 0; k < n; k++) iperm[perm[k]] = k;
  const pattern: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  for (let j = 0; j < n; j++) {
    for (let k = A.colPtr[j]; k < A.colPtr[j + 1]; k++) {
      const a = iperm[A.rowIdx[k]];
      const b = iperm[j];
      if (a !== b) pattern[Math.min(a, b)].add(Math.max(a, b));
    }
  }
  let count = 0;
  for (let j = 0; j < n; j++) {
    const below = [...pattern[j]];
    count += below.length + 1;
    // eliminating j makes its neighbours below a clique
    for (const r of below) for (const s of below) if (s > r) pattern[r].add(s);
  }
  return count;
}
