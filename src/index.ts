/**
 * stackpress domain API: solve a case, check a case, and the result types; the solver session a
 * caller owns, and the two-thread factorization a platform (the viewer's worker) wires to its own
 * threads and hands to its session.
 */
export { SolverSession } from '../solver/session/solverSession';
export {
  type FactorHelper,
  type HelperMessage,
  helperLoop,
  SharedMemoryHelper,
} from '../solver/sparse/index';
export { checkCase, footprintRect, nominalPreload } from './case/checkCase';
export type { Case, CaseInput } from './case/schema';
export { caseSchema } from './case/schema';
export type { PressureStats } from './results/pressureStats';
export type {
  BoltResult,
  CaseResult,
  CaseSummary,
  ForceBalance,
  PlateResult,
  SolveEffort,
} from './solveCase';
export { RESULT_SCHEMA, solveCase, summaryOf } from './solveCase';
