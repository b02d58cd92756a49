import type { DesignEvaluation } from '../design/designEvaluation';

/**
 * One design for a solver thread or a queue worker: the problem (plain JSON, checked again on
 * arrival) and the design's variable values. Its thread's session is kept between jobs, so
 * designs on one mesh reuse the symbolic analysis.
 */
export interface DesignJob {
  kind: 'design';
  id: number;
  problem: unknown;
  design: unknown;
  /** time limit of the evaluation [ms]; none: no limit */
  timeoutMs?: number;
}

/** A thread's answer for one design: its evaluation, or why there is none. */
export type DesignJobOutcome =
  | { id: number; status: 'evaluated'; evaluation: DesignEvaluation }
  | { id: number; status: 'failed'; error: string; errorName?: string }
  | { id: number; status: 'aborted' };

/** Whether a message a solver thread receives is a design job rather than a case job. */
export function isDesignJob(m: unknown): m is DesignJob {
  return typeof m === 'object' && m !== null && (m as { kind?: unknown }).kind === 'design';
}
