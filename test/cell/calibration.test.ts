import { describe, expect, it } from 'vitest';
import { evaluateCell } from '../../src/cell/model';
import { seed004Calibration } from '../../src/cell/presets';

// Targets from domain.md §5 (seed 004, Liu et al. 2019): loading [mg/cm²] → Wh/kg.
const targets: Array<[number, number]> = [
  [5, 178],
  [10, 275],
  [20, 378],
];

describe('seed 004 calibration', () => {
  it.each(targets)('%d mg/cm² gives %d Wh/kg within ±3 %', (loading, whPerKg) => {
    const r = evaluateCell(seed004Calibration(loading));
    expect(Math.abs(r.unit.whPerKg / whPerKg - 1)).toBeLessThan(0.03);
  });

  it('unit-cell areal mass matches a hand count of the layers', () => {
    // 10 mg/cm² NMC811 at 85 wt %, Li at N/P 2 (3860 mAh/g), Al 16 µm (2.70), Cu 8 µm (8.96), LGPS 20 µm (2.08).
    const capacity = 10 * 0.21; // mAh/cm²
    const expectedMg = 10 / 0.85 + ((2 * capacity) / 3860) * 1000 + 1.6 * 2.7 + 0.8 * 8.96 + 2.0 * 2.08;
    const r = evaluateCell(seed004Calibration(10));
    expect(r.unit.arealMassMgPerCm2).toBeCloseTo(expectedMg, 9);
    expect(r.unit.arealCapacityMAhPerCm2).toBeCloseTo(capacity, 12);
    expect(r.unit.whPerKg).toBeCloseTo(((capacity * 3.8) / expectedMg) * 1000, 9);
  });

  it('Li plating: 1 mAh/cm² is about 4.85 µm of Li (domain §5)', () => {
    const r = evaluateCell(seed004Calibration(10));
    const li = r.unit.layers.find((l) => l.component === 'anode')!;
    const perMAh = li.thicknessUm / (2 * r.unit.arealCapacityMAhPerCm2);
    expect(perMAh).toBeCloseTo(4.85, 2);
  });
});
