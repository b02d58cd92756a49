import { existsSync } from 'node:fs';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { maxToleranceSamples } from '../../src/case/schema';
import { MAX_SAMPLES } from '../../src/cli/options';
import { decodeToleranceFile } from '../../src/presentation/toleranceFile';
import { coarseCase, runCliCaptured, scratch } from './cliHarness';

/**
 * Draws 1 and 3 of a case named `inject-fail` throw in the draw solver, as a solver failure
 * would; every other draw, and every other case, solves as usual. So the test of a study with
 * failed draws does not hang on which inputs happen to defeat today's solver.
 */
vi.mock('../../src/tolerance/drawSolver', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/tolerance/drawSolver')>();
  class FailingDrawSolver extends mod.DrawSolver {
    override solve(input: Parameters<InstanceType<typeof mod.DrawSolver>['solve']>[0]) {
      if (/^inject-fail-draw-[13]$/.test(String(input.name)))
        throw new Error(`injected failure of ${input.name}`);
      return super.solve(input);
    }
  }
  return { ...mod, DrawSolver: FailingDrawSolver };
});

/** The files a study folder of a swelling case has, by name. */
const STUDY_FILES = [
  'case.json',
  'contact-probability-swollen.png',
  'contact-probability-swollen.svg',
  'contact-probability.png',
  'contact-probability.svg',
  'cov-histogram-swollen.png',
  'cov-histogram-swollen.svg',
  'cov-histogram.png',
  'cov-histogram.svg',
  'pressure-spread-swollen.png',
  'pressure-spread-swollen.svg',
  'pressure-spread.png',
  'pressure-spread.svg',
  'samples.csv',
  'tolerance.json',
];

describe('stackpress solve --samples (in process)', () => {
  let dir: string;
  let file: string;
  let first: Awaited<ReturnType<typeof runCliCaptured>>;
  beforeAll(async () => {
    dir = await scratch();
    // the default case (swelling, springs, pads) at 10 mm: a draw solves in a few tens of ms
    file = await coarseCase(dir, 'default', 10);
    first = await runCliCaptured(['solve', file, '--samples', '5', '--seed', '3', '--out', join(dir, 'a')]);
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('exits 0 and writes every file of the study folder', async () => {
    expect(first.code, first.stderr).toBe(0);
    expect((await readdir(join(dir, 'a/default'))).sort()).toEqual(STUDY_FILES);
    for (const name of STUDY_FILES.filter((f) => f.endsWith('.png'))) {
      const png = PNG.sync.read(await readFile(join(dir, 'a/default', name)));
      expect(png.width, name).toBe(1754);
    }
  });

  it('shows its progress without a terminal as a line per tenth of the draws', () => {
    // the test's stderr is no terminal: the bar gives way to plain lines
    expect(first.stderr).toContain('stackpress: default: draw 1/5, 0 failed');
    expect(first.stderr).toContain('stackpress: default: draw 5/5, 0 failed');
  });

  it('prints the p5, p50 and p95 of the CoV and mean pressure of both load states', () => {
    expect(first.stdout).toMatch(/default: 5 draws, seed 3, 5 solved, 0 failed/);
    expect(first.stdout).toMatch(/^load-up cov \[-\]\s+0\.\d+\s+0\.\d+\s+0\.\d+/m);
    expect(first.stdout).toMatch(/^load-up meanPressure \[MPa\]\s+\d/m);
    expect(first.stdout).toMatch(/^swelling cov \[-\]/m);
  });

  it('writes samples.csv with one row per draw and tolerance.json that reads back', async () => {
    const csv = (await readFile(join(dir, 'a/default/samples.csv'), 'utf8')).trim().split('\n');
    expect(csv).toHaveLength(1 + 5);
    expect(csv[0]).toMatch(/^draw,seed,status,error,/);
    expect(csv[0]).toContain('loadUp.cov [-]');
    expect(csv.slice(1).every((r) => /^\d+,\d+,ok,,/.test(r))).toBe(true);
    const { result, stack, input } = decodeToleranceFile(
      await readFile(join(dir, 'a/default/tolerance.json'), 'utf8'),
    );
    expect([result.samples, result.seed, result.failed]).toEqual([5, 3, []]);
    expect(stack?.bolts).toHaveLength(8);
    expect(input?.file).toBe(file);
    // the nominal 5 MPa (8 × 6.25 kN on 100 × 100 mm), scattered by ±3 %
    const mean = result.distributions.loadUp?.meanPressure.p50 ?? 0;
    expect(mean).toBeGreaterThan(4.8);
    expect(mean).toBeLessThan(5.2);
  });

  it('writes case.json with the samples and seed it ran, so it runs the same study without flags', async () => {
    const ran = JSON.parse(await readFile(join(dir, 'a/default/case.json'), 'utf8'));
    expect(ran.tolerances).toEqual({ samples: 5, seed: 3 });
    const again = await runCliCaptured(['solve', join(dir, 'a/default/case.json'), '--out', join(dir, 'c')]);
    expect(again.code, again.stderr).toBe(0);
    expect(await readFile(join(dir, 'c/case/samples.csv'), 'utf8')).toBe(
      await readFile(join(dir, 'a/default/samples.csv'), 'utf8'),
    );
  }, 120_000);

  it('gives identical samples.csv for the same seed, and different draws for another', async () => {
    const same = await runCliCaptured([
      'solve',
      file,
      '--samples',
      '5',
      '--seed',
      '3',
      '--out',
      join(dir, 'b'),
    ]);
    expect(same.code, same.stderr).toBe(0);
    const a = await readFile(join(dir, 'a/default/samples.csv'), 'utf8');
    expect(await readFile(join(dir, 'b/default/samples.csv'), 'utf8')).toBe(a);
    const other = await runCliCaptured([
      'solve',
      file,
      '--samples',
      '5',
      '--seed',
      '4',
      '--out',
      join(dir, 'd'),
    ]);
    expect(other.code, other.stderr).toBe(0);
    expect(await readFile(join(dir, 'd/default/samples.csv'), 'utf8')).not.toBe(a);
  }, 120_000);

  it.each([
    ['0', /--samples must be a whole number of draws from 1 to 1000, got "0"/],
    ['2000', /--samples must be a whole number of draws from 1 to 1000, got "2000"/],
    ['abc', /--samples must be a whole number of draws from 1 to 1000, got "abc"/],
    ['2.5', /--samples .* got "2\.5"/],
    ['-3', /--samples/],
  ])(
    'refuses --samples %s with exit 2, naming the option, value and range, writing nothing',
    async (v, message) => {
      const out = join(dir, `bad-${v}`);
      const r = await runCliCaptured(['solve', file, `--samples=${v}`, '--out', out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    },
  );

  it('refuses --seed without --samples or a tolerances block, and a bad seed, with exit 2', async () => {
    const alone = await runCliCaptured(['solve', file, '--seed', '3', '--out', join(dir, 'seed')]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--seed: 3 — the seed of a tolerance study; give --samples N/);
    const bad = await runCliCaptured([
      'solve',
      file,
      '--samples',
      '2',
      '--seed',
      '-1',
      '--out',
      join(dir, 'seed'),
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--seed must be a whole number from 0 to 2147483647, got "-1"/);
    expect(existsSync(join(dir, 'seed'))).toBe(false);
  });

  it('refuses a bad tolerances block with exit 2 naming the field', async () => {
    const raw = JSON.parse(await readFile(file, 'utf8'));
    raw.tolerances = { samples: 5, padThickness: { sd: -0.1 } };
    const bad = join(dir, 'bad-block.json');
    await writeFile(bad, JSON.stringify(raw));
    const r = await runCliCaptured(['solve', bad, '--out', join(dir, 'block')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tolerances\.padThickness\.sd/);
    expect(existsSync(join(dir, 'block'))).toBe(false);
  });

  it('writes a study with failed draws whole, lists them by index and exits 1', async () => {
    const raw = JSON.parse(await readFile(file, 'utf8'));
    raw.name = 'inject-fail';
    const failing = join(dir, 'inject-fail.json');
    await writeFile(failing, JSON.stringify(raw));
    const r = await runCliCaptured(['solve', failing, '--samples', '5', '--out', join(dir, 'f')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2 of 5 draws failed: 1, 3/);
    const files = await readdir(join(dir, 'f/inject-fail'));
    for (const f of [...STUDY_FILES, 'draw-1.json', 'draw-3.json']) expect(files).toContain(f);
    const csv = (await readFile(join(dir, 'f/inject-fail/samples.csv'), 'utf8')).trim().split('\n');
    expect(csv).toHaveLength(6);
    expect(csv[2]).toMatch(/^1,\d+,failed,injected failure of inject-fail-draw-1,/);
    expect(csv[4]).toMatch(/^3,\d+,failed,/);
    const { result } = decodeToleranceFile(await readFile(join(dir, 'f/inject-fail/tolerance.json'), 'utf8'));
    expect(result.failed).toEqual([1, 3]);
    // the failed draw's case is a plain case: no tolerances block, its preload factors explicit
    const draw1 = JSON.parse(await readFile(join(dir, 'f/inject-fail/draw-1.json'), 'utf8'));
    expect(draw1.tolerances).toBeUndefined();
    expect(draw1.bolts.scatter.type).toBe('factors');
  }, 120_000);

  it('bounds --samples as the case schema bounds tolerances.samples', () => {
    expect(MAX_SAMPLES).toBe(maxToleranceSamples);
  });
});
