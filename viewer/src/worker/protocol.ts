import type { CaseSummary } from '../../../src/index';
import type { ResultFields } from '../../../src/presentation/resultFields';
import type { StackGeometry } from '../../../src/presentation/stackGeometry';
import type { ToleranceResult } from '../../../src/tolerance/toleranceResult';

export type { InterfaceField } from '../../../src/presentation/resultFields';

export interface SolveRequest {
  type: 'solve';
  id: number;
  caseInput: unknown;
}

/** A tolerance study of one case: `samples` draws from `seed` (overriding the case's tolerances block). */
export interface StudyRequest {
  type: 'study';
  id: number;
  caseInput: unknown;
  samples: number;
  seed: number;
  /**
   * Set to non-zero by the page to stop the study between draws (or Newton steps), keeping the
   * worker and its session; a SharedArrayBuffer view, so null when the page is not cross-origin
   * isolated (the page then terminates the worker to cancel).
   */
  abort: Int32Array | null;
}

export type WorkerRequest = SolveRequest | StudyRequest;

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

export type StudyReply =
  /** after each draw: draws finished (solved or failed) of `total`, and this draw's index and outcome */
  | { type: 'studyProgress'; id: number; done: number; total: number; index: number; failed: boolean }
  | {
      type: 'studyResult';
      id: number;
      result: ToleranceResult;
      /** the stack the maps are drawn on; null when no draw solved (there are no maps) */
      stack: StackGeometry | null;
      /** wall time in the worker [s] */
      seconds: number;
    }
  /** the study stopped at the page's request (abort flag set) */
  | { type: 'studyCancelled'; id: number }
  | { type: 'error'; id: number; message: string };

export type WorkerReply = SolveReply | StudyReply;
