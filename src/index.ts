/**
 * stackpress domain API: solve a case, check a case, and the result types; and the solver's
 * two-thread factorization, which a platform (the viewer's worker) wires to its own threads.
 */
export {
  type FactorHelper,
  type HelperMessage,
  helperLoop,
  SharedMemoryHelper,
  setFactorHelper,
} from '../solver/sparse/index';
export { checkCase, footprintRect, nominalPreload } from './case/checkCase';
export type { Case, CaseInput } from './case/schema';
export { caseSchema } from './case/schema';
export type { PressureStats } from './results/pressureStats';
export type { BoltResult, CaseResult, CaseSummary, ForceBalance, PlateResult } from './solveCase';
export { RESULT_SCHEMA, solveCase, summaryOf } from './solveCase';
