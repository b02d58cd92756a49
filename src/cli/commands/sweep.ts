import { type Command, Option } from 'commander';
import { dataDirFlag, dataDirHelp, dataDirOption } from '../dataDirOption';
import { defaultJobs, maxMemoryFlag, maxMemoryHelp, positiveInt, positiveNumber } from '../options';
import { rangeOption, varyOption } from '../sweepSpec';
import type { SweepOptions } from './sweepAction';

/**
 * `stackpress sweep CASE`: variants of one case, full factorial over `--vary` lists or a seeded
 * Latin hypercube over `--range`s; solved on the worker pool; one CSV row per variant with the
 * varied inputs first and the outputs after (OUT/<case>-sweep.csv). A variant that fails its
 * checks or its solve is kept as a row with its status and error.
 */
export function registerSweepCommand(program: Command): void {
  program
    .command('sweep')
    .description('solve variants of a case (full factorial or Latin hypercube); one CSV row per variant')
    .argument('<case>', 'the base case file (JSON or YAML)')
    .option(
      '--vary <path=v1,v2,...>',
      'values of one input, e.g. bolts.preload.force=4000,6000 (repeatable; full factorial)',
      varyOption,
    )
    .option('--lhs <n>', 'Latin hypercube of n variants over the --range inputs', positiveInt('--lhs'))
    .option(
      '--range <path=lo:hi[:int]>',
      'range of one input for --lhs (repeatable; :int rounds to whole numbers)',
      rangeOption,
    )
    .option('--seed <s>', 'seed of the Latin hypercube', positiveInt('--seed'), 1)
    .option('--out <dir>', 'output folder for <case>-sweep.csv', 'results')
    .option(dataDirFlag, dataDirHelp, dataDirOption)
    // commander prints the default itself; the description names it, as the number differs per machine
    .addOption(
      new Option('--jobs <n>', 'worker threads')
        .argParser(positiveInt('--jobs'))
        .default(defaultJobs, 'number of cores'),
    )
    .option(maxMemoryFlag, maxMemoryHelp, positiveNumber('--max-memory'))
    .action(async (file: string, opts: SweepOptions) => {
      // loaded only when the command runs: `--help` and the other commands never pay for it
      const { runSweep } = await import('./sweepAction');
      await runSweep(file, opts);
    });
}
