/**
 * One benchmark case in its own process (so that peak RSS belongs to this case alone):
 * build or read the matrix, analyse, factor (twice: first and refactorization), solve,
 * check the residual and print one JSON line.
 */
import { readFileSync } from 'node:fs';
import { mitc4Stiffness } from '../../solver/plate/mitc4';
import { assembleGroup, planAssembly } from '../../solver/sparse/assembly';
import { analyse, factor, solve } from '../../solver/sparse/cholesky';
import { fromMatrixMarket } from '../../solver/sparse/matrixMarket';
import { residualNorm } from '../../solver/sparse/symmetricProduct';
import type { DofGeometry, OrderingName, SymmetricCsc } from '../../solver/sparse/types';
import { createSolverSession } from '../../src/threads/factorThreads';
import { denseKernelRate } from './calibration';
import { clampedPlateProblem, randomPlateProblem, sideForUnknowns } from './plateProblem';

export interface CaseSpec {
  /** target unknowns, or a Matrix Market file */
  unknowns?: number;
  mtx?: string;
  ordering: OrderingName;
  /** 'mitc4' (clamped plate) or 'random' (random SPD element blocks on the same pattern) */
  matrix: 'mitc4' | 'random';
  repeat: number;
  /** factorization threads: 1, or 2 with the helper thread (default 1) */
  threads?: number;
}

export interface CaseResult {
  label: string;
  n: number;
  ordering: string;
  nnzA: number;
  nnzL: number;
  storedL: number;
  flops: number;
  supernodes: number;
  buildSeconds: number;
  analyseSeconds: number;
  orderingSeconds: number;
  /** every numeric factorization, the first one allocating */
  factorSeconds: number[];
  /** threads of the factorizations, and how many of them the helper thread joined */
  threads: number;
  helped: number;
  solveSeconds: number;
  relativeResidual: number;
  peakRssMiB: number;
  /** dense kernel GFlop/s measured just before the case (machine state) */
  kernelRate: number;
}

export function buildMatrix(spec: CaseSpec): { A: SymmetricCsc; geometry?: DofGeometry; label: string } {
  if (spec.mtx) return { A: fromMatrixMarket(readFileSync(spec.mtx, 'utf8')), label: spec.mtx };
  const unknowns = spec.unknowns ?? 30_000;
  const problem =
    spec.matrix === 'mitc4'
      ? clampedPlateProblem(sideForUnknowns(unknowns) + 2, mitc4Stiffness)
      : randomPlateProblem(sideForUnknowns(unknowns));
  const plan = planAssembly(problem.n, [problem.group]);
  assembleGroup(plan, 0, problem.blocks);
  return {
    A: plan.matrix,
    geometry: problem.geometry,
    label: `${spec.matrix} ${problem.nx}×${problem.nx} nodes`,
  };
}

/**
 * Runs the whole pipeline on a small plate (whose top separator is wider than the 128-column
 * passes, so every code path runs) so that the timed case measures optimized code, as in an
 * application that refactors many times.
 */
function warmUp(): void {
  const p = randomPlateProblem(60, 99);
  const plan = planAssembly(p.n, [p.group]);
  assembleGroup(plan, 0, p.blocks);
  for (const ordering of ['nd', 'amd'] as const) {
    const sym = analyse(plan.matrix, { ordering, geometry: ordering === 'nd' ? p.geometry : undefined });
    let num = factor(sym, plan.matrix);
    for (let r = 0; r < 3; r++) num = factor(sym, plan.matrix, num);
    solve(num, new Float64Array(p.n).fill(1));
  }
}

export async function runCase(spec: CaseSpec): Promise<CaseResult> {
  const threaded = createSolverSession(spec.threads ?? 1);
  await threaded.ready;
  const threads = threaded.threads;
  const helper = threaded.session.factorHelper;
  warmUp();
  const kernelRate = denseKernelRate();
  const t0 = performance.now();
  const { A, geometry, label } = buildMatrix(spec);
  const buildSeconds = (performance.now() - t0) / 1000;
  globalThis.gc?.();
  const sym = analyse(A, { ordering: spec.ordering, geometry });
  const factorSeconds: number[] = [];
  const helped = helper?.counts.helped ?? 0;
  let num = factor(sym, A, undefined, { helper });
  factorSeconds.push(num.seconds);
  for (let r = 1; r < spec.repeat; r++) {
    num = factor(sym, A, num, { helper });
    factorSeconds.push(num.seconds);
  }
  const b = new Float64Array(A.n);
  for (let i = 0; i < A.n; i++) b[i] = Math.sin(0.001 * i) + 1;
  const t1 = performance.now();
  const x = solve(num, b);
  const solveSeconds = (performance.now() - t1) / 1000;
  let bb = 0;
  for (let i = 0; i < A.n; i++) bb += b[i] ** 2;
  const rr = residualNorm(A, x, b) ** 2;
  const s = sym.stats;
  return {
    label,
    n: A.n,
    ordering: s.ordering,
    nnzA: s.nnzA,
    nnzL: s.nnzL,
    storedL: s.storedL ?? 0,
    flops: s.flops,
    supernodes: s.supernodes,
    buildSeconds,
    analyseSeconds: s.analyseSeconds ?? 0,
    orderingSeconds: s.orderingSeconds ?? 0,
    factorSeconds,
    threads,
    helped: (helper?.counts.helped ?? 0) - helped,
    solveSeconds,
    relativeResidual: Math.sqrt(rr / bb),
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    kernelRate,
  };
}

// invoked as a child: the spec is the last argument
if (process.argv[1]?.endsWith('caseRunner.ts')) {
  const spec = JSON.parse(process.argv[process.argv.length - 1]) as CaseSpec;
  process.stdout.write(`${JSON.stringify(await runCase(spec))}\n`);
  // the helper thread is unref'd: the child exits once the result is written
}
