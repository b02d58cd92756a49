import type { z } from 'zod';
import { shownValue } from './shownValue';

const zodDefault = /^(Invalid input|Invalid option|Too small|Too big|Unrecognized key|Invalid discriminator)/;

/** Levels of nested unions whose closest branch is reported; deeper ones get the generic message. */
const maxUnionDepth = 4;
/** Unknown keys named in one message. */
const maxKeysShown = 5;

const items = (n: number): string => `${n} item${n === 1 ? '' : 's'}`;

/** A path key as printed, cut so a hostile key cannot flood the message. */
const clippedKey = (k: PropertyKey): string => {
  const s = String(k);
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
};

/**
 * The message of one zod issue in the `value unit — allowed range` form. Messages already written
 * that way (by `quantity()` and the schemas' own error functions) are kept; zod's generic ones are
 * rewritten so they name the bad value and what is allowed. Safe on any input: values are shown
 * through `shownValue` (bounded in depth and length) and union branches are followed only a few
 * levels deep.
 */
export function issueMessage(iss: z.core.$ZodIssue, depth = 0): string {
  if (!zodDefault.test(iss.message)) return iss.message;
  const input = (iss as { input?: unknown }).input;
  switch (iss.code) {
    case 'invalid_value':
      return `${shownValue(input)} — must be one of ${iss.values.map((v) => shownValue(v, 40)).join(', ')}`;
    case 'unrecognized_keys': {
      const keys = iss.keys.slice(0, maxKeysShown).map((k) => shownValue(k, 40));
      const more = iss.keys.length > maxKeysShown ? ` and ${iss.keys.length - maxKeysShown} more` : '';
      return `unknown key${iss.keys.length > 1 ? 's' : ''} ${keys.join(', ')}${more} — not allowed here (check the spelling; see stackpress schema)`;
    }
    case 'invalid_type':
      return input === undefined
        ? `required — ${iss.expected === 'object' ? 'an object' : `a ${iss.expected}`}`
        : `${shownValue(input)} — must be ${iss.expected === 'object' ? 'an object' : `a ${iss.expected}`}`;
    case 'too_small':
      return Array.isArray(input)
        ? `${items(input.length)} — must have at least ${iss.minimum}`
        : `${shownValue(input)} — must be ${iss.inclusive ? '>=' : '>'} ${iss.minimum}`;
    case 'too_big':
      return Array.isArray(input)
        ? `${items(input.length)} — must have at most ${iss.maximum}`
        : `${shownValue(input)} — must be ${iss.inclusive ? '<=' : '<'} ${iss.maximum}`;
    case 'invalid_union': {
      const d = (iss as { discriminator?: string; options?: unknown[] }).discriminator;
      const options = (iss as { options?: unknown[] }).options;
      const value =
        d && input && typeof input === 'object' && !Array.isArray(input)
          ? (input as Record<string, unknown>)[d]
          : input;
      if (d && options)
        return `${shownValue(value)} — must be one of ${options.map((o) => shownValue(o, 40)).join(', ')}`;
      // report the branch that came closest — the one that got deepest into the value (a custom
      // material whose density is wrong, not the preset names), then the one with fewest issues —
      // with paths inside the union
      const branches = ((iss as { errors?: z.core.$ZodIssue[][] }).errors ?? []).filter((b) => b.length > 0);
      const reach = (b: z.core.$ZodIssue[]) => b.reduce((m, i) => Math.max(m, i.path.length), 0);
      const best = branches.sort((a, b) => reach(b) - reach(a) || a.length - b.length)[0];
      if (best && best.length <= 3 && depth < maxUnionDepth)
        return best
          .map(
            (i) =>
              (i.path.length ? `${i.path.map(clippedKey).join('.')}: ` : '') + issueMessage(i, depth + 1),
          )
          .join('; ');
      return `${shownValue(input)} — matches none of the allowed forms (see stackpress schema)`;
    }
    default:
      return `${shownValue(input)} — ${iss.message}`;
  }
}
