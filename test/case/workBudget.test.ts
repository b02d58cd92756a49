import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCase } from '../../src/case/checkCase';
import { type Case, caseSchema } from '../../src/case/schema';
import { withPath } from '../../src/case/variants';
import { estimateWork, factorEntries } from '../../src/case/workBudget';
import { buildModel } from '../../src/model/buildModel';
import { InputError } from '../../src/validation/parseInput';

const read = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, `../../cases/${name}.json`), 'utf8'));
const base = read('fig5b-none');
const exampleNames = ['default', 'fig5b-none', 'fig5b-springs', 'fig5b-gaskets', 'fig5b-springs-gaskets'];

function issuesOf(raw: unknown, limits?: { maxMemoryMiB?: number }): string[] {
  try {
    checkCase(raw, limits);
  } catch (e) {
    if (e instanceof InputError) return e.issues;
    throw e;
  }
  return [];
}

/** fig5b-none on a 5000 × 5000 mm plate with a 4900 mm footprint and a bolt in each corner. */
function bigPlate(meshSize: number) {
  let c = withPath(withPath(base, 'plates.Lx', 5000), 'plates.Ly', 5000);
  c = withPath(c, 'stack.footprint', { width: 4900, depth: 4900 });
  c = withPath(c, 'bolts.positions', [
    { x: 12.5, y: 12.5 },
    { x: 4987.5, y: 12.5 },
    { x: 4987.5, y: 4987.5 },
    { x: 12.5, y: 4987.5 },
  ]);
  return withPath(c, 'mesh.size', meshSize);
}

const stacked = (cells: number, every: number, mesh: number) =>
  withPath(
    withPath(withPath(base, 'stack.cells.count', cells), 'stack.interleaf', {
      every,
      thickness: 2,
      material: 'al-6061-t6',
    }),
    'mesh.size',
    mesh,
  );

describe('factor size estimate', () => {
  // nnz(L) of single-plate systems, measured with the solver's own nested dissection
  it.each([
    [30_000, 2.7e6],
    [100_000, 12.8e6],
    [500_000, 68.5e6],
  ])('one plate of %i unknowns: within a factor 2 of the measured %d entries', (n, measured) => {
    const e = factorEntries(n, 1, n / 3);
    expect(e / measured).toBeGreaterThan(0.5);
    expect(e / measured).toBeLessThan(2);
  });

  // coupled stacks of Fig 5b with interleaf plates, measured: [plates, unknowns, nodes per plate, nnz(L)]
  it.each([
    [3, 56_169, 6241, 11_194_908],
    [4, 74_892, 6241, 19_297_140],
    [7, 131_061, 6241, 56_714_820],
    [13, 93_639, 2401, 53_223_711],
  ])('%i coupled plates: within a factor 2 of the measured factor', (plates, n, nodes, measured) => {
    const e = factorEntries(n, plates, nodes);
    expect(e / measured).toBeGreaterThan(0.5);
    expect(e / measured).toBeLessThan(2);
  });

  it('two equal plates are two single-plate systems, a rigid base one, interleaf plates one coupled system', () => {
    const two = estimateWork(caseSchema.parse(base));
    expect(two.factors).toHaveLength(1);
    expect(two.factors[0]).toMatchObject({ count: 2, plates: 1, unknowns: 3 * two.nodes });
    const rigid = estimateWork(caseSchema.parse(withPath(base, 'plates.bottom', { rigid: true })));
    expect(rigid.factors[0]).toMatchObject({ count: 1, plates: 1, unknowns: 3 * rigid.nodes });
    const coupled = estimateWork(caseSchema.parse(stacked(6, 2, 2)));
    // 6 cells with an interleaf after every 2: top, two interleaf plates, bottom
    expect(coupled.plates).toBe(4);
    expect(coupled.factors[0]).toMatchObject({ count: 1, plates: 4, unknowns: 12 * coupled.nodes });
  });
});

describe('the estimate counts what the model builds', () => {
  const countsOf = (c: Case) => {
    const model = buildModel(c);
    return {
      nodes: model.mesh.nodes.length / 2,
      plates: model.problem.layers.filter((l) => l !== null).length,
      interfaces: model.problem.interfaces.length,
      points: model.problem.interfaces.reduce((s, itf) => s + itf.node.length, 0),
    };
  };

  it.each(exampleNames)('%s on a 10 mm mesh', (name) => {
    const c = caseSchema.parse(withPath(read(name), 'mesh.size', 10));
    const e = estimateWork(c);
    const built = countsOf(c);
    expect(e.nodes).toBe(built.nodes);
    expect(e.plates).toBe(built.plates);
    expect(e.unknowns).toBe(3 * built.nodes * built.plates);
    expect(e.interfaces).toBe(built.interfaces);
    // one point per footprint node and interface, a second one where two pad laws meet
    expect(built.points).toBeGreaterThanOrEqual(e.contactPoints);
    expect(built.points).toBeLessThanOrEqual(2 * e.contactPoints);
  });

  it('random bolt layouts, pads and interleaf plates (property)', () => {
    const layout = fc.record({
      h: fc.double({ min: 5, max: 20, noNaN: true }),
      washer: fc.double({ min: 6, max: 20, noNaN: true }),
      bolts: fc.array(fc.tuple(fc.double({ min: 5, max: 145, noNaN: true }), fc.boolean()), {
        minLength: 1,
        maxLength: 12,
      }),
      frame: fc.option(fc.double({ min: 2, max: 30, noNaN: true }), { nil: undefined }),
      every: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
      rigid: fc.boolean(),
    });
    fc.assert(
      fc.property(layout, (p) => {
        // bolts on the top and bottom edge strips, where they stay outside the footprint
        const positions = p.bolts.map(([x, low]) => ({ x, y: low ? 10 : 140 }));
        let raw = withPath(base, 'mesh.size', p.h);
        raw = withPath(raw, 'bolts.washerDiameter', p.washer);
        raw = withPath(raw, 'bolts.positions', positions);
        if (p.frame !== undefined)
          raw = withPath(raw, 'gaskets', [
            {
              side: 'both',
              region: { type: 'frame', width: p.frame },
              thickness: 1,
              law: { type: 'shore', hardness: 50 },
            },
          ]);
        if (p.every !== undefined)
          raw = withPath(raw, 'stack.interleaf', { every: p.every, thickness: 2, material: 'al-6061-t6' });
        if (p.rigid) raw = withPath(raw, 'plates.bottom', { rigid: true });
        const c = caseSchema.parse(raw);
        const e = estimateWork(c);
        const built = countsOf(c);
        expect(e.nodes).toBe(built.nodes);
        expect(e.unknowns).toBe(3 * built.nodes * built.plates);
        expect(e.interfaces).toBe(built.interfaces);
      }),
      { numRuns: 30, seed: 20261202 },
    );
  });

  it('the output grid is the one the pressure map is resampled on', () => {
    // a 100 × 100 mm footprint at 0.3 mm: round(100 / 0.3) + 1 = 334 points a side
    const e = estimateWork(caseSchema.parse(withPath(base, 'output.gridSpacing', 0.3)));
    expect(e.grid).toMatchObject({ nx: 334, ny: 334, points: 334 * 334, maps: 1 });
  });
});

describe('oversized cases are refused before solving', () => {
  const refusal = (raw: unknown, field: string): string => {
    const issues = issuesOf(raw);
    const hit = issues.find((m) => m.startsWith(`${field}:`));
    expect(hit, `expected an issue on ${field} in:\n${issues.join('\n')}`).toBeDefined();
    return hit!;
  };

  it('output grids of 0.01 and 1e-6 mm', () => {
    expect(refusal(withPath(base, 'output.gridSpacing', 0.01), 'output.gridSpacing')).toContain(
      'must be >= 0.05 and <= 50',
    );
    expect(refusal(withPath(base, 'output.gridSpacing', 1e-6), 'output.gridSpacing')).toContain(
      'must be >= 0.05 and <= 50',
    );
  });

  it('a fine output grid on a big footprint, by memory', () => {
    expect(refusal(withPath(bigPlate(20), 'output.gridSpacing', 0.05), 'output.gridSpacing')).toContain(
      '— the case would need more than the 4096 MiB memory limit (raise it with --max-memory)',
    );
  });

  it('mesh.size 0.05 mm on a 5000 mm plate', () => {
    const raw = bigPlate(0.05);
    expect(refusal(raw, 'mesh.size')).toContain(
      'mesh.size: 0.05 mm — the case would need more than the 4096 MiB memory limit',
    );
    // 5000 / 0.05 = 100 000 elements a side (the axis builder may round up to 1 % fewer):
    // 1e10 nodes, two plates of 3 unknowns each
    const e = estimateWork(caseSchema.parse(raw));
    expect(e.unknowns).toBeGreaterThan(0.98 * 6e10);
    expect(e.unknowns).toBeLessThan(1.001 * 6e10);
  });

  it('1000 cells with an interleaf plate after each: 1001 coupled plates', () => {
    const m = refusal(stacked(1000, 1, 10), 'stack.interleaf.every');
    expect(m).toContain('stack.interleaf.every: 1 — the case would need more than the 4096 MiB memory limit');
    expect(m).toContain('1001 plate layers coupled through the stack');
  });

  it('1.5 million bolts, made in memory', () => {
    const positions = Array.from({ length: 1_500_000 }, (_, i) => ({ x: 12.5 + (i % 100), y: 12.5 }));
    expect(refusal(withPath(base, 'bolts.positions', positions), 'bolts.positions')).toBe(
      'bolts.positions: 1500000 items — must have at most 2000',
    );
  });

  it('2000 bolts whose washers refine the mesh: the bolts are named', () => {
    // four rows of 500 bolts, 9.95 mm apart with Ø8 mm washers, around a 4900 mm footprint
    let raw = withPath(bigPlate(10), 'bolts.diameter', 4);
    raw = withPath(raw, 'bolts.washerDiameter', 8);
    raw = withPath(raw, 'bolts.preload', { force: 3000 });
    raw = withPath(raw, 'output.gridSpacing', 5);
    const rows = [12.5, 30, 4970, 4987.5];
    raw = withPath(
      raw,
      'bolts.positions',
      rows.flatMap((y) => Array.from({ length: 500 }, (_, i) => ({ x: 12.5 + i * 9.95, y }))),
    );
    expect(refusal(raw, 'bolts.positions')).toContain(
      'bolts.positions: 2000 bolts — the case would need more than the 4096 MiB memory limit',
    );
  });

  it('an output map of more than 10 M points, though it fits in memory', () => {
    let raw = withPath(withPath(bigPlate(50), 'plates.Lx', 3600), 'plates.Ly', 3600);
    raw = withPath(raw, 'stack.footprint', { width: 3500, depth: 3500 });
    raw = withPath(raw, 'bolts.positions', [
      { x: 12.5, y: 12.5 },
      { x: 3587.5, y: 3587.5 },
    ]);
    // 3501 × 3501 = 12.3 M points at 1 mm
    expect(refusal(raw, 'output.gridSpacing')).toContain(
      'output.gridSpacing: 1 mm — gives more than the 10 M points a pressure map may have: 3501 × 3501',
    );
  });

  it('the limit is an option of checkCase', () => {
    const fine = withPath(base, 'mesh.size', 0.3);
    expect(issuesOf(fine).join('\n')).toContain('the 4096 MiB memory limit');
    expect(issuesOf(fine, { maxMemoryMiB: 16_000 })).toEqual([]);
    // the example at 2 mm needs on the order of a hundred MiB
    expect(issuesOf(base, { maxMemoryMiB: 1000 })).toEqual([]);
    expect(issuesOf(base, { maxMemoryMiB: 20 }).join('\n')).toContain(
      'mesh.size: 2 mm — the case would need more than the 20 MiB memory limit',
    );
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(issuesOf(base, { maxMemoryMiB: bad })).toEqual([
        `maxMemoryMiB: ${bad} MiB — must be a finite number > 0`,
      ]);
  });

  it('the examples fit the default budget', () => {
    for (const name of exampleNames) expect(issuesOf(read(name)), name).toEqual([]);
  });
});
