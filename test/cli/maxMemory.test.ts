import { describe, expect, it } from 'vitest';
import { coarseCase, runCliCaptured, scratch } from './cliHarness';

/**
 * The work budget's limit is the user's to raise, on every command that solves: a case over it is
 * refused before any solving (solve and sweep: exit 2; batch: that case fails, the batch goes on).
 */
describe('--max-memory', () => {
  it('refuses the coarse example at 1 MiB and solves it at the default, in solve, sweep and batch', async () => {
    const dir = await scratch();
    const file = await coarseCase(dir, 'fig5b-gaskets', 10, 'small');
    const solve = await runCliCaptured(['solve', file, '--out', dir, '--threads', '1', '--max-memory', '1']);
    expect(solve.code).toBe(2);
    expect(solve.stderr).toMatch(/more than the 1 MiB memory limit \(raise it with --max-memory\)/);
    const sweep = await runCliCaptured([
      'sweep',
      file,
      '--vary',
      'bolts.preload.force=5000,6000',
      '--out',
      dir,
      '--jobs',
      '1',
      '--max-memory',
      '1',
    ]);
    expect(sweep.code).toBe(2);
    expect(sweep.stderr).toMatch(/more than the 1 MiB memory limit \(raise it with --max-memory\)/);
    const batch = await runCliCaptured([
      'batch',
      file,
      '--out',
      `${dir}/b`,
      '--jobs',
      '1',
      '--max-memory',
      '1',
    ]);
    expect(batch.code).toBe(1);
    expect(batch.stderr).toMatch(/0 solved, 0 skipped, 1 failed/);
    const ok = await runCliCaptured(['batch', file, '--out', `${dir}/c`, '--jobs', '1']);
    expect(ok.code, ok.stderr).toBe(0);
  }, 120_000);
});
