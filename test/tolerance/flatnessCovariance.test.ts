import { describe, expect, it } from 'vitest';
import { centredQuadraticForms } from '../../src/tolerance/flatnessCovariance';

describe('the covariance form of a unit-RMS centred random field', () => {
  it('two points: a centred field of unit RMS is ±1, so (h₁ − h₂)² = 4 whatever their distance', () => {
    for (const d of [0.5, 3, 40])
      expect(
        centredQuadraticForms(Float64Array.from([0, 0, d, 0]), 10, [Float64Array.from([1, -1])])[0],
      ).toBeCloseTo(4, 10);
  });

  it('three points: n sᵀ P C P s / tr(P C P), with the matrices written out', () => {
    const xy = [0, 0, 3, 4, 6, 0];
    const l = 5;
    const C = [0, 1, 2].map((i) =>
      [0, 1, 2].map((k) =>
        Math.exp(-((xy[2 * i] - xy[2 * k]) ** 2 + (xy[2 * i + 1] - xy[2 * k + 1]) ** 2) / (l * l)),
      ),
    );
    const P = [0, 1, 2].map((i) => [0, 1, 2].map((k) => (i === k ? 1 : 0) - 1 / 3));
    const mul = (A: number[][], B: number[][]) =>
      A.map((row) => B[0].map((_, k) => row.reduce((s, a, j) => s + a * B[j][k], 0)));
    const PCP = mul(mul(P, C), P);
    const trace = PCP[0][0] + PCP[1][1] + PCP[2][2];
    const s = [0.3, -1, 0.7];
    const form = s.reduce((acc, si, i) => acc + s.reduce((a, sk, k) => a + si * PCP[i][k] * sk, 0), 0);
    expect(centredQuadraticForms(Float64Array.from(xy), l, [Float64Array.from(s)])[0]).toBeCloseTo(
      (3 * form) / trace,
      12,
    );
  });
});
