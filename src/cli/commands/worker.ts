import type { Command } from 'commander';
import { redisUrl } from '../../distributed/redisConnection';
import { maxMemoryFlag, positiveInt, positiveNumber } from '../options';
import type { WorkerOptions } from './workerAction';

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
      "refuse a case whose estimated memory is above this [MiB] (default: 4096); the worker's own limit, a job cannot raise it",
      positiveNumber('--max-memory'),
    )
    .action(async (opts: WorkerOptions) => {
      // loaded only when the command runs: `--help` and the other commands never pay for it
      const { runWorker } = await import('./workerAction');
      await runWorker(opts);
    });
}
