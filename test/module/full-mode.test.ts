import { describe, expect, it } from 'vitest';
import { fastenersOfDiameter, fastenerVolumeMm3 } from '../../src/module/fasteners';
import { evaluateFullModule } from '../../src/module/fullMode';
import { evaluatePlatesOnlyModule } from '../../src/module/platesOnlyMode';

const full = (systemKWh: number, pressureMPa: number) => evaluateFullModule({ systemKWh, pressureMPa });
const rodsKg = (r: ReturnType<typeof full>) => r.parts.find((p) => p.part === 'tie rods / bolts')!.massKg;

describe('full mode', () => {
  it('bolts carry pressure × footprint at yield / safety factor', () => {
    // 100 × 300 mm at 10 MPa = 300 kN; M20 (ISO 898-1 A_s = 245 mm²), class 10.9 (940 MPa) / 1.5 → 153.5 kN each.
    const d = fastenersOfDiameter(20, 100, 300, 10, {
      material: { E: 205_000, yield: 940, density: 7850 },
      safetyFactor: 1.5,
      minCount: 4,
      minPitchDiameters: 3,
      clearanceMm: 2,
    });
    expect(d.requiredForceN).toBe(300_000);
    expect(d.count).toBe(4); // ceil(300 / 153.5) = 2, raised to the minimum of 4
    expect(d.margin).toBeCloseTo((4 * 245 * 940) / 1.5 / 300_000, 9);
  });

  it('tie rods grow with pressure and cost efficiency at 10–100 MPa', () => {
    for (const s of [10, 20]) {
      const r10 = full(s, 10);
      const r100 = full(s, 100);
      // Tension is linear in pressure; rod length grows with plate thickness, so more than 7× for 10×.
      expect(rodsKg(r100) / rodsKg(r10)).toBeGreaterThan(7);
      // Relative efficiency lost to the rods: η(without rods)/η − 1 = rods / (module − rods).
      const relativeLoss = (r: typeof r10) => rodsKg(r) / (r.moduleMassKg - rodsKg(r));
      expect(relativeLoss(r10)).toBeGreaterThan(0.02);
      expect(relativeLoss(r100)).toBeGreaterThan(2 * relativeLoss(r10));
      // Rods (∝ q) outgrow the plates (∝ √q when stress governs).
      const platesKg = (r: typeof r10) => r.parts.find((p) => p.part === 'end plates')!.massKg;
      expect(rodsKg(r100) / platesKg(r100)).toBeGreaterThan(1.5 * (rodsKg(r10) / platesKg(r10)));
      // At 100 MPa the rods weigh more than a tenth of the cells.
      expect(rodsKg(r100)).toBeGreaterThan(0.1 * r100.stack.cellMassKg);
    }
  });

  it('is never better than plates-only mode, which counts plates only', () => {
    for (const s of [1, 10, 20])
      for (const p of [1, 10, 100]) {
        const f = full(s, p);
        const platesOnly = evaluatePlatesOnlyModule({ systemKWh: s, pressureMPa: p });
        expect(f.massEfficiency).toBeLessThan(platesOnly.massEfficiency);
        expect(f.volumeEfficiency).toBeLessThan(platesOnly.volumeEfficiency);
      }
  });

  it('splits tall stacks into modules and checks plate stress', () => {
    const r = evaluateFullModule({ systemKWh: 20, pressureMPa: 50, maxStackHeightMm: 300 });
    // 20 kWh / 750 Wh/L = 26.67 L over 100 × 300 mm = 889 mm → 3 modules of 296 mm.
    expect(r.stack.moduleCount).toBe(3);
    expect(r.stack.stackHeightMm).toBeCloseTo(26_666_666.67 / 30_000 / 3, 3);
    expect(r.plate.stressMPa).toBeLessThanOrEqual(r.plate.allowableStressMPa * (1 + 1e-9));
    expect(r.plate.deflectionMm).toBeLessThanOrEqual(r.plate.allowedDeflectionMm * (1 + 1e-9));
  });

  it('offers steel, aluminium and titanium plates; no NaN anywhere', () => {
    for (const plateMaterial of ['carbon-steel', 'al-6061-t6', 'ti-6al-4v'] as const) {
      const r = evaluateFullModule({ systemKWh: 10, pressureMPa: 20, plateMaterial });
      for (const v of [
        r.massEfficiency,
        r.volumeEfficiency,
        r.plate.thicknessMm,
        ...r.parts.map((p) => p.massKg),
      ]) {
        expect(Number.isFinite(v)).toBe(true);
      }
    }
  });

  it('fastener volume: shank plus nuts and washers', () => {
    const d = 10;
    const grip = 100;
    const shank = (Math.PI / 4) * d * d * (grip + 2 * (8 + 1.5 + 2));
    const nut = ((Math.sqrt(3) / 2) * 15 ** 2 - (Math.PI / 4) * 100) * 8;
    const washer = (Math.PI / 4) * (20 ** 2 - 11 ** 2) * 1.5;
    expect(fastenerVolumeMm3(d, grip)).toBeCloseTo(shank + 2 * nut + 2 * washer, 6);
  });
});
