import { z } from 'zod';
import { shownValue } from '../validation/shownValue';

/** Bounds for a physical quantity; each is inclusive unless named `gt`/`lt`. */
export interface QuantityBounds {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  int?: boolean;
}

/**
 * A number with a unit and bounds whose error messages read `-3 mm — must be > 0 and <= 500`;
 * the case loader prefixes the JSON path. Every kind of wrong value states the allowed range:
 * `Infinity mm — must be a finite number > 0 and <= 500` (YAML `.inf`, `.nan`, a JSON 1e400),
 * `"25" — must be a number in mm that is > 0 and <= 500`. The unit and range are carried into the JSON Schema
 * description, so `stackpress schema` documents them.
 */
export function quantity(unit: string, description: string, bounds: QuantityBounds = {}) {
  const u = unit ? ` ${unit}` : '';
  const range = rangeText(bounds);
  const kind = bounds.int ? 'whole number' : 'number';
  const allowed = describeBounds(bounds);
  let s = z.number({
    error: (iss) => {
      const v = iss.input;
      if (v === undefined)
        return `required — a number${unit ? ` in ${unit}` : ''}${allowed ? ` that ${allowed}` : ''}`;
      // zod refuses ±Infinity and NaN as not a number; the user wrote a number, so say what is allowed
      if (typeof v === 'number') return `${v}${u} — must be a finite ${kind}${range ? ` ${range}` : ''}`;
      return `${shownValue(v)} — must be a ${kind}${unit ? ` in ${unit}` : ''}${range ? ` that is ${range}` : ''}`;
    },
  });
  const msg = (iss: { input?: unknown }) => `${shownValue(iss.input)}${u} — ${allowed}`;
  // Each check gives the same message, naming every bound; a value breaking two (1e300 is above
  // the whole-number range and above lte) gives it twice, and `parseInput` keeps one. Aborting at
  // the first would do the same here but hides the branch from a union, which then cannot report
  // the field inside it.
  if (bounds.int) s = s.int({ error: msg });
  if (bounds.gt !== undefined) s = s.gt(bounds.gt, { error: msg });
  if (bounds.gte !== undefined) s = s.gte(bounds.gte, { error: msg });
  if (bounds.lt !== undefined) s = s.lt(bounds.lt, { error: msg });
  if (bounds.lte !== undefined) s = s.lte(bounds.lte, { error: msg });
  return s.meta({
    description: `${description}${unit ? ` [${unit}]` : ''}${allowed ? ` (${allowed})` : ''}`,
  });
}

/** `> 0 and <= 500`, or '' without bounds. */
function rangeText(b: QuantityBounds): string {
  const parts: string[] = [];
  if (b.gt !== undefined) parts.push(`> ${b.gt}`);
  if (b.gte !== undefined) parts.push(`>= ${b.gte}`);
  if (b.lt !== undefined) parts.push(`< ${b.lt}`);
  if (b.lte !== undefined) parts.push(`<= ${b.lte}`);
  return parts.join(' and ');
}

/** `must be a whole number and >= 1 and <= 1000`, or '' without bounds. */
function describeBounds(b: QuantityBounds): string {
  const parts: string[] = [];
  if (b.int) parts.push('a whole number');
  const range = rangeText(b);
  if (range) parts.push(range);
  if (parts.length === 0) return '';
  return `must be ${parts.join(' and ')}`;
}

/** A JSON-path string such as `plates.top.thickness` or `bolts.positions[2].x`; long keys are cut. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else {
      const key = String(p);
      const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
      out += out ? `.${shown}` : shown;
    }
  }
  return out || '(case)';
}
