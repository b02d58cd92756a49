import type { PressureStats } from '../../results/pressureStats';
import type { CaseSummary } from '../../solveCase';
import { LOAD_STATE_LABEL } from '../resultFields';
import { escapeHtml } from './htmlText';
import { fixed, stated } from './quantityText';
import { type Column, reportSection, reportTable } from './reportTable';

const columns: Column[] = [
  { header: 'interface', text: true },
  { header: 'state', text: true },
  { header: 'mean', unit: 'MPa' },
  { header: 'min', unit: 'MPa' },
  { header: 'max', unit: 'MPa' },
  { header: 'std', unit: 'MPa' },
  { header: 'CoV', unit: '-' },
  { header: 'max/mean', unit: '-' },
  { header: 'p5', unit: 'MPa' },
  { header: 'p95', unit: 'MPa' },
  { header: 'contact', unit: '%' },
  { header: 'within ±10 %', unit: '%' },
];

/** A state label kept on one line: no-break spaces, and a non-breaking hyphen (U+2011). */
const unbroken = (label: string) => label.replaceAll('-', '\u2011').replaceAll(' ', '\u00a0');

const statsRow = (name: string, state: string, p: PressureStats): string[] => [
  name,
  state,
  fixed(p.mean, 3),
  fixed(p.min, 3),
  fixed(p.max, 3),
  fixed(p.std, 3),
  fixed(p.cov, 3),
  fixed(p.maxOverMean, 3),
  fixed(p.p5, 3),
  fixed(p.p95, 3),
  fixed(100 * p.contactFraction, 1),
  fixed(100 * p.within10, 1),
];

/**
 * Pressure statistics of every interface in every load state, area-weighted over the footprint.
 * Rows run interface by interface, so a stack with many interleaves stays one table.
 */
export function pressureSection(number: number, summary: CaseSummary, contactThreshold: number): string {
  const rows: string[][] = [];
  summary.interfaces.forEach((itf, k) => {
    rows.push(statsRow(itf.name, unbroken(LOAD_STATE_LABEL.loadUp), itf.pressure));
    const swollen = summary.swelling?.interfaces[k];
    if (swollen) rows.push(statsRow(swollen.name, unbroken(LOAD_STATE_LABEL.swollen), swollen.pressure));
  });
  const note = `Area-weighted over the cell footprint of ${fixed(summary.pressure.area, 0)}\u00a0mm². CoV = std/mean. p5, p95: the pressures below which 5 % and 95 % of the area lie. Contact: share of the footprint area with p above the ${stated(contactThreshold)}\u00a0MPa contact threshold. Within ±10 %: share of the area where |p − mean| ≤ 0.1·mean. Nominal pressure (Σ bolt tension after load-up / footprint area): ${fixed(summary.nominalPressure, 3)}\u00a0MPa.`;
  return reportSection(
    'pressure',
    number,
    'Pressure statistics',
    `${reportTable(columns, rows, { className: 'pressure' })}\n<p class="note">${escapeHtml(note)}</p>`,
  );
}
