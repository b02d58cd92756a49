import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, repo, runStackpress, scratch } from '../cli/cliHarness';

/**
 * The life history through the compiled CLI as a separate process (`npm run build` first):
 * `stackpress solve` of cycling-springs cut to 5 cycles writes history.csv (units in the header,
 * one row per state), the history chart and the chosen maps beside result.json; a bad history
 * exits 2 naming the field and writes nothing — not even over an earlier good folder of that name.
 */

const CYCLES = 5;
/** 5 cycles of 2 states (charged, discharged) after load-up */
const STATES = 1 + 2 * CYCLES;
const HOURS_PER_CYCLE = 4;

let dir: string;
let caseCopy: Record<string, unknown>;

/** cycling-springs with its history cut to `count` cycles and `edit` applied, written into `sub` as cycling-springs.json. */
async function writeCase(sub: string, edit: (history: Record<string, unknown>) => void = () => {}) {
  const c = structuredClone(caseCopy) as { history: Record<string, unknown> };
  c.history.cycles = { ...(c.history.cycles as object), count: CYCLES };
  edit(c.history);
  await mkdir(join(dir, sub), { recursive: true });
  const path = join(dir, sub, 'cycling-springs.json');
  await writeFile(path, JSON.stringify(c, null, 2));
  return path;
}

/** Width and height of a PNG from its IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

beforeAll(async () => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
  dir = await scratch();
  caseCopy = JSON.parse(await readFile(join(repo, 'cases/cycling-springs.json'), 'utf8'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('stackpress solve with a life history (compiled CLI)', () => {
  let out: string;
  let folder: string;
  let result: {
    history: { states: { index: number; time: number; relResidual: number }[]; mapStates: number[] };
  };

  beforeAll(async () => {
    const path = await writeCase('good');
    out = join(dir, 'out');
    const r = await runStackpress(['solve', path, '--out', out, '--threads', '1']);
    expect(r.code, r.stderr).toBe(0);
    folder = join(out, 'cycling-springs');
    result = JSON.parse(await readFile(join(folder, 'result.json'), 'utf8'));
  }, 240_000);

  it('writes the history files beside the result', async () => {
    const files = await readdir(folder);
    for (const f of ['result.json', 'fields.json', 'case.json', 'history.csv', 'history.svg', 'history.png'])
      expect(files).toContain(f);
    expect(result.history.states).toHaveLength(STATES);
  });

  it('history.csv: a header whose every quantity names its unit, one row per state in time order', async () => {
    const lines = (await readFile(join(folder, 'history.csv'), 'utf8')).trimEnd().split(/\r?\n/);
    const header = lines[0].split(',');
    // the two identifiers carry no unit; every other column ends in [unit] ([-] for ratios and counts)
    expect(header.slice(0, 2)).toEqual(['state', 'label']);
    for (const h of header.slice(2)) expect(h, h).toMatch(/ \[[^\]]+\]$/);
    for (const h of [
      'time [h]',
      'soc [-]',
      'deltaT [K]',
      'mean [MPa]',
      'bolt force max [N]',
      'breathing [mm]',
    ])
      expect(header).toContain(h);
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(STATES);
    const col = (name: string) => rows.map((r) => Number(r[header.indexOf(name)]));
    expect(col('state')).toEqual(Array.from({ length: STATES }, (_, i) => i));
    // the schedule by hand: charged half-way through each 4 h cycle, discharged at its end
    expect(col('time [h]')).toEqual(Array.from({ length: STATES }, (_, i) => (i * HOURS_PER_CYCLE) / 2));
    expect(col('soc [-]')).toEqual(Array.from({ length: STATES }, (_, i) => (i % 2 === 1 ? 1 : 0)));
    // every state met the force balance of the case (1e-9), and no cell is a NaN
    for (const v of col('residual [-]')) expect(v).toBeLessThanOrEqual(1e-9);
    for (const r of rows) for (const cell of r) expect(cell).not.toMatch(/NaN|Infinity/);
  });

  it('history.png is an A4 landscape page at 150 dpi; each chosen state has its map', async () => {
    expect(pngSize(await readFile(join(folder, 'history.png')))).toEqual({ width: 1754, height: 1240 });
    const { mapStates } = result.history;
    // by default load-up, the worst state and the last
    expect(mapStates).toContain(0);
    expect(mapStates).toContain(STATES - 1);
    const files = await readdir(folder);
    for (const k of mapStates) {
      expect(files).toContain(`history-map-${k}.svg`);
      expect(pngSize(await readFile(join(folder, `history-map-${k}.png`)))).toEqual({
        width: 1754,
        height: 1240,
      });
    }
    // and no map of a state not chosen
    const maps = files.filter((f) => /^history-map-\d+\.png$/.test(f));
    expect(maps).toHaveLength(new Set(mapStates).size);
  });

  it.each([
    [
      'maps past the last state',
      (h: Record<string, unknown>) => {
        h.maps = [0, 99];
      },
      `history.maps[1]: 99 — the history has states 0 (load-up) to ${STATES - 1}; must be <= ${STATES - 1}`,
    ],
    [
      'soc.min above soc.max',
      (h: Record<string, unknown>) => {
        h.soc = { min: 0.9, max: 0.1 };
      },
      'history.soc.min: 0.9 — above history.soc.max 0.1; must be <= it',
    ],
    [
      'a string for a number',
      (h: Record<string, unknown>) => {
        h.cycles = { count: CYCLES, hoursPerCycle: 'four' };
      },
      'history.cycles.hoursPerCycle: "four" — must be a number in h that is >= 0.1 and <= 10000',
    ],
  ])('a bad history (%s) exits 2, names the field and writes nothing', async (name, edit, message) => {
    const sub = `bad-${name.replace(/\W+/g, '-')}`;
    const path = await writeCase(sub, edit);
    // into a fresh folder: nothing appears in it
    const fresh = join(dir, sub, 'out');
    const r = await runStackpress(['solve', path, '--out', fresh, '--threads', '1']);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
    expect(await readdir(fresh).catch(() => [])).toEqual([]);
    // into the folder of the good run, under the same case name: the good result stays as it was
    const before = await readFile(join(folder, 'result.json'), 'utf8');
    const again = await runStackpress(['solve', path, '--out', out, '--threads', '1']);
    expect(again.code, again.stderr).toBe(2);
    expect(await readFile(join(folder, 'result.json'), 'utf8')).toBe(before);
    expect(await readdir(out)).toEqual(['cycling-springs']);
  });
});
