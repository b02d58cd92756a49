import { describe, expect, it } from 'vitest';
import { fePlateSizer, perimeterBolts } from '../../src/module/fePlateSizer';
import { evaluateFullModule } from '../../src/module/fullMode';

const base = {
  widthMm: 200,
  lengthMm: 200,
  pressureMPa: 5,
  edge: 'simply-supported' as const,
  E: 200000,
  nu: 0.3,
  yieldMPa: 355,
  deflectionLimit: 500,
  span: 'short-side' as const,
  stressSafetyFactor: 0,
};

describe('FE plate sizer', () => {
  it('with bolts close together it approaches the simply supported plate (Roark α = 0.0444) within 2 %', () => {
    // closed form: α q b⁴/(E t³) = b/500 → t = (α q b³ · 500 / E)^(1/3)
    const tRoark = Math.cbrt((0.0444 * 5 * 200 ** 3 * 500) / 200000);
    const s = fePlateSizer({
      ...base,
      layout: { footprintWidthMm: 200, footprintLengthMm: 200, boltCount: 40, boltDiameterMm: 0.5 },
    });
    expect(Math.abs(s.thicknessMm / tRoark - 1)).toBeLessThan(0.02);
    expect(s.deflectionMm / s.allowedDeflectionMm).toBeCloseTo(1, 3); // the search stops at 1e-4 in t
  });

  it('fewer bolts need a thicker plate', () => {
    const t = (n: number) =>
      fePlateSizer({
        ...base,
        layout: { footprintWidthMm: 170, footprintLengthMm: 170, boltCount: n, boltDiameterMm: 8 },
      }).thicknessMm;
    expect(t(4)).toBeGreaterThan(t(8));
    expect(t(8)).toBeGreaterThan(t(16));
  });

  it('a stress-governed plate ends at the allowable stress', () => {
    const s = fePlateSizer({
      ...base,
      stressSafetyFactor: 1.5,
      layout: { footprintWidthMm: 170, footprintLengthMm: 170, boltCount: 8, boltDiameterMm: 10 },
    });
    expect(s.governedBy).toBe('stress');
    expect(s.stressMPa / (355 / 1.5)).toBeCloseTo(1, 3);
    expect(s.deflectionMm).toBeLessThan(s.allowedDeflectionMm);
  });

  it('bolts spread evenly over the perimeter, corners included', () => {
    const b = perimeterBolts(100, 50, 6);
    expect(b).toHaveLength(6);
    expect(b[0]).toEqual({ x: -50, y: -25 });
    for (const p of b) expect(Math.abs(p.x) === 50 || Math.abs(p.y) === 25).toBe(true);
  });

  it('plugs into full mode', () => {
    const r = evaluateFullModule(
      { systemKWh: 1, pressureMPa: 5, footprintWidthMm: 100, footprintLengthMm: 100, boltDiameterMm: 10 },
      fePlateSizer,
    );
    expect(r.plate.method).toMatch(/^FE/);
    expect(r.plate.thicknessMm).toBeGreaterThan(0);
    expect(Number.isFinite(r.massEfficiency)).toBe(true);
  });
});
