/**
 * What a tolerance study produces: N draws of a case's random inputs (preload scatter, random
 * flatness, noise on a measured map, pad and cell thickness), each solved, and the distribution
 * of every metric and of the map. Plain data, browser-safe: the CLI writes it, the viewer shows it.
 */
import type { LoadState, PressureGrid } from '../presentation/resultFields';

export const TOLERANCE_SCHEMA = 'stackpress.tolerance/1';

/** The metrics every draw reports, each a number in the unit given in METRIC_UNITS. */
export type ToleranceMetric =
  | 'meanPressure'
  | 'cov'
  | 'maxOverMean'
  | 'minPressure'
  | 'maxPressure'
  | 'contactFraction'
  | 'within10'
  | 'boltForceMax'
  | 'boltForceMin'
  | 'safetyFactor';

export const METRIC_UNITS: Record<ToleranceMetric, string> = {
  meanPressure: 'MPa',
  cov: '-',
  maxOverMean: '-',
  minPressure: 'MPa',
  maxPressure: 'MPa',
  contactFraction: '-',
  within10: '-',
  boltForceMax: 'N',
  boltForceMin: 'N',
  safetyFactor: '-',
};

/** One draw: its index and seed, what was drawn, and its metrics per load state (null if it failed). */
export interface ToleranceDraw {
  /** 0-based; draw i is the same whatever the number of draws */
  index: number;
  /** the 32-bit seed this draw's random inputs came from */
  seed: number;
  /** the drawn inputs, for the record: bolt preload factors [-], pad and cell thickness offsets [mm], … */
  inputs: Record<string, number | number[]>;
  status: 'ok' | 'failed';
  /** why it failed (the solver's or the checks' message); null when ok */
  error: string | null;
  /** metrics after load-up and, when the case swells, after swelling; null when failed */
  metrics: Partial<Record<LoadState, Record<ToleranceMetric, number>>> | null;
  /** numeric factorizations this draw made, and took from the session */
  factorizations: number;
  factorizationsReused: number;
}

/** The distribution of one metric over the draws that solved. */
export interface MetricDistribution {
  mean: number;
  std: number;
  p5: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
  /** P(the target holds) over the solved draws, when a target is set for this metric [-] */
  probability: number | null;
}

/** A target a user sets on one metric: it holds when value ≥ min and ≤ max. */
export interface MetricTarget {
  metric: ToleranceMetric;
  min?: number;
  max?: number;
}

/** Per-point statistics of the pressure map over the solved draws, on the case's map grid. */
export interface MapDistribution {
  /** mean pressure per point [MPa] */
  mean: PressureGrid;
  /** 5th and 95th percentile per point [MPa] */
  p5: PressureGrid;
  p95: PressureGrid;
  /** probability of contact per point [-] (grid values in [0, 1]) */
  contactProbability: PressureGrid;
}

export interface ToleranceResult {
  schema: typeof TOLERANCE_SCHEMA;
  caseName: string;
  /** the study's seed and number of draws asked for */
  seed: number;
  samples: number;
  /** the draws, in index order, failed ones included */
  draws: ToleranceDraw[];
  /** indices of the draws that failed; a study with failures says so, it is never silently partial */
  failed: number[];
  targets: MetricTarget[];
  /** per load state, the distribution of each metric over the solved draws */
  distributions: Partial<Record<LoadState, Record<ToleranceMetric, MetricDistribution>>>;
  /** per load state, the map statistics of the top interface (the one `pressure` reports) */
  maps: Partial<Record<LoadState, MapDistribution>>;
  /** the solver's work: solves (Newton steps) and numeric factorizations per solved draw, averaged */
  effort: { seconds: number; solvesPerDraw: number; factorizationsPerDraw: number; reusedPerDraw: number };
  /** the case's warnings and the study's (nothing random to draw, say), each once */
  warnings?: string[];
  /** first-order propagation at the mean inputs, when asked for (runToleranceStudy's `firstOrder`) */
  firstOrder?: FirstOrderEstimate[];
}

/**
 * The first-order variance of one quantity, J Σ Jᵀ: J its response to the random inputs from the
 * solver's tangent at the mean inputs, Σ the inputs' covariance. Exact, up to the input
 * covariance, when the laws are linear and the contact stays full.
 */
export interface FirstOrderEstimate {
  /** `meanPressure` (the metric), or `centrePressure`: the top interface's pressure at its point nearest the footprint centre */
  quantity: 'meanPressure' | 'centrePressure';
  state: LoadState;
  /** at the mean inputs [MPa] */
  value: number;
  /** J Σ Jᵀ [MPa²] */
  variance: number;
  /** its parts [MPa²]: from the bolts' preload scatter and from the plates' random flatness */
  parts: { preload: number; flatness: number };
  /** the study's random inputs not propagated (map noise, thicknesses), by field */
  omitted: string[];
  /** for centrePressure: the contact point of the top interface and its position [mm] */
  point?: { index: number; x: number; y: number };
}
