import { describe, expect, it } from 'vitest';
import { evaluateCell } from '../../src/cell/model';
import { liu2019Calibration } from '../../src/cell/presets';
import { liMetal, liu2019 } from '../reference/literature';

describe('Liu et al. 2019 calibration', () => {
  it.each(liu2019.targets)(
    '$loadingMgPerCm2 mg/cm² gives $whPerKg Wh/kg within ±3 %',
    ({ loadingMgPerCm2, whPerKg }) => {
      const r = evaluateCell(liu2019Calibration(loadingMgPerCm2));
      expect(Math.abs(r.unit.whPerKg / whPerKg - 1)).toBeLessThan(0.03);
    },
  );

  it('10 mg/cm²: each layer as counted by hand', () => {
    // Capacity 10 mg/cm² × 210 mAh/g = 2.1 mAh/cm². Composite 10 / 0.85 = 11.765 mg/cm²; Li at N/P 2:
    // 4.2 mAh/cm² / 3860 mAh/g = 1.088 mg/cm²; Al 16 µm × 2.70 g/cm³ = 4.320 mg/cm², Cu 8 µm × 8.96 = 7.168,
    // LGPS 20 µm × 2.08 = 4.160 (1 µm × 1 g/cm³ = 0.1 mg/cm²). Total 28.501 mg/cm²;
    // energy 2.1 × 3.8 V = 7.98 mWh/cm², so 7.98 / 28.501 = 280.0 Wh/kg.
    const r = evaluateCell(liu2019Calibration(10));
    const mass = Object.fromEntries(r.unit.layers.map((l) => [l.component, l.arealMassMgPerCm2]));
    expect(mass.cathode).toBeCloseTo(11.765, 3);
    expect(mass.anode).toBeCloseTo(1.088, 3);
    expect(mass['cathode collector']).toBeCloseTo(4.32, 3);
    expect(mass['anode collector']).toBeCloseTo(7.168, 3);
    expect(mass.separator).toBeCloseTo(4.16, 3);
    expect(r.unit.arealMassMgPerCm2).toBeCloseTo(28.501, 3);
    expect(r.unit.arealCapacityMAhPerCm2).toBeCloseTo(2.1, 9);
    expect(r.unit.whPerKg).toBeCloseTo(280.0, 1);
  });

  it('Li plating: 1 mAh/cm² is about 4.85 µm of Li', () => {
    const r = evaluateCell(liu2019Calibration(10));
    const li = r.unit.layers.find((l) => l.component === 'anode')!;
    // Li at N/P 2 holds twice the cathode's areal capacity
    const perMAh = li.thicknessUm / (2 * r.unit.arealCapacityMAhPerCm2);
    expect(perMAh).toBeCloseTo(liMetal.umPerMAhPerCm2, 2);
  });
});
