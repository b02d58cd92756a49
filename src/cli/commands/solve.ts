import { type Command, InvalidArgumentError, Option } from 'commander';
import { redisUrl } from '../../distributed/redisConnection';
import { timeLimitSeconds } from '../caseJob';
import { dataDirFlag, dataDirHelp, dataDirOption } from '../dataDirOption';
import {
  factorThreadsOption,
  filmOption,
  maxMemoryFlag,
  maxMemoryHelp,
  positiveInt,
  positiveNumber,
  studyOptions,
} from '../options';
import type { SolveOptions } from './solveAction';

/** commander parser for `--workers K`: a pool of 2 or more threads (one is the default, in-process run). */
function poolSize(v: string): number {
  const n = positiveInt('--workers')(v);
  if (n < 2)
    throw new InvalidArgumentError(
      `--workers must be a whole number ≥ 2 (a pool of worker threads), got "${v}"; leave it out to solve the draws in this process`,
    );
  return n;
}

/**
 * Where a study's draws are solved, and the limits of the pool and the queue. The default, one
 * session in this process, is the fastest on one machine: each draw reuses the previous one's
 * model and factorization. A pool pays for many draws of a slow case on a machine with cores to
 * spare; the queue for spreading them over several machines.
 */
function studyRunnerOptions(): Option[] {
  return [
    new Option(
      '--workers <k>',
      "a tolerance study's draws on a pool of K ≥ 2 worker threads, each keeping its own solver session; pays for many draws (hundreds) of a slow case (seconds a draw) with cores to spare — the default, one session in this process, is fastest otherwise",
    ).argParser(poolSize),
    new Option(
      '--queue <redis-url>',
      "a tolerance study's draws on `stackpress worker` processes through the BullMQ queue in Redis, e.g. redis://127.0.0.1:6379; pays when several machines share a large study",
    )
      .argParser(redisUrl)
      .conflicts('workers'),
    new Option(
      '--attempts <n>',
      'with --queue: tries per draw (a crashed or timed-out solve is retried with backoff)',
    )
      .argParser(positiveInt('--attempts'))
      .default(3),
    new Option(
      '--timeout <s>',
      'with --workers or --queue: time limit per draw [s]; a draw over it fails as timed out, by its index',
    )
      .argParser(timeLimitSeconds('--timeout'))
      .default(600),
    new Option(
      '--queue-timeout <s>',
      'with --queue: give up once Redis has been unreachable this long [s]; the unsolved draws fail by index',
    )
      .argParser(timeLimitSeconds('--queue-timeout'))
      .default(120),
  ];
}

/**
 * `stackpress solve CASE...`: solve each case in turn and write its folder under --out, named after
 * the case file (made safe as a folder name, and distinct). All case files are loaded and checked
 * first, so a bad input stops the run (exit 2) before anything is solved or written.
 */
export function registerSolveCommand(program: Command): void {
  const command = program
    .command('solve')
    .description(
      'solve cases; per case a folder with result.json, fields.json, case.json, pressure.csv, result.vtu and the figures (pressure, pressure-swollen, deflection, histogram; .png and .svg). With --samples, or for a case with a tolerances block: a tolerance study, whose folder holds samples.csv, tolerance.json, case.json and the figures (pressure-spread, contact-probability, cov-histogram)',
    )
    .argument('<case...>', 'case files (JSON or YAML)')
    .option('--out <dir>', 'output folder; one subfolder per case, named after the case file', 'results')
    .option(dataDirFlag, dataDirHelp, dataDirOption)
    .addOption(filmOption())
    .addOption(factorThreadsOption('factorization threads: 2 factors two halves of the plate matrix at once'))
    .option(maxMemoryFlag, maxMemoryHelp, positiveNumber('--max-memory'));
  for (const o of [...studyOptions(), ...studyRunnerOptions()]) command.addOption(o);
  command.action(async (files: string[], opts: SolveOptions) => {
    // loaded only when the command runs: `--help` and the other commands never pay for it
    const { runSolve } = await import('./solveAction');
    await runSolve(files, opts);
  });
}
