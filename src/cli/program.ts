import { Command, type OutputConfiguration } from 'commander';
import { registerBatchCommand } from './commands/batch';
import { registerDesignCommand } from './commands/design';
import { registerModuleCommand } from './commands/module';
import { registerReportCommand } from './commands/report';
import { registerSchemaCommand } from './commands/schema';
import { registerSolveCommand } from './commands/solve';
import { registerSweepCommand } from './commands/sweep';
import { registerWorkerCommand } from './commands/worker';

/**
 * Each command lives in two files. src/cli/commands/<name>.ts exports `register<Name>Command(program)`:
 * name, arguments, options with their parsers and help, nothing heavy, so that `--help` and a
 * command's option errors cost only commander. src/cli/commands/<name>Action.ts holds the action and
 * everything it needs (the solver, vega, bullmq); the registration imports it when the command runs.
 * Contract for actions: throw InputError for bad input (exit 2); set `process.exitCode = 1` when the run
 * finished but some results failed; return normally otherwise (exit 0).
 */
const commands: ReadonlyArray<(program: Command) => void> = [
  registerSolveCommand,
  registerReportCommand,
  registerSweepCommand,
  registerBatchCommand,
  registerSchemaCommand,
  registerModuleCommand,
  registerWorkerCommand,
  registerDesignCommand,
];

/** The `stackpress` commander program with every command registered; `output` overrides commander's. */
export function buildProgram(output: OutputConfiguration = {}): Command {
  const program = new Command('stackpress')
    .description('Pressure maps and housing cost for clamped all-solid-state battery pouch stacks')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    // Throw instead of exiting so main.ts owns the exit codes; set before commands so they inherit it,
    // as they inherit the output configuration.
    .exitOverride()
    .configureOutput(output);
  for (const register of commands) register(program);
  return program;
}
