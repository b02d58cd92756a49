import type { ModuleResult } from './result';

/** LIB pouch cell-to-module references (Löbberding et al. 2020, quoted by Tan et al.). */
export const libReference = { massEfficiency: 0.82, volumeEfficiency: 0.73 } as const;

/** Evaluates one design at a system size [kWh] and stack pressure [MPa]. */
export type ModuleEvaluator = (systemKWh: number, pressureMPa: number) => ModuleResult;

/** `count` pressures [MPa] log-spaced from `min` to `max`, both included. */
export function logSpace(min: number, max: number, count: number): number[] {
  if (count < 2) return [min];
  const lo = Math.log10(min);
  const step = (Math.log10(max) - lo) / (count - 1);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? max : 10 ** (lo + i * step)));
}

/** Every system size × every pressure, in that order. */
export function sweep(
  evaluate: ModuleEvaluator,
  systemsKWh: number[],
  pressuresMPa: number[],
): ModuleResult[] {
  return systemsKWh.flatMap((s) => pressuresMPa.map((p) => evaluate(s, p)));
}

/** Where a curve meets an LIB line inside the swept range, or that it stays on one side. */
export interface Crossing {
  systemKWh: number;
  metric: 'massEfficiency' | 'volumeEfficiency';
  reference: number;
  /** 'crosses': above the line below pressureMPa, below it above; the other two never meet it in range */
  status: 'crosses' | 'always-above' | 'always-below';
  /** [MPa], null unless it crosses */
  pressureMPa: number | null;
}

/**
 * Pressure at which the efficiency falls to the LIB line, by bisection in log pressure on the model itself
 * (efficiency falls monotonically with pressure: plates thicken as q^(1/3) or q^(1/2)).
 */
export function crossingPressure(
  evaluate: ModuleEvaluator,
  systemKWh: number,
  metric: Crossing['metric'],
  range: { minMPa: number; maxMPa: number },
): Crossing {
  const reference = libReference[metric];
  const at = (p: number) => evaluate(systemKWh, p)[metric] - reference;
  const base = { systemKWh, metric, reference };
  if (at(range.minMPa) <= 0) return { ...base, status: 'always-below', pressureMPa: null };
  if (at(range.maxMPa) > 0) return { ...base, status: 'always-above', pressureMPa: null };
  let lo = Math.log(range.minMPa);
  let hi = Math.log(range.maxMPa);
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (at(Math.exp(mid)) > 0) lo = mid;
    else hi = mid;
  }
  return { ...base, status: 'crosses', pressureMPa: Math.exp((lo + hi) / 2) };
}

/** Crossings of both metrics for every system size. */
export function crossings(
  evaluate: ModuleEvaluator,
  systemsKWh: number[],
  range: { minMPa: number; maxMPa: number },
): Crossing[] {
  return systemsKWh.flatMap((s) =>
    (['massEfficiency', 'volumeEfficiency'] as const).map((m) => crossingPressure(evaluate, s, m, range)),
  );
}
