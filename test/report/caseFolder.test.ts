import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeResultFields } from '../../src/presentation/fieldsFile';
import { artifactsOf } from '../../src/report/caseArtifacts';
import { readResultFile, writeCaseFolder } from '../../src/report/caseFolder';
import { solveCase } from '../../src/solveCase';
import { Pixels } from '../presentation/figures/figurePixels';

const repo = new URL('../..', import.meta.url).pathname;

/** The default case (it swells after load-up) on a coarse mesh and grid, so it solves in a second. */
function coarseDefault() {
  const raw = JSON.parse(readFileSync(join(repo, 'cases/default.json'), 'utf8'));
  raw.mesh = { size: 10 };
  raw.output.gridSpacing = 5;
  return artifactsOf(solveCase(raw));
}

describe('writing a case folder', () => {
  it('writes the figures as SVG and A4 PNG, the fields, the resolved case, the CSV, VTU and result', async () => {
    const out = await mkdtemp(join(tmpdir(), 'stackpress-folder-'));
    try {
      const artifacts = coarseDefault();
      const dir = join(out, 'default');
      await writeCaseFolder(dir, artifacts, { file: 'default.json', hash: 'abc' }, 'LW');
      expect((await readdir(dir)).sort()).toEqual([
        'case.json',
        'deflection.png',
        'deflection.svg',
        'fields.json',
        'histogram.png',
        'histogram.svg',
        'pressure-swollen.png',
        'pressure-swollen.svg',
        'pressure.csv',
        'pressure.png',
        'pressure.svg',
        'result.json',
        'result.vtu',
      ]);
      for (const name of ['pressure', 'pressure-swollen', 'deflection', 'histogram']) {
        const px = new Pixels(await readFile(join(dir, `${name}.png`)));
        expect([px.width, px.height], name).toEqual([1754, 1240]);
        const svg = await readFile(join(dir, `${name}.svg`), 'utf8');
        expect(svg.startsWith('<svg'), name).toBe(true);
        expect(svg, name).toContain('default');
      }
      // --film reaches the pressure figures
      expect(await readFile(join(dir, 'pressure.svg'), 'utf8')).toContain('Prescale LW');
      expect(await readFile(join(dir, 'pressure-swollen.svg'), 'utf8')).toContain('after swelling');
      const fields = decodeResultFields(await readFile(join(dir, 'fields.json'), 'utf8'));
      expect(fields.inputHash).toBe('abc');
      expect(fields.fields.interfaces[0].grid.values).toEqual(artifacts.fields.interfaces[0].grid.values);
      expect(JSON.parse(await readFile(join(dir, 'case.json'), 'utf8'))).toEqual(artifacts.case);
      expect((await readFile(join(dir, 'pressure.csv'), 'utf8')).split('\n')[0]).toBe(
        'x [mm],y [mm],p [MPa],contact',
      );
      expect((await readResultFile(dir))?.input.hash).toBe('abc');
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});

describe('reading a case folder back (batch resume)', () => {
  it('reads a result.json with an input hash, and nothing else', async () => {
    const out = await mkdtemp(join(tmpdir(), 'stackpress-read-'));
    const folder = async (name: string) => {
      await mkdir(join(out, name));
      return join(out, name);
    };
    const ok = await folder('ok');
    await writeFile(join(ok, 'result.json'), JSON.stringify({ input: { file: 'a.json', hash: 'abc' } }));
    expect((await readResultFile(ok))?.input.hash).toBe('abc');
    const garbage = await folder('garbage');
    await writeFile(join(garbage, 'result.json'), '{"input": ');
    expect(await readResultFile(garbage)).toBeNull();
    expect(await readResultFile(join(out, 'missing'))).toBeNull();
    // planted in the output folder: reading these would block the batch or fill its memory
    const fifo = await folder('fifo');
    execFileSync('mkfifo', [join(fifo, 'result.json')]);
    expect(await readResultFile(fifo)).toBeNull();
    const zero = await folder('zero');
    await symlink('/dev/zero', join(zero, 'result.json'));
    expect(await readResultFile(zero)).toBeNull();
    const dir = await folder('dir');
    await mkdir(join(dir, 'result.json'));
    expect(await readResultFile(dir)).toBeNull();
  });
});
