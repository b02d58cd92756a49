import { maxToleranceSamples } from '../../../src/case/schema';

/** The Spread tab's defaults: a quick study of the case as edited. */
export const DEFAULT_DRAWS = 50;
export const DEFAULT_SEED = 1;

/** The bounds of the study block's `samples` and `seed` (the case schema's), so Run never sends what the study refuses. */
const DRAWS = { field: 'Number of draws', min: 1, max: maxToleranceSamples };
const SEED = { field: 'Seed', min: 0, max: 2 ** 31 - 1 };

export type Parsed = { value: number; error: null } | { value: null; error: string };

/** A whole number typed into a field, or the message naming the field, the value and the range allowed. */
function wholeNumber(text: string, b: { field: string; min: number; max: number }): Parsed {
  const t = text.trim();
  // digits only: Number() would also take 0x10, 1e3 and Infinity
  const v = /^\d{1,16}$/.test(t) ? Number(t) : Number.NaN;
  if (Number.isInteger(v) && v >= b.min && v <= b.max) return { value: v, error: null };
  const shown = t === '' ? '(empty)' : t.length > 24 ? `${t.slice(0, 24)}…` : t;
  return { value: null, error: `${b.field}: ${shown} — must be a whole number from ${b.min} to ${b.max}` };
}

/** The draws field [-]: 1 to the schema's most draws. */
export const parseDraws = (text: string): Parsed => wholeNumber(text, DRAWS);

/** The seed field [-]: the study's 32-bit signed seed, 0 to 2³¹ − 1. */
export const parseSeed = (text: string): Parsed => wholeNumber(text, SEED);
