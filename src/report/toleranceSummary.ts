import type { LoadState } from '../presentation/resultFields';
import {
  METRIC_UNITS,
  type MetricTarget,
  type ToleranceMetric,
  type ToleranceResult,
} from '../tolerance/toleranceResult';

const STATE_LABEL: Record<LoadState, string> = { loadUp: 'load-up', swollen: 'swelling' };

/** The metrics the terminal always shows, in this order; a metric with a target shows too (samples.csv and tolerance.json have them all). */
const SHOWN: ToleranceMetric[] = ['cov', 'meanPressure', 'maxOverMean', 'contactFraction'];

const f = (v: number) =>
  Number.isFinite(v) ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3).replace(/\.?0+$/, '')) : '—';

/** "≤ 0.3", "≥ 4", "4 … 6": a target's range. */
function targetRange(t: MetricTarget): string {
  if (t.min !== undefined && t.max !== undefined) return `${f(t.min)} … ${f(t.max)}`;
  return t.max !== undefined ? `≤ ${f(t.max)}` : `≥ ${f(t.min ?? 0)}`;
}

/**
 * A short plain-text summary of a study for the terminal: the draws, seed and failures, then per
 * load state the p5, p50 and p95 of the headline metrics (CoV, mean pressure, max/mean, contact
 * fraction) and of every metric with a target, with the targets and the probability of meeting them.
 */
export function toleranceSummary(r: ToleranceResult): string {
  const solved = r.samples - r.failed.length;
  const lines = [
    `${r.caseName}: ${r.samples} draw${r.samples === 1 ? '' : 's'}, seed ${r.seed}, ${solved} solved, ${r.failed.length} failed · ${r.effort.seconds.toFixed(1)} s, ${r.effort.solvesPerDraw.toFixed(1)} solves and ${r.effort.factorizationsPerDraw.toFixed(2)} factorizations per draw`,
  ];
  const header = ['', 'p5', 'p50', 'p95', 'target', 'P(target)'];
  const rows: string[][] = [];
  for (const state of ['loadUp', 'swollen'] as const) {
    const d = r.distributions[state];
    if (!d) continue;
    const targeted = r.targets.map((t) => t.metric).filter((m) => !SHOWN.includes(m));
    for (const m of [...SHOWN, ...new Set(targeted)]) {
      const targets = r.targets.filter((t) => t.metric === m);
      const p = d[m].probability;
      rows.push([
        `${STATE_LABEL[state]} ${m} [${METRIC_UNITS[m]}]`,
        f(d[m].p5),
        f(d[m].p50),
        f(d[m].p95),
        targets.map(targetRange).join(' and '),
        p === null ? '' : `${(100 * p).toFixed(1)} %`,
      ]);
    }
  }
  if (rows.length > 0) {
    const all = [header, ...rows];
    const widths = header.map((_, c) => Math.max(...all.map((row) => row[c].length)));
    const line = (row: string[]) =>
      row
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join('  ')
        .trimEnd();
    lines.push(line(header), ...rows.map(line));
  }
  lines.push('every metric of every draw: samples.csv; their distributions and the maps: tolerance.json');
  for (const w of r.warnings ?? []) lines.push(`warning: ${w}`);
  if (r.failed.length > 0) {
    const shown = r.failed.slice(0, 30).join(', ');
    lines.push(
      `failed draws: ${shown}${r.failed.length > 30 ? `, … (${r.failed.length} in all)` : ''} — each with its message in samples.csv and its case in draw-<index>.json`,
    );
  }
  return lines.join('\n');
}
