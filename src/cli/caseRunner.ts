import type { CaseJob, CaseOutcome } from './caseJob';

/**
 * Where a batch's cases are solved: local worker threads (WorkerPool) or a Redis-backed queue
 * of remote workers (QueueRunner). Either calls `onOutcome` once per job as it finishes.
 */
export interface CaseRunner {
  run(jobs: CaseJob[], onOutcome: (o: CaseOutcome, job: CaseJob) => void | Promise<void>): Promise<void>;
  /** stop cleanly: no new jobs, running ones abort or are left to their workers */
  stop(): void;
}
