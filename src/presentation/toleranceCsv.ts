/** `samples.csv` of a tolerance study: one row per draw, failed draws included. Browser-safe. */

import {
  METRIC_UNITS,
  type ToleranceDraw,
  type ToleranceMetric,
  type ToleranceResult,
} from '../tolerance/toleranceResult';
import { columnsOf, csvTable } from './csv';
import type { LoadState } from './resultFields';

/** The load states in the order their columns appear. */
const STATES: LoadState[] = ['loadUp', 'swollen'];

/**
 * Units of the drawn inputs by the last part of their name, matched case-insensitively: a factor
 * is a ratio [-], an offset or a thickness a length [mm], a seed a count. An input whose name
 * already ends in `[unit]` keeps it; any other is a ratio, which is what the study draws besides
 * lengths and seeds.
 */
const INPUT_UNITS: [RegExp, string | null][] = [
  [/seed$/i, null],
  [/(offsets?|thickness(es)?|rms|lengths?|heights?|gaps?)$/i, 'mm'],
  [/(factor|factors|scale)$/i, '-'],
];

/**
 * `name [unit]` of a drawn input, or of entry `entry` (1-based) of a list input: `name.3 [unit]`;
 * seeds have no unit.
 */
export function inputHeader(name: string, entry?: number): string {
  const label = entry === undefined ? name : `${name}.${entry}`;
  if (/\[[^\]]*\]$/.test(name)) return entry === undefined ? name : name.replace(/\s*\[/, `.${entry} [`);
  const unit = INPUT_UNITS.find(([re]) => re.test(name))?.[1];
  if (unit === null) return label;
  return `${label} [${unit ?? '-'}]`;
}

/** The header of one metric in one load state: `loadUp.cov [-]`, `swollen.meanPressure [MPa]`. */
export function metricHeader(state: LoadState, metric: ToleranceMetric): string {
  return `${state}.${metric} [${METRIC_UNITS[metric]}]`;
}

/** One draw as a row: index, seed, status, error, the drawn inputs (lists one column per entry), every metric. */
function drawRow(d: ToleranceDraw, states: LoadState[], metrics: ToleranceMetric[]): Record<string, unknown> {
  const row: Record<string, unknown> = {
    draw: d.index,
    seed: d.seed,
    status: d.status,
    error: d.error ?? '',
  };
  for (const [name, v] of Object.entries(d.inputs)) {
    if (Array.isArray(v)) {
      // 1-based like the bolts in bolts.csv, so "bolt 3" is column .3
      v.forEach((x, k) => {
        row[inputHeader(name, k + 1)] = x;
      });
    } else row[inputHeader(name)] = v;
  }
  for (const s of states) for (const m of metrics) row[metricHeader(s, m)] = d.metrics?.[s]?.[m] ?? null;
  row.factorizations = d.factorizations;
  row.factorizationsReused = d.factorizationsReused;
  return row;
}

/**
 * `samples.csv`: one row per draw in index order — failed draws too, with status `failed`, the
 * error message and empty metric cells — with the draw's index and seed, its drawn inputs and
 * every metric in every load state the study has, each header with its unit.
 */
export function samplesCsv(result: ToleranceResult): string {
  const metrics = Object.keys(METRIC_UNITS) as ToleranceMetric[];
  // load-up always, so a study whose every draw failed still has its metric columns; swelling
  // when a draw or the distributions have it
  const states = STATES.filter(
    (s) =>
      s === 'loadUp' ||
      result.distributions[s] !== undefined ||
      result.draws.some((d) => d.metrics?.[s] !== undefined),
  );
  const rows = result.draws.map((d) => drawRow(d, states, metrics));
  const fixed = ['draw', 'seed', 'status', 'error'];
  const tail = [
    ...states.flatMap((s) => metrics.map((m) => metricHeader(s, m))),
    'factorizations',
    'factorizationsReused',
  ];
  // inputs in first-seen order: a failed draw may lack some, the header is their union
  const inputs = columnsOf(rows).filter((c) => !fixed.includes(c) && !tail.includes(c));
  return csvTable([...fixed, ...inputs, ...tail], rows);
}
