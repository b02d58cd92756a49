import type { RegularGrid } from '../results/pressureMap';
import type { PressureStats } from '../results/pressureStats';

/**
 * What a case's life history reports: one row per state after load-up (state 0 is load-up
 * itself), the target window, and the verdict. Written into result.json as `history`, and
 * as history.csv one row per state.
 */
export interface HistorySummary {
  /** the pressure window the cell stack must stay in [MPa] and the statistic judged against it */
  window: HistoryWindow;
  states: HistoryState[];
  verdict: HistoryVerdict;
  /** indices into `states` whose maps the report writes (the case's `history.maps`, else first, worst, last) */
  mapStates: number[];
}

export interface HistoryWindow {
  /** MPa */
  min: number;
  /** MPa */
  max: number;
  /** which pressure statistic of the cell stack must lie in [min, max] */
  statistic: HistoryStatistic;
  /** where the window came from: "history.window" or "load-up mean ± 20 %" */
  source: string;
}

/** mean: the mean cell pressure; p5p95: both the 5th and the 95th percentile */
export type HistoryStatistic = 'mean' | 'p5p95';

/** The free interference each cause adds to the stack at a state [mm]; > 0 raises the pressure. */
export interface HistoryDrivers {
  /** reversible cell breathing with state of charge, summed over the stack's cells [mm] */
  breathing: number;
  /** irreversible growth since load-up, summed over the cells [mm] */
  growth: number;
  /** thermal expansion of the stack (cells, pads, plates) less that of the bolts over the grip [mm] */
  thermal: number;
  /** pad stress relaxation and set as an equivalent loss of stack height, area-weighted mean [mm] */
  relaxation: number;
}

export type HistoryDriver = keyof HistoryDrivers;

export interface HistoryState {
  /** 0 = load-up */
  index: number;
  /** "load-up", "cycle 12 charged", "cycle 12 discharged", or the case's own state label */
  label: string;
  /** since load-up [h] */
  time: number;
  /** cycles completed at this state, fractional within a cycle [-] */
  cycle: number;
  /** state of charge [-], 0–1 */
  soc: number;
  /** temperature change from assembly [K] */
  deltaT: number;
  /** cell pressure under the top plate (interface 0) */
  pressure: PressureStats;
  /** per interface (top down), for stacks with interleaf plates */
  interfaces: { name: string; pressure: PressureStats }[];
  /** bolt tension [N] over the bolts */
  boltForce: { mean: number; min: number; max: number; total: number };
  /** springs under the bolt heads: they carry the bolt force; null without springs */
  springs: {
    /** force of the most loaded spring stack [N] */
    forceMax: number;
    /** shortest spring length over all bolts [mm] */
    lengthMin: number;
    /** lengthMin − solid length [mm]; < 0 would be coil-bound, refused */
    solidMargin: number;
  } | null;
  /** pads: compressive strain [-] over all pad points (area-weighted mean); null without pads */
  padStrain: { mean: number; max: number } | null;
  /** the force balance of this state: |Σ bolt − ∫p dA| / Σ bolt [-] */
  relResidual: number;
  newtonIterations: number;
  drivers: HistoryDrivers;
  /** whether the window's statistic lies in [window.min, window.max] */
  inWindow: boolean;
}

export interface HistoryVerdict {
  /** states inside the window / all states (load-up included) [-] */
  fractionInWindow: number;
  statesInWindow: number;
  /** the state farthest outside the window (or nearest its edge when all are inside) */
  worst: {
    index: number;
    label: string;
    /** the statistic's value at that state [MPa] */
    value: number;
    /** the window edge it is judged against [MPa] */
    limit: number;
    side: 'below' | 'above';
    /** value − limit toward outside: > 0 outside the window [MPa] */
    excess: number;
  };
  /** the cause whose interference at the worst state pushes hardest toward the violated side */
  driver: HistoryDriver;
  /** one or two sentences for the report and the CLI */
  text: string;
}

/** Typed-array fields of a history for the viewer and the report (not in result.json). */
export interface HistoryFields {
  /** per state: the cell pressure of interface 0 on the case's regular grid [MPa] */
  grids: RegularGrid[];
}
