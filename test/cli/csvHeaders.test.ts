import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { coarseCase, runCliCaptured, scratch } from './cliHarness';

/** Output columns of a solved case and their units, as a reader of the CSV needs them. */
const outputColumns = [
  'pMean [MPa]',
  'pMax [MPa]',
  'pCov [-]',
  'contactForce [N]',
  'boltForceTotal [N]',
  'top plate.wMax [mm]',
  'bottom plate.vonMisesMax [MPa]',
  'bottom plate.safetyFactor [-]',
  'seconds [s]',
];

describe('CSV headers carry units', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await scratch();
    file = await coarseCase(dir, 'fig5b-none', 10);
  });

  it('sweep: varied inputs are path [unit], outputs name [unit]', async () => {
    const out = join(dir, 'sweep');
    const r = await runCliCaptured([
      'sweep',
      file,
      '--vary',
      'bolts.preload.torque=8000,10000',
      '--vary',
      'stack.cells.count=6',
      '--out',
      out,
      '--jobs',
      '1',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const [head, ...rows] = (await readFile(join(out, 'fig5b-none-sweep.csv'), 'utf8')).trim().split('\n');
    const header = head.split(',');
    expect(header.slice(0, 4)).toEqual([
      'variant',
      'bolts.preload.torque [N·mm]',
      'stack.cells.count',
      'status',
    ]);
    for (const c of outputColumns) expect(header).toContain(c);
    expect(header).toContain('dofs');
    expect(header.at(-1)).toBe('error');
    const col = header.indexOf('bolts.preload.torque [N·mm]');
    expect(rows.map((l) => Number(l.split(',')[col]))).toEqual([8000, 10000]);
  }, 60_000);

  it('batch: summary.csv has the same output headers', async () => {
    const out = join(dir, 'batch');
    const r = await runCliCaptured(['batch', file, '--out', out, '--jobs', '1']);
    expect(r.code, r.stderr).toBe(0);
    const header = (await readFile(join(out, 'summary.csv'), 'utf8')).split('\n')[0].split(',');
    expect(header.slice(0, 5)).toEqual(['case', 'file', 'status', 'error', 'pMean [MPa]']);
    for (const c of outputColumns) expect(header).toContain(c);
    expect(header.filter((c) => !/ \[[^\]]+\]$/.test(c))).toEqual([
      'case',
      'file',
      'status',
      'error',
      'dofs',
      'newtonIterations',
      'warnings',
    ]);
  }, 60_000);
});
