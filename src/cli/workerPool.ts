import type { CaseJob, CaseOutcome } from './caseJob';
import type { CaseRunner } from './caseRunner';
import { factorThreadsPerLane } from './options';
import { SolverThread } from './solverThread';

export interface WorkerPoolOptions {
  /** time limit per case — checks, solve and writing [s]; none: no limit */
  timeoutSeconds?: number;
}

/**
 * Solve `jobs` on `size` worker threads, calling `onOutcome` as each finishes. `stop()` aborts the
 * running solves (through a shared flag, so nothing is half written), sends no further jobs and
 * resolves once every worker has answered. A crashed worker, or one that overruns the time limit,
 * fails its job and is replaced; the other jobs go on.
 */
export class WorkerPool implements CaseRunner {
  private readonly abort = new Int32Array(new SharedArrayBuffer(4));
  private stopped = false;

  constructor(
    private readonly size: number,
    private readonly options: WorkerPoolOptions = {},
  ) {}

  stop(): void {
    this.stopped = true;
    Atomics.store(this.abort, 0, 1);
  }

  async run(
    jobs: CaseJob[],
    onOutcome: (o: CaseOutcome, job: CaseJob) => void | Promise<void>,
  ): Promise<void> {
    let next = 0;
    const lanes = Math.max(1, Math.min(this.size, jobs.length));
    // a lane alone on the machine factors on two threads; lanes side by side take a core each
    const factorThreads = factorThreadsPerLane(lanes);
    const { timeoutSeconds } = this.options;
    const timeoutMs = timeoutSeconds !== undefined ? timeoutSeconds * 1000 : undefined;
    const lane = async (): Promise<void> => {
      const thread = new SolverThread(this.abort, factorThreads);
      try {
        while (!this.stopped && next < jobs.length) {
          const job = jobs[next++];
          await onOutcome(await thread.solve({ timeoutMs, ...job }), job);
        }
      } finally {
        await thread.close();
      }
    };
    await Promise.all(Array.from({ length: lanes }, lane));
  }
}
