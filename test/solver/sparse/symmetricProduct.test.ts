import { describe, expect, it } from 'vitest';
import {
  multiplySymmetric,
  multiplySymmetricMagnitude,
  multiplySymmetricPair,
} from '../../../solver/sparse/symmetricProduct';
import { seededRandom } from '../../bench/plateProblem';
import { randomSpd, toDense } from './denseReference';

describe('products with a symmetric lower-triangle matrix', () => {
  const A = randomSpd(40, 0.2, 9);
  // indefinite signs: flip some entries so that |A| differs from A
  A.values.forEach((v, k) => {
    if (k % 3 === 1) A.values[k] = -v;
  });
  const rand = seededRandom(4);
  const x = Float64Array.from({ length: A.n }, () => rand() - 0.5);
  const M = toDense(A).to2DArray();

  it('A x equals the dense product (tolerance 1e-13 relative)', () => {
    const y = multiplySymmetric(A, x);
    for (let i = 0; i < A.n; i++) {
      const ref = M[i].reduce((s, a, j) => s + a * x[j], 0);
      const scale = M[i].reduce((s, a, j) => s + Math.abs(a * x[j]), 0);
      expect(Math.abs(y[i] - ref)).toBeLessThan(1e-13 * scale);
    }
  });

  it('|A| |x| equals the dense product of absolute values (tolerance 1e-13 relative)', () => {
    const y = new Float64Array(A.n).fill(Number.NaN); // overwritten, not accumulated
    multiplySymmetricMagnitude(A, x, y);
    for (let i = 0; i < A.n; i++) {
      const ref = M[i].reduce((s, a, j) => s + Math.abs(a) * Math.abs(x[j]), 0);
      expect(Math.abs(y[i] - ref)).toBeLessThan(1e-13 * ref);
    }
  });

  it('the pair product equals two single products exactly', () => {
    const x2 = Float64Array.from(x, (v, i) => v * (i % 5) - 0.25);
    const y1 = new Float64Array(A.n);
    const y2 = new Float64Array(A.n);
    multiplySymmetricPair(A, x, x2, y1, y2);
    expect(Array.from(y1)).toEqual(Array.from(multiplySymmetric(A, x)));
    expect(Array.from(y2)).toEqual(Array.from(multiplySymmetric(A, x2)));
  });
});
