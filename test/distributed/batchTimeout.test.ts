import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repo, runStackpress, scratch } from '../cli/cliHarness';
import { writeSweep } from './redisHarness';

/**
 * The local batch's per-case --timeout, through the same solver threads the queue workers use:
 * a case that cannot finish in time fails as timed out, the others of the batch succeed.
 */
describe('batch --timeout (local worker threads)', () => {
  it('fails the case that cannot finish in time and solves the rest', async () => {
    const dir = await scratch();
    const cases = join(dir, 'cases');
    await writeSweep(cases, 3, 5);
    const raw = JSON.parse(await readFile(join(repo, 'cases/fig5b-springs-gaskets.json'), 'utf8'));
    // a 0.7 mm mesh: about 6 s alone on a 2-core machine; the 5 mm cases take 0.1–2 s each
    await writeFile(join(cases, 'fine.json'), JSON.stringify({ ...raw, mesh: { size: 0.7 } }));
    const out = join(dir, 'out');
    const t0 = Date.now();
    const r = await runStackpress(['batch', cases, '--out', out, '--jobs', '2', '--timeout', '3']);
    const ms = Date.now() - t0;
    expect(r.code).toBe(1);
    const errors = JSON.parse(await readFile(join(out, 'errors.json'), 'utf8'));
    expect(errors).toEqual([{ caseFile: join(cases, 'fine.json'), error: 'timed out after 3 s' }]);
    const rows = (await readFile(join(out, 'summary.csv'), 'utf8')).trim().split('\n').slice(1);
    const status = Object.fromEntries(rows.map((row) => [row.split(',')[0], row.split(',')[2]]));
    expect(status).toEqual({ fine: 'failed', v00: 'ok', v01: 'ok', v02: 'ok' });
    // the fine case alone would take far longer than this
    expect(ms).toBeLessThan(30_000);
    process.stdout.write(`batch with a 3 s timeout: ${ms} ms\n`);
  }, 60_000);
});
