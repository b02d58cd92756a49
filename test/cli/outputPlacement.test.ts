import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { coarseCase, runCliCaptured, scratch } from './cliHarness';

/** runCli in-process with stderr captured. */
const cli = (args: string[]) => runCliCaptured(args);

describe('results stay inside --out, whatever the case files are called', () => {
  let dir: string;
  let good: string;
  beforeAll(async () => {
    dir = await scratch();
    good = await coarseCase(dir, 'fig5b-none', 10, 'good');
  });

  it('solve: a case file named "...json" writes into OUT/__, not into the parent of OUT', async () => {
    const cases = join(dir, 'dots');
    const parent = join(dir, 'dots-run');
    const out = join(parent, 'out');
    await mkdir(cases, { recursive: true });
    await writeFile(join(cases, '...json'), await readFile(good));
    const r = await cli(['solve', join(cases, '...json'), '--out', out, '--threads', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('results go to the folder "__"');
    expect(await readdir(parent)).toEqual(['out']);
    expect((await readdir(join(out, '__'))).sort()).toEqual([
      'case.json',
      'deflection.png',
      'deflection.svg',
      'fields.json',
      'histogram.png',
      'histogram.svg',
      'pressure.csv',
      'pressure.png',
      'pressure.svg',
      'result.json',
      'result.vtu',
    ]);
  });

  it('sweep: --vary into the prototype chain is refused (exit 2) and Object.prototype stays clean', async () => {
    for (const vary of ['__proto__.valueOf=1', 'constructor.prototype.polluted=1', 'plates.__proto__.x=1']) {
      const out = join(dir, 'sweep-proto');
      const r = await cli(['sweep', good, '--vary', vary, '--out', out, '--jobs', '1']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--vary ${vary.split('=')[0]}: `);
      expect(r.stderr).toContain('may not contain __proto__, constructor or prototype');
      await expect(readdir(out)).rejects.toThrow();
    }
    expect(typeof Object.prototype.valueOf).toBe('function');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('sweep: the CSV of a case named "...json" lands inside --out', async () => {
    const out = join(dir, 'sweep-out');
    const r = await cli([
      'sweep',
      join(dir, 'dots', '...json'),
      '--vary',
      'mesh.size=10',
      '--out',
      out,
      '--jobs',
      '1',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(await readdir(out)).toEqual(['__-sweep.csv']);
  });

  it('batch: a FIFO in the folder is skipped instead of hanging, a bad map path fails alone', async () => {
    const cases = join(dir, 'batch-cases');
    await mkdir(cases);
    await writeFile(join(cases, 'good.json'), await readFile(good));
    const escaping = JSON.parse(await readFile(good, 'utf8'));
    escaping.plates.top.flatness = { type: 'map', file: '/etc/passwd' };
    await writeFile(join(cases, 'escaping.json'), JSON.stringify(escaping));
    execFileSync('mkfifo', [join(cases, 'pipe.json')]);
    const out = join(dir, 'batch-out');
    const r = await cli(['batch', cases, '--out', out, '--jobs', '1']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('2 cases');
    const errors = JSON.parse(await readFile(join(out, 'errors.json'), 'utf8'));
    expect(errors).toHaveLength(1);
    expect(errors[0].error).toContain(
      'plates.top.flatness.file: "/etc/passwd" is outside the allowed folders',
    );
    expect(JSON.stringify(errors)).not.toContain('root:');
    expect((await readdir(out)).sort()).toEqual(['errors.json', 'good', 'summary.csv']);
  });
});
