/**
 * Preconditioned conjugate gradients for symmetric positive definite A (lower triangle).
 * A direct factorization is the default for plates (their condition number grows like
 * h⁻⁴, see BENCHMARKS.md); CG is here for comparison and for very large meshes.
 */
import { applyIncompleteCholesky, incompleteCholesky } from './incompleteCholesky';
import { multiplySymmetric } from './symmetricProduct';
import type { SymmetricCsc } from './types';

export type PreconditionerName = 'none' | 'jacobi' | 'ic0';

export interface PcgOptions {
  preconditioner?: PreconditionerName;
  /** stop when ‖b − A x‖₂ ≤ tolerance · ‖b‖₂ (default 1e-10) */
  tolerance?: number;
  maxIterations?: number;
  /** initial guess (default zero) */
  x0?: Float64Array;
}

export interface PcgResult {
  x: Float64Array<ArrayBuffer>;
  iterations: number;
  /** ‖b − A x‖₂ / ‖b‖₂ of the returned x (recurrence value) */
  relativeResidual: number;
  converged: boolean;
  /** seconds spent building the preconditioner and iterating */
  setupSeconds: number;
  iterateSeconds: number;
}

/** Solves A x = b by preconditioned CG. */
export function pcg(A: SymmetricCsc, b: Float64Array, options: PcgOptions = {}): PcgResult {
  const n = A.n;
  const tolerance = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 10 * n;
  const kind = options.preconditioner ?? 'jacobi';
  const t0 = performance.now();
  const invDiag = new Float64Array(n);
  const ic = kind === 'ic0' ? incompleteCholesky(A) : null;
  if (kind === 'jacobi') {
    for (let j = 0; j < n; j++) {
      for (let k = A.colPtr[j]; k < A.colPtr[j + 1]; k++) if (A.rowIdx[k] === j) invDiag[j] = 1 / A.values[k];
    }
  }
  const precondition = (r: Float64Array, z: Float64Array): void => {
    if (ic) applyIncompleteCholesky(ic, r, z);
    else if (kind === 'jacobi') for (let i = 0; i < n; i++) z[i] = r[i] * invDiag[i];
    else z.set(r);
  };
  const t1 = performance.now();
  const x = options.x0 ? new Float64Array(options.x0) : new Float64Array(n);
  const r = Float64Array.from(b);
  const q = new Float64Array(n);
  if (options.x0) {
    multiplySymmetric(A, x, q);
    for (let i = 0; i < n; i++) r[i] -= q[i];
  }
  const z = new Float64Array(n);
  const p = new Float64Array(n);
  const bNorm = Math.sqrt(dot(b, b)) || 1;
  precondition(r, z);
  p.set(z);
  let rz = dot(r, z);
  let residual = Math.sqrt(dot(r, r)) / bNorm;
  let iterations = 0;
  while (residual > tolerance && iterations < maxIterations) {
    multiplySymmetric(A, p, q);
    const alpha = rz / dot(p, q);
    for (let i = 0; i < n; i++) {
      x[i] += alpha * p[i];
      r[i] -= alpha * q[i];
    }
    iterations++;
    residual = Math.sqrt(dot(r, r)) / bNorm;
    if (residual <= tolerance) break;
    precondition(r, z);
    const rzNew = dot(r, z);
    const beta = rzNew / rz;
    rz = rzNew;
    for (let i = 0; i < n; i++) p[i] = z[i] + beta * p[i];
  }
  const t2 = performance.now();
  return {
    x,
    iterations,
    relativeResidual: residual,
    converged: residual <= tolerance,
    setupSeconds: (t1 - t0) / 1000,
    iterateSeconds: (t2 - t1) / 1000,
  };
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
