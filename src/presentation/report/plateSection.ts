import { warningLimits } from '../../results/stateChecks';
import type { CaseSummary } from '../../solveCase';
import { escapeHtml } from './htmlText';
import { factor, fixed } from './quantityText';
import { type Cell, type Column, reportSection, reportTable } from './reportTable';

const columns: Column[] = [
  { header: 'plate', text: true },
  { header: 'von Mises max', unit: 'MPa' },
  { header: 'yield', unit: 'MPa' },
  { header: 'safety factor', unit: '-' },
  { header: 'w max', unit: 'µm' },
  { header: 'w min', unit: 'µm' },
  { header: 'w max − w min', unit: 'µm' },
];

/** µm from mm: plate deflections are tens of µm, which mm would print as 0.0xx. */
const um = (mm: number) => fixed(1000 * mm, 1);

/** Plate stress and deflection: the largest von Mises stress, its safety factor against yield, w range. */
export function plateSection(number: number, summary: CaseSummary, rigidBase: boolean): string {
  const limit = warningLimits.safetyFactor;
  const rows: Cell[][] = summary.plates.map((p) => [
    p.name,
    fixed(p.vonMisesMax, 1),
    fixed(p.yield, 0),
    p.safetyFactor < limit ? { text: factor(p.safetyFactor), alert: true } : factor(p.safetyFactor),
    um(p.wMax),
    um(p.wMin),
    um(p.wMax - p.wMin),
  ]);
  const note = `von Mises stress at the element centres on either face, the largest over ${summary.swelling ? 'load-up and swelling' : 'load-up'}; safety factor = yield / von Mises max, marked below ${fixed(limit, 1)}. w: deflection after load-up, z up; ${rigidBase ? 'the plates bear on a rigid base, which does not deflect' : 'the bottom plate is held at three points'}.`;
  return reportSection(
    'plates',
    number,
    'Plate stress and safety factors',
    `${reportTable(columns, rows)}\n<p class="note">${escapeHtml(note)}</p>`,
  );
}
