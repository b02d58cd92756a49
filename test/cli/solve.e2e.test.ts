import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESULT_SCHEMA } from '../../src/solveCase';
import { coarseCase, runStackpress, scratch } from './cliHarness';

describe('stackpress solve (spawned)', () => {
  let dir: string;
  let run: Awaited<ReturnType<typeof runStackpress>>;
  beforeAll(async () => {
    dir = await scratch();
    const a = await coarseCase(dir, 'fig5b-none', 5);
    const b = await coarseCase(dir, 'default', 10);
    run = await runStackpress(['solve', a, b, '--out', join(dir, 'out')]);
  }, 120_000);

  it('exits 0 and prints the summary table', () => {
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/p mean/);
    expect(run.stdout).toMatch(/^fig5b-none\s+5\.0\d\d/m);
    expect(run.stdout).toMatch(/^default\s+/m);
  });

  it('writes result.json with the schema version, input hash and a balanced summary', async () => {
    const r = JSON.parse(await readFile(join(dir, 'out/fig5b-none/result.json'), 'utf8'));
    expect(r.schema).toBe(RESULT_SCHEMA);
    expect(r.input.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(r.input.file).toMatch(/fig5b-none\.json$/);
    expect(r.balance.relResidual).toBeLessThan(1e-6);
    expect(r.pressure.mean).toBeCloseTo(5.06, 1);
    expect(r.bolts).toHaveLength(8);
  });

  it('writes pressure.csv on the regular grid (x, y in mm, p in MPa, contact flag)', async () => {
    const lines = (await readFile(join(dir, 'out/fig5b-none/pressure.csv'), 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('x [mm],y [mm],p [MPa],contact');
    expect(lines.length - 1).toBe(101 * 101); // 100 mm footprint at 1 mm grid spacing
    const [x, y, p] = lines[1].split(',').map(Number);
    expect([x, y]).toEqual([25, 25]);
    expect(p).toBeGreaterThanOrEqual(0);
    // the bare housing opens a fifth of the footprint: those points say so, at zero pressure
    const open = lines.slice(1).filter((l) => l.endsWith(',0'));
    expect(open.length / (lines.length - 1)).toBeGreaterThan(0.15);
    for (const l of open) expect(Number(l.split(',')[2])).toBeLessThanOrEqual(0.05);
  });

  it('writes pressure.png and deflection.png as valid PNGs', async () => {
    for (const name of ['pressure.png', 'deflection.png']) {
      const png = PNG.sync.read(await readFile(join(dir, 'out/default', name)));
      expect(png.width).toBeGreaterThan(300);
      expect(png.height).toBeGreaterThan(300);
    }
  });

  it('renders Prescale film emulation with --film LW', async () => {
    const a = join(dir, 'fig5b-none.json');
    const r = await runStackpress(['solve', a, '--out', join(dir, 'film'), '--film', 'lw']);
    expect(r.code).toBe(0);
    const png = PNG.sync.read(await readFile(join(dir, 'film/fig5b-none/pressure.png')));
    // the colour bar top is deep magenta (red and blue over green)
    let magenta = 0;
    for (let k = 0; k < png.data.length; k += 4)
      if (png.data[k] > 120 && png.data[k + 1] < 40 && png.data[k + 2] > 60) magenta++;
    expect(magenta).toBeGreaterThan(100);
  }, 60_000);

  it('exits 2 with the field, value, unit and range for a bad case, solving nothing', async () => {
    const good = JSON.parse(await readFile(join(dir, 'fig5b-none.json'), 'utf8'));
    good.plates.top.thickness = -3;
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify(good));
    const r = await runStackpress([
      'solve',
      join(dir, 'fig5b-none.json'),
      bad,
      '--out',
      join(dir, 'bad-out'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('plates.top.thickness: -3 mm — must be >= 0.1 and <= 500');
    expect(r.stderr).toContain('bad.json');
    expect(r.stdout).toBe('');
  });

  it('reads YAML case files', async () => {
    const raw = JSON.parse(await readFile(join(dir, 'fig5b-none.json'), 'utf8'));
    raw.mesh.size = 10;
    const { stringify } = await import('yaml');
    const path = join(dir, 'yaml-case.yaml');
    await writeFile(path, stringify(raw));
    const r = await runStackpress(['solve', path, '--out', join(dir, 'yaml-out')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'yaml-out/yaml-case/result.json'), 'utf8')).schema).toBe(
      RESULT_SCHEMA,
    );
  }, 60_000);

  it('exits 2 on usage errors and unparsable files', async () => {
    expect((await runStackpress(['solve'])).code).toBe(2);
    expect((await runStackpress(['solve', 'x.json', '--film', 'XX'])).code).toBe(2);
    expect((await runStackpress(['frobnicate'])).code).toBe(2);
    const threads = await runStackpress(['solve', 'x.json', '--threads', '0']);
    expect(threads.code).toBe(2);
    expect(threads.stderr).toMatch(/--threads must be a whole number ≥ 1, got "0"/);
    const broken = join(dir, 'broken.json');
    await writeFile(broken, '{ "plates": ');
    const r = await runStackpress(['solve', broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/broken\.json: not valid JSON/);
  });

  it('prints the JSON Schema of case files', async () => {
    const r = await runStackpress(['schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.plates.properties.top.properties.thickness.description).toContain('[mm]');
    expect(schema.properties.plates.additionalProperties).toBe(false);
  });

  it('lists every command in --help', async () => {
    const r = await runStackpress(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['solve', 'sweep', 'batch', 'schema', 'module']) expect(r.stdout).toContain(c);
  });
});
