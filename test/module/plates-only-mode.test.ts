import { describe, expect, it } from 'vitest';
import { evaluatePlatesOnlyModule } from '../../src/module/platesOnlyMode';
import { crossingPressure } from '../../src/module/sweep';
import { lobberding2020 } from '../reference/literature';

const at = (systemKWh: number, pressureMPa: number) => evaluatePlatesOnlyModule({ systemKWh, pressureMPa });
// the Li-ion module lines Tan et al. compare with (Löbberding et al. 2020)
const LIB_MASS = lobberding2020.massEfficiency;
const LIB_VOLUME = lobberding2020.volumeEfficiency;

describe("plates-only mode reproduces Tan et al.'s Fig 5d–f", () => {
  it('computes one point by hand: 10 kWh at 5 MPa, defaults', () => {
    // 350 Wh/kg, 750 Wh/L; 100 × 300 mm steel plates, simply supported, a/b = 3 → α = 0.1335; L = b = 100 mm.
    const t = Math.cbrt((0.1335 * 5 * 100 ** 4 * 500) / (200_000 * 100));
    const plateL = (2 * 100 * 300 * t) / 1e6;
    const cellsKg = 10_000 / 350;
    const cellsL = 10_000 / 750;
    const r = at(10, 5);
    expect(r.plate.thicknessMm).toBeCloseTo(t, 9);
    expect(r.massEfficiency).toBeCloseTo(cellsKg / (cellsKg + plateL * 7.85), 9);
    expect(r.volumeEfficiency).toBeCloseTo(cellsL / (cellsL + plateL), 9);
  });

  it('result 1: at 1 kWh the efficiency is poor by mass and by volume, even at low pressure', () => {
    for (const p of [1, 2, 5, 10, 100]) expect(at(1, p).massEfficiency).toBeLessThan(LIB_MASS);
    for (const p of [2, 5, 10, 100]) expect(at(1, p).volumeEfficiency).toBeLessThan(LIB_VOLUME);
    expect(at(1, 1).massEfficiency).toBeLessThan(0.5);
  });

  it('result 2: at 10 and 20 kWh it beats both LIB lines at ≤ 5 MPa', () => {
    for (const s of [10, 20])
      for (const p of [1, 2, 3, 4, 5]) {
        expect(at(s, p).massEfficiency).toBeGreaterThan(LIB_MASS);
        expect(at(s, p).volumeEfficiency).toBeGreaterThan(LIB_VOLUME);
      }
  });

  it('result 3: mass efficiency is more sensitive to pressure than volume efficiency', () => {
    // At the competitive sizes (Fig 5e, f) in percentage points …
    for (const s of [10, 20]) {
      const dropMass = at(s, 1).massEfficiency - at(s, 100).massEfficiency;
      const dropVolume = at(s, 1).volumeEfficiency - at(s, 100).volumeEfficiency;
      expect(dropMass).toBeGreaterThan(2 * dropVolume);
    }
    // … and at every size relative to the 1 MPa value (at 1 kWh mass efficiency is already so low that
    // its drop in points is smaller than the volume drop).
    for (const s of [1, 10, 20]) {
      const relMass = 1 - at(s, 100).massEfficiency / at(s, 1).massEfficiency;
      const relVolume = 1 - at(s, 100).volumeEfficiency / at(s, 1).volumeEfficiency;
      expect(relMass).toBeGreaterThan(1.2 * relVolume);
    }
  });

  it('reports the crossing pressure of each curve with the Löbberding et al. LIB line', () => {
    const evaluate = (s: number, p: number) => at(s, p);
    const range = { minMPa: 1, maxMPa: 100 };
    const c10 = crossingPressure(evaluate, 10, 'massEfficiency', range);
    expect(c10.status).toBe('crosses');
    expect(c10.reference).toBe(LIB_MASS);
    expect(c10.pressureMPa!).toBeGreaterThan(5);
    expect(at(10, c10.pressureMPa!).massEfficiency).toBeCloseTo(LIB_MASS, 9);
    const c20 = crossingPressure(evaluate, 20, 'massEfficiency', range);
    expect(c20.pressureMPa!).toBeGreaterThan(c10.pressureMPa!);
    const v1 = crossingPressure(evaluate, 1, 'volumeEfficiency', range);
    expect(v1.status).toBe('crosses');
    expect(v1.reference).toBe(LIB_VOLUME);
    expect(at(1, v1.pressureMPa!).volumeEfficiency).toBeCloseTo(LIB_VOLUME, 9);
    expect(v1.pressureMPa!).toBeLessThan(2);
    expect(crossingPressure(evaluate, 1, 'massEfficiency', range).status).toBe('always-below');
    expect(crossingPressure(evaluate, 10, 'volumeEfficiency', range).status).toBe('always-above');
  });

  it('a clamped edge or a laxer limit gives thinner plates', () => {
    const base = at(10, 10).plate.thicknessMm;
    expect(
      evaluatePlatesOnlyModule({ systemKWh: 10, pressureMPa: 10, edge: 'clamped' }).plate.thicknessMm,
    ).toBeLessThan(base);
    expect(
      evaluatePlatesOnlyModule({ systemKWh: 10, pressureMPa: 10, deflectionLimit: 240 }).plate.thicknessMm,
    ).toBeLessThan(base);
  });

  it('rejects bad input naming field, value and unit', () => {
    expect(() => evaluatePlatesOnlyModule({ systemKWh: 10, pressureMPa: -1 })).toThrow(/pressureMPa: -1 MPa/);
  });
});
