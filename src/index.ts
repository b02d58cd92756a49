/** stackpress domain API: solve a case, check a case, and the result types. */
export { checkCase, footprintRect, nominalPreload } from './case/checkCase';
export { caseSchema } from './case/schema';
export type { Case, CaseInput } from './case/schema';
export { solveCase, summaryOf, RESULT_SCHEMA } from './solveCase';
export type { CaseResult, CaseSummary, BoltResult, ForceBalance, PlateResult } from './solveCase';
export type { PressureStats } from './results/pressureStats';
