import { z } from 'zod';
import { caseSchema } from '../../case/schema';

/**
 * The action of `stackpress schema` (registered in ./schema.ts): print the case files' JSON
 * Schema, or with `design` the design specs'.
 */
export async function runSchema(options: { design?: boolean } = {}): Promise<void> {
  if (options.design) {
    // loaded only for --design: the case schema alone needs none of the design code
    const { designSpecJsonSchema } = await import('../../design/designSpec');
    process.stdout.write(`${JSON.stringify(designSpecJsonSchema(), null, 2)}\n`);
    return;
  }
  const schema = z.toJSONSchema(caseSchema, { io: 'input' });
  process.stdout.write(
    `${JSON.stringify({ ...schema, title: 'stackpress case', $id: 'stackpress.case/1' }, null, 2)}\n`,
  );
}
