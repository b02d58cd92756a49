import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCaseFolder } from '../../src/report/caseFolder';
import { artifactsFor, hashOf, versions } from './caseFolderRewriter';

const rewriter = join(import.meta.dirname, 'caseFolderRewriter.ts');
// each kill restarts the writer (tsx, vega and resvg load, two coarse solves and their figures): seconds apiece
const kills = 16;

/**
 * The files each version consists of: one complete, unkilled write of it into a folder of its own.
 * What is under test is that a killed writer never leaves a mix, not what the files hold.
 */
async function referenceFolders(root: string): Promise<Map<string, Record<string, Buffer>>> {
  const out = new Map<string, Record<string, Buffer>>();
  for (const v of versions) {
    const dir = join(root, `v${v}`);
    await writeCaseFolder(dir, artifactsFor(v), { file: 'case.json', hash: hashOf(v) });
    const files: Record<string, Buffer> = {};
    for (const name of await readdir(dir)) files[name] = await readFile(join(dir, name));
    out.set(hashOf(v), files);
  }
  return out;
}

/** Start the rewriter on `dir`; resolves once it has finished its first rewrite. */
function startRewriter(dir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', rewriter, dir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve());
    child.once('exit', (code, signal) => reject(new Error(`rewriter exited early: ${code ?? signal}`)));
  });
  return { child, ready, exited };
}

/** The version (input hash) every file of the folder belongs to; fails the test on a mix. */
async function versionOf(dir: string, expected: Map<string, Record<string, Buffer>>): Promise<string> {
  const hash = JSON.parse(await readFile(join(dir, 'result.json'), 'utf8')).input.hash as string;
  const files = expected.get(hash);
  expect(files, `result.json of an unknown input: ${hash}`).toBeDefined();
  expect((await readdir(dir)).sort()).toEqual(Object.keys(files!).sort());
  for (const [name, bytes] of Object.entries(files!))
    expect(
      (await readFile(join(dir, name))).equals(bytes),
      `${name} belongs to another input than result.json`,
    ).toBe(true);
  return hash;
}

describe('case folder under kill -9', () => {
  const scratch: string[] = [];
  afterAll(async () => {
    for (const d of scratch) await rm(d, { recursive: true, force: true });
  });

  it(`always holds the files of one input, however often the writer is killed (${kills} kills)`, async () => {
    const refs = await mkdtemp(join(tmpdir(), 'stackpress-kill-ref-'));
    scratch.push(refs);
    const expected = await referenceFolders(refs);
    // the two versions differ in every file but the folder's fixed set of names
    const [one, two] = [...expected.values()];
    for (const name of Object.keys(one)) expect(one[name].equals(two[name]), name).toBe(false);
    const out = await mkdtemp(join(tmpdir(), 'stackpress-kill-'));
    scratch.push(out);
    const dir = join(out, 'case');
    const seen = new Map<string, number>();
    let withLeftovers = 0;
    let missing = 0;
    for (let k = 0; k < kills; k++) {
      const { child, ready, exited } = startRewriter(dir);
      await ready;
      // a random moment within a few rewrites of the 14 files (tens of ms each)
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 250));
      child.kill('SIGKILL');
      await exited;
      const names = await readdir(out);
      if (names.some((n) => n.startsWith('.case.'))) withLeftovers++;
      if (!names.includes('case')) {
        // killed between renaming the old folder aside and the new one in: no folder, no mix
        missing++;
        continue;
      }
      const hash = await versionOf(dir, expected);
      seen.set(hash, (seen.get(hash) ?? 0) + 1);
    }
    // the kills landed at different moments: both inputs were seen. (How many landed while files
    // were being written, leaving a temporary folder, is printed below: rendering takes about 3 times
    // as long as writing, so 1 kill in 4 to 6. The old file-by-file writer failed on its first such kill.)
    expect(seen.size).toBe(2);
    expect(missing).toBeLessThan(kills / 2);
    // the next writer clears what the killed ones left, and writes a whole folder
    await writeCaseFolder(dir, artifactsFor(1), { file: 'case.json', hash: hashOf(1) });
    expect(await readdir(out)).toEqual(['case']);
    expect(await versionOf(dir, expected)).toBe(hashOf(1));
    process.stderr.write(
      `kill test: ${kills} kills, ${withLeftovers} mid-rewrite, ${missing} between the renames, versions ${[...seen.values()].join('/')}\n`,
    );
  }, 300_000);
});
