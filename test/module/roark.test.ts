import { describe, expect, it } from 'vitest';
import { plateDeflection, thicknessForDeflection } from '../../src/module/plate';
import { roarkAlpha } from '../../src/module/roark';

// α from Roark's Formulas for Stress and Strain, Table 11.4, cases 1a and 8a, ν = 0.3 (typed here, not read from the code).
const alpha1a: Record<number, number> = { 1: 0.0444, 1.4: 0.077, 2: 0.111, 3: 0.1335, 5: 0.1417 };
const alpha8a: Record<number, number> = { 1: 0.0138, 1.6: 0.0251, 2: 0.0277 };

/** Independent closed form: α q b⁴/(E t³) = L/N  ⇒  t = (α q b⁴ N / (E L))^(1/3), written as a power. */
function closedForm(alpha: number, q: number, b: number, E: number, N: number, L: number): number {
  return ((alpha * q * b ** 4 * N) / (E * L)) ** (1 / 3);
}

const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe('Roark plate thickness', () => {
  it.each(Object.entries(alpha1a))(
    'simply supported a/b = %s matches the closed form to 1e-9',
    (ratio, alpha) => {
      const b = 120;
      const load = {
        widthMm: b,
        lengthMm: b * Number(ratio),
        pressureMPa: 7,
        edge: 'simply-supported',
        E: 200_000,
        nu: 0.3,
      } as const;
      const t = thicknessForDeflection(load, 500, 'short-side');
      expect(rel(t, closedForm(alpha, 7, b, 200_000, 500, b))).toBeLessThan(1e-9);
      expect(rel(plateDeflection(load, t), b / 500)).toBeLessThan(1e-9);
    },
  );

  it.each(Object.entries(alpha8a))('clamped a/b = %s matches the closed form to 1e-9', (ratio, alpha) => {
    const b = 200;
    const load = {
      widthMm: b * Number(ratio),
      lengthMm: b,
      pressureMPa: 30,
      edge: 'clamped',
      E: 200_000,
      nu: 0.3,
    } as const;
    const t = thicknessForDeflection(load, 360, 'short-side');
    expect(rel(t, closedForm(alpha, 30, b, 200_000, 360, b))).toBeLessThan(1e-9);
  });

  it('interpolates α linearly between table rows and uses the long side when asked', () => {
    // a/b = 1.5 lies halfway between 1.4 (0.0770) and 1.6 (0.0906).
    expect(roarkAlpha('simply-supported', 1.5)).toBeCloseTo((0.077 + 0.0906) / 2, 12);
    const load = {
      widthMm: 100,
      lengthMm: 150,
      pressureMPa: 5,
      edge: 'simply-supported',
      E: 200_000,
      nu: 0.3,
    } as const;
    const t = thicknessForDeflection(load, 240, 'long-side');
    expect(rel(t, closedForm(0.0838, 5, 100, 200_000, 240, 150))).toBeLessThan(1e-9);
  });

  it('approaches the strip value 0.1421 for very long plates', () => {
    expect(roarkAlpha('simply-supported', 1e9)).toBeCloseTo(0.1421, 6);
    expect(roarkAlpha('clamped', 1e9)).toBeCloseTo(0.0284, 6);
  });

  it('Roark α agrees with the Navier series for a simply supported square (ν = 0.3)', () => {
    // Navier: w = 16 q/(π⁶ D) Σ_{m,n odd} sin(mπ/2) sin(nπ/2) / (m n (m² + n²)²); α = 12(1 − ν²)·w D/(q a⁴).
    let s = 0;
    for (let m = 1; m < 400; m += 2)
      for (let n = 1; n < 400; n += 2) s += (-1) ** ((m + n) / 2 - 1) / (m * n * (m * m + n * n) ** 2);
    const alpha = 12 * (1 - 0.09) * ((16 / Math.PI ** 6) * s);
    expect(Math.abs(alpha / roarkAlpha('simply-supported', 1) - 1)).toBeLessThan(0.005);
  });
});
