import type { HistoryState, HistorySummary } from '../../src/history/historyResult';
import type { PressureGrid, ResultFields } from '../../src/presentation/resultFields';
import type { PressureStats } from '../../src/results/pressureStats';
import { FOOTPRINT, gridOf, syntheticFields } from '../presentation/figures/syntheticFields';

/**
 * A hand-made life history for the viewer's tests: load-up and three states against a window of
 * 4–6 MPa on the mean. State k's map rises linearly across x from 0.5·MEANS[k] at x = 25 mm to
 * 1.5·MEANS[k] at x = 125 mm, in contact everywhere but at state 3, whose strip x < 35 mm is open.
 * Every number is written here; none comes from the code under test.
 */
export const MEANS = [5, 5.8, 6.6, 3.6];
export const TIMES = [0, 2, 50, 1000];
export const LABELS = ['load-up', 'cycle 1 charged', 'cycle 12 charged', 'cycle 250 discharged'];
const SPACING = 5;

/** The in-contact range over all four maps [MPa]: 0.5 × 3.6 at x = 35 mm … 1.5 × 6.6 at x = 125 mm. */
export const RANGE = { lo: 3.6 * (0.5 + (35 - 25) / 100), hi: 1.5 * 6.6 };

const statsOf = (mean: number): PressureStats => ({
  mean,
  min: 0.5 * mean,
  max: 1.5 * mean,
  std: 0.29 * mean,
  cov: 0.29,
  maxOverMean: 1.5,
  p5: 0.55 * mean,
  p95: 1.45 * mean,
  contactFraction: 1,
  within10: 0.2,
  force: mean * 1e4,
  area: 1e4,
});

export function historyGrids(): PressureGrid[] {
  return MEANS.map((mean, k) =>
    gridOf(
      SPACING,
      (x) => mean * (0.5 + (x - FOOTPRINT.x0) / (FOOTPRINT.x1 - FOOTPRINT.x0)),
      (x) => k !== 3 || x >= 35,
    ),
  );
}

export function historySummary(): HistorySummary {
  const states: HistoryState[] = MEANS.map((mean, i) => ({
    index: i,
    label: LABELS[i],
    time: TIMES[i],
    cycle: [0, 0.5, 11.5, 250][i],
    soc: i === 3 ? 0 : i === 0 ? 0 : 1,
    deltaT: [0, 4, 4, -2][i],
    pressure: statsOf(mean),
    interfaces: [{ name: 'cell stack', pressure: statsOf(mean) }],
    boltForce: { mean: mean * 1250, min: mean * 1200, max: mean * 1300, total: mean * 1e4 },
    springs: null,
    padStrain: null,
    relResidual: 1e-10,
    newtonIterations: 3,
    drivers: { breathing: 0.01, growth: 0.001 * i, thermal: 0, relaxation: -0.002 * i },
    inWindow: mean >= 4 && mean <= 6,
  }));
  return {
    window: { min: 4, max: 6, statistic: 'mean', source: 'history.window' },
    states,
    verdict: {
      fractionInWindow: 0.5,
      statesInWindow: 2,
      worst: { index: 3, label: LABELS[3], value: 3.6, limit: 4, side: 'below', excess: 0.4 },
      driver: 'relaxation',
      text: '2 of 4 states hold the mean within 4–6 MPa; the worst, cycle 250 discharged, is 0.4 MPa below 4 MPa, driven by pad relaxation.',
    },
    mapStates: [0, 2, 3],
  };
}

/**
 * The synthetic fields (syntheticFields) with this history's maps; `swollen`: with a state after
 * swelling too, which no solve makes together with a history (a crafted result).
 */
export function fieldsWithHistory(grids: PressureGrid[] = historyGrids(), swollen = false): ResultFields {
  return { ...syntheticFields({ spacing: SPACING, swollen }), history: { grids, contactThreshold: 0.01 } };
}
