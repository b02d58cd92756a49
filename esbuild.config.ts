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
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
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

/**
 * The declarations' relative imports with the extension Node's ESM resolution needs (`./schema` →
 * `./schema.js`, `./mesh` → `./mesh/index.js`): tsc keeps them as the sources write them, and a
 * consumer on `moduleResolution: node16` or `nodenext` could not follow them (its types would
 * silently turn to `any` under skipLibCheck).
 */
function addDeclarationExtensions(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
    const file = join(entry.parentPath, entry.name);
    const here = dirname(file);
    const text = readFileSync(file, 'utf8').replace(
      /(\bfrom\s*|\bimport\s*\(\s*)(['"])(\.{1,2}\/[^'"]*)\2/g,
      (whole, lead: string, quote: string, path: string) => {
        if (existsSync(join(here, `${path}.d.ts`))) return `${lead}${quote}${path}.js${quote}`;
        if (existsSync(join(here, path, 'index.d.ts'))) return `${lead}${quote}${path}/index.js${quote}`;
        return whole;
      },
    );
    writeFileSync(file, text);
  }
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
    // names as written in stack traces and `constructor.name`, also where two modules' names collide in a chunk
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
  addDeclarationExtensions(`${outdir}/types`);
  const old = `${staging}/${process.pid}-old`;
  if (existsSync(dist)) renameSync(dist, old);
  renameSync(outdir, dist);
  rmSync(old, { recursive: true, force: true });
} finally {
  // gone after a swap; after a failure, the half-built output
  rmSync(outdir, { recursive: true, force: true });
}
