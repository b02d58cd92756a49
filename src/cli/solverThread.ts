import { Worker } from 'node:worker_threads';
import { threadEntry } from '../threads/threadEntry';
import { type CaseJob, type CaseOutcome, MAX_TIMEOUT_MS, TIMEOUT_ERROR, timedOutMessage } from './caseJob';
import type { DesignJob, DesignJobOutcome } from './designJob';

const workerEntry = threadEntry(import.meta.url, './caseWorker.mjs', 'cli/caseWorker.js');

/**
 * How long a thread may overrun its job's deadline before it is terminated [ms]. The thread
 * itself stops at the next Newton step after the deadline; this catches the phases that never
 * look at the clock (the case checks, a factorization, writing the folder).
 */
export const DEADLINE_GRACE_MS = 1000;

/**
 * One worker thread that solves cases one at a time, so the calling event loop stays free
 * (a progress bar, a queue lock renewal). A thread that crashes, or overruns its job's
 * `timeoutMs` by more than DEADLINE_GRACE_MS, fails its job, is terminated and replaced on the
 * next job. `abort` is shared: when its first entry is 1 the running solve aborts.
 */
export class SolverThread {
  private worker: Worker | null = null;
  private cancelRunning: (() => void) | null = null;
  private closed = false;

  /** `factorThreads`: threads of each factorization inside this one (1, or 2 with a helper thread) */
  constructor(
    private readonly abort: Int32Array,
    private readonly factorThreads = 1,
  ) {}

  /** Solve one case; never rejects (a crash or a timeout is a failed outcome). */
  solve(job: CaseJob): Promise<CaseOutcome> {
    return this.exchange<CaseOutcome>(job);
  }

  /** Evaluate one design on this thread's session; never rejects, like `solve`. */
  evaluateDesign(job: DesignJob): Promise<DesignJobOutcome> {
    return this.exchange<DesignJobOutcome>(job);
  }

  /** Send one job and wait for its outcome (failed or aborted outcomes are made here too). */
  private exchange<O extends { id: number }>(job: {
    id: number;
    timeoutMs?: number;
  }): Promise<O | Extract<CaseOutcome, { status: 'failed' | 'aborted' }>> {
    type Out = O | Extract<CaseOutcome, { status: 'failed' | 'aborted' }>;
    if (this.closed) return Promise.resolve({ id: job.id, status: 'aborted' });
    let worker: Worker;
    try {
      this.worker ??= new Worker(workerEntry, {
        workerData: { abort: this.abort, factorThreads: this.factorThreads },
      });
      worker = this.worker;
    } catch (e) {
      return Promise.resolve({
        id: job.id,
        status: 'failed',
        error: `could not start a solver thread: ${(e as Error).message}`,
      });
    }
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      const done = (o: Out, terminate = false) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.cancelRunning = null;
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (terminate) {
          void worker.terminate();
          if (this.worker === worker) this.worker = null;
        }
        resolve(o);
      };
      const onMessage = (m: { started: true } | Out) => {
        if ('started' in m) startClock();
        else done(m);
      };
      const onError = (e: Error) =>
        done({ id: job.id, status: 'failed', error: `worker crashed: ${e.message}` }, true);
      const onExit = (code: number) =>
        done({ id: job.id, status: 'failed', error: `worker exited with code ${code}` }, true);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      // the thread's clock starts when it takes the job; this one a grace later
      const startClock = () => {
        if (job.timeoutMs === undefined || settled) return;
        const timedOut: Out = {
          id: job.id,
          status: 'failed',
          error: timedOutMessage(job.timeoutMs),
          errorName: TIMEOUT_ERROR,
        };
        // a Node timer longer than MAX_TIMEOUT_MS would fire at once
        timer = setTimeout(
          () => done(timedOut, true),
          Math.min(job.timeoutMs + DEADLINE_GRACE_MS, MAX_TIMEOUT_MS),
        );
      };
      this.cancelRunning = () => done({ id: job.id, status: 'aborted' }, true);
      worker.postMessage(job);
    });
  }

  /** Terminate the thread for good: a running solve ends as 'aborted', later ones are not started. */
  async close(): Promise<void> {
    this.closed = true;
    this.cancelRunning?.();
    await this.worker?.terminate();
    this.worker = null;
  }
}
