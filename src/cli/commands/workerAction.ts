import { startQueueWorker } from '../../distributed/queueWorker';
import { shownUrl } from '../../distributed/redisConnection';
import { catchInterrupt } from '../interrupt';

export interface WorkerOptions {
  queue: string;
  concurrency: number;
  lockMs: number;
  maxMemory?: number;
}

/**
 * After a signal-stop, how long the process may take to exit on its own before it is ended [ms]:
 * a Redis client still waiting on an unreachable server must not keep a stopped worker alive.
 */
const EXIT_GRACE_MS = 500;

/**
 * The action of `stackpress worker` (registered in ./worker.ts): serve the queue until SIGINT or
 * SIGTERM, then abort the running cases, hand them back to the queue and exit with code 0.
 */
export async function runWorker(opts: WorkerOptions): Promise<void> {
  const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
  // listening before the worker starts, so that an early signal is not lost
  const interrupt = catchInterrupt();
  const stop = new Promise<void>((resolve) => interrupt.onStop(resolve));
  const worker = startQueueWorker(opts.queue, {
    concurrency: opts.concurrency,
    lockMs: opts.lockMs,
    limits: { maxMemoryMiB: opts.maxMemory },
    log,
  });
  log(`worker ready on ${shownUrl(opts.queue)} (${opts.concurrency} at a time)`);
  await stop;
  log('stopping: running cases are left to other workers');
  await worker.close();
  interrupt.dispose();
  log('stopped');
  setTimeout(() => process.exit(0), EXIT_GRACE_MS).unref();
}
