/** Child process: PCG (Jacobi, IC(0)) against the direct solver on one plate matrix. */
import { analyse, factor, solve } from '../../solver/sparse/cholesky';
import { pcg } from '../../solver/sparse/pcg';
import { buildMatrix, type CaseSpec } from './caseRunner';

const spec = JSON.parse(process.argv[process.argv.length - 1]) as CaseSpec;
const { A, geometry } = buildMatrix(spec);
const b = new Float64Array(A.n);
for (let i = 0; i < A.n; i++) b[i] = Math.sin(0.001 * i) + 1;
const t0 = performance.now();
const sym = analyse(A, { geometry });
const num = factor(sym, A);
const x = solve(num, b);
const directSeconds = (performance.now() - t0) / 1000;
const rows: unknown[] = [
  { method: 'direct (ND + supernodal Cholesky)', seconds: directSeconds, iterations: 0, error: 0 },
];
for (const preconditioner of ['jacobi', 'ic0'] as const) {
  const r = pcg(A, b, { preconditioner, tolerance: 1e-8, maxIterations: spec.repeat });
  let err = 0;
  let scale = 0;
  for (let i = 0; i < A.n; i++) {
    err = Math.max(err, Math.abs(r.x[i] - x[i]));
    scale = Math.max(scale, Math.abs(x[i]));
  }
  rows.push({
    method: `PCG ${preconditioner}`,
    seconds: r.setupSeconds + r.iterateSeconds,
    iterations: r.iterations,
    converged: r.converged,
    relativeResidual: r.relativeResidual,
    error: err / scale,
  });
}
process.stdout.write(`${JSON.stringify({ n: A.n, rows })}\n`);
