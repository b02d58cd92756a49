/** Products with a symmetric matrix stored as its lower triangle. */
import type { SymmetricCsc } from './types';

/** y = A x for symmetric A given by its lower triangle (y is overwritten and returned). */
export function multiplySymmetric(A: SymmetricCsc, x: Float64Array): Float64Array<ArrayBuffer>;
export function multiplySymmetric<T extends Float64Array>(A: SymmetricCsc, x: Float64Array, y: T): T;
export function multiplySymmetric(
  A: SymmetricCsc,
  x: Float64Array,
  y: Float64Array = new Float64Array(A.n),
): Float64Array {
  const { n, colPtr, rowIdx, values } = A;
  y.fill(0);
  for (let j = 0; j < n; j++) {
    const xj = x[j];
    let k = colPtr[j];
    const end = colPtr[j + 1];
    let sum = 0;
    // the diagonal leads its column when present; the off-diagonal loop then has no branch
    if (k < end && rowIdx[k] === j) sum = values[k++] * xj;
    for (; k < end; k++) {
      const i = rowIdx[k];
      const a = values[k];
      y[i] += a * xj; // lower entry (i, j)
      sum += a * x[i]; // its mirror (j, i)
    }
    y[j] += sum;
  }
  return y;
}

/** y1 = A x1 and y2 = A x2 in one pass over A (the pattern and values are read once for both). */
export function multiplySymmetricPair(
  A: SymmetricCsc,
  x1: Float64Array,
  x2: Float64Array,
  y1: Float64Array,
  y2: Float64Array,
): void {
  const { n, colPtr, rowIdx, values } = A;
  y1.fill(0);
  y2.fill(0);
  for (let j = 0; j < n; j++) {
    const xj1 = x1[j];
    const xj2 = x2[j];
    let k = colPtr[j];
    const end = colPtr[j + 1];
    let sum1 = 0;
    let sum2 = 0;
    if (k < end && rowIdx[k] === j) {
      sum1 = values[k] * xj1;
      sum2 = values[k] * xj2;
      k++;
    }
    for (; k < end; k++) {
      const i = rowIdx[k];
      const a = values[k];
      y1[i] += a * xj1;
      sum1 += a * x1[i];
      y2[i] += a * xj2;
      sum2 += a * x2[i];
    }
    y1[j] += sum1;
    y2[j] += sum2;
  }
}

/**
 * y = |A| |x| (entrywise absolute values) for symmetric A given by its lower triangle, without
 * forming |A|: the scale of the rounding errors in A x. y is overwritten.
 */
export function multiplySymmetricMagnitude(A: SymmetricCsc, x: Float64Array, y: Float64Array): void {
  const { n, colPtr, rowIdx, values } = A;
  y.fill(0);
  for (let j = 0; j < n; j++) {
    const xj = Math.abs(x[j]);
    let k = colPtr[j];
    const end = colPtr[j + 1];
    let sum = 0;
    // the diagonal leads its column when present (as in multiplySymmetric)
    if (k < end && rowIdx[k] === j) sum = Math.abs(values[k++]) * xj;
    for (; k < end; k++) {
      const i = rowIdx[k];
      const a = Math.abs(values[k]);
      y[i] += a * xj;
      sum += a * Math.abs(x[i]);
    }
    y[j] += sum;
  }
}

/** Euclidean norm of b - A x. */
export function residualNorm(A: SymmetricCsc, x: Float64Array, b: Float64Array): number {
  const ax = multiplySymmetric(A, x);
  let s = 0;
  for (let i = 0; i < A.n; i++) {
    const r = b[i] - ax[i];
    s += r * r;
  }
  return Math.sqrt(s);
}
