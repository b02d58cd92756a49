export interface HistogramBin {
  /** bin centre and edges [MPa] */
  centre: number;
  from: number;
  to: number;
  /** fraction of the samples [-] */
  fraction: number;
}

/** Equal-width histogram of the finite values between min and max. */
export function histogram(values: ArrayLike<number>, min: number, max: number, bins = 40): HistogramBin[] {
  const width = max > min ? (max - min) / bins : 1;
  const counts = new Float64Array(bins);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    const b = Math.min(bins - 1, Math.max(0, Math.floor((v - min) / width)));
    counts[b]++;
    n++;
  }
  return Array.from(counts, (c, b) => ({
    centre: min + (b + 0.5) * width,
    from: min + b * width,
    to: min + (b + 1) * width,
    fraction: n > 0 ? c / n : 0,
  }));
}
