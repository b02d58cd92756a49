import { z } from 'zod';
import { caseSchema } from '../../case/schema';

/** The action of `stackpress schema` (registered in ./schema.ts): print the case files' JSON Schema. */
export function runSchema(): void {
  const schema = z.toJSONSchema(caseSchema, { io: 'input' });
  process.stdout.write(
    `${JSON.stringify({ ...schema, title: 'stackpress case', $id: 'stackpress.case/1' }, null, 2)}\n`,
  );
}
