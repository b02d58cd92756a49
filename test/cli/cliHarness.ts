import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repo = resolve(import.meta.dirname, '../..');
/** The compiled bin, as installed users run it: `npm run build` makes it (`npm run test:integration` does). */
export const bin = join(repo, 'dist/cli/stackpress.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the stackpress bin as a separate process. */
export function runStackpress(args: string[], cwd = repo): Promise<CliRun> {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
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

/**
 * The CLI in this process (`runCli`), with stdout and stderr captured: the exit code and the
 * messages a user sees, without the start-up of a new process.
 */
export async function runCliCaptured(args: string[]): Promise<CliRun> {
  const { runCli } = await import('../../src/cli/run');
  let stderr = '';
  let stdout = '';
  const errWrite = process.stderr.write.bind(process.stderr);
  const outWrite = process.stdout.write.bind(process.stdout);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += chunk.toString();
    return true;
  }) as typeof process.stderr.write;
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += chunk.toString();
    return true;
  }) as typeof process.stdout.write;
  try {
    const code = await runCli(['node', 'stackpress', ...args]);
    return { code, stdout, stderr };
  } finally {
    process.stderr.write = errWrite;
    process.stdout.write = outWrite;
    process.exitCode = undefined;
  }
}
