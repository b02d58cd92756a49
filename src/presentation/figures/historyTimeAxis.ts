import type { HistoryState } from '../../history/historyResult';
import { formatValue, roundTicks, tickFormat } from './figureText';

/** The x axis of a history chart: which value of a state it plots, its scale, ticks and title. */
export interface HistoryAxis {
  /** the x value of each state: its time [h], or its index when every time is 0 */
  x: number[];
  scale: Record<string, unknown>;
  axis: { title: string; values: number[]; format: string };
  /** "time", "state": what x is, for tooltips */
  field: 'time [h]' | 'state [-]';
}

/**
 * A log axis when the times span at least this ratio (largest over the first positive one) and
 * half the states lie in the first `LOG_CROWD` of the time: states spaced evenly (cycling) read
 * best on a linear axis, states crowding the start (settling, relaxation) on a log one.
 */
const LOG_SPAN = 100;
const LOG_CROWD = 0.1;

/** Ticks 1, 2, 5 × 10^k from the decade below `lo` up to `hi` (decades only over more than six). */
function logTicks(lo: number, hi: number): number[] {
  const k0 = Math.floor(Math.log10(lo));
  const k1 = Math.floor(Math.log10(hi));
  const steps = k1 - k0 > 6 ? [1] : [1, 2, 5];
  const ticks: number[] = [];
  for (let k = k0; k <= k1; k++)
    for (const m of steps) {
      const t = Number((m * 10 ** k).toPrecision(12));
      if (t <= hi * (1 + 1e-9)) ticks.push(t);
    }
  return ticks;
}

/**
 * The x axis of a life history: time since load-up [h]; the state index when every time is 0 (a
 * history of states without times). Evenly spaced states (a hundred cycles) get a linear axis,
 * each cycle its share of the width. When the times span two decades or more and half the states
 * crowd the first tenth of the time (settling and relaxation sampled at log-spaced times), the
 * scale is symmetric-log with its linear part below the first state's time, so load-up (t = 0)
 * stays on the axis and the early states spread out.
 */
export function historyAxis(states: HistoryState[]): HistoryAxis {
  const times = states.map((s) => s.time);
  const tMax = Math.max(...times);
  if (!(tMax > 0)) {
    const n = Math.max(1, states.length - 1);
    const ticks = roundTicks(n, 11).filter((t) => Number.isInteger(t));
    return {
      x: states.map((s) => s.index),
      scale: { type: 'linear', domain: [0, n], nice: false, zero: false },
      axis: {
        title: 'state [-] (0 = load-up; the states have no times)',
        values: ticks,
        format: tickFormat(ticks),
      },
      field: 'state [-]',
    };
  }
  const tMin = Math.min(...times.filter((t) => t > 0));
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  if (tMax / tMin >= LOG_SPAN && median <= LOG_CROWD * tMax) {
    const ticks = [0, ...logTicks(tMin, tMax)];
    return {
      x: times,
      scale: { type: 'symlog', constant: tMin, domain: [0, tMax], nice: false, zero: false },
      axis: {
        title: `time since load-up [h], logarithmic above ${formatValue(tMin)} h`,
        values: ticks,
        format: tickFormat(ticks),
      },
      field: 'time [h]',
    };
  }
  const ticks = roundTicks(tMax, 11);
  return {
    x: times,
    scale: { type: 'linear', domain: [0, tMax], nice: false, zero: false },
    axis: { title: 'time since load-up [h]', values: ticks, format: tickFormat(ticks) },
    field: 'time [h]',
  };
}
