import { describe, expect, it } from 'vitest';
import { cellBreathing } from '../../src/cell/breathing';
import { type Cell, type CellInput, cellSchema } from '../../src/cell/schema';
import { InputError } from '../../src/validation/parseInput';

/**
 * Reference values are worked by hand from the inputs below, never taken from the code under test.
 * Li plated per mAh/cm²: 1 mAh/cm² / 3860 mAh/g = 2.5907e-4 g/cm²; / 0.534 g/cm³ = 4.85145e-4 cm = 4.85145 µm.
 */
const LI_UM_PER_MAH = (1 / 3860 / 0.534) * 1e4;

/**
 * A Li-metal cell whose cathode is given by coating thickness, so the areal capacity runs through the
 * density and the active fraction: 100 µm × 3.0 g/cm³ = 30 mg/cm² of composite, × 0.8 = 24 mg/cm² of
 * active material, × 200 mAh/g = 4.8 mAh/cm².
 */
const liMetalCell: CellInput = {
  cathode: {
    material: 'NMC811',
    specificCapacityMAhPerG: 200,
    averageVoltageV: 3.8,
    activeWtFraction: 0.8,
    loading: { kind: 'thickness', um: 100 },
    density: { kind: 'direct', gPerCm3: 3.0 },
  },
  separator: { material: 'LPSCl', densityGPerCm3: 1.64, thicknessUm: 30 },
  anode: { kind: 'li-metal', sizing: { kind: 'thickness', um: 20 } },
  cathodeCollector: { material: 'Al', thicknessUm: 12 },
  anodeCollector: { material: 'Cu', thicknessUm: 8 },
  construction: {
    coating: 'double',
    layers: 20,
    stacking: 'parallel',
    electrodeWidthMm: 90,
    electrodeLengthMm: 290,
  },
};
const LI_CAPACITY = 4.8; // mAh/cm², by hand above
const CATHODE_UM = 100; // the coating thickness given

/**
 * A Si composite cell: 15 mg/cm² NMC at 200 mAh/g = 3 mAh/cm²; Si at N/P 1.2 → 3.6 mAh/cm² / 3000 mAh/g
 * = 1.2 mg/cm² of Si, / 0.99 = 1.21212 mg/cm² of composite, / 1.6 g/cm³ = 7.57576 µm of anode.
 */
const siCell: CellInput = {
  ...liMetalCell,
  cathode: {
    ...liMetalCell.cathode,
    loading: { kind: 'active-mass', mgPerCm2: 15 },
  },
  anode: {
    kind: 'composite',
    material: 'Si',
    specificCapacityMAhPerG: 3000,
    activeWtFraction: 0.99,
    compositeDensityGPerCm3: 1.6,
    npRatio: 1.2,
    averagePotentialV: 0.4,
  },
  construction: { ...liMetalCell.construction, layers: 10 },
};
const SI_ANODE_UM = (((1.2 * 3) / 3000) * 1000) / 0.99 / 1.6 / 0.1;

const parse = (c: CellInput): Cell => cellSchema.parse(c);
const at = (b: { soc: number[] }, values: number[], soc: number) => values[b.soc.indexOf(soc)];

describe('cell breathing against state of charge', () => {
  it('derives 4.85 µm of Li per mAh/cm² from 3860 mAh/g and 0.534 g/cm³', () => {
    expect(LI_UM_PER_MAH).toBeCloseTo(4.85145, 5);
  });

  it('plates about 20 µm of Li per anode at 4 mAh/cm², the figure the Li-metal literature quotes', () => {
    // one single-sided unit cell of 4 mAh/cm² (20 mg/cm² of active material at 200 mAh/g), no cathode term;
    // "about 20 µm" is a rounded figure, so the band is 5 %
    const one = {
      ...liMetalCell,
      cathode: { ...liMetalCell.cathode, loading: { kind: 'active-mass' as const, mgPerCm2: 20 } },
      construction: { ...liMetalCell.construction, coating: 'single' as const, layers: 1 },
    };
    const b = cellBreathing(parse(one), { cathodeVolumeChange: 0 });
    expect(Math.abs(at(b, b.thickness, 1) * 1000 - 20)).toBeLessThan(1);
  });

  it('Li-metal cell: plating of every unit cell plus the cathode term, by hand', () => {
    const b = cellBreathing(parse(liMetalCell), { cathodeVolumeChange: -0.05 });
    // 20 unit cells × 4.8 mAh/cm² × 4.85145 µm = 465.739 µm of Li at full charge
    const plating = (20 * LI_CAPACITY * LI_UM_PER_MAH) / 1000;
    // 20 cathode coatings × 100 µm × −5 % = −100 µm
    const cathode = (20 * CATHODE_UM * -0.05) / 1000;
    // the hand values are exact arithmetic on the inputs: 1e-12 mm is round-off only
    expect(Math.abs(at(b, b.parts.plating, 1) - plating)).toBeLessThan(1e-12);
    expect(Math.abs(at(b, b.parts.cathode, 1) - cathode)).toBeLessThan(1e-12);
    expect(Math.abs(at(b, b.thickness, 1) - (plating + cathode))).toBeLessThan(1e-12);
    // 0.465739 − 0.100000 mm, to the 1e-6 mm of the hand figure
    expect(Math.abs(at(b, b.thickness, 1) - 0.365739)).toBeLessThan(1e-6);
    expect(b.parts.anode.every((v) => v === 0)).toBe(true);
    // linear in SOC: half charge is half of each part
    expect(Math.abs(at(b, b.parts.plating, 0.5) - plating / 2)).toBeLessThan(1e-12);
  });

  it('is zero at SOC 0 and plating rises monotonically to full charge', () => {
    const b = cellBreathing(parse(liMetalCell), { cathodeVolumeChange: 0 });
    expect(b.soc[0]).toBe(0);
    expect(b.soc.at(-1)).toBe(1);
    expect(b.thickness[0]).toBe(0);
    for (let i = 1; i < b.soc.length; i++) {
      expect(b.soc[i]).toBeGreaterThan(b.soc[i - 1]);
      expect(b.parts.plating[i]).toBeGreaterThan(b.parts.plating[i - 1]);
    }
  });

  it('anode-free cell plates the same Li as a Li-metal cell of the same cathode', () => {
    const free = { ...liMetalCell, anode: { kind: 'anode-free' as const } };
    const b = cellBreathing(parse(free), {});
    const plating = (20 * LI_CAPACITY * LI_UM_PER_MAH) / 1000;
    expect(Math.abs(at(b, b.parts.plating, 1) - plating)).toBeLessThan(1e-12);
    // the NCM default, −5 % of the 100 µm coatings
    expect(Math.abs(at(b, b.parts.cathode, 1) - (20 * 100 * -0.05) / 1000)).toBeLessThan(1e-12);
  });

  it('counts unit cells, not collectors: single- and double-sided stacks of equal layers breathe alike', () => {
    const single = {
      ...liMetalCell,
      construction: { ...liMetalCell.construction, coating: 'single' as const },
    };
    const a = cellBreathing(parse(single), { cathodeVolumeChange: -0.05 });
    const b = cellBreathing(parse(liMetalCell), { cathodeVolumeChange: -0.05 });
    expect(a.thickness).toEqual(b.thickness);
    const half = { ...liMetalCell, construction: { ...liMetalCell.construction, layers: 10 } };
    const c = cellBreathing(parse(half), { cathodeVolumeChange: -0.05 });
    // a bipolar stack of as many unit cells in series breathes as much as the parallel one
    const bipolar = {
      ...liMetalCell,
      construction: { ...liMetalCell.construction, coating: 'single' as const, stacking: 'bipolar' as const },
    };
    expect(cellBreathing(parse(bipolar), { cathodeVolumeChange: -0.05 }).thickness).toEqual(b.thickness);
    expect(Math.abs(at(c, c.thickness, 1) * 2 - at(b, b.thickness, 1))).toBeLessThan(1e-12);
  });

  it('Si composite cell: anode growth = thickness × volume change × SOC / (N/P), by hand', () => {
    expect(SI_ANODE_UM).toBeCloseTo(7.57576, 5);
    const b = cellBreathing(parse(siCell), { cathodeVolumeChange: -0.05, anodeVolumeChange: 3 });
    // 10 unit cells × 7.57576 µm × 300 % × 1/1.2 = 189.39 µm at full charge
    const anode = (10 * SI_ANODE_UM * 3) / 1.2 / 1000;
    expect(Math.abs(at(b, b.parts.anode, 1) - anode)).toBeLessThan(1e-12);
    expect(Math.abs(at(b, b.parts.anode, 0.5) - anode / 2)).toBeLessThan(1e-12);
    // cathode: 15 mg/cm² / 0.8 = 18.75 mg/cm² of composite / 3.0 g/cm³ = 62.5 µm, × −5 % × 10
    expect(Math.abs(at(b, b.parts.cathode, 1) - (10 * 62.5 * -0.05) / 1000)).toBeLessThan(1e-12);
    expect(b.parts.plating.every((v) => v === 0)).toBe(true);
  });

  it('composite anode with N/P < 1: full at SOC = N/P, Li plates above it; the knot is a returned point', () => {
    const graphite = {
      ...siCell,
      anode: {
        kind: 'composite' as const,
        material: 'graphite',
        specificCapacityMAhPerG: 350,
        activeWtFraction: 0.9,
        compositeDensityGPerCm3: 1.5,
        npRatio: 0.85,
        averagePotentialV: 0.1,
      },
    };
    const b = cellBreathing(parse(graphite), { cathodeVolumeChange: 0, anodeVolumeChange: 0.1 });
    expect(b.soc).toContain(0.85);
    // anode layer: 0.85 × 3 mAh/cm² / 350 mAh/g = 7.2857 mg/cm² of graphite, / 0.9 / 1.5 g/cm³ = 53.968 µm
    const anodeUm = (((0.85 * 3) / 350) * 1000) / 0.9 / 1.5 / 0.1;
    expect(Math.abs(at(b, b.parts.anode, 0.85) - (10 * anodeUm * 0.1) / 1000)).toBeLessThan(1e-12);
    expect(at(b, b.parts.anode, 1)).toBe(at(b, b.parts.anode, 0.85));
    expect(at(b, b.parts.plating, 0.85)).toBe(0);
    // the last 15 % of 3 mAh/cm² plates as Li
    const plated = (10 * 0.15 * 3 * LI_UM_PER_MAH) / 1000;
    expect(Math.abs(at(b, b.parts.plating, 1) - plated)).toBeLessThan(1e-12);
  });

  it('refuses a composite anode without anodeVolumeChange, naming the field', () => {
    expect(() => cellBreathing(parse(siCell), { cathodeVolumeChange: -0.05 })).toThrow(InputError);
    expect(() => cellBreathing(parse(siCell), { cathodeVolumeChange: -0.05 })).toThrow(/anodeVolumeChange/);
  });

  it('refuses anodeVolumeChange for a Li-metal anode, where it would be ignored', () => {
    expect(() =>
      cellBreathing(parse(liMetalCell), { cathodeVolumeChange: 0, anodeVolumeChange: 0.1 }),
    ).toThrow(/anodeVolumeChange: 0\.1/);
  });

  it('refuses out-of-range and non-finite volume changes with field, value and range', () => {
    const cell = parse(liMetalCell);
    expect(() => cellBreathing(cell, { cathodeVolumeChange: -1.5 })).toThrow(
      /cathodeVolumeChange: -1\.5 — must be > -1/,
    );
    expect(() => cellBreathing(cell, { cathodeVolumeChange: Number.NaN })).toThrow(InputError);
    expect(() => cellBreathing(parse(siCell), { cathodeVolumeChange: 0, anodeVolumeChange: -0.1 })).toThrow(
      /anodeVolumeChange/,
    );
  });
});
