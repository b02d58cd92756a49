import { segmentOf } from '../../solver/mesh/axis';
import type { HistoryCase } from './historySchema';

/** One state of a history before it is solved: when it is and what the cells are doing. */
export interface ScheduledState {
  label: string;
  /** since load-up [h] */
  time: number;
  /** cycles completed, fractional within a cycle [-] */
  cycle: number;
  /** state of charge [-] */
  soc: number;
  /** temperature change from assembly [K] */
  deltaT: number;
}

/**
 * The states of a history, load-up first (time 0, cycle 0, SOC at its minimum, ΔT 0: the module
 * is clamped at the assembly temperature, discharged). Either the case's explicit states, or the
 * cycle schedule: in each cycle the SOC runs min → max → min linearly in time (constant-current
 * charge then discharge), sampled at `statesPerCycle` evenly spaced times, so two states a cycle
 * are the top of charge and the end of discharge.
 */
export function historySchedule(h: HistoryCase): ScheduledState[] {
  const { min, max } = h.soc;
  const states: ScheduledState[] = [{ label: 'load-up', time: 0, cycle: 0, soc: min, deltaT: 0 }];
  if (h.states) {
    for (const [i, s] of h.states.entries())
      states.push({
        label: s.label ?? `state ${i + 1}`,
        time: s.time,
        cycle: s.cycle,
        soc: s.soc,
        deltaT: s.deltaT ?? temperatureAt(h, s.time),
      });
    return states;
  }
  const { count, hoursPerCycle, statesPerCycle: m } = h.cycles;
  for (let c = 1; c <= count; c++) {
    for (let k = 1; k <= m; k++) {
      const phase = k / m;
      const soc = phase <= 0.5 ? min + (max - min) * 2 * phase : max - (max - min) * (2 * phase - 1);
      const time = (c - 1 + phase) * hoursPerCycle;
      states.push({
        label: stateLabel(c, k, m),
        time,
        cycle: c - 1 + phase,
        soc,
        deltaT: temperatureAt(h, time),
      });
    }
  }
  return states;
}

function stateLabel(cycle: number, k: number, m: number): string {
  if (2 * k === m) return `cycle ${cycle} charged`;
  if (k === m) return `cycle ${cycle} discharged`;
  return `cycle ${cycle} at ${Math.round((100 * k) / m)} %`;
}

/**
 * Whether a history changes the module's temperature at all: a temperature block, or explicit
 * states with a ΔT. Only then do the materials need their thermal expansion.
 */
export function changesTemperature(h: HistoryCase): boolean {
  return h.temperature.type !== 'none' || (h.states?.some((s) => (s.deltaT ?? 0) !== 0) ?? false);
}

/** The module's temperature change at time t [h] from the temperature block [K]. */
export function temperatureAt(h: HistoryCase, t: number): number {
  const T = h.temperature;
  switch (T.type) {
    case 'none':
      return 0;
    case 'constant':
      return T.deltaT;
    case 'daily':
      return T.mean + T.amplitude * Math.sin((2 * Math.PI * t) / T.periodHours);
    case 'table':
      return interpolate(T.time, T.deltaT, t);
  }
}

/** Piecewise-linear interpolation in an increasing table, held constant beyond its ends. */
export function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  const k = segmentOf(xs, x);
  const t = Math.max(0, Math.min(1, (x - xs[k]) / (xs[k + 1] - xs[k])));
  return ys[k] + t * (ys[k + 1] - ys[k]);
}
