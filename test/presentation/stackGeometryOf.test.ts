import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCase } from '../../src/case/checkCase';
import { buildModel } from '../../src/model/buildModel';
import { stackGeometryOf } from '../../src/presentation/stackGeometryOf';

const defaultCase = () =>
  JSON.parse(readFileSync(new URL('../../cases/default.json', import.meta.url), 'utf8'));

function geometry(edit: (c: ReturnType<typeof defaultCase>) => void) {
  const input = defaultCase();
  input.mesh.size = 10;
  edit(input);
  const c = checkCase(input).case;
  return stackGeometryOf(c, buildModel(c));
}

const stations = (g: ReturnType<typeof geometry>) =>
  g.parts.map((p) => [p.kind, p.name, p.z0, p.z1] as const);

describe('stackGeometryOf: the solids of the solved stack', () => {
  it('stacks the default case as built: 25 mm plate, 3 mm pad, 6 × 2 mm cells, 3 mm pad, 25 mm plate', () => {
    const g = geometry(() => {});
    // worked out by hand from cases/default.json, z = 0 at the bottom face of the bottom plate
    expect(stations(g)).toEqual([
      ['plate', 'bottom plate', 0, 25],
      ['gasket', 'pad 1 (bottom)', 25, 28],
      ['cell', 'cell 1', 28, 30],
      ['cell', 'cell 2', 30, 32],
      ['cell', 'cell 3', 32, 34],
      ['cell', 'cell 4', 34, 36],
      ['cell', 'cell 5', 36, 38],
      ['cell', 'cell 6', 38, 40],
      ['gasket', 'pad 1 (top)', 40, 43],
      ['plate', 'top plate', 43, 68],
    ]);
    expect(g.zTop).toBe(68);
    expect(g.bolts).toHaveLength(8);
    expect(g.bolts[0]).toMatchObject({ diameter: 8, washerDiameter: 16, springs: { count: 4 } });
    // pads and cells follow the plates: frac 0 on the bottom plate, 1 under the top plate
    const cells = g.parts.filter((p) => p.kind !== 'plate');
    expect(cells[0].frac0).toBe(0);
    expect(cells.at(-1)?.frac1).toBe(1);
    for (const p of cells) expect([p.upper, p.lower]).toEqual([0, 1]);
  });

  it('clips a rectangular pad to the footprint, as the model does', () => {
    const g = geometry((c) => {
      c.gaskets[0].region = { type: 'rect', x0: 0, y0: 40, x1: 100, y1: 150 };
      c.gaskets[0].side = 'top';
    });
    const pad = g.parts.find((p) => p.kind === 'gasket');
    // footprint 100 × 100 centred on a 150 × 150 plate: 25…125 both ways
    expect(pad?.rect).toEqual({ x0: 25, y0: 40, x1: 100, y1: 125 });
  });

  it('draws interleaf plates at the thickness the model used, and a rigid base with no thickness', () => {
    const g = geometry((c) => {
      c.stack.interleaf = { every: 2, thickness: 4, material: 'al-6061-t6' };
      c.plates.bottom = { rigid: true };
      c.gaskets = [];
    });
    expect(stations(g)).toEqual([
      ['base', 'rigid base', 0, 0],
      ['cell', 'cell 1', 0, 2],
      ['cell', 'cell 2', 2, 4],
      ['plate', 'interleaf 2', 4, 8],
      ['cell', 'cell 1', 8, 10],
      ['cell', 'cell 2', 10, 12],
      ['plate', 'interleaf 1', 12, 16],
      ['cell', 'cell 1', 16, 18],
      ['cell', 'cell 2', 18, 20],
      ['plate', 'top plate', 20, 45],
    ]);
    expect(g.bottomLayer).toBe(3);
  });
});
