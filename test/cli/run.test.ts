import { describe, expect, it } from 'vitest';
import { runCliCaptured } from './cliHarness';

/** runCli's exit codes and messages for usage errors, wherever they are found. */
describe('runCli', () => {
  it('prints an option error an action throws (commander does not), exit 2', async () => {
    const r = await runCliCaptured(['module', '--optimise', 'mass']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('stackpress: --optimise needs --system <kWh> and --pressure <MPa>\n');
  });

  it('prints an error commander finds while parsing once, exit 2', async () => {
    const r = await runCliCaptured(['solve', 'x.json', '--threads', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr.match(/--threads must be a whole number ≥ 1, got "0"/g)).toHaveLength(1);
    expect(r.stderr).not.toContain('stackpress: error:');
  });

  it('without a command shows the help on stderr and nothing else, exit 2', async () => {
    const r = await runCliCaptured([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Usage: stackpress/);
    expect(r.stderr).not.toContain('outputHelp');
  });

  it('--help, help solve and --version exit 0 on stdout', async () => {
    for (const args of [['--help'], ['help', 'solve'], ['--version']]) {
      const r = await runCliCaptured(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stderr, args.join(' ')).toBe('');
      expect(r.stdout.length, args.join(' ')).toBeGreaterThan(0);
    }
  });
});
