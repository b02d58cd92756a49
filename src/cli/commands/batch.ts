import { type Command, Option } from 'commander';
import { redisUrl } from '../../distributed/redisConnection';
import { timeLimitSeconds } from '../caseJob';
import { dataDirFlag, dataDirHelp, dataDirOption } from '../dataDirOption';
import { defaultJobs, maxMemoryFlag, maxMemoryHelp, positiveInt, positiveNumber } from '../options';
import type { BatchOptions } from './batchAction';

/**
 * `stackpress batch DIR|GLOB...`: solve many cases on a worker-thread pool. Resumable (a case whose
 * result.json carries the same input hash is skipped); failures go to OUT/errors.json without
 * stopping the batch; OUT/summary.csv covers every case.
 */
export function registerBatchCommand(program: Command): void {
  program
    .command('batch')
    .description('solve many cases in parallel; resumable; errors.json and summary.csv in the output folder')
    .argument('<cases...>', 'folders of case files, case files, or globs such as "cases/fig5b-*.json"')
    .option('--out <dir>', 'output folder; one subfolder per case', 'results')
    // commander prints the default itself; the description names it, as the number differs per machine
    .addOption(
      new Option('--jobs <n>', 'worker threads')
        .argParser(positiveInt('--jobs'))
        .default(defaultJobs, 'number of cores'),
    )
    .option(dataDirFlag, dataDirHelp, dataDirOption)
    .option(
      maxMemoryFlag,
      `${maxMemoryHelp}; with --queue each worker applies its own`,
      positiveNumber('--max-memory'),
    )
    .option(
      '--queue <redis-url>',
      'solve on `stackpress worker` processes through a BullMQ queue in Redis, e.g. redis://127.0.0.1:6379',
      redisUrl,
    )
    .option(
      '--attempts <n>',
      'with --queue: tries per case (a crashed or timed-out solve is retried with backoff)',
      positiveInt('--attempts'),
      3,
    )
    .option(
      '--timeout <s>',
      'time limit per case — checks, solve and writing [s]; a case over it fails as timed out',
      timeLimitSeconds('--timeout'),
      600,
    )
    .option(
      '--queue-timeout <s>',
      'with --queue: give up (exit 1) once Redis has been unreachable this long [s]',
      timeLimitSeconds('--queue-timeout'),
      120,
    )
    .action(async (patterns: string[], opts: BatchOptions) => {
      // loaded only when the command runs: `--help` and the other commands never pay for it
      const { runBatch } = await import('./batchAction');
      await runBatch(patterns, opts);
    });
}
