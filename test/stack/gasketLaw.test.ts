import { describe, expect, it } from 'vitest';
import { evaluateClosureLaw } from '../../solver/contact/closureLaw';
import { gentModulus, lindleyK, padCompressionModulus, shapeFactor } from '../../src/stack/gasketLaw';
import { layerCompression, linearLayer, seriesClosureLaw } from '../../src/stack/layerCompliance';

describe('Gent hardness–modulus (domain notes §4)', () => {
  // tabulated values quoted in the domain notes, to the 3 digits given (±0.01 MPa)
  it.each([
    [40, 1.69],
    [50, 2.46],
    [60, 3.61],
    [70, 5.52],
    [80, 9.35],
  ])('Shore %iA → %f MPa', (s, E) => {
    expect(Math.abs(gentModulus(s) - E)).toBeLessThan(0.01);
  });
});

describe('Gent–Lindley pad', () => {
  it('k runs 0.93 at 30 A to 0.52 at 75 A and is monotone', () => {
    expect(lindleyK(30)).toBeCloseTo(0.93, 12);
    expect(lindleyK(75)).toBeCloseTo(0.52, 12);
    for (let s = 30; s < 75; s += 0.5) expect(lindleyK(s + 0.5)).toBeLessThanOrEqual(lindleyK(s));
  });
  it('shape factor of a square pad is a/(4t)', () => {
    expect(shapeFactor(100 * 100, 400, 2)).toBeCloseTo(100 / 8, 12);
  });
  it('E_eff = 1/(1/(E(1+2kS²)) + 1/B), worked by hand for 60 A, S = 5, B = 2000', () => {
    const E = (0.0981 * (56 + 7.62336 * 60)) / (0.137505 * (254 - 2.54 * 60));
    const Ec = E * (1 + 2 * 0.57 * 25);
    expect(padCompressionModulus(60, 5, 2000, true)).toBeCloseTo(1 / (1 / Ec + 1 / 2000), 10);
    // an unbonded pad does not stiffen with shape
    expect(padCompressionModulus(60, 5, 1e12, false)).toBeCloseTo(E, 6);
  });
});

describe('series closure law', () => {
  it('linear layers in series add compliances', () => {
    const law = seriesClosureLaw([
      { layer: linearLayer('cell', 2, 5000), count: 6 },
      { layer: linearLayer('pad', 1.5, 700), count: 2 },
    ]);
    const out = new Float64Array(3);
    const p = 5;
    const c = p * (6 * (2 / 5000) + 2 * (1.5 / 700));
    evaluateClosureLaw(law, c, out);
    expect(out[0]).toBeCloseTo(p, 10);
    expect(out[2]).toBeCloseTo(0.5 * p * c, 12); // energy of a linear spring
  });
  it('a tabulated layer and a linear one: compressions add at equal pressure', () => {
    const table = { label: 't', p: [0, 1, 4], d: [0, 0.1, 0.15] };
    const lin = linearLayer('l', 1, 100);
    const law = seriesClosureLaw([
      { layer: table, count: 1 },
      { layer: lin, count: 3 },
    ]);
    const out = new Float64Array(3);
    for (const p of [0.5, 1, 2.5, 4, 6]) {
      const c = layerCompression(table, p) + 3 * (p / 100);
      evaluateClosureLaw(law, c, out);
      expect(out[0]).toBeCloseTo(p, 10);
    }
    evaluateClosureLaw(law, -0.01, out);
    expect(out[0]).toBe(0); // tensionless
  });
});
