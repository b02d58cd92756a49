import type { Command } from 'commander';
import { startQueueWorker } from '../../distributed/queueWorker';
import { redisConnection } from '../../distributed/redisConnection';
import { catchInterrupt } from '../interrupt';
import { positiveInt } from '../options';

interface WorkerOptions {
  queue: string;
  concurrency: number;
  lockMs: number;
}

/**
 * `stackpress worker --queue redis://…`: serve a distributed batch. Run any number of these on
 * any machines that reach the Redis server; Ctrl-C (or SIGTERM) finishes the running cases and stops.
 */
export function registerWorkerCommand(program: Command): void {
  program
    .command('worker')
    .description('solve cases from a BullMQ queue in Redis (the other side of `batch --queue`)')
    .requiredOption('--queue <redis-url>', 'the Redis server, e.g. redis://127.0.0.1:6379')
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
    .action(async (opts: WorkerOptions) => {
      redisConnection(opts.queue); // a bad URL is a usage error before anything starts
      const log = (line: string) => process.stdout.write(`${new Date().toISOString()} ${line}\n`);
      const worker = startQueueWorker(opts.queue, {
        concurrency: opts.concurrency,
        lockMs: opts.lockMs,
        log,
      });
      log(`worker ready on ${opts.queue} (${opts.concurrency} at a time)`);
      const interrupt = catchInterrupt();
      await new Promise<void>((resolve) => interrupt.onStop(resolve));
      log('stopping after the running cases');
      await worker.close();
      interrupt.dispose();
    });
}
