/** Numbers as the figures print them. */

/** A value with `digits` significant digits and no exponent notation (2 → "2.00", 20.83 → "20.8", −1234 → "−1234"). */
export function formatValue(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return (0).toFixed(digits - 1);
  // the magnitude after rounding: −9.9999 is −10.0, not −10.00
  // (and every integer digit kept: 1234 stays 1234)
  const rounded = Math.abs(v) >= 10 ** digits ? Math.round(v) : Number(v.toPrecision(digits));
  const magnitude = Math.floor(Math.log10(Math.abs(rounded)));
  // a typographic minus, as on the axes
  return rounded.toFixed(Math.max(0, Math.min(6, digits - 1 - magnitude))).replace('-', '−');
}

/** A fraction [-] as a percentage with one decimal ("22.0 %"). */
export function formatPercent(fraction: number): string {
  return `${(100 * fraction).toFixed(1)} %`;
}

/** Tick values from 0 to `length` at a round step (1, 2, 2.5 or 5 × 10^k) giving at most `maxCount` ticks. */
export function roundTicks(length: number, maxCount = 9): number[] {
  if (!(length > 0)) return [0];
  const raw = length / Math.max(1, maxCount - 1);
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * p).find((s) => s >= raw) ?? 10 * p;
  const ticks: number[] = [];
  for (let k = 0; k * step <= length * (1 + 1e-9); k++) ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/** A d3 format showing every tick of `ticks` exactly as written (2.5 stays 2.5, not 3). */
export function tickFormat(ticks: number[]): string {
  const decimals = Math.max(0, ...ticks.map((t) => (String(t).split('.')[1] ?? '').length));
  return `.${Math.min(6, decimals)}f`;
}
