import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  artifactsOf,
  type CaseArtifacts,
  decodeArtifacts,
  encodeArtifacts,
} from '../../src/report/caseArtifacts';
import { type ResultFile, writeCaseFolder } from '../../src/report/caseFolder';
import { resultVtu } from '../../src/report/vtu';
import { solveCase } from '../../src/solveCase';

const repo = join(import.meta.dirname, '../..');
const reader = join(repo, 'test/reference/readVtu.py');
// Debian's python3-vtk9 lives in the system Python; a pyenv or venv python3 on PATH lacks it
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

interface ArrayInfo {
  components: number;
  tuples: number;
  range: [number, number];
}
interface VtuRead {
  points: number;
  cells: number;
  cellTypes: number[];
  bounds: number[];
  pointData: Record<string, ArrayInfo>;
  cellData: Record<string, ArrayInfo>;
  fieldData: Record<string, string[]>;
  firstCell: number[][];
}

/** |a − b| within `rel` of the larger magnitude: the same number reached by another rounding path. */
const near = (a: number, b: number, rel = 1e-12) =>
  expect(Math.abs(a - b), `${a} vs ${b}`).toBeLessThanOrEqual(rel * Math.max(Math.abs(a), Math.abs(b)));

describe('result.vtu read by VTK (python3-vtk9)', () => {
  let dir: string;
  let artifacts: CaseArtifacts;
  let result: ResultFile;
  let read: VtuRead;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'stackpress-vtu-'));
    const raw = JSON.parse(await readFile(join(repo, 'cases/fig5b-none.json'), 'utf8'));
    raw.mesh = { size: 10 };
    artifacts = artifactsOf(solveCase(raw));
    const caseDir = join(dir, 'out', 'fig5b-none');
    await writeCaseFolder(caseDir, artifacts, { file: 'fig5b-none.json', hash: '0'.repeat(64) });
    result = JSON.parse(await readFile(join(caseDir, 'result.json'), 'utf8'));
    const { stdout } = await promisify(execFile)(python, [reader, join(caseDir, 'result.vtu')], {
      maxBuffer: 16 * 2 ** 20,
    });
    read = JSON.parse(stdout);
  }, 120_000);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('holds every plate as quads: plates × nodes points, plates × quads cells, all VTK_QUAD', () => {
    const nx = artifacts.axes.x.length;
    const ny = artifacts.axes.y.length;
    expect(result.plates).toHaveLength(2);
    expect(read.points).toBe(2 * nx * ny);
    expect(read.cells).toBe(2 * (nx - 1) * (ny - 1));
    expect(read.cellTypes).toEqual([9]);
    expect(read.fieldData).toEqual({ case: ['fig5b-none'], plates: ['top plate', 'bottom plate'] });
  });

  it('stacks the plates at their mid-planes: bottom at 25/2, top at 25 + 6 × 2 + 25/2 mm', () => {
    // fig5b-none: 25 mm plates, 6 cells of 2 mm, no pads
    expect(read.bounds).toEqual([0, 150, 0, 150, 12.5, 49.5]);
    // the first quad of the top plate, counter-clockwise seen from +z
    const [a, b, c, d] = read.firstCell;
    expect(a[2]).toBe(49.5);
    const area = (b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]);
    expect(area).toBeGreaterThan(0);
    expect([a[0], a[1], d[0]]).toEqual([0, 0, 0]);
  });

  it('names every array with its unit; w spans the plates’ wMin..wMax of result.json', () => {
    expect(Object.keys(read.pointData)).toEqual(['w [mm]', 'p [MPa]']);
    expect(Object.keys(read.cellData)).toEqual([
      'von Mises top [MPa]',
      'von Mises bottom [MPa]',
      'Mx [N·mm/mm]',
      'My [N·mm/mm]',
      'Mxy [N·mm/mm]',
      'plate',
    ]);
    const wMin = Math.min(...result.plates.map((p) => p.wMin));
    const wMax = Math.max(...result.plates.map((p) => p.wMax));
    expect(read.pointData['w [mm]'].range).toEqual([wMin, wMax]);
  });

  it('p reaches the summary’s maximum pressure; von Mises the plates’ vonMisesMax', () => {
    const [pMin, pMax] = read.pointData['p [MPa]'].range;
    expect(pMin).toBe(0); // off the footprint, and the bottom plate has no interface under it
    near(pMax, result.pressure.max);
    const vm = Math.max(...result.plates.map((p) => p.vonMisesMax));
    expect(vm).toBeGreaterThan(0);
    near(read.cellData['von Mises top [MPa]'].range[1], vm);
    near(read.cellData['von Mises bottom [MPa]'].range[1], vm);
    for (const m of ['Mx', 'My', 'Mxy']) {
      const [lo, hi] = read.cellData[`${m} [N·mm/mm]`].range;
      expect(hi - lo, m).toBeGreaterThan(0);
    }
  });

  it('takes each plate’s moments from its own dofs: 4 plates with interleaves, pads at top and bottom', () => {
    const raw = JSON.parse(readFileSync(join(repo, 'cases/fig5b-gaskets.json'), 'utf8'));
    raw.mesh = { size: 10 };
    raw.stack.interleaf = { every: 2, thickness: 3, material: 'al-6061-t6' };
    const solved = solveCase(raw);
    const a = artifactsOf(solved);
    // bottom plate 25 mm; 2 × 2 mm cells + the 1.5 mm pad; interleaf 3 mm; 4 mm of cells; interleaf
    // 3 mm; 4 mm of cells + the pad; top plate 25 mm
    expect(a.plates.map((p) => [p.name, p.z])).toEqual([
      ['top plate', 58.5],
      ['interleaf 1', 39],
      ['interleaf 2', 32],
      ['bottom plate', 12.5],
    ]);
    a.plates.forEach((p, k) => {
      const t = p.thickness;
      let most = 0;
      for (let e = 0; e < p.Mx.length; e++) {
        const [sx, sy, txy] = [p.Mx[e], p.My[e], p.Mxy[e]].map((m) => (6 * m) / (t * t));
        most = Math.max(most, Math.sqrt(sx * sx - sx * sy + sy * sy + 3 * txy * txy));
      }
      // the summary's maximum comes from the solver's own recovery (maxVonMises), per plate
      near(most, solved.plates[k].vonMisesMax, 1e-9);
      expect(p.pressure === null).toBe(k === 3);
    });
  });

  it('survives the queue encoding bit for bit: the same file from decoded artifacts', () => {
    const decoded = decodeArtifacts(JSON.parse(JSON.stringify(encodeArtifacts(artifacts))));
    expect(resultVtu(decoded)).toBe(resultVtu(artifacts));
  });
});
