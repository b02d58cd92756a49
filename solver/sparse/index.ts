/** Public API of the sparse linear-algebra layer. */
export { type AssemblyPlan, addElement, assembleGroup, planAssembly, zeroValues } from './assembly';
export {
  analyse,
  backwardSolve,
  type CholeskySolver,
  createSolver,
  type FactorOptions,
  factor,
  forwardSolve,
  NotPositiveDefiniteError,
  solve,
  solveMany,
} from './cholesky';
export { type AdjacencyGraph, adjacencyOf } from './graph';
export { applyIncompleteCholesky, type IncompleteCholesky, incompleteCholesky } from './incompleteCholesky';
export { fromMatrixMarket, toMatrixMarket } from './matrixMarket';
export {
  approximateMinimumDegree,
  fillReducingOrdering,
  invertPermutation,
  naturalOrdering,
  nestedDissection,
} from './ordering/index';
export { type FactorHelper, type HelperMessage, SharedMemoryHelper } from './parallel/factorHelper';
export { helperLoop } from './parallel/helperLoop';
export { type SubtreeSplit, subtreeSplit } from './parallel/subtreeSplit';
export { type PcgOptions, type PcgResult, type PreconditionerName, pcg } from './pcg';
export { multiplySymmetric, residualNorm } from './symmetricProduct';
export type * from './types';
