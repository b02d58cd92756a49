/**
 * Sparse Cholesky for symmetric positive definite matrices: analyse once per pattern,
 * factor per set of values, solve per right-hand side.
 */
import { type FactorOptions, factor } from './multifrontal';
import { solve, solveMany } from './supernodalSolve';
import { analyse } from './symbolic';
import type { AnalyseOptions, FactorStats, NumericFactor, SymbolicFactor, SymmetricCsc } from './types';

export { type FactorOptions, factor } from './multifrontal';
export { NotPositiveDefiniteError } from './notPositiveDefinite';
export { backwardSolve, forwardSolve, solve, solveMany } from './supernodalSolve';
export { analyse } from './symbolic';

export interface CholeskySolver {
  readonly symbolic: SymbolicFactor;
  readonly stats: FactorStats;
  /**
   * (Re)factors. With `values` (same pattern as the analysed matrix) they replace A's values;
   * without, A's current values are used. Storage is reused.
   */
  factor(values?: Float64Array): NumericFactor;
  /** Solves A x = b with the last factorization. */
  solve(b: Float64Array, x?: Float64Array): Float64Array;
  /** Solves for nrhs column-major right-hand sides. */
  solveMany(B: Float64Array, nrhs: number): Float64Array;
}

/** A solver bound to one matrix pattern (analysis done here, factorization on demand). */
export function createSolver(A: SymmetricCsc, options: AnalyseOptions & FactorOptions = {}): CholeskySolver {
  const symbolic = analyse(A, options);
  let numeric: NumericFactor | undefined;
  const current = (): NumericFactor => {
    if (!numeric) throw new Error('CholeskySolver: call factor() before solve()');
    return numeric;
  };
  return {
    symbolic,
    stats: symbolic.stats,
    factor(values?: Float64Array): NumericFactor {
      const matrix = values ? { ...A, values } : A;
      numeric = factor(symbolic, matrix, numeric, options);
      return numeric;
    },
    solve: (b, x) => (x ? solve(current(), b, x) : solve(current(), b)),
    solveMany: (B, nrhs) => solveMany(current(), B, nrhs),
  };
}
