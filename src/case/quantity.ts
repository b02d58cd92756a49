import { z } from 'zod';

/** Bounds for a physical quantity; each is inclusive unless named `gt`/`lt`. */
export interface QuantityBounds {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
  int?: boolean;
}

const fmt = (v: unknown): string => (typeof v === 'number' ? String(v) : JSON.stringify(v));

/**
 * A number with a unit and bounds whose error messages read
 * `-3 mm — must be > 0`; the case loader prefixes the JSON path.
 * The unit is carried into the JSON Schema description, so `stackpress schema` documents it.
 */
export function quantity(unit: string, description: string, bounds: QuantityBounds = {}) {
  const u = unit ? ` ${unit}` : '';
  const allowed = describeBounds(bounds);
  let s = z.number({
    error: (iss) =>
      iss.input === undefined
        ? `required — a number${unit ? ` in ${unit}` : ''}${allowed ? ` that ${allowed}` : ''}`
        : `${fmt(iss.input)} — must be a number${unit ? ` in ${unit}` : ''}`,
  });
  const msg = (iss: { input?: unknown }) => `${fmt(iss.input)}${u} — ${allowed}`;
  if (bounds.int) s = s.int({ error: msg });
  if (bounds.gt !== undefined) s = s.gt(bounds.gt, { error: msg });
  if (bounds.gte !== undefined) s = s.gte(bounds.gte, { error: msg });
  if (bounds.lt !== undefined) s = s.lt(bounds.lt, { error: msg });
  if (bounds.lte !== undefined) s = s.lte(bounds.lte, { error: msg });
  s = s.refine(Number.isFinite, { error: (iss) => `${fmt(iss.input)}${u} — must be finite` });
  return s.meta({
    description: `${description}${unit ? ` [${unit}]` : ''}${allowed ? ` (${allowed})` : ''}`,
  });
}

function describeBounds(b: QuantityBounds): string {
  const parts: string[] = [];
  if (b.int) parts.push('a whole number');
  if (b.gt !== undefined) parts.push(`> ${b.gt}`);
  if (b.gte !== undefined) parts.push(`>= ${b.gte}`);
  if (b.lt !== undefined) parts.push(`< ${b.lt}`);
  if (b.lte !== undefined) parts.push(`<= ${b.lte}`);
  if (parts.length === 0) return '';
  return `must be ${parts.join(' and ')}`;
}

/** A JSON-path string such as `plates.top.thickness` or `bolts.positions[2].x`. */
export function jsonPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out || '(case)';
}
