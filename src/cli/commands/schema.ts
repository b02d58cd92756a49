import type { Command } from 'commander';

/** `stackpress schema`: the JSON Schema of case files (input form: fields with defaults are optional). */
export function registerSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of case files')
    .action(async () => {
      // loaded only when the command runs: `--help` and the other commands never pay for it
      const { runSchema } = await import('./schemaAction');
      runSchema();
    });
}
