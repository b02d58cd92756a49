import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fullFactorial, getPath, latinHypercube, pathKeys, withPath } from '../../src/case/variants';
import { InputError } from '../../src/validation/parseInput';

describe('case variants', () => {
  it('reads and writes values by JSON path without touching the original', () => {
    const c = { bolts: { positions: [{ x: 1, y: 2 }], preload: { force: 100 } } };
    expect(pathKeys('bolts.positions[0].x')).toEqual(['bolts', 'positions', 0, 'x']);
    expect(getPath(c, 'bolts.positions[0].y')).toBe(2);
    const d = withPath(c, 'bolts.preload.force', 250);
    expect(d.bolts.preload.force).toBe(250);
    expect(c.bolts.preload.force).toBe(100);
    expect(getPath(c, 'bolts.nothing.here')).toBeUndefined();
    expect(() => pathKeys('a..b')).toThrow(InputError);
  });

  it('builds the full factorial, first factor slowest', () => {
    const rows = fullFactorial([
      { path: 'a', values: [1, 2] },
      { path: 'b', values: ['x', 'y', 'z'] },
    ]);
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual({ a: 1, b: 'x' });
    expect(rows[5]).toEqual({ a: 2, b: 'z' });
  });

  it('Latin hypercube: every stratum of every range used exactly once, reproducible by seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 1000 }), (n, seed) => {
        const ranges = [
          { path: 'a', lo: 10, hi: 30, integer: false },
          { path: 'b', lo: -1, hi: 1, integer: false },
        ];
        const rows = latinHypercube(ranges, n, seed);
        expect(latinHypercube(ranges, n, seed)).toEqual(rows);
        for (const r of ranges) {
          const strata = rows
            .map((row) => Math.floor(((row[r.path] - r.lo) / (r.hi - r.lo)) * n))
            .sort((p, q) => p - q);
          expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('Latin hypercube rounds integer ranges', () => {
    const rows = latinHypercube([{ path: 'n', lo: 2, hi: 9, integer: true }], 7, 5);
    for (const r of rows) {
      expect(Number.isInteger(r.n)).toBe(true);
      expect(r.n).toBeGreaterThanOrEqual(2);
      expect(r.n).toBeLessThanOrEqual(9);
    }
  });
});
