import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluatePlatesOnlyModule } from '../../src/module/platesOnlyMode';
import type { PlatesOnlyModuleInput } from '../../src/module/platesOnlySchema';
import { lobberding2020 } from '../reference/literature';

/**
 * Tan et al.'s three statements about Fig 5d–f, taken as the independent reference for the plates-only
 * mode with its defaults:
 * 1. at 1 kWh the efficiency is poor by mass and by volume even at low pressure;
 * 2. at 10 and 20 kWh it exceeds the Li-ion module lines, especially at ≤ 5 MPa;
 * 3. losses by mass are much more sensitive to pressure than losses by volume.
 */
const LIB_MASS = lobberding2020.massEfficiency;
const LIB_VOLUME = lobberding2020.volumeEfficiency;

type Design = Omit<PlatesOnlyModuleInput, 'systemKWh' | 'pressureMPa'>;
const at = (systemKWh: number, pressureMPa: number, design: Design = {}) =>
  evaluatePlatesOnlyModule({ ...design, systemKWh, pressureMPa });

/** 41 pressures, ten per decade, 1 … 100 MPa (Tan et al.'s range). */
const range = Array.from({ length: 41 }, (_, i) => 10 ** (i / 20));
const upTo5 = range.filter((p) => p <= 5 + 1e-9).concat(5);

describe("Tan et al.'s three results with the plates-only defaults", () => {
  it('1: at 1 kWh both efficiencies are below the Li-ion lines over the whole 1–100 MPa range', () => {
    for (const p of range) {
      const r = at(1, p);
      expect(r.massEfficiency, `${p} MPa`).toBeLessThan(LIB_MASS);
      expect(r.volumeEfficiency, `${p} MPa`).toBeLessThan(LIB_VOLUME);
    }
    // "poor": not just under the line; by mass it is under half
    expect(at(1, 1).massEfficiency).toBeLessThan(0.5);
  });

  it('2: at 10 and 20 kWh both efficiencies beat the Li-ion lines at every pressure ≤ 5 MPa', () => {
    for (const s of [10, 20])
      for (const p of upTo5) {
        const r = at(s, p);
        expect(r.massEfficiency, `${s} kWh, ${p} MPa`).toBeGreaterThan(LIB_MASS);
        expect(r.volumeEfficiency, `${s} kWh, ${p} MPa`).toBeGreaterThan(LIB_VOLUME);
      }
    // "especially": at 100 MPa the 10 kWh module has fallen below the mass line
    expect(at(10, 100).massEfficiency).toBeLessThan(LIB_MASS);
  });

  it('3: mass efficiency falls much faster with pressure than volume efficiency', () => {
    // In percentage points at the competitive sizes (Fig 5e, f) …
    for (const s of [10, 20]) {
      const dropMass = at(s, 1).massEfficiency - at(s, 100).massEfficiency;
      const dropVolume = at(s, 1).volumeEfficiency - at(s, 100).volumeEfficiency;
      expect(dropMass).toBeGreaterThan(2 * dropVolume);
    }
    // … and relative to the 1 MPa value at every size (at 1 kWh the mass efficiency is already so low
    // that its drop in points is smaller than the volume drop).
    for (const s of [1, 10, 20]) {
      const relMass = 1 - at(s, 100).massEfficiency / at(s, 1).massEfficiency;
      const relVolume = 1 - at(s, 100).volumeEfficiency / at(s, 1).volumeEfficiency;
      expect(relMass).toBeGreaterThan(1.2 * relVolume);
    }
  });

  it('one point by hand: 1 kWh at 1 MPa', () => {
    // Defaults: cell 360 Wh/kg, 932 Wh/L; plates 100 × 300 mm, a/b = 3 → α = 0.1335 (Roark 1a), L = b = 100,
    // y = L/500, E = 200 GPa, two plates, 7850 kg/m³.
    const t = Math.cbrt((0.1335 * 1 * 100 ** 4 * 500) / (200_000 * 100)); // 6.94 mm
    const platesL = (2 * 100 * 300 * t) / 1e6; // 0.416 L
    const cellsL = 1000 / 932;
    const cellsKg = 1000 / 360;
    const r = at(1, 1);
    expect(t).toBeCloseTo(6.937, 3);
    expect(r.volumeEfficiency).toBeCloseTo(cellsL / (cellsL + platesL), 9); // 72.1 %
    expect(r.massEfficiency).toBeCloseTo(cellsKg / (cellsKg + platesL * 7.85), 9); // 46.0 %
    // inactive/active by mass over inactive/active by volume is steel density / cell density
    const ratio = (1 / r.massEfficiency - 1) / (1 / r.volumeEfficiency - 1);
    expect(ratio).toBeCloseTo(7.85 / (932 / 360), 9);
  });
});

/**
 * Results 1 (volume, 1 kWh, 1 MPa) and 2 (mass, 10 kWh, 5 MPa) together. With plates of volume V at 1 MPa
 * (t ∝ q^(1/3), so V·5^(1/3) at 5 MPa) and the 10 kWh system's plates at least the 1 kWh system's:
 *   1: V > (1/0.73 − 1) · V_cells(1 kWh)        2: ρ_steel · 5^(1/3) · V < (1/0.82 − 1) · 10 · m_cells(1 kWh)
 * and m_cells = ρ_cell · V_cells, so both need ρ_cell > (1/0.73 − 1)/(1/0.82 − 1) · ρ_steel · 5^(1/3) / 10,
 * whatever the footprint, margin, edge, span, limit, E, ν or plate count.
 */
const boundKgPerL = (steelKgPerL: number) =>
  (((1 / LIB_VOLUME - 1) / (1 / LIB_MASS - 1)) * steelKgPerL * Math.cbrt(5)) / 10;

const plateDesign = fc.record({
  footprintWidthMm: fc.double({ min: 20, max: 1000, noNaN: true }),
  footprintLengthMm: fc.double({ min: 20, max: 1000, noNaN: true }),
  plateMarginMm: fc.double({ min: 0, max: 100, noNaN: true }),
  edge: fc.constantFrom('simply-supported' as const, 'clamped' as const),
  span: fc.constantFrom('short-side' as const, 'long-side' as const),
  deflectionLimit: fc.double({ min: 100, max: 5000, noNaN: true }),
  plateCount: fc.constantFrom(1, 2),
  E: fc.double({ min: 50_000, max: 400_000, noNaN: true }),
  nu: fc.double({ min: 0, max: 0.45, noNaN: true }),
  maxStackHeightMm: fc.option(fc.double({ min: 20, max: 2000, noNaN: true }), { nil: undefined }),
});

const claims12 = (d: Design) =>
  at(1, 1, d).volumeEfficiency < LIB_VOLUME && at(10, 5, d).massEfficiency > LIB_MASS;

describe('which cells can give results 1 and 2 together', () => {
  it('the bound is 2.26 kg/L for steel', () => {
    expect(boundKgPerL(7.85)).toBeCloseTo(2.2617, 4);
  });

  it('no plate gives both with the 350 Wh/kg, 750 Wh/L cell (2.14 kg/L)', () => {
    fc.assert(
      fc.property(plateDesign, (d) => !claims12({ ...d, cellWhPerKg: 350, cellWhPerL: 750 })),
      { numRuns: 400, seed: 20261202 },
    );
  });

  it('any design that gives both has a cell denser than the bound', () => {
    let hits = 0;
    let closest = Number.POSITIVE_INFINITY;
    fc.assert(
      fc.property(
        plateDesign,
        fc.double({ min: 150, max: 600, noNaN: true }),
        // cell density as a multiple of the bound, and the plate density (steel 7850)
        fc.double({ min: 0.9, max: 1.3, noNaN: true }),
        fc.double({ min: 2000, max: 12_000, noNaN: true }),
        fc.double({ min: 1, max: 1.15, noNaN: true }),
        (d, whPerKg, relative, density, scale) => {
          const kgPerL = relative * boundKgPerL(density / 1000);
          const cell = { cellWhPerKg: whPerKg, cellWhPerL: whPerKg * kgPerL, densityKgPerM3: density };
          // Most random plates are far from both limits; rescale the plate volume (∝ limit^(1/3)) to just
          // above the volume result 1 needs, so the designs probe the bound.
          const needL = (1 / LIB_VOLUME - 1) * (1000 / cell.cellWhPerL);
          const hasL = at(1, 1, { ...d, ...cell }).parts[0].volumeL;
          const deflectionLimit = Math.min(100_000, d.deflectionLimit * ((scale * needL) / hasL) ** 3);
          if (!claims12({ ...d, ...cell, deflectionLimit })) return true;
          hits++;
          closest = Math.min(closest, relative);
          return relative > 1;
        },
      ),
      { numRuns: 3000, seed: 20261203 },
    );
    // the property was exercised, right down to the bound
    expect(hits).toBeGreaterThan(100);
    expect(closest).toBeLessThan(1.02);
  });

  it('the bound is sharp: a cell 2 % denser than it gets both with a plate in the window', () => {
    const whPerKg = 360;
    const whPerL = whPerKg * 1.02 * boundKgPerL(7.85);
    // plate volume at 1 MPa between the two limits, taken at their geometric mean
    const lo = (1 / LIB_VOLUME - 1) * (1000 / whPerL);
    const hi = ((1 / LIB_MASS - 1) * 10 * (1000 / whPerKg)) / (7.85 * Math.cbrt(5));
    const target = Math.sqrt(lo * hi);
    // the default 100 × 300 plate at L/500 is 0.416 L (above); V ∝ limit^(1/3)
    const defaultL = (2 * 100 * 300 * Math.cbrt((0.1335 * 100 ** 4 * 500) / (200_000 * 100))) / 1e6;
    const deflectionLimit = 500 * (target / defaultL) ** 3;
    expect(claims12({ cellWhPerKg: whPerKg, cellWhPerL: whPerL, deflectionLimit })).toBe(true);
    // and a cell 2 % lighter than the bound gets neither with the same recipe
    const lighter = whPerKg * 0.98 * boundKgPerL(7.85);
    const lo2 = (1 / LIB_VOLUME - 1) * (1000 / lighter);
    const limit2 = 500 * (Math.sqrt(lo2 * hi) / defaultL) ** 3;
    expect(claims12({ cellWhPerKg: whPerKg, cellWhPerL: lighter, deflectionLimit: limit2 })).toBe(false);
  });
});
