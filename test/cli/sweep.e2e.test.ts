import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { coarseCase, runStackpress, scratch } from './cliHarness';

describe('stackpress sweep (spawned)', () => {
  it('solves a full factorial and writes one CSV row per variant, inputs then outputs', async () => {
    const dir = await scratch();
    const file = await coarseCase(dir, 'fig5b-none', 10);
    const r = await runStackpress([
      'sweep',
      file,
      '--vary',
      'bolts.preload.torque=8000,10000',
      '--vary',
      'plates.top.thickness=20,25',
      '--out',
      dir,
      '--jobs',
      '2',
    ]);
    expect(r.code).toBe(0);
    const lines = (await readFile(join(dir, 'fig5b-none-sweep.csv'), 'utf8')).trim().split('\n');
    const header = lines[0].split(',');
    expect(header.slice(0, 4)).toEqual([
      'variant',
      'bolts.preload.torque [N·mm]',
      'plates.top.thickness [mm]',
      'status',
    ]);
    expect(header).toContain('pMean [MPa]');
    expect(lines).toHaveLength(5);
    const col = (name: string) => lines.slice(1).map((l) => Number(l.split(',')[header.indexOf(name)]));
    expect(col('bolts.preload.torque [N·mm]')).toEqual([8000, 8000, 10000, 10000]);
    // mean pressure follows the preload (bolt scatter is the same seeded ±25 % in every variant)
    expect(col('pMean [MPa]')[3] / col('pMean [MPa]')[0]).toBeCloseTo(10000 / 8000, 6);
    expect(col('pMean [MPa]')[0]).toBeGreaterThan(3.5);
    expect(col('pMean [MPa]')[0]).toBeLessThan(4.5);
    for (const v of col('relResidual [-]')) expect(v).toBeLessThan(1e-6);
  }, 120_000);

  it('draws a seeded Latin hypercube and keeps invalid variants as rows (exit 1)', async () => {
    const dir = await scratch();
    const file = await coarseCase(dir, 'fig5b-springs', 10);
    const args = [
      'sweep',
      file,
      '--lhs',
      '3',
      '--range',
      'bolts.springs.rate=200:20000',
      '--range',
      'stack.cells.count=4:8:int',
      '--seed',
      '3',
      '--out',
      dir,
      '--jobs',
      '2',
    ];
    const r = await runStackpress(args);
    const text = await readFile(join(dir, 'fig5b-springs-sweep.csv'), 'utf8');
    const lines = text.trim().split('\n');
    expect(lines).toHaveLength(4);
    const counts = lines.slice(1).map((l) => Number(l.split(',')[2]));
    for (const c of counts) expect(Number.isInteger(c)).toBe(true);
    // a soft spring goes solid at this preload: that variant is reported, not silently fixed
    const invalid = lines.filter((l) => l.includes(',invalid,'));
    expect(r.code).toBe(invalid.length > 0 ? 1 : 0);
    for (const l of invalid) expect(l).toContain('solid length');
  }, 120_000);

  it('rejects a path the case does not set (exit 2)', async () => {
    const dir = await scratch();
    const file = await coarseCase(dir, 'fig5b-none', 10);
    const r = await runStackpress(['sweep', file, '--vary', 'bolts.preload.force=1000,2000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bolts.preload.force: not in');
  });
});
