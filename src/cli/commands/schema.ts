import type { Command } from 'commander';
import { z } from 'zod';
import { caseSchema } from '../../case/schema';

/** `stackpress schema`: the JSON Schema of case files (input form: fields with defaults are optional). */
export function registerSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description('print the JSON Schema of case files')
    .action(() => {
      const schema = z.toJSONSchema(caseSchema, { io: 'input' });
      process.stdout.write(
        `${JSON.stringify({ ...schema, title: 'stackpress case', $id: 'stackpress.case/1' }, null, 2)}\n`,
      );
    });
}
