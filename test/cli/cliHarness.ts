import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repo = resolve(import.meta.dirname, '../..');
export const bin = join(repo, 'src/cli/stackpress.mjs');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the stackpress bin as a separate process. */
export function runStackpress(args: string[], cwd = repo): Promise<CliRun> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd, maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      done({ code, stdout, stderr });
    });
  });
}

export const scratch = () => mkdtemp(join(tmpdir(), 'stackpress-cli-'));

/** Copy `cases/<name>.json` into `dir` with a coarser mesh [mm], so solves take a second or two. */
export async function coarseCase(dir: string, name: string, meshSize = 5, as = name): Promise<string> {
  const raw = JSON.parse(await readFile(join(repo, 'cases', `${name}.json`), 'utf8'));
  raw.mesh = { size: meshSize };
  const path = join(dir, `${as}.json`);
  await writeFile(path, JSON.stringify(raw, null, 2));
  return path;
}
