import type { z } from 'zod';
import { jsonPath } from '../case/quantity';
import { IssueList } from './issueList';
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

/**
 * One issue as `field: message`. A message that cannot be formed (an input no formatter foresaw)
 * still names the field: the user gets a usable error instead of a crash of the tool.
 */
function issueLine(iss: z.core.$ZodIssue): string {
  let at = '(input)';
  try {
    at = jsonPath(iss.path);
    return `${at}: ${issueMessage(iss)}`;
  } catch {
    return `${at}: not a valid value — see stackpress schema for what is allowed here`;
  }
}

/**
 * Parse `raw` with `schema`, or throw an InputError naming each bad field with its value, unit and
 * range; repeated messages are given once and a long list is cut (see `IssueList`): only the
 * messages printed are formed.
 */
export function parseInput<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> {
  const r = schema.safeParse(raw, { reportInput: true });
  if (r.success) return r.data;
  const at = /^\w+$/.test(what) ? `(${what})` : '(input)';
  let issues: z.core.$ZodIssue[];
  try {
    // zod forms the messages here, through the schemas' own error functions
    issues = r.error.issues;
  } catch {
    throw new InputError(what, [`${at}: not valid — see stackpress schema for the fields and their ranges`]);
  }
  const list = new IssueList();
  let previous: PropertyKey[] | undefined;
  for (const iss of issues) {
    // a value breaking two bounds gives two issues at one path, one after the other
    const repeat = previous !== undefined && samePath(previous, iss.path);
    previous = iss.path;
    if (!list.full) list.add(issueLine(iss));
    else if (!repeat) list.skip();
  }
  throw new InputError(what, list.lines(at));
}

function samePath(a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean {
  return a.length === b.length && a.every((k, i) => k === b[i]);
}
