import { UnrecoverableError, Worker } from 'bullmq';
import type { CaseJob } from '../cli/caseJob';
import { SolverThread } from '../cli/solverThread';
import type { EncodedArtifacts } from '../report/caseArtifacts';
import { QUEUE_NAME, type QueuedCase, redisConnection } from './redisConnection';

export interface QueueWorkerOptions {
  /** cases solved at once (one worker thread each) */
  concurrency: number;
  /** a job whose lock is not renewed for this long is taken over by another worker [ms] */
  lockMs: number;
  log: (line: string) => void;
}

/** Errors that another try cannot fix: the case itself is bad or does not converge. */
const FINAL_ERRORS = new Set([
  'InputError',
  'ContactConvergenceError',
  'PlateInputError',
  'NotPositiveDefiniteError',
]);

/**
 * A stackpress worker on the shared queue: pulls cases, solves each on a worker thread (the
 * event loop stays free to renew the job's lock), and returns the case folder's contents.
 * A killed worker's job is taken over by another once its lock expires; a timed-out or
 * crashed solve is retried with backoff, a bad case is failed at once.
 */
export function startQueueWorker(url: string, options: QueueWorkerOptions): { close(): Promise<void> } {
  const abort = new Int32Array(new SharedArrayBuffer(4));
  const idle = Array.from({ length: options.concurrency }, () => new SolverThread(abort));
  const threads = [...idle];
  const worker = new Worker<QueuedCase, EncodedArtifacts>(
    QUEUE_NAME,
    async (job) => {
      const thread = idle.pop()!;
      const t0 = performance.now();
      const tag = `${job.data.input.file} [${job.id?.slice(0, 12)}] try ${job.attemptsMade + 1}`;
      options.log(`start ${tag}`);
      try {
        const caseJob: CaseJob = {
          id: 0,
          raw: job.data.raw,
          input: job.data.input,
          returnArtifacts: true,
          deadline: Date.now() + job.data.timeoutMs,
        };
        const outcome = await thread.solve(caseJob);
        if (outcome.status === 'ok') {
          options.log(`done ${tag} in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
          return outcome.artifacts!;
        }
        const message = outcome.status === 'failed' ? outcome.error : 'aborted';
        options.log(`failed ${tag}: ${message.split('\n')[0]}`);
        if (outcome.status === 'failed' && outcome.errorName && FINAL_ERRORS.has(outcome.errorName))
          throw new UnrecoverableError(message);
        throw new Error(message);
      } finally {
        idle.push(thread);
      }
    },
    {
      connection: redisConnection(url),
      concurrency: options.concurrency,
      lockDuration: options.lockMs,
      stalledInterval: options.lockMs,
      maxStalledCount: 3,
    },
  );
  worker.on('error', (e) => options.log(`queue error: ${e.message}`));
  return {
    async close() {
      await worker.close();
      await Promise.all(threads.map((t) => t.close()));
    },
  };
}
