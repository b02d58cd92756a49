/**
 * CHOLMOD on the benchmark matrices, on this machine in this minute (`npm run bench -- --cholmod`):
 * the speed targets (BENCHMARKS.md) are stated against CHOLMOD's times on a quieter machine, and this
 * shared VM's speed drifts by 2×, so the reference is measured beside our own runs. Needs gcc and
 * Debian's libsuitesparse-dev (with libopenblas0-serial for a single-threaded optimized BLAS).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse } from '../../solver/sparse/cholesky';
import { toMatrixMarket } from '../../solver/sparse/matrixMarket';
import { buildMatrix, type CaseSpec } from './caseRunner';

export interface CholmodRun {
  n: number;
  ordering: string;
  analyseSeconds: number;
  flops: number;
  nnzL: number;
  factorSeconds: number[];
}

const source = fileURLToPath(new URL('./cholmod/cholmodRunner.c', import.meta.url));
const work = join(tmpdir(), 'stackpress-cholmod');

/** Compiles the runner once; returns its path, or the reason it cannot be built. */
export function cholmodRunner(): { path: string } | { error: string } {
  const path = join(work, 'cholmodRunner');
  // rebuilt when the source is newer than the binary
  if (existsSync(path) && statSync(path).mtimeMs >= statSync(source).mtimeMs) return { path };
  if (!existsSync('/usr/include/suitesparse/cholmod.h'))
    return { error: 'no CHOLMOD headers (apt-get install libsuitesparse-dev libopenblas0-serial)' };
  mkdirSync(work, { recursive: true });
  const cc = spawnSync('gcc', ['-O2', '-o', path, source, '-lcholmod', '-lm'], { encoding: 'utf8' });
  if (cc.status !== 0) return { error: `gcc failed: ${cc.stderr || cc.error?.message}` };
  return { path };
}

/**
 * Writes the benchmark matrix of `spec` and our nested-dissection permutation, then factors it
 * with CHOLMOD twice: with CHOLMOD's own ordering and with ours (same flops as our factorization).
 */
export function cholmodOnBenchMatrix(runner: string, spec: CaseSpec): { own: CholmodRun; ours: CholmodRun } {
  const { A, geometry } = buildMatrix(spec);
  const sym = analyse(A, { ordering: 'nd', geometry });
  mkdirSync(work, { recursive: true });
  const mtx = join(work, `plate_${A.n}.mtx`);
  const perm = join(work, `plate_${A.n}.perm`);
  writeFileSync(mtx, toMatrixMarket(A, 'stackpress benchmark matrix'));
  writeFileSync(perm, Array.from(sym.perm).join('\n'));
  const run = (args: string[]): CholmodRun => {
    const r = spawnSync(runner, args, {
      encoding: 'utf8',
      env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' },
    });
    if (r.status !== 0) throw new Error(`cholmodRunner ${args.join(' ')} failed (exit ${r.status})`);
    return JSON.parse(r.stdout.trim()) as CholmodRun;
  };
  return { own: run([mtx]), ours: run([mtx, perm]) };
}
