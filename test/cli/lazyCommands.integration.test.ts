import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, coarseCase, repo, scratch } from './cliHarness';

/**
 * Commands load their action modules only when they run: `--help` and `schema` load neither the
 * solver nor the packages of the other commands. Each run records every module its process loads
 * (loadedModules.mjs), from the sources through tsx, where each source file is a module of its own,
 * and from the compiled bin, where the packages show.
 */
const hook = join(import.meta.dirname, 'loadedModules.mjs');
const sources = join(repo, 'src/cli/main.ts');
/** Packages only some command actions need, and that cost start-up time (vega alone about 1.7 s). */
const heavyPackages = [
  'vega',
  'vega-lite',
  'bullmq',
  'ioredis',
  '@resvg/resvg-js',
  'ml-matrix',
  'cli-progress',
];

let dir: string;
beforeAll(async () => {
  dir = await scratch();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

let runs = 0;
/** The modules (URLs relative to the repository) that `node ...entry args` loads, and its exit code. */
async function loadedBy(entry: string[], args: string[]): Promise<{ code: number; modules: string[] }> {
  const log = join(dir, `loaded-${++runs}.txt`);
  const code = await new Promise<number>((done) =>
    execFile(
      process.execPath,
      ['--import', hook, ...entry, ...args],
      { cwd: repo, env: { ...process.env, LOADED_MODULES: log }, maxBuffer: 1 << 24 },
      (err) => done(err ? Number(err.code ?? 1) : 0),
    ),
  );
  const text = await readFile(log, 'utf8').catch(() => '');
  const root = new URL(`file://${repo}/`).href;
  const modules = text
    .split('\n')
    .filter((u) => u.startsWith(root))
    .map((u) => u.slice(root.length));
  return { code, modules };
}

const packagesIn = (modules: string[]) =>
  new Set(modules.flatMap((m) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(m)?.[1] ?? []));
const sourceFolders = (modules: string[]) =>
  new Set(modules.filter((m) => !m.startsWith('node_modules/')).map((m) => m.split('/')[0]));

describe('lazy commands', () => {
  it('--help from the sources loads no solver/ module and no command action', async () => {
    const { code, modules } = await loadedBy(['--import', 'tsx', sources], ['--help']);
    expect(code).toBe(0);
    expect(modules).toContain('src/cli/program.ts');
    expect(sourceFolders(modules)).not.toContain('solver');
    expect(modules.filter((m) => m.endsWith('Action.ts'))).toEqual([]);
  });

  it('schema from the sources loads its own action and the case schema, nothing of the solver', async () => {
    const { code, modules } = await loadedBy(['--import', 'tsx', sources], ['schema']);
    expect(code).toBe(0);
    expect(modules.filter((m) => m.endsWith('Action.ts'))).toEqual(['src/cli/commands/schemaAction.ts']);
    expect(modules).toContain('src/case/schema.ts');
    expect(sourceFolders(modules)).not.toContain('solver');
  });

  it('solve from the sources does load the solver (the hook sees what loads)', async () => {
    const file = await coarseCase(dir, 'default', 10);
    const { code, modules } = await loadedBy(
      ['--import', 'tsx', sources],
      ['solve', file, '--out', join(dir, 'out')],
    );
    expect(code).toBe(0);
    expect(modules).toContain('src/cli/commands/solveAction.ts');
    expect(sourceFolders(modules)).toContain('solver');
    expect(packagesIn(modules)).toContain('@resvg/resvg-js');
  });

  it.each([['--help'], ['schema'], ['solve', '--help'], ['batch', '--help'], ['worker', '--help']])(
    'the compiled bin %s loads none of the heavy packages',
    async (...args) => {
      const { code, modules } = await loadedBy([bin], args);
      expect(code).toBe(0);
      expect(modules).toContain('dist/cli/stackpress.js');
      const loaded = packagesIn(modules);
      expect(loaded).toContain('commander');
      for (const p of heavyPackages) expect(loaded, p).not.toContain(p);
    },
  );

  it('the compiled bin loads vega for module, bullmq for a queue batch', async () => {
    const mod = await loadedBy([bin], ['module', '--points', '2', '--systems', '1', '--out', join(dir, 'm')]);
    expect(mod.code).toBe(0);
    expect(packagesIn(mod.modules)).toContain('vega');
    // an unreachable queue: bullmq loads, and the submitter gives up after --queue-timeout
    const file = await coarseCase(dir, 'default', 10, 'queued');
    const queued = await loadedBy(
      [bin],
      ['batch', file, '--queue', 'redis://127.0.0.1:1', '--queue-timeout', '1', '--out', join(dir, 'q')],
    );
    expect(queued.code).toBe(1);
    expect(packagesIn(queued.modules)).toContain('bullmq');
  });
});
