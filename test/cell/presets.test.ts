import { describe, expect, it } from 'vitest';
import { evaluateCell } from '../../src/cell/model';
import {
  type Fig1Step,
  fig1Presets,
  seed000LiMetal,
  seed001AnodeFree,
  seed001LiMetal,
} from '../../src/cell/presets';

describe('plausibility against seeds 001 and 000 (unit-cell level)', () => {
  // Seed figures from domain.md §5; their inputs are partly unstated, so the band is ±10 % (see src/cell/README.md).
  const cases = [
    ['seed 001 NCM811‖Li', seed001LiMetal, 397, 1277],
    ['seed 001 anode-free', seed001AnodeFree, 406, 1481],
    ['seed 000 NMC811‖Li 40 µm', seed000LiMetal, 400, 980],
  ] as const;
  it.each(cases)('%s', (_name, cell, whKg, whL) => {
    const r = evaluateCell(cell);
    expect(Math.abs(r.unit.whPerKg / whKg - 1)).toBeLessThan(0.1);
    expect(Math.abs(r.unit.whPerL / whL - 1)).toBeLessThan(0.1);
    // Packaging only ever lowers the densities.
    expect(r.pouch.whPerKg).toBeLessThan(r.unit.whPerKg);
    expect(r.pouch.whPerL).toBeLessThan(r.unit.whPerL);
  });
});

describe('seed 002 Fig 1 progression a–g', () => {
  const steps: Fig1Step[] = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
  const results = steps.map((s) => evaluateCell(fig1Presets[s]));

  it('rises step by step in Wh/kg and Wh/L', () => {
    for (let i = 1; i < results.length; i++) {
      expect(results[i].unit.whPerKg).toBeGreaterThan(results[i - 1].unit.whPerKg);
      expect(results[i].unit.whPerL).toBeGreaterThan(results[i - 1].unit.whPerL);
    }
  });

  it("matches the seed's text: c near LIB (~300 Wh/kg), e above 900 Wh/L, f and g above 450 Wh/kg", () => {
    const [, , c, , e, f, g] = results;
    expect(c.unit.whPerKg).toBeGreaterThan(230);
    expect(c.unit.whPerKg).toBeLessThan(330);
    expect(e.unit.whPerL).toBeGreaterThan(900);
    expect(f.unit.whPerKg).toBeGreaterThan(450);
    expect(g.unit.whPerKg).toBeGreaterThan(450);
  });

  it('pouch energy is capacity × voltage and no result is NaN', () => {
    for (const r of results) {
      expect(r.pouch.energyWh).toBeCloseTo(r.pouch.capacityAh * r.pouch.voltageV, 9);
      for (const v of [r.unit.whPerKg, r.unit.whPerL, r.pouch.whPerKg, r.pouch.whPerL, r.pouch.massG]) {
        expect(Number.isFinite(v)).toBe(true);
      }
    }
  });

  it('bipolar stacking multiplies voltage, parallel multiplies capacity', () => {
    const base = fig1Presets.f as { construction: object };
    const parallel = evaluateCell({ ...base, construction: { ...base.construction, coating: 'single' } });
    const bipolar = evaluateCell({
      ...base,
      construction: { ...base.construction, coating: 'single', stacking: 'bipolar' },
    });
    expect(bipolar.pouch.voltageV / parallel.pouch.voltageV).toBeCloseTo(20, 9);
    expect(parallel.pouch.capacityAh / bipolar.pouch.capacityAh).toBeCloseTo(20, 9);
  });
});
