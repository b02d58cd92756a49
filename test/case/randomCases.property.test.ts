import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../src/case/schema';
import { solveCase, summaryOf } from '../../src/solveCase';
import { numericLeaves } from './numericLeaves';

/** Valid cases on a coarse 10 mm mesh: square plates, eight M8 bolts 12.5 mm in from the edges. */
const validCase = fc
  .record({
    L: fc.integer({ min: 130, max: 200 }),
    margin: fc.integer({ min: 25, max: 45 }),
    topThickness: fc.double({ min: 8, max: 30, noNaN: true }),
    bottom: fc.oneof(fc.constant(null), fc.double({ min: 8, max: 30, noNaN: true })),
    cells: fc.integer({ min: 1, max: 10 }),
    cellThickness: fc.double({ min: 1, max: 4, noNaN: true }),
    modulus: fc.double({ min: 500, max: 20000, noNaN: true }),
    force: fc.double({ min: 1000, max: 8000, noNaN: true }),
    rms: fc.double({ min: 0, max: 10, noNaN: true }),
    seed: fc.integer({ min: 0, max: 1000 }),
    gasket: fc.boolean(),
    swelling: fc.double({ min: 0, max: 0.03, noNaN: true }),
  })
  .map((p): CaseInput => {
    const e = 12.5;
    const m = p.L / 2;
    const flatness = { type: 'random' as const, rms: p.rms, correlationLength: 30, seed: p.seed };
    return {
      plates: {
        Lx: p.L,
        Ly: p.L,
        top: { thickness: p.topThickness, material: 'carbon-steel', flatness },
        bottom: p.bottom === null ? { rigid: true } : { thickness: p.bottom, material: 'al-6061-t6' },
      },
      stack: {
        footprint: { width: p.L - 2 * p.margin, depth: p.L - 2 * p.margin },
        cells: { count: p.cells, thickness: p.cellThickness, law: { type: 'linear', modulus: p.modulus } },
        swelling: p.swelling > 0 ? { type: 'thickness', value: p.swelling } : { type: 'none' },
      },
      gaskets: p.gasket ? [{ side: 'top', thickness: 1.5, law: { type: 'shore', hardness: 60 } }] : [],
      bolts: {
        diameter: 8,
        material: '10.9',
        washerDiameter: 16,
        positions: [
          [e, e],
          [m, e],
          [p.L - e, e],
          [p.L - e, m],
          [p.L - e, p.L - e],
          [m, p.L - e],
          [e, p.L - e],
          [e, m],
        ].map(([x, y]) => ({ x, y })),
        preload: { force: p.force },
        scatter: { type: 'uniform', halfRange: 0.1, seed: p.seed },
      },
      mesh: { size: 10 },
    };
  });

describe('random valid cases (property)', () => {
  it('solve with force balance and no NaN anywhere in the summary', () => {
    fc.assert(
      fc.property(validCase, (raw) => {
        const result = solveCase(raw);
        expect(result.balance.relResidual).toBeLessThan(1e-6);
        if (result.swelling) expect(result.swelling.balance.relResidual).toBeLessThan(1e-6);
        const summary = summaryOf(result);
        const bad = numericLeaves(summary).filter(([, v]) => Number.isNaN(v));
        expect(bad, `NaN at ${bad.map(([p]) => p).join(', ')}`).toEqual([]);
        for (const v of result.fields.pressure[0].grid.values) expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 8, seed: 20251121 },
    );
  }, 240_000);
});
