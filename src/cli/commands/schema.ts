import type { Command } from 'commander';

/** `stackpress schema [--design]`: the JSON Schema of case files or design specs (input form: fields with defaults are optional). */
export function registerSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of case files')
    .option('--design', 'print the JSON Schema of design specs (stackpress design) instead')
    .action(async (options: { design?: boolean }) => {
      // loaded only when the command runs: `--help` and the other commands never pay for it
      const { runSchema } = await import('./schemaAction');
      await runSchema(options);
    });
}
