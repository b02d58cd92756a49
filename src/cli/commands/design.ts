import { type Command, InvalidArgumentError } from 'commander';
import { redisUrl } from '../../distributed/redisConnection';
import { timeLimitSeconds } from '../caseJob';
import { positiveInt } from '../options';
import type { DesignCommandOptions } from './designAction';

/** Most worker threads of a design run: each holds a solver session of its own. */
export const MAX_DESIGN_WORKERS = 64;

const wholeIn = (name: string, lo: number, hi: number) => (v: string) => {
  const n = Number(v);
  if (v.trim() === '' || !Number.isInteger(n) || n < lo || n > hi)
    throw new InvalidArgumentError(`${name} must be a whole number from ${lo} to ${hi}, got "${v}"`);
  return n;
};

const covLimit = (v: string) => {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n <= 0 || n > 10)
    throw new InvalidArgumentError(
      `--cov-limit must be a CoV [-] above 0 and at most 10 (0.1 is ±10 %), got "${v}"`,
    );
  return n;
};

/**
 * `stackpress design SPEC --out DIR`: search a design spec's housings with NSGA-II for the Pareto
 * front of cell-to-module efficiency against CoV after swelling, and the best feasible design for
 * a CoV limit; design.csv, pareto.csv, the Pareto chart, best.json, summary.txt and design.json.
 */
export function registerDesignCommand(program: Command): void {
  program
    .command('design')
    .description(
      'optimise a housing (plates, pads, springs, bolts) for efficiency and uniform pressure; see stackpress schema --design',
    )
    .argument('<spec>', 'design spec file (JSON or YAML)')
    .option(
      '--out <dir>',
      'output folder, written whole (replaced if it holds an earlier design run)',
      'design',
    )
    .option('--seed <n>', "optimiser seed (default: the spec's)", wholeIn('--seed', 0, 2 ** 31 - 1))
    .option('--budget <n>', "most designs evaluated (default: the spec's)", wholeIn('--budget', 1, 10_000))
    .option(
      '--workers <n>',
      'solver threads evaluating designs at once',
      wholeIn('--workers', 1, MAX_DESIGN_WORKERS),
      2,
    )
    .option(
      '--queue <redis-url>',
      'evaluate the designs on `stackpress worker` processes through a BullMQ queue in Redis, e.g. redis://127.0.0.1:6379',
      redisUrl,
    )
    .option(
      '--cov-limit <c>',
      "CoV limit of the best design [-] (default: the spec's bestCovLimit)",
      covLimit,
    )
    .option(
      '--timeout <s>',
      'time limit per design evaluation [s]; a design over it is kept as failed',
      timeLimitSeconds('--timeout'),
      600,
    )
    .option(
      '--attempts <n>',
      'with --queue: tries per design (a crashed or timed-out worker is retried)',
      positiveInt('--attempts'),
      2,
    )
    .option(
      '--queue-timeout <s>',
      'with --queue: give up (exit 1) once Redis has been unreachable this long [s]',
      timeLimitSeconds('--queue-timeout'),
      120,
    )
    .action(async (spec: string, opts: DesignCommandOptions, command: Command) => {
      // loaded only when the command runs: `--help` and the other commands never pay for it
      const { runDesign } = await import('./designAction');
      const fromCli = (name: string) => command.getOptionValueSource(name) === 'cli';
      await runDesign(spec, { ...opts, workersGiven: fromCli('workers') });
    });
}
