import type { Command } from 'commander';
import { startQueueWorker } from '../../distributed/queueWorker';
import { redisUrl, shownUrl } from '../../distributed/redisConnection';
import { catchInterrupt } from '../interrupt';
import { maxMemoryFlag, positiveInt, positiveNumber } from '../options';

interface WorkerOptions {
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
 * `stackpress worker --queue redis://…`: serve a distributed batch. Run any number of these on
 * any machines that reach the Redis server. SIGINT or SIGTERM aborts the running cases, hands
 * them back to the queue for another worker, and exits with code 0 within a few seconds — also
 * while Redis is unreachable.
 */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('solve cases from a BullMQ queue in Redis (the other side of `batch --queue`)')
    .requiredOption('--queue <redis-url>', 'the Redis server, e.g. redis://127.0.0.1:6379', redisUrl)
    .option(
      '--concurrency <n>',
      'cases solved at once, one worker thread each',
      positiveInt('--concurrency'),
      1,
    )
    .option(
      '--lock-ms <ms>',
      'a silent worker loses its case to another after this long [ms]',
      positiveInt('--lock-ms'),
      30_000,
    )
    .option(
      maxMemoryFlag,
      "refuse a case whose estimated memory is above this [MiB] (default 4096); the worker's own limit, a job cannot raise it",
      positiveNumber('--max-memory'),
    )
    .action(async (opts: WorkerOptions) => {
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
    });
}
