import type { PressureStats } from '../results/pressureStats';
import type {
  HistoryDriver,
  HistoryDrivers,
  HistoryState,
  HistoryVerdict,
  HistoryWindow,
} from './historyResult';
import type { HistoryCase } from './historySchema';

/** Half width of the default window about the load-up mean pressure [-]. */
export const DEFAULT_WINDOW_HALF_WIDTH = 0.2;

/** The case's window, or the load-up mean ± 20 % [MPa]. */
export function historyWindow(h: HistoryCase, loadUpMean: number): HistoryWindow {
  if (h.window) return { ...h.window, source: 'history.window' };
  return {
    min: loadUpMean * (1 - DEFAULT_WINDOW_HALF_WIDTH),
    max: loadUpMean * (1 + DEFAULT_WINDOW_HALF_WIDTH),
    statistic: 'mean',
    source: `load-up mean ± ${100 * DEFAULT_WINDOW_HALF_WIDTH} %`,
  };
}

/** How far a state's pressure lies outside the window [MPa] (< 0 inside), and on which side. */
export function windowExcess(
  w: HistoryWindow,
  p: PressureStats,
): { excess: number; side: 'below' | 'above'; value: number; limit: number } {
  const low = w.statistic === 'mean' ? p.mean : p.p5;
  const high = w.statistic === 'mean' ? p.mean : p.p95;
  const below = w.min - low;
  const above = high - w.max;
  return below >= above
    ? { excess: below, side: 'below', value: low, limit: w.min }
    : { excess: above, side: 'above', value: high, limit: w.max };
}

export function inWindow(w: HistoryWindow, p: PressureStats): boolean {
  return windowExcess(w, p).excess <= 0;
}

const DRIVER_NAMES: Record<HistoryDriver, string> = {
  breathing: 'cell breathing with state of charge',
  growth: 'irreversible cell growth',
  thermal: 'thermal expansion (stack against bolts)',
  relaxation: 'pad relaxation',
};

/**
 * The verdict of a history: the share of states inside the window, the state farthest outside
 * (nearest the edge when all are in), and the cause that pushes it there — the driver whose
 * interference at that state points most toward the violated side.
 */
export function historyVerdict(w: HistoryWindow, states: HistoryState[]): HistoryVerdict {
  let worstIndex = 0;
  let worst = windowExcess(w, states[0].pressure);
  let inside = 0;
  states.forEach((s, i) => {
    const e = windowExcess(w, s.pressure);
    if (e.excess <= 0) inside++;
    if (e.excess > worst.excess) {
      worst = e;
      worstIndex = i;
    }
  });
  const ws = states[worstIndex];
  const driver = drivingCause(ws.drivers, worst.side);
  const fraction = inside / states.length;
  const statName = w.statistic === 'mean' ? 'mean cell pressure' : worst.side === 'below' ? 'p5' : 'p95';
  const where = `${ws.label} (state ${ws.index}, t = ${hours(ws.time)} h)`;
  const share = `${inside} of ${states.length} states (${(100 * fraction).toFixed(0)} %) keep the ${statName === 'mean cell pressure' ? statName : 'p5–p95 of the cell pressure'} inside ${w.min.toFixed(2)}–${w.max.toFixed(2)} MPa (${w.source}).`;
  const cause =
    ws.index === 0
      ? ' It is already at load-up: the preload sets it.'
      : ` ${cap(DRIVER_NAMES[driver])} drives it (${signed(ws.drivers[driver])} mm of stack interference there).`;
  // a preload already outside the window is the first thing to fix, even when a later state is worse
  const up = states[0];
  const upExcess = windowExcess(w, up.pressure);
  const startsOutside =
    ws.index !== 0 && upExcess.excess > 0
      ? ` Load-up is already outside the window: ${statName === 'mean cell pressure' ? statName : upExcess.side === 'below' ? 'p5' : 'p95'} ${upExcess.value.toFixed(2)} MPa, ${upExcess.side} the ${upExcess.limit.toFixed(2)} MPa limit.`
      : '';
  const text =
    worst.excess > 0
      ? `${share} Worst: ${where}, ${statName} ${worst.value.toFixed(2)} MPa, ${worst.side} the ${worst.limit.toFixed(2)} MPa limit.${cause}${startsOutside}`
      : `${share} Closest to the edge: ${where}, ${statName} ${worst.value.toFixed(2)} MPa against ${worst.limit.toFixed(2)} MPa.`;
  return {
    fractionInWindow: fraction,
    statesInWindow: inside,
    worst: { index: worstIndex, label: ws.label, ...worst },
    driver,
    text,
  };
}

/** The driver pushing hardest toward `side`: the largest positive one above, the most negative below. */
export function drivingCause(d: HistoryDrivers, side: 'below' | 'above'): HistoryDriver {
  const sign = side === 'above' ? 1 : -1;
  let best: HistoryDriver = 'growth';
  let bestValue = Number.NEGATIVE_INFINITY;
  for (const k of Object.keys(d) as HistoryDriver[]) {
    if (sign * d[k] > bestValue) {
      bestValue = sign * d[k];
      best = k;
    }
  }
  return best;
}

/** Whole hours from 100 h on; below, three figures, so a 0.2 h cycle's states do not all read 0 h. */
const hours = (t: number) => (Math.abs(t) >= 100 || Number.isInteger(t) ? t.toFixed(0) : t.toPrecision(3));
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const signed = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(3)}`;
