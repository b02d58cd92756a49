import type { Command } from 'commander';
import { dataDirFlag, dataDirHelp, dataDirOption } from '../dataDirOption';
import {
  factorThreadsOption,
  filmOption,
  maxMemoryFlag,
  maxMemoryHelp,
  positiveNumber,
  studyOptions,
} from '../options';
import type { SolveOptions } from './solveAction';

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
  for (const o of studyOptions()) command.addOption(o);
  command.action(async (files: string[], opts: SolveOptions) => {
    // loaded only when the command runs: `--help` and the other commands never pay for it
    const { runSolve } = await import('./solveAction');
    await runSolve(files, opts);
  });
}
