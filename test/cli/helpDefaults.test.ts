import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './cliHarness';

/** The help text of one command split into option entries (an entry starts at a line `  -x` / `  --x`). */
function optionEntries(help: string): string[] {
  const entries: string[] = [];
  for (const line of help.split('\n')) {
    if (/^ {2}-/.test(line)) entries.push(line);
    else if (entries.length > 0 && /^ {3,}\S/.test(line)) entries[entries.length - 1] += ` ${line.trim()}`;
  }
  return entries;
}

describe('--help', () => {
  for (const command of ['solve', 'batch', 'sweep', 'module', 'worker', 'schema']) {
    it(`${command}: every option states its default at most once`, async () => {
      const { code, stdout } = await runCliCaptured([command, '--help']);
      expect(code).toBe(0);
      const entries = optionEntries(stdout);
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) {
        expect(entry.match(/\(default/g)?.length ?? 0, entry).toBeLessThanOrEqual(1);
      }
    });
  }

  it('solve and batch name the machine-dependent defaults in words', async () => {
    const solve = optionEntries((await runCliCaptured(['solve', '--help'])).stdout);
    expect(solve.find((e) => e.startsWith('  --threads'))).toMatch(/\(default: 2 on a machine with 2 cores/);
    const batch = optionEntries((await runCliCaptured(['batch', '--help'])).stdout);
    expect(batch.find((e) => e.startsWith('  --jobs'))).toMatch(/\(default: number of cores\)/);
  });
});
