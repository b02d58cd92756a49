/**
 * `npm run build`: the CLI and the library compiled to ESM JavaScript in dist/ (esbuild), then the
 * library's declarations (tsc, tsconfig.build.json). Run with tsx: `tsx esbuild.config.ts`.
 *
 * Entry points and shared code are split into chunks, so the CLI's lazily imported command actions
 * stay out of the start-up path. Packages are not bundled: they are the package's dependencies and
 * load from node_modules, as declared in package.json.
 *
 * The new dist/ is built beside the old one and swapped in whole once complete: a failed build
 * leaves the last good one, and a CLI started from dist/ meanwhile never sees half of one.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { build, type Metafile } from 'esbuild';

const dist = 'dist';
const staging = 'node_modules/.cache/stackpress-build';
const outdir = `${staging}/${process.pid}`;

/**
 * Output name (relative to dist/, without .js) → source. Every output, chunks included, lies one
 * folder below dist/: src/threads/threadEntry.ts finds the worker-thread entries from any of them.
 */
const entryPoints = {
  'cli/stackpress': 'src/cli/main.ts',
  'cli/caseWorker': 'src/cli/caseWorker.ts',
  'threads/factorHelperWorker': 'src/threads/factorHelperWorker.ts',
  'lib/index': 'src/index.ts',
  'solver/index': 'solver/index.ts',
};

/** The outputs that do not lie exactly one folder below dist/. */
function misplacedOutputs(metafile: Metafile): string[] {
  return Object.keys(metafile.outputs)
    .map((file) => relative(outdir, file))
    .filter((file) => dirname(file).split(/[\\/]/).length !== 1 || dirname(file) === '.');
}

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
try {
  const { metafile } = await build({
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    // error names are part of the contract (ContactAbortedError, InputError): keep them through bundling
    keepNames: true,
    metafile: true,
    logLevel: 'warning',
  });
  const misplaced = misplacedOutputs(metafile);
  if (misplaced.length > 0) {
    throw new Error(`outputs must lie one folder below ${dist}/ (worker entries rely on it): ${misplaced}`);
  }
  // the bin: src/cli/main.ts starts with #!/usr/bin/env node, which esbuild keeps
  chmodSync(`${outdir}/cli/stackpress.js`, 0o755);
  execFileSync(
    process.execPath,
    ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', `${outdir}/types`],
    { stdio: 'inherit' },
  );
  const old = `${staging}/${process.pid}-old`;
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(outdir, dist);
  rmSync(old, { recursive: true, force: true });
} finally {
  // gone after a swap; after a failure, the half-built output
  rmSync(outdir, { recursive: true, force: true });
}
