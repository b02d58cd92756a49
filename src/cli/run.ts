import { CommanderError } from 'commander';
import { InputError } from '../validation/parseInput';
import { buildProgram } from './program';

/** Exit codes: 0 ok, 1 some results failed, 2 usage or input error. */
export const exitCodes = { ok: 0, someFailed: 1, usage: 2 } as const;

/** Run the CLI on `argv` (node-style: [node, script, ...args]); resolves to the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  process.exitCode = undefined;
  // commander prints the errors it finds while parsing; one an action throws (an
  // InvalidArgumentError for a bad option combination) reaches here unprinted
  let printed = false;
  const program = buildProgram({
    outputError: (text, write) => {
      printed = true;
      write(text);
    },
  });
  try {
    await program.parseAsync(argv);
    return process.exitCode === exitCodes.someFailed ? exitCodes.someFailed : exitCodes.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // 'commander.help' is both `help solve` (exit code 0) and no command at all, where the help
      // goes to stderr in place of a message
      const help = e.code === 'commander.help';
      if (
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version' ||
        (help && e.exitCode === 0)
      )
        return exitCodes.ok;
      if (!printed && !help) process.stderr.write(`stackpress: ${e.message}\n`);
      return exitCodes.usage;
    }
    if (e instanceof InputError) {
      process.stderr.write(`stackpress: ${e.message}\n`);
      return exitCodes.usage;
    }
    process.stderr.write(`stackpress: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return exitCodes.someFailed;
  }
}
