/** The same matrix factorized by mathjs `slu` (sparse LU with AMD on A + Aᵀ), for scale. */
import * as math from 'mathjs';
import { lusolve, type Matrix, slu } from 'mathjs';
import type { SymmetricCsc } from '../../solver/sparse/types';

/** Full (both triangles) CSC arrays of a lower-triangle symmetric matrix. */
function fullCsc(A: SymmetricCsc): { values: number[]; index: number[]; ptr: number[] } {
  const { n, colPtr, rowIdx, values } = A;
  const count = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) {
    for (let k = colPtr[j]; k < colPtr[j + 1]; k++) {
      count[j + 1]++;
      if (rowIdx[k] !== j) count[rowIdx[k] + 1]++;
    }
  }
  for (let j = 0; j < n; j++) count[j + 1] += count[j];
  const next = count.slice(0, n);
  const index = new Array<number>(count[n]);
  const vals = new Array<number>(count[n]);
  // upper entries (row < col) first: visiting lower columns in order keeps rows sorted
  for (let j = 0; j < n; j++) {
    for (let k = colPtr[j]; k < colPtr[j + 1]; k++) {
      const i = rowIdx[k];
      if (i !== j) {
        const t = next[i]++;
        index[t] = j;
        vals[t] = values[k];
      }
    }
    for (let k = colPtr[j]; k < colPtr[j + 1]; k++) {
      const t = next[j]++;
      index[t] = rowIdx[k];
      vals[t] = values[k];
    }
  }
  return { values: vals, index, ptr: Array.from(count) };
}

export interface MathjsResult {
  factorSeconds: number;
  solveSeconds: number;
  relativeError: number;
}

/** Factorizes with mathjs slu (order 1, threshold 1e-3) and compares one solve with `reference`. */
export function mathjsFactorization(A: SymmetricCsc, b: Float64Array, reference: Float64Array): MathjsResult {
  const { values, index, ptr } = fullCsc(A);
  // the SparseMatrix class is exported at runtime but missing from mathjs' type declarations
  const SparseMatrix = (math as unknown as { SparseMatrix: new (data: object) => Matrix }).SparseMatrix;
  const M = new SparseMatrix({ values, index, ptr, size: [A.n, A.n], datatype: 'number' });
  const t0 = performance.now();
  const lu = slu(M, 1, 0.001);
  const t1 = performance.now();
  const solution = lusolve(lu, Array.from(b)) as Matrix;
  const x = solution.toArray() as number[][];
  const t2 = performance.now();
  let err = 0;
  let scale = 0;
  for (let i = 0; i < A.n; i++) {
    err = Math.max(err, Math.abs(x[i][0] - reference[i]));
    scale = Math.max(scale, Math.abs(reference[i]));
  }
  return { factorSeconds: (t1 - t0) / 1000, solveSeconds: (t2 - t1) / 1000, relativeError: err / scale };
}
