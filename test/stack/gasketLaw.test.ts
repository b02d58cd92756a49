import { describe, expect, it } from 'vitest';
import { evaluateClosureLaw } from '../../solver/contact/closureLaw';
import { gentModulus, lindleyK, padCompressionModulus, shapeFactor } from '../../src/stack/gasketLaw';
import { linearLayer, seriesClosureLaw } from '../../src/stack/layerCompliance';
import { bondedPadExamples, gentModulusMPa, lindleyCompressionK } from '../reference/literature';

describe('Gent hardness–modulus', () => {
  // the published values of Gent's relation, to the three figures given (±0.01 MPa)
  it.each(gentModulusMPa)('Shore %iA → %f MPa', (s, E) => {
    expect(Math.abs(gentModulus(s) - E)).toBeLessThan(0.01);
  });
});

describe('Gent–Lindley pad', () => {
  it.each(lindleyCompressionK)("k at Shore %iA is Lindley's %f", (s, k) => {
    expect(lindleyK(s)).toBeCloseTo(k, 12);
  });
  it('k falls monotonically between the tabulated hardnesses and holds its end values outside them', () => {
    for (let s = 30; s < 75; s += 0.5) expect(lindleyK(s + 0.5)).toBeLessThanOrEqual(lindleyK(s));
    expect(lindleyK(20)).toBeCloseTo(0.93, 12);
    expect(lindleyK(85)).toBeCloseTo(0.52, 12);
  });
  it('shape factor of a 100 × 100 × 2 mm pad is 10 000 / (400 × 2) = 12.5', () => {
    expect(shapeFactor(100 * 100, 400, 2)).toBeCloseTo(12.5, 12);
  });
  it.each(bondedPadExamples)(
    'E_eff of a $shoreA A pad, S = $shape, B = $bulkMPa MPa, bonded $bonded: $EeffMPa MPa (worked by hand, ±0.5 %)',
    ({ shoreA, shape, bulkMPa, bonded, EeffMPa }) => {
      expect(Math.abs(padCompressionModulus(shoreA, shape, bulkMPa, bonded) / EeffMPa - 1)).toBeLessThan(
        0.005,
      );
    },
  );
});

describe('series closure law', () => {
  it('linear layers in series add compliances', () => {
    const law = seriesClosureLaw([
      { layer: linearLayer('cell', 2, 5000), count: 6 },
      { layer: linearLayer('pad', 1.5, 700), count: 2 },
    ]);
    const out = new Float64Array(3);
    // at 5 MPa: 6 cells close 6 × 2 × 5 / 5000 = 0.012 mm, 2 pads 2 × 1.5 × 5 / 700 = 0.0214286 mm
    const c = 0.0334286;
    evaluateClosureLaw(law, c, out);
    expect(out[0]).toBeCloseTo(5, 4);
    // the energy of a linear spring, ½ p c = 0.0835714 N·mm/mm²
    expect(out[2]).toBeCloseTo(0.0835714, 6);
  });
  it('a tabulated layer and a linear one: compressions add at equal pressure', () => {
    const table = { label: 't', p: [0, 1, 4], d: [0, 0.1, 0.15] };
    const lin = linearLayer('l', 1, 100);
    const law = seriesClosureLaw([
      { layer: table, count: 1 },
      { layer: lin, count: 3 },
    ]);
    const out = new Float64Array(3);
    // closure = table (linear between its points, its last slope 0.05/3 mm/MPa beyond 4 MPa) + 3 × p/100
    const closures: [p: number, c: number][] = [
      [0.5, 0.05 + 0.015],
      [1, 0.1 + 0.03],
      [2.5, 0.125 + 0.075],
      [4, 0.15 + 0.12],
      [6, 0.15 + 0.1 / 3 + 0.18],
    ];
    for (const [p, c] of closures) {
      evaluateClosureLaw(law, c, out);
      expect(out[0]).toBeCloseTo(p, 10);
    }
    evaluateClosureLaw(law, -0.01, out);
    expect(out[0]).toBe(0); // tensionless
  });
});
