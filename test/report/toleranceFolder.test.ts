import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { valueColour } from '../../src/presentation/colourScale';
import { decodeToleranceFile } from '../../src/presentation/toleranceFile';
import { writeToleranceFolder } from '../../src/report/toleranceFolder';
import { Pixels } from '../presentation/figures/figurePixels';
import { syntheticStack, syntheticStudy } from '../presentation/syntheticTolerance';

const FIGURES = ['pressure-spread', 'contact-probability', 'cov-histogram'];

describe('writing a tolerance study folder', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'stackpress-study-'));
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  const study = () => ({
    result: syntheticStudy({ samples: 6, failed: [1, 4], swollen: true }),
    stack: syntheticStack(),
    input: { file: 'synthetic.json', hash: 'f00' },
    case: { name: 'synthetic', tolerances: { samples: 6, seed: 3 } },
    failedInputs: new Map<number, unknown>([
      [1, { name: 'synthetic-draw-1' }],
      [4, { name: 'synthetic-draw-4' }],
    ]),
  });

  it('writes samples.csv, tolerance.json, case.json, each figure as SVG and PNG per load state, and each failed draw', async () => {
    const dir = join(out, 'synthetic');
    const names = await writeToleranceFolder(dir, study());
    const expected = [
      'case.json',
      'draw-1.json',
      'draw-4.json',
      'samples.csv',
      'tolerance.json',
      ...FIGURES.flatMap((f) => [`${f}.png`, `${f}.svg`, `${f}-swollen.png`, `${f}-swollen.svg`]),
    ].sort();
    expect((await readdir(dir)).sort()).toEqual(expected);
    expect([...names].sort()).toEqual(expected);
    const back = decodeToleranceFile(await readFile(join(dir, 'tolerance.json'), 'utf8'));
    expect(back.result.failed).toEqual([1, 4]);
    expect(back.input).toEqual({ file: 'synthetic.json', hash: 'f00' });
    expect(JSON.parse(await readFile(join(dir, 'draw-4.json'), 'utf8'))).toEqual({
      name: 'synthetic-draw-4',
    });
    expect(JSON.parse(await readFile(join(dir, 'case.json'), 'utf8')).tolerances).toEqual({
      samples: 6,
      seed: 3,
    });
    const csv = (await readFile(join(dir, 'samples.csv'), 'utf8')).trim().split('\n');
    expect(csv).toHaveLength(7);
    expect(csv[2]).toMatch(/^1,1001,failed,/);
  });

  it('draws the maps in the colours of their values: the mean map’s 4 MPa on the 3–7 MPa scale, P(contact) 0.2 and 1', async () => {
    const dir = join(out, 'synthetic');
    const spread = new Pixels(await readFile(join(dir, 'pressure-spread.png')));
    expect(spread.width).toBe(1754);
    // the left half of the mean map, 4 MPa, on the shared scale from p5's 3 MPa to p95's 7 MPa:
    // t = 0.25; the p95 map's left half is 5 MPa (t = 0.5), its right half 7 MPa (t = 1)
    for (const p of [4, 5, 6, 7])
      expect(spread.box(valueColour('pressure', p, 3, 7)).count, `${p} MPa`).toBeGreaterThan(2000);
    const contact = new Pixels(await readFile(join(dir, 'contact-probability.png')));
    expect([contact.width, contact.height]).toEqual([1754, 1240]);
    expect(contact.box(valueColour('pressure', 0.2, 0, 1)).count).toBeGreaterThan(2000);
    expect(contact.box(valueColour('pressure', 1, 0, 1)).count).toBeGreaterThan(20_000);
  });

  it('replaces an existing folder whole: nothing of the old one stays', async () => {
    const dir = join(out, 'replaced');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'result.json'), '{}');
    await writeToleranceFolder(dir, study());
    expect(await readdir(dir)).not.toContain('result.json');
    expect(await readdir(dir)).toContain('tolerance.json');
  });

  it('writes nothing when a file cannot be made, and leaves the old folder as it was', async () => {
    const dir = join(out, 'kept');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'old.txt'), 'old');
    const bad = study();
    const maps = bad.result.maps.loadUp;
    if (!maps) throw new Error('fixture has no maps');
    // a p95 grid on another grid than the mean's: tolerance.json refuses to encode it
    maps.p95 = { ...maps.p95, dx: 2 };
    await expect(writeToleranceFolder(dir, bad)).rejects.toThrow(/maps\.p95: its grid differs/);
    expect(await readdir(dir)).toEqual(['old.txt']);
    // no half-written sibling either
    expect((await readdir(out)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('writes a study whose every draw failed without figures, each draw listed', async () => {
    const dir = join(out, 'all-failed');
    await writeToleranceFolder(dir, {
      result: syntheticStudy({ samples: 2, failed: [0, 1] }),
      stack: null,
      input: null,
      case: {},
      failedInputs: new Map([
        [0, {}],
        [1, {}],
      ]),
    });
    expect((await readdir(dir)).sort()).toEqual([
      'case.json',
      'draw-0.json',
      'draw-1.json',
      'samples.csv',
      'tolerance.json',
    ]);
    const csv = (await readFile(join(dir, 'samples.csv'), 'utf8')).trim().split('\n');
    expect(csv.slice(1).map((r) => r.split(',')[2])).toEqual(['failed', 'failed']);
  });
});
