import { spawn } from 'node:child_process';
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bin, coarseCase, repo, runStackpress, scratch } from './cliHarness';

const exists = (p: string) =>
  access(p).then(
    () => true,
    () => false,
  );

describe('stackpress batch (spawned)', () => {
  let dir: string;
  let cases: string;
  beforeAll(async () => {
    dir = await scratch();
    cases = join(dir, 'cases');
    await coarseCase(cases, 'fig5b-none', 10).catch(async () => {
      const { mkdir } = await import('node:fs/promises');
      await mkdir(cases, { recursive: true });
      await coarseCase(cases, 'fig5b-none', 10);
    });
    await coarseCase(cases, 'fig5b-springs', 10);
    await coarseCase(cases, 'fig5b-gaskets', 10);
    // physically inconsistent: a bolt in the middle of the cell footprint
    const broken = JSON.parse(await readFile(join(cases, 'fig5b-none.json'), 'utf8'));
    broken.bolts.positions[0] = { x: 75, y: 75 };
    await writeFile(join(cases, 'broken.json'), JSON.stringify(broken));
  });

  it('solves the good cases, records the broken one in errors.json and exits 1', async () => {
    const out = join(dir, 'out');
    const r = await runStackpress(['batch', cases, '--out', out, '--jobs', '2']);
    expect(r.code).toBe(1);
    const errors = JSON.parse(await readFile(join(out, 'errors.json'), 'utf8'));
    expect(errors).toHaveLength(1);
    expect(errors[0].caseFile).toMatch(/broken\.json$/);
    expect(errors[0].error).toContain('bolts.positions[0]: (75, 75) mm');
    for (const name of ['fig5b-none', 'fig5b-springs', 'fig5b-gaskets']) {
      const result = JSON.parse(await readFile(join(out, name, 'result.json'), 'utf8'));
      expect(result.balance.relResidual).toBeLessThan(1e-6);
      expect(await exists(join(out, name, 'pressure.png'))).toBe(true);
    }
    expect(await exists(join(out, 'broken'))).toBe(false);
    const summary = (await readFile(join(out, 'summary.csv'), 'utf8')).trim().split('\n');
    expect(summary[0]).toMatch(/^case,file,status,error,pMean \[MPa\],/);
    expect(summary.filter((l) => /^fig5b-\w+,.*,ok,/.test(l))).toHaveLength(3);
    expect(summary.some((l) => l.startsWith('broken,') && l.includes(',failed,'))).toBe(true);

    // a second run skips every finished case and solves nothing
    const again = await runStackpress(['batch', join(cases, 'fig5b-*.json'), '--out', out, '--jobs', '2']);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('3 cases, 3 already done, 0 to solve');
    expect(JSON.parse(await readFile(join(out, 'errors.json'), 'utf8'))).toEqual([]);
  }, 180_000);

  it('re-solves a case whose input changed (hash mismatch)', async () => {
    const out = join(dir, 'out-hash');
    const one = join(cases, 'fig5b-none.json');
    expect((await runStackpress(['batch', one, '--out', out])).code).toBe(0);
    const raw = JSON.parse(await readFile(one, 'utf8'));
    raw.bolts.preload.torque = 9000;
    await writeFile(one, JSON.stringify(raw));
    const r = await runStackpress(['batch', one, '--out', out]);
    expect(r.stderr).toContain('1 cases, 0 already done, 1 to solve');
    raw.bolts.preload.torque = 10000;
    await writeFile(one, JSON.stringify(raw));
  }, 120_000);

  it('resumes after Ctrl-C: finished cases stay, the rest are solved on the next run', async () => {
    const out = join(dir, 'out-int');
    const child = spawn(process.execPath, [bin, 'batch', cases, '--out', out, '--jobs', '1'], { cwd: repo });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const exited = new Promise<number>((done) => child.on('exit', (code) => done(code ?? -1)));
    // wait for the first finished case, then interrupt
    const first = join(out, 'fig5b-gaskets', 'result.json');
    const t0 = Date.now();
    while (!(await exists(first)) && Date.now() - t0 < 90_000) await new Promise((r) => setTimeout(r, 100));
    child.kill('SIGINT');
    const code = await exited;
    expect(code).toBe(1);
    expect(stderr).toContain('interrupted');
    // nothing half-written: every folder with files has a complete result.json, no temp files
    const { readdir } = await import('node:fs/promises');
    const written = (await readdir(out, { recursive: true })) as string[];
    expect(written.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const done = written.filter((f) => f.endsWith('result.json')).length;
    expect(done).toBeGreaterThanOrEqual(1);
    expect(done).toBeLessThan(3);

    const resumed = await runStackpress(['batch', cases, '--out', out, '--jobs', '2']);
    expect(resumed.code).toBe(1); // the broken case still fails
    expect(resumed.stderr).toContain(`${done} already done`);
    for (const name of ['fig5b-none', 'fig5b-springs', 'fig5b-gaskets'])
      expect(await exists(join(out, name, 'result.json'))).toBe(true);
  }, 180_000);
});
