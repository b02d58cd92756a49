import type { z } from 'zod';
import { jsonPath } from '../case/quantity';
import { issueMessage } from './issueMessage';

/** Invalid user input; `issues` read `field: value unit — allowed range`. The CLI maps it to exit code 2. */
export class InputError extends Error {
  constructor(
    readonly what: string,
    readonly issues: string[],
  ) {
    super(`invalid ${what}:\n  ${issues.join('\n  ')}`);
    this.name = 'InputError';
  }
}

/** Parse `raw` with `schema`, or throw an InputError naming each bad field with its value, unit and range. */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> {
  const r = schema.safeParse(raw, { reportInput: true });
  if (r.success) return r.data;
  throw new InputError(
    what,
    r.error.issues.map((iss) => `${jsonPath(iss.path)}: ${issueMessage(iss)}`),
  );
}
