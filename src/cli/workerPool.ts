import { Worker } from 'node:worker_threads';
import type { CaseJob, CaseOutcome } from './caseJob';

const workerEntry = new URL('./caseWorker.mjs', import.meta.url);

/**
 * Solve `jobs` on `size` worker threads, calling `onOutcome` as each finishes. `stop()` aborts the
 * running solves (through a shared flag, so nothing is half written), sends no further jobs and
 * resolves once every worker has answered. A crashed worker fails its job and is replaced.
 */
export class WorkerPool {
  private readonly abort = new Int32Array(new SharedArrayBuffer(4));
  private stopped = false;

  constructor(private readonly size: number) {}

  stop(): void {
    this.stopped = true;
    Atomics.store(this.abort, 0, 1);
  }

  async run(jobs: CaseJob[], onOutcome: (o: CaseOutcome, job: CaseJob) => void): Promise<void> {
    let next = 0;
    const lane = async (): Promise<void> => {
      let worker: Worker | null = null;
      try {
        while (!this.stopped && next < jobs.length) {
          const job = jobs[next++];
          worker ??= new Worker(workerEntry, { workerData: { abort: this.abort } });
          const { outcome, crashed } = await this.send(worker, job);
          if (crashed) {
            await worker.terminate();
            worker = null;
          }
          onOutcome(outcome, job);
        }
      } finally {
        await worker?.terminate();
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(this.size, jobs.length)) }, lane));
  }

  private send(worker: Worker, job: CaseJob): Promise<{ outcome: CaseOutcome; crashed: boolean }> {
    return new Promise((resolve) => {
      const done = (o: CaseOutcome, crashed = false) => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        resolve({ outcome: o, crashed });
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
}
