/**
 * Sparse Cholesky benchmark (npm run bench).
 *
 *   npm run bench                              30k, 100k, 500k unknowns; ND and AMD; mathjs slu at 30k
 *   npm run bench -- --sizes 30k,100k          only these sizes
 *   npm run bench -- --orderings nd            only these orderings
 *   npm run bench -- --matrix random           random SPD element blocks instead of MITC4
 *   npm run bench -- --threads 1            factorization threads (default 1,2: one thread, then with the helper thread)
 *   npm run bench -- --repeat 3                numeric factorizations per case (default 3; the first allocates)
 *   npm run bench -- --runs 2                  run every case this many times (separate processes)
 *   npm run bench -- --no-mathjs               skip the mathjs slu comparison
 *   npm run bench -- --pcg                     PCG (Jacobi, IC(0)) vs direct at the smallest size
 *   npm run bench -- --export-mtx DIR          write the benchmark matrices as Matrix Market files
 *   npm run bench -- --mtx FILE                benchmark any SPD Matrix Market file
 *   npm run bench -- --cholmod                 CHOLMOD (own ordering, and ours) beside each ND case: the reference, this minute
 *   npm run bench -- --no-contact              skip the contact benchmark (default case at 2 and 1 mm)
 *   npm run bench -- --contact-only            only the contact benchmark: the default case, then every
 *                                              housing (unequal plates, mixed materials, interleaf plates)
 *                                              against twin plates in the same process
 *   npm run bench -- --contact-only --meshes 2 the contact benchmark at these mesh sizes [mm] (default 2,1)
 *   npm run bench -- --tolerance-only          only the tolerance-study benchmark: 100 draws of the default
 *                                              case and of fig5b-none (toleranceBench.ts; --samples N)
 *   npm run bench -- --history-only            only the life-history benchmark: 100 states of the default case
 *                                              at 2 mm, and the cycling cases (historyBench.ts)
 *
 * Every case runs in a child process so that its peak RSS is its own. Each child first
 * warms the JIT on a small plate and measures the dense kernel alone ("kernel GFlop/s":
 * how fast the shared machine was at that moment). GFlop/s uses the best factorization.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toMatrixMarket } from '../../solver/sparse/matrixMarket';
import type { OrderingName } from '../../solver/sparse/types';
import { buildMatrix, type CaseResult, type CaseSpec } from './caseRunner';
import { type CholmodRun, cholmodOnBenchMatrix, cholmodRunner } from './cholmodReference';

const here = fileURLToPath(new URL('.', import.meta.url));

interface Options {
  sizes: number[];
  orderings: OrderingName[];
  matrix: 'mitc4' | 'random';
  repeat: number;
  threads: number[];
  runs: number;
  mathjs: boolean;
  pcg: boolean;
  contact: boolean;
  contactOnly: boolean;
  meshes: string;
  cholmod: boolean;
  exportDir?: string;
  mtx?: string;
  toleranceOnly: boolean;
  historyOnly: boolean;
  samples?: number;
}

function parseSize(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`bad size "${text}" (use e.g. 30k, 100000, 0.5m)`);
  const scale = m[2].toLowerCase() === 'k' ? 1e3 : m[2].toLowerCase() === 'm' ? 1e6 : 1;
  return Math.round(Number(m[1]) * scale);
}

function parseOptions(argv: string[]): Options {
  const o: Options = {
    sizes: [30_000, 100_000, 500_000],
    orderings: ['nd', 'amd'],
    matrix: 'mitc4',
    repeat: 3,
    threads: [1, 2],
    runs: 1,
    mathjs: true,
    pcg: false,
    contact: true,
    contactOnly: false,
    meshes: '2,1',
    cholmod: false,
    toleranceOnly: false,
    historyOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--sizes') o.sizes = value().split(',').map(parseSize);
    else if (a === '--orderings') o.orderings = value().split(',') as OrderingName[];
    else if (a === '--matrix') o.matrix = value() as Options['matrix'];
    else if (a === '--repeat') o.repeat = Math.max(1, Number(value()));
    else if (a === '--threads') o.threads = value().split(',').map(Number);
    else if (a === '--runs') o.runs = Math.max(1, Number(value()));
    else if (a === '--no-mathjs') o.mathjs = false;
    else if (a === '--pcg') o.pcg = true;
    else if (a === '--no-contact') o.contact = false;
    else if (a === '--contact-only') o.contactOnly = true;
    else if (a === '--meshes') o.meshes = value();
    else if (a === '--cholmod') o.cholmod = true;
    else if (a === '--export-mtx') o.exportDir = value();
    else if (a === '--mtx') o.mtx = value();
    else if (a === '--tolerance-only') o.toleranceOnly = true;
    else if (a === '--history-only') o.historyOnly = true;
    else if (a === '--samples') o.samples = Math.max(1, Number(value()));
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

/** Runs a script of this folder in a fresh Node process and parses its last JSON line. */
function child<T>(script: string, spec: CaseSpec): T {
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=8192', '--import', 'tsx', join(here, script), JSON.stringify(spec)],
    { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (result.status !== 0) throw new Error(`${script} failed (exit ${result.status})`);
  const lines = result.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as T;
}

const fmt = (x: number, digits = 3): string => x.toFixed(digits);
const sci = (x: number): string => x.toExponential(2);

function printHeader(): void {
  console.log(
    '| matrix | n | ordering | threads | analyse s | factor s (first / refactor) | solve s | nnz(L) | flops | GFlop/s | peak RSS MiB | ‖r‖/‖b‖ | kernel GFlop/s |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
}

function printRow(r: CaseResult): void {
  const best = Math.min(...r.factorSeconds);
  console.log(
    `| ${r.label} | ${r.n} | ${r.ordering} | ${r.threads === 1 ? 1 : `${r.threads} (helper joined ${r.helped}/${r.factorSeconds.length})`} | ${fmt(r.analyseSeconds)} | ${r.factorSeconds.map((s) => fmt(s)).join(' / ')} | ` +
      `${fmt(r.solveSeconds)} | ${sci(r.nnzL)} | ${sci(r.flops)} | ${fmt(r.flops / best / 1e9, 2)} | ` +
      `${fmt(r.peakRssMiB, 0)} | ${sci(r.relativeResidual)} | ${fmt(r.kernelRate, 2)} |`,
  );
}

function printCholmodRow(r: CholmodRun): void {
  const best = Math.min(...r.factorSeconds);
  const label = r.ordering === 'given' ? 'CHOLMOD, our ND order' : `CHOLMOD, its ${r.ordering.toUpperCase()}`;
  console.log(
    `| ${label} | ${r.n} | ${r.ordering === 'given' ? 'nd-geometric' : r.ordering} | 1 (BLAS) | ${fmt(r.analyseSeconds)} | ` +
      `${r.factorSeconds.map((s) => fmt(s)).join(' / ')} | — | ${sci(r.nnzL)} | ${sci(r.flops)} | ${fmt(r.flops / best / 1e9, 2)} | — | — | — |`,
  );
}

/** The whole pipeline on cases/default.json and its housings, in its own process per thread count (cold caches, own peak RSS). */
function contactRuns(o: Options): void {
  for (const threads of o.threads) {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(here, 'contactBench.ts'), '--threads', String(threads), '--meshes', o.meshes],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    console.log(
      `\nContact model, cases/default.json (load-up + swelling), end to end from the case object, factorization threads ${threads}`,
    );
    console.log(r.stdout.trim());
    if (r.status !== 0) console.log(r.stderr);
  }
}

/** The tolerance-study benchmark in its own process (cold session, its own peak RSS). */
function toleranceRuns(o: Options): void {
  const extra = o.samples ? ['--samples', String(o.samples)] : [];
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'toleranceBench.ts'), ...extra], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  console.log(
    '\nTolerance study: N draws solved in one session, end to end from the case object, one factorization thread',
  );
  console.log(r.stdout.trim());
  if (r.status !== 0) console.log(r.stderr);
}

/** The life-history benchmark in its own process (cold session, its own JIT). */
function historyRuns(): void {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'historyBench.ts')], {
    encoding: 'utf8',
    maxBuffer: 1 << 26,
  });
  console.log('\nLife history: states after load-up solved in one session, one factorization thread');
  console.log(r.stdout.trim());
  if (r.status !== 0) console.log(r.stderr);
}

function main(): void {
  const o = parseOptions(process.argv.slice(2));
  if (o.exportDir) {
    mkdirSync(o.exportDir, { recursive: true });
    for (const unknowns of o.sizes) {
      const { A, label } = buildMatrix({ unknowns, ordering: 'nd', matrix: o.matrix, repeat: 1 });
      const file = join(o.exportDir, `plate_${o.matrix}_${A.n}.mtx`);
      writeFileSync(file, toMatrixMarket(A, `stackpress benchmark: ${label}, 3 dofs/node`));
      console.log(`wrote ${file} (n = ${A.n}, nnz = ${A.rowIdx.length})`);
    }
    return;
  }
  console.log(`node ${process.version}, ${new Date().toISOString()}`);
  if (o.contactOnly) {
    contactRuns(o);
    return;
  }
  if (o.toleranceOnly) {
    toleranceRuns(o);
    return;
  }
  if (o.historyOnly) {
    historyRuns();
    return;
  }
  printHeader();
  const base: CaseSpec[] = o.mtx
    ? o.orderings.map((ordering) => ({ mtx: o.mtx, ordering, matrix: o.matrix, repeat: o.repeat }))
    : o.sizes.flatMap((unknowns) =>
        o.orderings.map((ordering) => ({ unknowns, ordering, matrix: o.matrix, repeat: o.repeat })),
      );
  const runner = o.cholmod ? cholmodRunner() : null;
  if (runner && 'error' in runner) console.log(`(no CHOLMOD reference: ${runner.error})`);
  for (const spec of base) {
    for (let run = 0; run < o.runs; run++) {
      for (const threads of o.threads) printRow(child<CaseResult>('caseRunner.ts', { ...spec, threads }));
      // the reference in the same minute, on the same matrix
      if (runner && 'path' in runner && spec.ordering === 'nd') {
        const { own, ours } = cholmodOnBenchMatrix(runner.path, spec);
        printCholmodRow(own);
        printCholmodRow(ours);
      }
    }
  }
  if (!o.mtx && o.mathjs) {
    const unknowns = Math.min(...o.sizes);
    if (unknowns <= 40_000) {
      const r = child<{
        n: number;
        factorSeconds: number;
        solveSeconds: number;
        relativeError: number;
        peakRssMiB: number;
      }>('mathjsRunner.ts', { unknowns, ordering: 'amd', matrix: o.matrix, repeat: 1 });
      console.log(
        `\nmathjs slu (LU, order 1 = AMD on A+Aᵀ, threshold 1e-3), n = ${r.n}: factor ${fmt(r.factorSeconds, 2)} s, ` +
          `solve ${fmt(r.solveSeconds, 2)} s, max rel. difference to our solution ${sci(r.relativeError)}, peak RSS ${fmt(r.peakRssMiB, 0)} MiB`,
      );
    }
  }
  if (!o.mtx && o.contact) contactRuns(o);
  if (!o.mtx && o.pcg) {
    const unknowns = Math.min(...o.sizes);
    const r = child<{ n: number; rows: Array<Record<string, number | string | boolean>> }>('pcgRunner.ts', {
      unknowns,
      ordering: 'nd',
      matrix: o.matrix,
      repeat: 20_000,
    });
    console.log(`\nPCG vs direct, n = ${r.n}, stop at ‖r‖/‖b‖ ≤ 1e-8 (at most 20000 iterations)`);
    console.log('| method | seconds | iterations | converged | max rel. error vs direct |');
    console.log('|---|---|---|---|---|');
    for (const row of r.rows) {
      console.log(
        `| ${row.method} | ${fmt(Number(row.seconds), 2)} | ${row.iterations} | ${row.converged ?? '—'} | ${sci(Number(row.error))} |`,
      );
    }
  }
}

main();
