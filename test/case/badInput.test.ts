import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withPath } from '../../src/case/variants';
import { issuesOf } from './caseIssues';

const base = JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/fig5b-none.json'), 'utf8'));
const springs = JSON.parse(readFileSync(join(import.meta.dirname, '../../cases/fig5b-springs.json'), 'utf8'));

/** [what is wrong, the case, the message expected among the issues (field path, value, unit, allowed range)]. */
const table: [string, unknown, string][] = [
  [
    'negative plate thickness',
    withPath(base, 'plates.top.thickness', -3),
    'plates.top.thickness: -3 mm — must be >= 0.1 and <= 500',
  ],
  ['zero plate width', withPath(base, 'plates.Lx', 0), 'plates.Lx: 0 mm — must be > 0 and <= 5000'],
  [
    'thickness as text',
    withPath(base, 'plates.top.thickness', '25'),
    'plates.top.thickness: "25" — must be a number in mm that is >= 0.1 and <= 500',
  ],
  [
    'unknown plate material',
    withPath(base, 'plates.top.material', 'unobtainium'),
    'plates.top.material: "unobtainium" — must be one of',
  ],
  [
    'Poisson ratio of 0.5',
    withPath(base, 'plates.top.material', { E: 2e5, nu: 0.5, density: 7850, yield: 300 }),
    'plates.top.material.nu: 0.5 — must be >= 0 and < 0.5',
  ],
  [
    'unknown key',
    withPath(base, 'plates.top.colour', 'red'),
    'plates.top: unknown key "colour" — not allowed here',
  ],
  [
    'missing plate thickness',
    withPath(base, 'plates.top', { material: 'carbon-steel' }),
    'plates.top.thickness: required — a number in mm that must be >= 0.1 and <= 500',
  ],
  [
    'fractional cell count',
    withPath(base, 'stack.cells.count', 2.5),
    'stack.cells.count: 2.5 — must be a whole number and >= 1 and <= 1000',
  ],
  [
    'zero cells',
    withPath(base, 'stack.cells.count', 0),
    'stack.cells.count: 0 — must be a whole number and >= 1 and <= 1000',
  ],
  [
    'negative cell modulus',
    withPath(base, 'stack.cells.law.modulus', -5000),
    'stack.cells.law.modulus: -5000 MPa — must be >= 0.1 and <= 1000000',
  ],
  [
    'strain table above 1',
    withPath(base, 'stack.cells.law', { type: 'table', strain: [0, 1.2], pressure: [0, 5] }),
    'stack.cells.law.strain[1]: 1.2 — must be >= 0 and < 1',
  ],
  [
    'strain table not increasing',
    withPath(base, 'stack.cells.law', { type: 'table', strain: [0, 0.02, 0.01], pressure: [0, 5, 10] }),
    'stack.cells.law.strain[2]: 0.01 — must increase strictly (previous 0.02)',
  ],
  [
    'footprint larger than the plate',
    withPath(base, 'stack.footprint.width', 200),
    'stack.footprint: [-25, 175] × [25, 125] mm — must lie on the plate [0, 150] × [0, 150] mm',
  ],
  [
    'bolt inside the footprint',
    withPath(base, 'bolts.positions[0]', { x: 75, y: 75 }),
    'bolts.positions[0]: (75, 75) mm — the bolt or its washer (Ø16 mm) is inside the cell footprint',
  ],
  [
    'bolt off the plate',
    withPath(base, 'bolts.positions[0]', { x: -5, y: 12.5 }),
    'bolts.positions[0]: (-5, 12.5) mm — the bolt hole must lie on the plate',
  ],
  [
    'overlapping washers',
    withPath(base, 'bolts.positions[1]', { x: 20, y: 12.5 }),
    'bolts.positions[1]: (20, 12.5) mm — washers overlap bolt 0',
  ],
  [
    'negative preload',
    withPath(base, 'bolts.preload', { force: -100 }),
    'bolts.preload.force: -100 N — must be >= 1 and <= 10000000',
  ],
  [
    'torque with nut factor 2',
    withPath(base, 'bolts.preload', { torque: 10000, nutFactor: 2 }),
    'bolts.preload.nutFactor: 2 — must be >= 0.05 and <= 1',
  ],
  [
    'preload above proof strength',
    withPath(base, 'bolts.preload', { force: 60000 }),
    'above its 940 MPa proof strength',
  ],
  [
    'unknown bolt class',
    withPath(base, 'bolts.material', '14.9'),
    'bolts.material: "14.9" — must be one of "8.8", "10.9"',
  ],
  ['no bolts', withPath(base, 'bolts.positions', []), 'bolts.positions: 0 items — must have at least 1'],
  [
    'scatter factors count',
    withPath(base, 'bolts.scatter', { type: 'factors', factors: [1, 1] }),
    'bolts.scatter.factors: 2 factors — must give one per bolt (8)',
  ],
  [
    'scatter half range of 1',
    withPath(base, 'bolts.scatter', { type: 'uniform', halfRange: 1, seed: 1 }),
    'bolts.scatter.halfRange: 1 — must be >= 0 and < 1',
  ],
  ['spring solid length reached', withPath(springs, 'bolts.springs.rate', 1000), 'reaches its solid length'],
  [
    'spring solid longer than free',
    withPath(springs, 'bolts.springs.solidLength', 5),
    'bolts.springs.solidLength: 5 mm — must be < freeLength',
  ],
  [
    'gasket rect larger than the plate',
    withPath(base, 'gaskets', [
      {
        side: 'top',
        region: { type: 'rect', x0: -10, y0: 0, x1: 160, y1: 150 },
        thickness: 1,
        law: { type: 'shore', hardness: 60 },
      },
    ]),
    'gaskets[0].region: [-10, 160] × [0, 150] mm — larger than the plate [0, 150] × [0, 150] mm',
  ],
  [
    'Shore hardness outside Gent',
    withPath(base, 'gaskets', [{ side: 'top', thickness: 1, law: { type: 'shore', hardness: 95 } }]),
    'gaskets[0].law.hardness: 95 Shore A — must be >= 20 and <= 85',
  ],
  [
    'gasket side',
    withPath(base, 'gaskets', [{ side: 'left', thickness: 1, law: { type: 'shore', hardness: 60 } }]),
    'gaskets[0].side: "left" — must be one of "top", "bottom", "both"',
  ],
  [
    'mesh too fine',
    withPath(base, 'mesh.size', 0.1),
    'mesh.size: 0.1 mm — the case would need more than the 4096 MiB memory limit',
  ],
  [
    'solver tolerance too loose',
    withPath(base, 'solver.tolerance', 0.1),
    'solver.tolerance: 0.1 — must be > 0 and < 0.01',
  ],
  [
    'flatness map without data',
    withPath(base, 'plates.top.flatness', { type: 'map' }),
    'plates.top.flatness: a map with neither grid nor file — a map needs a grid or a file',
  ],
  [
    'random flatness negative rms',
    withPath(base, 'plates.top.flatness', { type: 'random', rms: -1, correlationLength: 30 }),
    'plates.top.flatness.rms: -1 µm — must be >= 0',
  ],
  [
    'infinite value',
    withPath(base, 'plates.Ly', Number.POSITIVE_INFINITY),
    'plates.Ly: Infinity mm — must be a finite number > 0 and <= 5000',
  ],
  [
    'unknown swelling type',
    withPath(base, 'stack.swelling', { type: 'grow' }),
    'stack.swelling.type: "grow" — must be one of "none", "strain"',
  ],
  [
    'unknown bottom plate material',
    withPath(base, 'plates.bottom.material', 'alu'),
    'plates.bottom: material: "alu" — must be one of carbon-steel',
  ],
  ['missing top plate', withPath(base, 'plates.top', undefined), 'plates.top: required — an object'],
];

describe('bad case inputs', () => {
  it('the table has at least 20 entries and the base case is valid', () => {
    expect(table.length).toBeGreaterThanOrEqual(20);
    expect(issuesOf(base)).toEqual([]);
    expect(issuesOf(springs)).toEqual([]);
  });
  it.each(table)('%s', (_what, raw, expected) => {
    const issues = issuesOf(raw);
    expect(issues.length, 'an InputError is thrown').toBeGreaterThan(0);
    expect(
      issues.some((m) => m.includes(expected)),
      `expected "${expected}" in:\n${issues.join('\n')}`,
    ).toBe(true);
  });
});
