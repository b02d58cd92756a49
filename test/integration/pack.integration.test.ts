import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, repo, scratch } from '../cli/cliHarness';

/**
 * The package as a user gets it: `npm pack` of the built tree, installed into an empty folder with
 * `npm install --omit=dev`, so that only the declared `dependencies` are there. Its bin must solve,
 * its worker threads start from the compiled code, its library load, and none of the viewer's
 * packages come along. Needs the npm registry (the dependencies are downloaded or taken from npm's
 * cache) and a build (`npm run test:integration` builds first).
 */
interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** npm's own settings from `npm run` (npm_config_*, npm_lifecycle_*) kept out: a user's plain npm. */
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')),
);

function run(file: string, args: string[], cwd: string, timeout = 240_000): Promise<Run> {
  return new Promise((done) =>
    execFile(file, args, { cwd, env, timeout, maxBuffer: 1 << 26 }, (err, stdout, stderr) =>
      done({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    ),
  );
}

let dir: string;
let app: string;
let stackpress: string;
let packed: { files: { path: string }[] };

beforeAll(async () => {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm run build first`);
  dir = await scratch();
  // the build is already there: no prepare script, which would rebuild dist/ under other runs
  const pack = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], repo);
  expect(pack.code, pack.stderr).toBe(0);
  [packed] = JSON.parse(pack.stdout);
  const tarball = join(dir, (packed as unknown as { filename: string }).filename);
  app = join(dir, 'app');
  await mkdir(app);
  await writeFile(join(app, 'package.json'), '{ "name": "pack-test", "private": true, "type": "module" }\n');
  const install = await run(
    'npm',
    ['install', '--omit=dev', '--no-audit', '--no-fund', tarball],
    app,
    600_000,
  );
  expect(install.code, install.stderr).toBe(0);
  stackpress = join(app, 'node_modules/.bin/stackpress');
}, 900_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('npm pack, then npm install --omit=dev', () => {
  it('ships dist/, cases/ and the README only', () => {
    const tops = new Set(packed.files.map((f) => f.path.split('/')[0]));
    expect([...tops].sort()).toEqual(['README.md', 'cases', 'dist', 'package.json']);
    const paths = packed.files.map((f) => f.path);
    expect(paths).toContain('dist/cli/stackpress.js');
    expect(paths).toContain('cases/default.json');
    expect(paths).toContain('dist/types/src/index.d.ts');
  });

  it('installs none of the viewer packages, nor tsx', async () => {
    const installed = await readdir(join(app, 'node_modules'));
    for (const p of ['react', 'react-dom', 'three', '@react-three', 'vite', 'vega-embed', 'zustand', 'tsx'])
      expect(installed, p).not.toContain(p);
    expect(installed).toContain('stackpress');
    expect(installed).toContain('pure-rand');
  });

  it('stackpress --help lists the commands', async () => {
    const r = await run(stackpress, ['--help'], app);
    expect(r.code, r.stderr).toBe(0);
    for (const c of ['solve', 'sweep', 'batch', 'schema', 'module', 'worker']) expect(r.stdout).toContain(c);
  });

  it('stackpress solve of the packaged default case writes result.json; the helper thread joins', async () => {
    const out = join(dir, 'solved');
    const r = await run(
      stackpress,
      ['solve', 'node_modules/stackpress/cases/default.json', '--out', out],
      app,
    );
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(await readFile(join(out, 'default', 'result.json'), 'utf8'));
    expect(result.schema).toBe('stackpress.result/2');
    expect(result.pressure.mean).toBeGreaterThan(0);
    for (const f of ['pressure.csv', 'pressure.png', 'deflection.png'])
      expect(existsSync(join(out, 'default', f)), f).toBe(true);
    // a helper thread that failed to start would leave the solve on one thread, silently
    if (availableParallelism() >= 2) expect(result.effort.helperJoined).toBeGreaterThan(0);
  });

  it('stackpress batch solves on its compiled worker thread', async () => {
    const cases = join(dir, 'cases');
    await mkdir(cases);
    const raw = JSON.parse(
      await readFile(join(app, 'node_modules/stackpress/cases/fig5b-none.json'), 'utf8'),
    );
    await writeFile(join(cases, 'coarse.json'), JSON.stringify({ ...raw, mesh: { size: 5 } }));
    const out = join(dir, 'batch');
    const r = await run(stackpress, ['batch', cases, '--out', out, '--jobs', '1'], app);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(await readFile(join(out, 'errors.json'), 'utf8'))).toEqual([]);
    expect(existsSync(join(out, 'coarse', 'result.json'))).toBe(true);
  });

  it('the library loads: solveCase from "stackpress", analyzePlate from "stackpress/solver"', async () => {
    const script = [
      "import { readFileSync } from 'node:fs';",
      "import { solveCase, summaryOf } from 'stackpress';",
      "import { analyzePlate } from 'stackpress/solver';",
      "const raw = JSON.parse(readFileSync('node_modules/stackpress/cases/default.json', 'utf8'));",
      'const s = summaryOf(solveCase({ ...raw, mesh: { size: 10 } }));',
      'console.log(JSON.stringify({ mean: s.pressure.mean, analyzePlate: typeof analyzePlate }));',
    ].join('\n');
    const r = await run(process.execPath, ['--input-type=module', '-e', script], app);
    expect(r.code, r.stderr).toBe(0);
    const shown = JSON.parse(r.stdout);
    expect(shown.analyzePlate).toBe('function');
    expect(shown.mean).toBeGreaterThan(0);
  });

  it('its declarations type a consumer on moduleResolution nodenext: real types, not any', async () => {
    const consumer = [
      "import { type CaseSummary, solveCase } from 'stackpress';",
      "import { analyzePlate } from 'stackpress/solver';",
      'export const run = (raw: unknown): CaseSummary => solveCase(raw);',
      'export const plate = analyzePlate;',
      '// the one error the check must report: a number is not a string',
      'export const wrong: string = solveCase({}).pressure.mean;',
    ].join('\n');
    await writeFile(join(app, 'consumer.ts'), `${consumer}\n`);
    const tsc = join(repo, 'node_modules/typescript/bin/tsc');
    const options = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext'];
    const types = ['--typeRoots', join(repo, 'node_modules/@types'), '--types', 'node'];
    const r = await run(process.execPath, [tsc, ...options, ...types, 'consumer.ts'], app);
    const errors = r.stdout.split('\n').filter((l) => l.includes('error TS'));
    expect(errors, r.stdout).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^consumer\.ts\(6,\d+\): error TS2322: Type 'number' is not assignable to type 'string'/,
    );
  });
});
