import type { LoadState } from '../../src/presentation/resultFields';
import type {
  MapDistribution,
  MetricDistribution,
  ToleranceDraw,
  ToleranceMetric,
  ToleranceResult,
} from '../../src/tolerance/toleranceResult';
import { METRIC_UNITS, TOLERANCE_SCHEMA } from '../../src/tolerance/toleranceResult';
import { FOOTPRINT, gridOf, syntheticFields } from './figures/syntheticFields';

/**
 * A hand-made tolerance study: `samples` draws of a made-up case whose draw i has CoV 0.30 + 0.01·i
 * and mean pressure 5 + 0.1·i MPa (so every number below follows from i by hand), 8 bolt preload
 * factors 1 + 0.01·(i − bolt) and a pad offset of −0.001·(i + 1) mm; the draws in `failed` failed with a
 * message naming their index; the CoV distribution is that of 21 draws (p5 0.31, p50 0.40, p95 0.49). The maps (1 mm over the synthetic footprint) are: mean 4 MPa left of
 * x = 75 mm and 6 MPa right of it, p5 the mean − 1 MPa with the left strip x < 35 mm open, p95 the
 * mean + 1 MPa, and P(contact) 0.2 for x < 35 mm, 1 elsewhere.
 */
export function syntheticStudy(
  options: { samples?: number; failed?: number[]; swollen?: boolean; seed?: number } = {},
): ToleranceResult {
  const samples = options.samples ?? 20;
  const failedSet = new Set(options.failed ?? []);
  const states: LoadState[] = options.swollen ? ['loadUp', 'swollen'] : ['loadUp'];
  const metricsOf = (i: number, s: LoadState): Record<ToleranceMetric, number> => {
    const k = s === 'swollen' ? 1.5 : 1;
    return {
      meanPressure: k * (5 + 0.1 * i),
      cov: 0.3 + 0.01 * i,
      maxOverMean: 2 + 0.01 * i,
      minPressure: 0,
      maxPressure: k * (10 + 0.1 * i),
      contactFraction: 0.9,
      within10: 0.2,
      boltForceMax: 6500 + i,
      boltForceMin: 6000 - i,
      safetyFactor: 3.5,
    };
  };
  const draws: ToleranceDraw[] = Array.from({ length: samples }, (_, i) =>
    failedSet.has(i)
      ? {
          index: i,
          seed: 1000 + i,
          inputs: { preloadFactors: [], padThicknessOffset: -0.001 * (i + 1) },
          status: 'failed',
          error: `draw ${i}: the contact solver did not converge, "residual" 1e-3`,
          metrics: null,
          factorizations: 1,
          factorizationsReused: 0,
        }
      : {
          index: i,
          seed: 1000 + i,
          inputs: {
            preloadFactors: Array.from({ length: 8 }, (_, b) => 1 + 0.01 * (i - b)),
            padThicknessOffset: -0.001 * (i + 1),
          },
          status: 'ok',
          error: null,
          metrics: Object.fromEntries(states.map((s) => [s, metricsOf(i, s)])),
          factorizations: 0,
          factorizationsReused: 2,
        },
  );
  const dist = (): Record<ToleranceMetric, MetricDistribution> =>
    Object.fromEntries(
      (Object.keys(METRIC_UNITS) as ToleranceMetric[]).map((m) => [
        m,
        m === 'cov'
          ? { mean: 0.4, std: 0.06, p5: 0.31, p50: 0.4, p95: 0.49, min: 0.3, max: 0.5, probability: 0.5 }
          : { mean: 1, std: 0.1, p5: 0.9, p50: 1, p95: 1.1, min: 0.8, max: 1.2, probability: null },
      ]),
    ) as Record<ToleranceMetric, MetricDistribution>;
  const maps = (): MapDistribution => ({
    mean: gridOf(
      1,
      (x) => (x < 75 ? 4 : 6),
      () => true,
    ),
    p5: gridOf(
      1,
      (x) => (x < 75 ? 3 : 5),
      (x) => x >= 35,
    ),
    p95: gridOf(
      1,
      (x) => (x < 75 ? 5 : 7),
      () => true,
    ),
    contactProbability: gridOf(
      1,
      (x) => (x < 35 ? 0.2 : 1),
      () => true,
    ),
  });
  const solved = samples - failedSet.size;
  return {
    schema: TOLERANCE_SCHEMA,
    caseName: 'synthetic',
    seed: options.seed ?? 3,
    samples,
    draws,
    failed: [...failedSet].sort((a, b) => a - b),
    targets: [{ metric: 'cov', max: 0.35 }],
    distributions: solved > 0 ? Object.fromEntries(states.map((s) => [s, dist()])) : {},
    maps: solved > 0 ? Object.fromEntries(states.map((s) => [s, maps()])) : {},
    effort: { seconds: 1.5, solvesPerDraw: 2, factorizationsPerDraw: 0.1, reusedPerDraw: 2 },
  };
}

/** The synthetic stack (150 mm plate, the footprint at 25…125 mm, eight bolts). */
export const syntheticStack = () => syntheticFields().stack;
export { FOOTPRINT };
