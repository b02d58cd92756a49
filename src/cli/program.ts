import { Command } from 'commander';
import { registerBatchCommand } from './commands/batch';
import { registerModuleCommand } from './commands/module';
import { registerSchemaCommand } from './commands/schema';
import { registerSolveCommand } from './commands/solve';
import { registerSweepCommand } from './commands/sweep';
import { registerWorkerCommand } from './commands/worker';

/**
 * Each command lives in src/cli/commands/<name>.ts and exports `register<Name>Command(program)`.
 * Contract for actions: throw InputError for bad input (exit 2); set `process.exitCode = 1` when the run
 * finished but some results failed; return normally otherwise (exit 0).
 */
const commands: ReadonlyArray<(program: Command) => void> = [
  registerSolveCommand,
  registerSweepCommand,
  registerBatchCommand,
  registerSchemaCommand,
  registerModuleCommand,
  registerWorkerCommand,
];

/** The `stackpress` commander program with every command registered. */
export function buildProgram(): Command {
  const program = new Command('stackpress')
    .description('Pressure maps and housing cost for clamped all-solid-state battery pouch stacks')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    // Throw instead of exiting so main.ts owns the exit codes; set before commands so they inherit it.
    .exitOverride();
  for (const register of commands) register(program);
  return program;
}
