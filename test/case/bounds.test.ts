import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { washerOverlaps } from '../../src/case/boltOverlap';
import { caseSchema } from '../../src/case/schema';
import { getPath, withPath } from '../../src/case/variants';
import { shownValue } from '../../src/validation/shownValue';
import { issuesOf } from './caseIssues';
import { numericLeaves } from './numericLeaves';

const read = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../../cases/${name}.json`), 'utf8'));
const base = read('fig5b-none');
const full = read('fig5b-springs-gaskets');

const expectIssue = (raw: unknown, expected: string) => {
  const issues = issuesOf(raw);
  expect(
    issues.some((m) => m.includes(expected)),
    `expected "${expected}" in:\n${issues.join('\n')}`,
  ).toBe(true);
};

/** Every node of a JSON Schema with its path, for the checks that apply to all numbers and lists. */
function schemaNodes(node: unknown, at = '', out: [string, Record<string, unknown>][] = []) {
  if (!node || typeof node !== 'object') return out;
  const n = node as Record<string, unknown>;
  if (typeof n.type === 'string') out.push([at, n]);
  for (const [k, v] of Object.entries(n)) {
    if (Array.isArray(v)) for (const [i, x] of v.entries()) schemaNodes(x, `${at}/${k}[${i}]`, out);
    else if (v && typeof v === 'object') schemaNodes(v, `${at}/${k}`, out);
  }
  return out;
}

describe('every number and every list of the schema is bounded', () => {
  const nodes = schemaNodes(z.toJSONSchema(caseSchema, { io: 'input' }));

  it('numbers have a lower and an upper bound, and the description states them', () => {
    // schemaVersion is a constant, not a quantity
    const numbers = nodes.filter(([, n]) => (n.type === 'number' || n.type === 'integer') && !('const' in n));
    expect(numbers.length).toBeGreaterThan(60);
    for (const [at, n] of numbers) {
      expect('minimum' in n || 'exclusiveMinimum' in n, `${at}: no lower bound`).toBe(true);
      expect('maximum' in n || 'exclusiveMaximum' in n, `${at}: no upper bound`).toBe(true);
      expect(String(n.description), `${at}: range not documented`).toMatch(/must be .*(<|<=) /);
    }
  });

  it('lists have a largest length', () => {
    const lists = nodes.filter(([, n]) => n.type === 'array');
    expect(lists.length).toBeGreaterThan(8);
    for (const [at, n] of lists) expect('maxItems' in n, `${at}: no maxItems`).toBe(true);
  });
});

/** [field, a value past its bound, the message expected]: the ranges chosen in the schema. */
const bounds: [string, unknown, string][] = [
  ['plates.Lx', 5001, 'plates.Lx: 5001 mm — must be > 0 and <= 5000'],
  ['plates.top.thickness', 501, 'plates.top.thickness: 501 mm — must be >= 0.1 and <= 500'],
  ['plates.top.thickness', 0.05, 'plates.top.thickness: 0.05 mm — must be >= 0.1 and <= 500'],
  [
    'plates.top.material',
    { E: 99, nu: 0.3, density: 7850, yield: 300 },
    'plates.top.material.E: 99 MPa — must be >= 100 and <= 1200000',
  ],
  [
    'plates.top.material',
    { E: 1.3e6, nu: 0.3, density: 7850, yield: 300 },
    'plates.top.material.E: 1300000 MPa — must be >= 100 and <= 1200000',
  ],
  [
    'plates.top.material',
    { E: 2e5, nu: 0.3, density: 7850, yield: 5001 },
    'plates.top.material.yield: 5001 MPa — must be > 0 and <= 5000',
  ],
  [
    'plates.top.material',
    { E: 2e5, nu: 0.3, density: 99, yield: 300 },
    'plates.top.material.density: 99 kg/m³ — must be >= 100 and <= 25000',
  ],
  [
    'plates.top.material',
    { E: 2e5, nu: 0.3, density: 25_001, yield: 300 },
    'plates.top.material.density: 25001 kg/m³ — must be >= 100 and <= 25000',
  ],
  ['bolts.diameter', 0.5, 'bolts.diameter: 0.5 mm — must be >= 1 and <= 100'],
  ['bolts.diameter', 101, 'bolts.diameter: 101 mm — must be >= 1 and <= 100'],
  [
    'bolts.scatter',
    { type: 'factors', factors: [1, 1, 1, 0.09, 1, 1, 1, 1] },
    'bolts.scatter.factors[3]: 0.09 — must be >= 0.1 and <= 3',
  ],
  [
    'bolts.scatter',
    { type: 'factors', factors: [1, 1, 1, 1, 1, 1, 1, 3.1] },
    'bolts.scatter.factors[7]: 3.1 — must be >= 0.1 and <= 3',
  ],
  [
    'stack.cells.law',
    { type: 'linear', modulus: 1.1e6 },
    'stack.cells.law.modulus: 1100000 MPa — must be >= 0.1 and <= 1000000',
  ],
  ['stack.cells.count', 1001, 'stack.cells.count: 1001 — must be a whole number and >= 1 and <= 1000'],
  ['stack.swelling', { type: 'strain', value: 1 }, 'stack.swelling.value: 1 — must be > -1 and < 1'],
  [
    'stack.swelling',
    {
      type: 'strainMap',
      grid: {
        x: [0, 150],
        y: [0, 150],
        values: [
          [0, 0],
          [0, -1],
        ],
      },
    },
    'stack.swelling.grid.values[1][1]: -1 — must be > -1 and < 1',
  ],
  [
    'stack.cells.law',
    {
      type: 'table',
      strain: Array.from({ length: 2001 }, (_, k) => k * 1e-5),
      pressure: Array.from({ length: 2001 }, (_, k) => k * 1e-2),
    },
    'stack.cells.law.strain: 2001 items — must have at most 2000',
  ],
  [
    'bolts.positions',
    Array.from({ length: 2001 }, (_, i) => ({ x: i, y: 0 })),
    'bolts.positions: 2001 items — must have at most 2000',
  ],
  [
    'gaskets',
    [{ side: 'top', thickness: 101, law: { type: 'shore', hardness: 60 } }],
    'gaskets[0].thickness: 101 mm — must be >= 0.01 and <= 100',
  ],
  ['mesh.size', 0.04, 'mesh.size: 0.04 mm — must be >= 0.05 and <= 100'],
  ['mesh.size', 101, 'mesh.size: 101 mm — must be >= 0.05 and <= 100'],
  ['output.gridSpacing', 0.04, 'output.gridSpacing: 0.04 mm — must be >= 0.05 and <= 50'],
  ['output.gridSpacing', 51, 'output.gridSpacing: 51 mm — must be >= 0.05 and <= 50'],
  ['output.contactThreshold', 1001, 'output.contactThreshold: 1001 MPa — must be >= 0 and <= 1000'],
  ['solver.maxIterations', 1001, 'solver.maxIterations: 1001 — must be a whole number and >= 1 and <= 1000'],
  ['bolts.preload', { force: 2e7 }, 'bolts.preload.force: 20000000 N — must be >= 1 and <= 10000000'],
  [
    'plates.top.flatness',
    { type: 'random', rms: 1001, correlationLength: 30 },
    'plates.top.flatness.rms: 1001 µm — must be >= 0 and <= 1000',
  ],
  [
    'plates.top.flatness',
    { type: 'random', rms: 4, correlationLength: 30, seed: 2 ** 31 },
    'plates.top.flatness.seed: 2147483648 — must be a whole number and >= 0 and <= 2147483647',
  ],
];

describe('bounds of the fields', () => {
  it.each(bounds)('%s = %j', (path, value, expected) => expectIssue(withPath(base, path, value), expected));

  it('values on the bounds pass the schema', () => {
    for (const [path, value] of [
      ['plates.top.thickness', 500],
      ['plates.top.thickness', 0.1],
      ['plates.top.material', { E: 100, nu: 0, density: 100, yield: 5000 }],
      ['plates.top.material', { E: 1.2e6, nu: 0.49, density: 25_000, yield: 1 }],
      ['bolts.scatter', { type: 'factors', factors: [0.1, 3, 1, 1, 1, 1, 1, 1] }],
      ['mesh.size', 100],
      ['output.gridSpacing', 50],
      ['solver.maxIterations', 1000],
    ] as const)
      expect(
        caseSchema.safeParse(withPath(base, path, value)).success,
        `${path} = ${JSON.stringify(value)}`,
      ).toBe(true);
  });
});

describe('non-finite and wrong-type values state the range', () => {
  it.each([
    [
      'plates.Lx',
      Number.POSITIVE_INFINITY,
      'plates.Lx: Infinity mm — must be a finite number > 0 and <= 5000',
    ],
    [
      'plates.Ly',
      Number.NEGATIVE_INFINITY,
      'plates.Ly: -Infinity mm — must be a finite number > 0 and <= 5000',
    ],
    ['mesh.size', Number.NaN, 'mesh.size: NaN mm — must be a finite number >= 0.05 and <= 100'],
    [
      'stack.cells.count',
      Number.POSITIVE_INFINITY,
      'stack.cells.count: Infinity — must be a finite whole number >= 1 and <= 1000',
    ],
    [
      'bolts.positions[0].y',
      Number.NaN,
      'bolts.positions[0].y: NaN mm — must be a finite number >= -100000 and <= 100000',
    ],
    [
      'stack.cells.thickness',
      '2',
      'stack.cells.thickness: "2" — must be a number in mm that is >= 0.01 and <= 100',
    ],
    [
      'stack.cells.count',
      false,
      'stack.cells.count: false — must be a whole number that is >= 1 and <= 1000',
    ],
    ['plates.Lx', null, 'plates.Lx: null — must be a number in mm that is > 0 and <= 5000'],
    ['plates.Lx', [150], 'plates.Lx: [150] — must be a number in mm that is > 0 and <= 5000'],
  ])('%s = %s', (path, value, expected) => expectIssue(withPath(base, path, value), expected));
});

describe('each problem is reported once', () => {
  // 1e300 breaks both the whole-number range and the upper bound; a fraction below 1 breaks two bounds
  it.each([
    ['stack.cells.count', 1e300],
    ['stack.cells.count', -0.5],
    ['solver.maxIterations', 2 ** 60],
    ['stack.interleaf', { every: 1e20, thickness: 2, material: 'al-6061-t6' }],
  ])('%s = %s', (path, value) => {
    const issues = issuesOf(withPath(base, path, value));
    expect(issues).toHaveLength(1);
  });

  it('a long list of bad values is cut to 20 lines and says how many were left out', () => {
    const factors = Array.from({ length: 8 }, () => 1e-300);
    const strain = [0, ...Array.from({ length: 40 }, () => 1.5)];
    let raw = withPath(base, 'bolts.scatter', { type: 'factors', factors });
    raw = withPath(raw, 'stack.cells.law', { type: 'table', strain, pressure: strain.map((_, k) => k) });
    const issues = issuesOf(raw);
    expect(issues).toHaveLength(21);
    expect(issues[20]).toBe('(case): 28 more issues — not listed; fix the ones above first');
  });
});

describe('a map full of bad values', () => {
  const axis = Array.from({ length: 1000 }, (_, i) => (i * 150) / 999);
  const map = (v: unknown) => ({
    type: 'thicknessMap',
    grid: { x: axis, y: axis, values: axis.map(() => axis.map(() => v)) },
  });

  it('inside the schema but each shrinking its cell below zero: 20 listed, the rest counted', () => {
    const issues = issuesOf(withPath(base, 'stack.swelling', map(-5)));
    expect(issues).toHaveLength(21);
    expect(issues[0]).toBe(
      'stack.swelling.grid.values[0][0]: -5 mm — would shrink each 2 mm cell below zero thickness; must be > -2 mm',
    );
    expect(issues[20]).toBe('(case): 999980 more issues — not listed; fix the ones above first');
  });

  it('outside the schema: the same (on 300 × 300, as zod forms every issue itself)', () => {
    const short = axis.slice(0, 300);
    const grid = { x: short, y: short, values: short.map(() => short.map(() => 500)) };
    const issues = issuesOf(withPath(base, 'stack.swelling', { type: 'thicknessMap', grid }));
    expect(issues).toHaveLength(21);
    expect(issues[0]).toBe('stack.swelling.grid.values[0][0]: 500 mm — must be >= -100 and <= 100');
    expect(issues[20]).toBe('(case): 89980 more issues — not listed; fix the ones above first');
  });
});

describe('swelling cannot shrink a cell below nothing nor more than double it', () => {
  // the base case has 2 mm cells
  it.each([
    [
      { type: 'thickness', value: -2 },
      'stack.swelling.value: -2 mm — would shrink each 2 mm cell below zero thickness; must be > -2 mm',
    ],
    [
      { type: 'thickness', value: -100 },
      'stack.swelling.value: -100 mm — would shrink each 2 mm cell below zero thickness; must be > -2 mm',
    ],
    [
      { type: 'thickness', value: 2.01 },
      'stack.swelling.value: 2.01 mm — more than doubles each 2 mm cell (over 100 % growth); must be <= 2 mm',
    ],
    [{ type: 'strain', value: -1 }, 'stack.swelling.value: -1 — must be > -1 and < 1'],
    [{ type: 'strain', value: -1.5 }, 'stack.swelling.value: -1.5 — must be > -1 and < 1'],
    [
      {
        type: 'thicknessMap',
        grid: {
          x: [0, 150],
          y: [0, 150],
          values: [
            [0, 0],
            [3, 0],
          ],
        },
      },
      'stack.swelling.grid.values[1][0]: 3 mm — more than doubles each 2 mm cell (over 100 % growth); must be <= 2 mm',
    ],
  ])('%j', (swelling, expected) => expectIssue(withPath(base, 'stack.swelling', swelling), expected));

  it.each([
    { type: 'thickness', value: -1.99 },
    { type: 'thickness', value: 2 },
    { type: 'strain', value: -0.99 },
    {
      type: 'thicknessMap',
      grid: {
        x: [0, 150],
        y: [0, 150],
        values: [
          [-1.9, 0],
          [2, 0.5],
        ],
      },
    },
  ])('%j is allowed', (swelling) => expect(issuesOf(withPath(base, 'stack.swelling', swelling))).toEqual([]));
});

/** The plain double loop the grid hash replaces. */
function bruteForceOverlaps(
  bolts: { x: number; y: number }[],
  washer: number,
  eps: number,
): [number, number][] {
  const out: [number, number][] = [];
  bolts.forEach((b, i) => {
    for (let j = 0; j < i; j++)
      if (Math.hypot(bolts[j].x - b.x, bolts[j].y - b.y) < washer - eps) out.push([i, j]);
  });
  return out;
}

describe('washer overlap check', () => {
  it('finds exactly the pairs of the double loop, in its order (property)', () => {
    const layout = fc.record({
      washer: fc.double({ min: 1, max: 40, noNaN: true }),
      bolts: fc.array(
        fc.record({
          // clustered and spread layouts, negative coordinates and cell edges included
          x: fc.oneof(
            fc.double({ min: -50, max: 200, noNaN: true }),
            fc.integer({ min: -3, max: 10 }).map((k) => 8 * k),
          ),
          y: fc.oneof(
            fc.double({ min: -50, max: 200, noNaN: true }),
            fc.integer({ min: -3, max: 10 }).map((k) => 8 * k),
          ),
        }),
        { maxLength: 80 },
      ),
    });
    fc.assert(
      fc.property(layout, ({ washer, bolts }) => {
        const expected = bruteForceOverlaps(bolts, washer, 1e-9);
        const found = washerOverlaps(bolts, washer, 1e-9, Number.POSITIVE_INFINITY);
        expect(found.pairs).toEqual(expected);
        expect(found.total).toBe(expected.length);
        const cut = washerOverlaps(bolts, washer, 1e-9, 5);
        expect(cut.pairs).toEqual(expected.slice(0, 5));
        expect(cut.total).toBe(expected.length);
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });

  it('2000 bolts on one spot: every pair counted, 10 listed', () => {
    const bolts = Array.from({ length: 2000 }, () => ({ x: 75, y: 12.5 }));
    const r = washerOverlaps(bolts, 16, 1e-9);
    expect(r.total).toBe((2000 * 1999) / 2);
    expect(r.pairs).toHaveLength(10);
    expect(r.pairs[0]).toEqual([1, 0]);
  });

  it('checkCase lists the first overlaps and counts the rest', () => {
    const positions = Array.from({ length: 30 }, (_, i) => ({ x: 20 + i, y: 12.5 }));
    const issues = issuesOf(withPath(base, 'bolts.positions', positions));
    expect(issues[0]).toBe('bolts.positions[1]: (21, 12.5) mm — washers overlap bolt 0 at (20, 12.5) mm');
    // washers of Ø16 mm 1 mm apart: each bolt overlaps the 15 before it
    const pairs = Array.from({ length: 30 }, (_, i) => Math.min(i, 15)).reduce((a, b) => a + b, 0);
    expect(issues).toContain(
      `bolts.positions: ${pairs - 10} more overlapping washer pairs — not listed; washer centres must be at least 16 mm apart`,
    );
  });
});

describe('messages are safe on any value', () => {
  const deep = (n: number) => JSON.parse(`${'['.repeat(n)}${']'.repeat(n)}`);

  it.each([
    'plates.top.thickness',
    'plates.top.material',
    'plates.bottom',
    'bolts.scatter',
    'stack.cells.law',
    'gaskets',
  ])('an 11 KB deeply nested value at %s', (path) => {
    const issues = issuesOf(withPath(base, path, deep(5500)));
    expect(issues.length).toBeGreaterThan(0);
    for (const m of issues) expect(m.length).toBeLessThan(300);
  });

  it('shownValue cuts long, deep, cyclic and wide values', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(shownValue(cyclic)).toBe('{"a":1,"self":{"a":1,"self":{"a":1,"self":{…}}}}');
    expect(shownValue('x'.repeat(1e6))).toHaveLength(60);
    expect(shownValue(new Array(1e6).fill(7))).toHaveLength(60);
    expect(shownValue(deep(100_000))).toBe('[[[[…]]]]');
    expect(shownValue({ E: 1, nu: 0.3 })).toBe('{"E":1,"nu":0.3}');
    expect(shownValue([Number.NaN, Number.NEGATIVE_INFINITY])).toBe('[NaN,-Infinity]');
    expect(shownValue(undefined)).toBe('missing');
    const throwing = {
      get boom() {
        throw new Error('getter');
      },
    };
    expect(shownValue(throwing)).toBe('{"boom":...');
  });

  it('an unknown key of a megabyte is cut', () => {
    const issues = issuesOf(withPath(base, `plates.top.${'k'.repeat(1e6)}`, 1));
    expect(issues).toHaveLength(1);
    expect(issues[0].length).toBeLessThan(300);
  });
});

describe('no NaN or Infinity in any message for finite input (property)', () => {
  const paths = numericLeaves(full).map(([p]) => p);
  const finiteHostile = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(1e308, -1e308, 1e-300, 5e-324, -5e-324, 2 ** 53, 1e21, 0, -0),
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
  );
  const scaled = (path: string) =>
    fc.double({ min: -3, max: 3, noNaN: true }).map((u) => (getPath(full, path) as number) * 10 ** u);

  it('checkCase accepts or refuses with field, value and range; nothing else is thrown', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc
            .constantFrom(...paths)
            .chain((p) => fc.tuple(fc.constant(p), fc.oneof(finiteHostile, scaled(p)))),
          { minLength: 1, maxLength: 4 },
        ),
        (changes) => {
          let raw: unknown = full;
          for (const [p, v] of changes) raw = withPath(raw, p, v);
          for (const m of issuesOf(raw)) {
            expect(m).toMatch(/^[\w.[\]()]+: .+ — .+/);
            expect(m).not.toMatch(/NaN|Infinity/);
          }
        },
      ),
      { numRuns: 400, seed: 20261204 },
    );
  });
});
