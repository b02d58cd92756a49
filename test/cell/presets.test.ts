import { describe, expect, it } from 'vitest';
import { evaluateCell } from '../../src/cell/model';
import {
  anodeFreeNcm811,
  type Fig1Step,
  fig1Presets,
  ncm811LiMetal30umSeparator,
  ncm811LiMetal40um,
} from '../../src/cell/presets';
import { reviewExampleCells, tanFig1Text } from '../reference/literature';

describe("plausibility against a published review's example cells (unit-cell level)", () => {
  // The review states the results and the main design choices only, so the band is ±10 % (see src/cell/README.md).
  const cases = [
    ['NCM811‖Li, 30 µm separator', ncm811LiMetal30umSeparator, reviewExampleCells.ncm811LiMetal30umSeparator],
    ['anode-free NCM811', anodeFreeNcm811, reviewExampleCells.anodeFreeNcm811],
    ['NMC811‖Li 40 µm', ncm811LiMetal40um, reviewExampleCells.ncm811LiMetal40um],
  ] as const;
  it.each(cases)('%s', (_name, cell, stated) => {
    const r = evaluateCell(cell);
    expect(Math.abs(r.unit.whPerKg / stated.whPerKg - 1)).toBeLessThan(0.1);
    expect(Math.abs(r.unit.whPerL / stated.whPerL - 1)).toBeLessThan(0.1);
    // Packaging only ever lowers the densities.
    expect(r.pouch.whPerKg).toBeLessThan(r.unit.whPerKg);
    expect(r.pouch.whPerL).toBeLessThan(r.unit.whPerL);
  });
});

describe('Tan et al. Fig 1 progression a–g', () => {
  const steps: Fig1Step[] = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const results = steps.map((s) => evaluateCell(fig1Presets[s]));

  it('rises step by step in Wh/kg and Wh/L', () => {
    for (let i = 1; i < results.length; i++) {
      expect(results[i].unit.whPerKg).toBeGreaterThan(results[i - 1].unit.whPerKg);
      expect(results[i].unit.whPerL).toBeGreaterThan(results[i - 1].unit.whPerL);
    }
  });

  it("matches the paper's text: c near a Li-ion cell (~300 Wh/kg), e above 900 Wh/L, f and g above 450 Wh/kg", () => {
    const [, , c, , e, f, g] = results;
    // "near": within ±20 % of the Li-ion figure
    expect(Math.abs(c.unit.whPerKg / tanFig1Text.cNearLiIonWhPerKg - 1)).toBeLessThan(0.2);
    expect(e.unit.whPerL).toBeGreaterThan(tanFig1Text.eAboveWhPerL);
    expect(f.unit.whPerKg).toBeGreaterThan(tanFig1Text.fAndGAboveWhPerKg);
    expect(g.unit.whPerKg).toBeGreaterThan(tanFig1Text.fAndGAboveWhPerKg);
  });

  it('Fig 1f pouch by hand: 6 mAh/cm² × 261 cm² × 20 layers = 31.32 Ah at 3.8 V = 119.0 Wh, 100 × 300 mm', () => {
    // 90 × 290 mm electrodes = 261 cm²; Li metal at 0 V vs Li, so the cell runs at the cathode's 3.8 V.
    const f = results[5].pouch;
    expect(f.capacityAh).toBeCloseTo(31.32, 9);
    expect(f.voltageV).toBeCloseTo(3.8, 12);
    expect(f.energyWh).toBeCloseTo(119.016, 9);
    expect(f.outerMm.width).toBeCloseTo(100, 12);
    expect(f.outerMm.length).toBeCloseTo(300, 12);
    for (const r of results)
      for (const v of [r.unit.whPerKg, r.unit.whPerL, r.pouch.whPerKg, r.pouch.whPerL, r.pouch.massG])
        expect(Number.isFinite(v)).toBe(true);
  });

  it('Fig 1a pellet separator by hand: 700 µm of Li6PS5Cl at 1.64 g/cm³, 15 % porous = 97.58 mg/cm²', () => {
    // 700 µm × 1.64 g/cm³ × 0.85 × 0.1 (mg/cm² per µm·g/cm³) = 97.58 mg/cm²
    const separator = results[0].unit.layers.find((l) => l.component === 'separator')!;
    expect(separator.arealMassMgPerCm2).toBeCloseTo(97.58, 6);
    expect(separator.thicknessUm).toBe(700);
  });

  it('bipolar: the 20 units in series give 76 V at 1.566 Ah; in parallel 3.8 V at 31.32 Ah', () => {
    const base = fig1Presets.f as { construction: object };
    const parallel = evaluateCell({ ...base, construction: { ...base.construction, coating: 'single' } });
    const bipolar = evaluateCell({
      ...base,
      construction: { ...base.construction, coating: 'single', stacking: 'bipolar' },
    });
    expect(bipolar.pouch.voltageV).toBeCloseTo(76, 9);
    expect(bipolar.pouch.capacityAh).toBeCloseTo(1.566, 9);
    expect(parallel.pouch.voltageV).toBeCloseTo(3.8, 9);
    expect(parallel.pouch.capacityAh).toBeCloseTo(31.32, 9);
  });
});
