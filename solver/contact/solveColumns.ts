import { type NumericFactor, solveMany } from '../sparse';

/** x[i] = A⁻¹ b[i] for every i through one multi-right-hand-side solve (L is read once). */
export function solveColumns(num: NumericFactor, b: Float64Array[], x: Float64Array[]): void {
  const q = b.length;
  if (q === 0) return;
  const n = num.symbolic.n;
  const B = new Float64Array(n * q);
  for (let j = 0; j < q; j++) B.set(b[j].subarray(0, n), j * n);
  const X = solveMany(num, B, q);
  for (let j = 0; j < q; j++) x[j].set(X.subarray(j * n, (j + 1) * n));
}
