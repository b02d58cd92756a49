import type { CaseSummary } from '../../../src/index';
import type { ResultFields } from '../../../src/presentation/resultFields';

export type { InterfaceField } from '../../../src/presentation/resultFields';

export interface SolveRequest {
  type: 'solve';
  id: number;
  caseInput: unknown;
}

export type SolveReply =
  | { type: 'progress'; id: number; step: string; iteration: number; residual: number; elapsed: number }
  | {
      type: 'result';
      id: number;
      summary: CaseSummary;
      fields: ResultFields;
      seconds: number;
    }
  | { type: 'error'; id: number; message: string };
