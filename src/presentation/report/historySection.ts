import type { HistoryState, HistorySummary } from '../../history/historyResult';
import { figure } from './figuresSection';
import { escapeHtml } from './htmlText';
import { fixed, grouped, percent } from './quantityText';
import { type Cell, type Column, reportSection, reportTable } from './reportTable';

const columns: Column[] = [
  { header: '', text: true },
  { header: 'state', text: true },
  { header: 'time', unit: 'h' },
  { header: 'cycle', unit: '-' },
  { header: 'SOC', unit: '%' },
  { header: 'ΔT', unit: 'K' },
  { header: 'mean', unit: 'MPa' },
  { header: 'p5', unit: 'MPa' },
  { header: 'p95', unit: 'MPa' },
  { header: 'CoV', unit: '-' },
  { header: 'contact', unit: '%' },
  { header: 'bolt tension mean', unit: 'N' },
];

/** The first, worst (nearest the edge when all are inside) and last states, each once, in state order, named by what they are. */
function shownStates(h: HistorySummary): { role: string; state: HistoryState }[] {
  const first = h.states[0];
  const last = h.states[h.states.length - 1];
  const worst = h.states.find((s) => s.index === h.verdict.worst.index);
  const roles = new Map<HistoryState, string[]>();
  for (const [role, s] of [
    ['first', first],
    [h.verdict.worst.excess > 0 ? 'worst' : 'nearest the edge', worst],
    ['last', last],
  ] as const)
    if (s) roles.set(s, [...(roles.get(s) ?? []), role]);
  return [...roles]
    .sort(([a], [b]) => a.index - b.index)
    .map(([state, r]) => ({ role: r.join(', '), state }));
}

/** A state's row; the statistic judged against the window flagged where it lies outside. */
function stateRow(h: HistorySummary, role: string, s: HistoryState): Cell[] {
  const { min, max, statistic } = h.window;
  const judged = (v: number, judgedHere: boolean): Cell =>
    judgedHere && (v < min || v > max) ? { text: fixed(v, 3), alert: true } : fixed(v, 3);
  const p = s.pressure;
  return [
    role,
    `${s.index}: ${s.label}`,
    fixed(s.time, 1),
    fixed(s.cycle, 1),
    fixed(100 * s.soc, 0),
    fixed(s.deltaT, 1),
    judged(p.mean, statistic === 'mean'),
    judged(p.p5, statistic === 'p5p95'),
    judged(p.p95, statistic === 'p5p95'),
    fixed(p.cov, 3),
    fixed(100 * p.contactFraction, 1),
    grouped(s.boltForce.mean),
  ];
}

/**
 * The life history: the verdict as the solve wrote it, the share of states in the window, the
 * first, worst and last states (a value outside the window flagged), and the chart of the
 * pressure and bolt tension over the history.
 */
export function historySection(number: number, h: HistorySummary, chartSvg?: string): string {
  const { window: win, verdict } = h;
  const judged = win.statistic === 'mean' ? 'the mean cell pressure' : 'the p5 and p95 of the cell pressure';
  const note = `Window ${fixed(win.min, 2)}–${fixed(win.max, 2)}\u00a0MPa on ${judged} (from ${win.source}): ${verdict.statesInWindow} of ${h.states.length} states inside (${percent(verdict.fractionInWindow)}), load-up included. Every state: history.csv.`;
  const rows = shownStates(h).map(({ role, state }) => stateRow(h, role, state));
  const chart = chartSvg
    ? `\n<div class="figures">\n${figure(chartSvg, `Figure ${number}.1: cell pressure under the top plate (mean, p5–p95, min–max) [MPa] and bolt tension [N] over the life history, with the target window`)}\n</div>`
    : '';
  return reportSection(
    'history',
    number,
    'Life history',
    `<p class="verdict">${escapeHtml(verdict.text)}</p>\n${reportTable(columns, rows, { className: 'history' })}\n<p class="note">${escapeHtml(note)}</p>${chart}`,
  );
}
