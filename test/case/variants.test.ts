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

  it('refuses paths into the prototype chain, and Object.prototype stays clean', () => {
    const c = { bolts: { preload: { force: 100 } } };
    for (const path of [
      '__proto__.valueOf',
      'constructor.prototype.x',
      'bolts.__proto__',
      'prototype',
      'a[0].constructor',
    ]) {
      expect(() => pathKeys(path)).toThrow(InputError);
      expect(() => withPath(c, path, 1)).toThrow(/may not contain __proto__, constructor or prototype/);
      expect(() => getPath(c, path)).toThrow(InputError);
    }
    expect(() => fullFactorial([{ path: '__proto__.x', values: [1] }])).toThrow(InputError);
    expect(() => latinHypercube([{ path: '__proto__', lo: 0, hi: 1, integer: false }], 2, 1)).toThrow(
      InputError,
    );
    expect(Object.hasOwn(Object.prototype, 'valueOf')).toBe(true);
    expect(({} as { x?: unknown }).x).toBeUndefined();
    expect(typeof Object.prototype.valueOf).toBe('function');
  });

  it('reads and writes own properties only: nothing inherited, no list length', () => {
    const c = { bolts: { positions: [{ x: 1 }, { x: 2 }] } };
    expect(getPath(c, 'bolts.toString')).toBeUndefined();
    expect(getPath(c, 'bolts.hasOwnProperty')).toBeUndefined();
    expect(getPath(c, 'bolts.positions.length')).toBeUndefined();
    expect(getPath(c, 'bolts.positions[2]')).toBeUndefined();
    expect(getPath(c, 'bolts.positions[1].x')).toBe(2);
    expect(() => withPath(c, 'bolts.positions.length', 0)).toThrow(/cannot be set/);
    expect(() => withPath(c, 'bolts.positions[5]', {})).toThrow(/cannot be set/);
    expect(() => withPath(c, 'bolts.toString.x', 1)).toThrow(/"toString" is not in the case/);
    expect(() => withPath(c, 'missing.x', 1)).toThrow(/"missing" is not in the case/);
    expect(withPath(c, 'bolts.extra', 3)).toEqual({ bolts: { positions: [{ x: 1 }, { x: 2 }], extra: 3 } });
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
