import type { z } from 'zod';

/** A short rendering of a bad value for a message (long objects are cut). */
function shown(v: unknown): string {
  if (v === undefined) return 'missing';
  const s = typeof v === 'number' ? String(v) : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

const zodDefault = /^(Invalid input|Invalid option|Too small|Too big|Unrecognized key|Invalid discriminator)/;

/**
 * The message of one zod issue in the `value unit — allowed range` form. Messages already written
 * that way (by `quantity()` and the schemas' own error functions) are kept; zod's generic ones are
 * rewritten so they name the bad value and what is allowed.
 */
export function issueMessage(iss: z.core.$ZodIssue): string {
  if (!zodDefault.test(iss.message)) return iss.message;
  const input = (iss as { input?: unknown }).input;
  switch (iss.code) {
    case 'invalid_value':
      return `${shown(input)} — must be one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown key${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map((k) => JSON.stringify(k)).join(', ')} — not allowed here (check the spelling; see stackpress schema)`;
    case 'invalid_type':
      return input === undefined
        ? `required — ${iss.expected === 'object' ? 'an object' : `a ${iss.expected}`}`
        : `${shown(input)} — must be ${iss.expected === 'object' ? 'an object' : `a ${iss.expected}`}`;
    case 'too_small':
      return Array.isArray(input)
        ? `${input.length} items — must have at least ${iss.minimum}`
        : `${shown(input)} — must be ${iss.inclusive ? '>=' : '>'} ${iss.minimum}`;
    case 'too_big':
      return Array.isArray(input)
        ? `${input.length} items — must have at most ${iss.maximum}`
        : `${shown(input)} — must be ${iss.inclusive ? '<=' : '<'} ${iss.maximum}`;
    case 'invalid_union': {
      const d = (iss as { discriminator?: string; options?: unknown[] }).discriminator;
      const options = (iss as { options?: unknown[] }).options;
      const value = d && input && typeof input === 'object' ? (input as Record<string, unknown>)[d] : input;
      if (d && options)
        return `${shown(value)} — must be one of ${options.map((o) => JSON.stringify(o)).join(', ')}`;
      // report the branch that came closest (fewest issues), with paths inside the union
      const branches = ((iss as { errors?: z.core.$ZodIssue[][] }).errors ?? []).filter((b) => b.length > 0);
      const best = branches.sort((a, b) => a.length - b.length)[0];
      if (best && best.length <= 3)
        return best
          .map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ` : '') + issueMessage(i))
          .join('; ');
      return `${shown(input)} — matches none of the allowed forms (see stackpress schema)`;
    }
    default:
      return `${shown(input)} — ${iss.message}`;
  }
}
