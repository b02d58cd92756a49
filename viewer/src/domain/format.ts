/** Number formatting for engineering read-outs. */
export function fixed(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '—';
  return v.toFixed(digits);
}

export function significant(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '—';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(digits - 1);
  return Number(v.toPrecision(digits)).toString();
}

export function percent(v: number, digits = 1): string {
  return `${(100 * v).toFixed(digits)} %`;
}
