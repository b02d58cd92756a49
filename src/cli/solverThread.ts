import { Worker } from 'node:worker_threads';
import type { CaseJob, CaseOutcome } from './caseJob';

const workerEntry = new URL('./caseWorker.mjs', import.meta.url);

/**
 * One worker thread that solves cases one at a time, so the calling event loop stays free
 * (a progress bar, a queue lock renewal). A thread that crashes fails its job and is replaced
 * on the next job. `abort` is shared: when its first entry is 1 the running solve aborts.
 */
export class SolverThread {
  private worker: Worker | null = null;

  /** `factorThreads`: threads of each factorization inside this one (1, or 2 with a helper thread) */
  constructor(
    private readonly abort: Int32Array,
    private readonly factorThreads = 1,
  ) {}

  solve(job: CaseJob): Promise<CaseOutcome> {
    this.worker ??= new Worker(workerEntry, {
      workerData: { abort: this.abort, factorThreads: this.factorThreads },
    });
    const worker = this.worker;
    return new Promise((resolve) => {
      const done = (o: CaseOutcome, crashed = false) => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (crashed) {
          void worker.terminate();
          this.worker = null;
        }
        resolve(o);
      };
      const onMessage = (o: CaseOutcome) => done(o);
      const onError = (e: Error) =>
        done({ id: job.id, status: 'failed', error: `worker crashed: ${e.message}` }, true);
      const onExit = (code: number) =>
        done({ id: job.id, status: 'failed', error: `worker exited with code ${code}` }, true);
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
