/**
 * The p-quantile of sorted values (ascending), p in [0, 1], by linear interpolation between order
 * statistics (Hyndman and Fan's type 7, the default of R and NumPy): at h = (n − 1)·p,
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]) with x 0-based. NaN for no values.
 */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}
