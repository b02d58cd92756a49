import type { HistoryState, HistorySummary } from '../../src/history/historyResult';
import { historyGrid } from '../../src/presentation/historyMapsOf';
import type { HistoryMaps } from '../../src/presentation/resultFields';
import type { PressureStats } from '../../src/results/pressureStats';
import { FOOTPRINT } from './figures/syntheticFields';

/**
 * A hand-made life history: load-up and six states (cycles 1, 10 and 100, charged and
 * discharged) against a window of 4–6 MPa on the mean cell pressure. Cycle 10 charged (6.5 MPa)
 * and cycle 100 discharged (3.8 MPa) lie outside: 5 of 7 states inside, the worst cycle 10
 * charged, 0.5 MPa above. Every number is written here, none comes from the code under test.
 */
export const MEANS = [5.0, 5.6, 4.9, 6.5, 4.5, 5.2, 3.8];
export const TIMES = [0, 3, 6, 57, 60, 597, 600];
const LABELS = [
  'load-up',
  'cycle 1 charged',
  'cycle 1 discharged',
  'cycle 10 charged',
  'cycle 10 discharged',
  'cycle 100 charged',
  'cycle 100 discharged',
];
const CYCLES = [0, 0.5, 1, 9.5, 10, 99.5, 100];

/** Statistics of a map of mean `mean` [MPa] spread ±40 % about it, in contact over `contactFraction` of the footprint. */
export function statsOf(mean: number, contactFraction = 1): PressureStats {
  return {
    mean,
    min: 0.6 * mean,
    max: 1.4 * mean,
    std: 0.12 * mean,
    cov: 0.12,
    maxOverMean: 1.4,
    p5: 0.75 * mean,
    p95: 1.25 * mean,
    contactFraction,
    within10: 0.6,
    force: mean * 1e4,
    area: 1e4,
  };
}

export function syntheticHistory(
  options: { springs?: boolean; pads?: boolean; times?: number[] } = {},
): HistorySummary {
  const times = options.times ?? TIMES;
  const states: HistoryState[] = MEANS.map((mean, i) => ({
    index: i,
    label: LABELS[i],
    time: times[i],
    cycle: CYCLES[i],
    soc: i % 2 === 1 ? 1 : 0,
    deltaT: i % 2 === 1 ? 5 : 0,
    // the last state's open corner, 20 × 20 mm of the 100 × 100 mm footprint (see syntheticHistoryMaps)
    pressure: statsOf(mean, i === 6 ? 0.96 : 1),
    interfaces: [{ name: 'cell stack', pressure: statsOf(mean, i === 6 ? 0.96 : 1) }],
    // the bolts carry the mean pressure over the 100 × 100 mm footprint, on 8 bolts
    boltForce: {
      mean: (mean * 1e4) / 8,
      min: (0.9 * mean * 1e4) / 8,
      max: (1.1 * mean * 1e4) / 8,
      total: mean * 1e4,
    },
    springs:
      options.springs === false
        ? null
        : { forceMax: (1.1 * mean * 1e4) / 8, lengthMin: 20 - mean, solidMargin: 12 - mean },
    padStrain: options.pads === false ? null : { mean: 0.01 * mean, max: 0.014 * mean },
    relResidual: 1e-10,
    newtonIterations: 4,
    drivers: {
      breathing: i % 2 === 1 ? 0.05 : 0,
      growth: 0.0001 * CYCLES[i],
      thermal: i % 2 === 1 ? 0.004 : 0,
      relaxation: -0.01 * Math.log1p(times[i]),
    },
    inWindow: mean >= 4 && mean <= 6,
  }));
  return {
    window: { min: 4, max: 6, statistic: 'mean', source: 'history.window' },
    states,
    verdict: {
      fractionInWindow: 5 / 7,
      statesInWindow: 5,
      worst: { index: 3, label: 'cycle 10 charged', value: 6.5, limit: 6, side: 'above', excess: 0.5 },
      driver: 'breathing',
      text: '5 of 7 states (71 %) hold the mean cell pressure within 4–6 MPa. The worst, cycle 10 charged, is 0.5 MPa above 6 MPa, driven by cell breathing.',
    },
    mapStates: [0, 3, 6],
  };
}

/**
 * Maps of the history on the synthetic fields' 100 × 100 mm footprint at `spacing` [mm]: state i's
 * pressure rises linearly across x from 0.6 to 1.4 times its mean; at cycle 100 discharged the
 * corner x, y < 45 mm has opened.
 */
export function syntheticHistoryMaps(spacing = 2): HistoryMaps {
  const nx = Math.round((FOOTPRINT.x1 - FOOTPRINT.x0) / spacing) + 1;
  const placement = { x0: FOOTPRINT.x0, y0: FOOTPRINT.y0, dx: spacing, dy: spacing, nx, ny: nx };
  const grids = MEANS.map((mean, s) => {
    const values = new Float64Array(nx * nx);
    for (let j = 0; j < nx; j++)
      for (let i = 0; i < nx; i++) {
        const x = FOOTPRINT.x0 + i * spacing;
        const y = FOOTPRINT.y0 + j * spacing;
        const open = s === 6 && x < 45 && y < 45;
        values[j * nx + i] = open
          ? 0
          : mean * (0.6 + (0.8 * (x - FOOTPRINT.x0)) / (FOOTPRINT.x1 - FOOTPRINT.x0));
      }
    return historyGrid(placement, values, 0.01);
  });
  return { grids, contactThreshold: 0.01 };
}
