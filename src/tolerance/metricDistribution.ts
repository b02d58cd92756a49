import { sortedQuantile } from './percentile';
import type { MetricDistribution, MetricTarget } from './toleranceResult';

/**
 * The distribution of one metric over the draws that solved: mean, sample standard deviation
 * (n − 1 in the denominator; 0 for one draw), the 5th, 50th and 95th percentiles (type 7, see
 * `sortedQuantile`), min and max, and the fraction of draws meeting every target set on the
 * metric (null when none is). `values` must hold at least one number.
 */
export function metricDistribution(
  values: readonly number[],
  targets: readonly MetricTarget[] = [],
): MetricDistribution {
  const n = values.length;
  if (n === 0) throw new Error('metricDistribution: no values');
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let ss = 0;
  for (const v of values) ss += (v - mean) * (v - mean);
  let met = 0;
  for (const v of values) if (targets.every((t) => meets(t, v))) met++;
  return {
    mean,
    std: n > 1 ? Math.sqrt(ss / (n - 1)) : 0,
    p5: sortedQuantile(sorted, 0.05),
    p50: sortedQuantile(sorted, 0.5),
    p95: sortedQuantile(sorted, 0.95),
    min: sorted[0],
    max: sorted[n - 1],
    probability: targets.length > 0 ? met / n : null,
  };
}

/** Whether a value meets a target: min ≤ value ≤ max, each bound only when set. */
export function meets(t: MetricTarget, value: number): boolean {
  return (t.min === undefined || value >= t.min) && (t.max === undefined || value <= t.max);
}
