import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../cli/cliHarness';

/**
 * The hostile-input suite: files a careless or malicious user could hand to `stackpress solve`.
 * Each folder under cases/ is one kind of attack and holds an `expected.json`:
 *   { "<file>": { "exit": 2, "message": "fragment of stderr", "args"?: [extra CLI args],
 *                 "absent"?: ["text that must NOT appear in stderr"] } }
 * Files are solved in-process through the CLI's own `runCli`, so the exit code and the message are
 * exactly what a user sees; nothing may be written outside the scratch --out folder.
 */
interface Expectation {
  exit: number;
  message: string;
  args?: string[];
  absent?: string[];
  /** the solve must leave --out without any case folder (a refusal writes nothing) */
  writesNothing?: boolean;
}

const root = join(import.meta.dirname, 'cases');
const kinds = (await readdir(root, { withFileTypes: true }))
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
const scratchDirs: string[] = [];

afterAll(async () => {
  for (const d of scratchDirs) await rm(d, { recursive: true, force: true });
});

for (const kind of kinds) {
  const expected = JSON.parse(await readFile(join(root, kind, 'expected.json'), 'utf8')) as Record<
    string,
    Expectation
  >;
  describe(`hostile input: ${kind}`, () => {
    for (const [file, exp] of Object.entries(expected)) {
      it(`${file} → exit ${exp.exit}: ${exp.message}`, async () => {
        const out = await mkdtemp(join(tmpdir(), 'stackpress-hostile-'));
        scratchDirs.push(out);
        const r = await runCliCaptured([
          'solve',
          join(root, kind, file),
          '--out',
          out,
          '--threads',
          '1',
          ...(exp.args ?? []),
        ]);
        expect(r.code, r.stderr).toBe(exp.exit);
        expect(r.stderr).toContain(exp.message);
        for (const a of exp.absent ?? []) expect(r.stderr).not.toContain(a);
        if (exp.writesNothing ?? exp.exit !== 0) expect(await readdir(out)).toEqual([]);
      });
    }
  });
}
