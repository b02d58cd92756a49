/**
 * Numbers as a report prints them: a true minus sign, thin-space digit groups for forces, a
 * non-breaking space before a unit or a percent sign, and a dash for a value that is not finite
 * (which a result never holds, but a hand-edited result folder might).
 */

const MINUS = '\u2212';
/** narrow no-break space: groups digits (50 067) without letting a line break split the number */
const GROUP = '\u202f';
/** no-break space between a number and its unit */
export const UNIT_SPACE = '\u00a0';
const MISSING = '—';

const signed = (text: string): string => (text.startsWith('-') ? `${MINUS}${text.slice(1)}` : text);

/** `v` with `digits` decimals (−0 prints as 0). */
export function fixed(v: number, digits: number): string {
  if (!Number.isFinite(v)) return MISSING;
  const text = v.toFixed(digits);
  return signed(Number(text) === 0 ? text.replace(/^-/, '') : text);
}

/** `v` rounded to a whole number with its thousands grouped: 50067.4 → "50 067". */
export function grouped(v: number): string {
  if (!Number.isFinite(v)) return MISSING;
  const n = Math.round(v);
  const digits = Math.abs(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, GROUP);
  return n < 0 ? `${MINUS}${digits}` : digits;
}

/** A fraction [-] as a percentage: 0.6944 → "69.4 %". */
export function percent(fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return MISSING;
  return `${fixed(100 * fraction, digits)}${UNIT_SPACE}%`;
}

/** A small ratio in exponent form: 1.02e-12 → "1.0e−12". */
export function exponent(v: number, digits = 1): string {
  if (!Number.isFinite(v)) return MISSING;
  const [mantissa, power] = v.toExponential(digits).split('e');
  return `${signed(mantissa)}e${signed(power.replace(/^\+/, ''))}`;
}

/** A number and its unit: "25 mm"; a dimensionless value stands alone. */
export function withUnit(text: string, unit: string | undefined): string {
  return unit ? `${text}${UNIT_SPACE}${unit}` : text;
}

/** A safety factor [-]: a plate without stress has Number.MAX_VALUE, printed as ∞. */
export function factor(v: number): string {
  return v >= Number.MAX_VALUE / 2 ? '∞' : fixed(v, 2);
}

/** A number as the case states it (up to 6 significant digits, no exponent below 1e21). */
export function stated(v: number): string {
  if (!Number.isFinite(v)) return MISSING;
  const abs = Math.abs(v);
  const text = abs !== 0 && (abs < 1e-4 || abs >= 1e9) ? v.toExponential() : String(Number(v.toPrecision(6)));
  return signed(text.replace('e+', 'e').replace('e-', `e${MINUS}`));
}
