import type { Command } from 'commander';
import { dataDirFlag, dataDirHelp, dataDirOption } from '../dataDirOption';
import { factorThreadsOption, filmOption, maxMemoryFlag, maxMemoryHelp, positiveNumber } from '../options';
import type { ReportOptions } from './reportAction';

/**
 * `stackpress report CASE|RESULT_DIR --out report.html [--pdf]`: one self-contained HTML design
 * report of a case (solved now) or of a folder `stackpress solve` wrote; `--pdf` also prints it to
 * a PDF beside it with Chromium.
 */
export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description(
      'write one self-contained HTML design report of a case or a result folder; --pdf also prints it',
    )
    .argument(
      '<source>',
      'a case file (JSON or YAML), solved now, or a result folder written by stackpress solve',
    )
    .requiredOption('--out <file>', 'the HTML file to write, e.g. report.html')
    .option('--pdf', 'also write the report as a PDF beside it (same name, .pdf), printed with Chromium')
    .option(dataDirFlag, dataDirHelp, dataDirOption)
    .addOption(filmOption())
    .addOption(factorThreadsOption('factorization threads when solving a case file'))
    .option(maxMemoryFlag, maxMemoryHelp, positiveNumber('--max-memory'))
    .action(async (source: string, opts: ReportOptions, command: Command) => {
      // loaded only when the command runs: `--help` and the other commands never pay for it
      const { runReport } = await import('./reportAction');
      await runReport(source, opts, command.parent?.version() ?? 'unknown');
    });
}
