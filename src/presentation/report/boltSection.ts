import { boltMaterials, boltStressArea } from '../../case/materials';
import type { Case } from '../../case/schema';
import { boltProofLoad, warningLimits } from '../../results/stateChecks';
import type { CaseSummary } from '../../solveCase';
import { escapeHtml } from './htmlText';
import { fixed, grouped, stated, UNIT_SPACE } from './quantityText';
import { type Cell, type Column, reportSection, reportTable } from './reportTable';

/** A cell flagged when `over` holds, so a reviewer sees which bolt or spring is near its limit. */
const flagged = (text: string, over: boolean): Cell => (over ? { text, alert: true } : text);

/**
 * The bolts and their springs: each bolt's tension after load-up and after swelling, as a share of
 * its proof load (stress area × proof strength of its property class), and, with springs, how far
 * each spring is compressed (tension / rate, the springs in series carrying the bolt's tension)
 * and how much of its travel (free − solid length) that uses.
 */
export function boltSection(number: number, summary: CaseSummary, c: Case): string {
  const swells = summary.swelling !== null;
  const proof = boltProofLoad(c);
  const springs = c.bolts.springs;
  const travel = springs ? springs.freeLength - springs.solidLength : 0;
  const columns: Column[] = [{ header: 'bolt' }, { header: 'x', unit: 'mm' }, { header: 'y', unit: 'mm' }];
  columns.push({ header: 'tension, load-up', unit: 'N' });
  if (swells) columns.push({ header: 'tension, swelling', unit: 'N' });
  columns.push({ header: 'of proof load, load-up', unit: '%' });
  if (swells) columns.push({ header: 'of proof load, swelling', unit: '%' });
  if (springs) {
    columns.push({ header: 'spring compr., load-up', unit: 'mm' });
    if (swells) columns.push({ header: 'spring compr., swelling', unit: 'mm' });
    columns.push({ header: 'of spring travel, most', unit: '%' });
  }
  const proofLimit = warningLimits.boltProofFraction;
  const rows: Cell[][] = summary.bolts.map((b, i) => {
    const row: Cell[] = [String(i + 1), fixed(b.x, 1), fixed(b.y, 1), grouped(b.force)];
    if (swells) row.push(grouped(b.forceAfterSwelling));
    row.push(flagged(fixed((100 * b.force) / proof, 1), b.force > proofLimit * proof));
    if (swells)
      row.push(
        flagged(fixed((100 * b.forceAfterSwelling) / proof, 1), b.forceAfterSwelling > proofLimit * proof),
      );
    if (springs) {
      row.push(fixed(b.force / springs.rate, 3));
      if (swells) row.push(fixed(b.forceAfterSwelling / springs.rate, 3));
      const used = Math.max(b.force, b.forceAfterSwelling) / springs.rate / travel;
      row.push(flagged(fixed(100 * used, 1), used > warningLimits.springTravel));
    }
    return row;
  });
  const total = (f: (b: (typeof summary.bolts)[number]) => number) =>
    grouped(summary.bolts.reduce((s, b) => s + f(b), 0));
  const sum: Cell[] = ['Σ', '', '', total((b) => b.force)];
  if (swells) sum.push(total((b) => b.forceAfterSwelling));
  while (sum.length < columns.length) sum.push('');
  rows.push(sum);

  const mat = boltMaterials[c.bolts.material];
  const k = summary.boltStiffness;
  const stiffness =
    k.springs === null
      ? `bolt ${grouped(k.bolt)}${UNIT_SPACE}N/mm`
      : `bolt ${grouped(k.bolt)}${UNIT_SPACE}N/mm, springs ${grouped(k.springs)}${UNIT_SPACE}N/mm, in series ${grouped(k.total)}${UNIT_SPACE}N/mm`;
  const lines = [
    `M${stated(c.bolts.diameter)} property class ${c.bolts.material}: proof load ${mat.yield}${UNIT_SPACE}MPa × ${stated(boltStressArea(c.bolts.diameter))}${UNIT_SPACE}mm² = ${grouped(proof)}${UNIT_SPACE}N. Marked: above ${fixed(100 * proofLimit, 0)}${UNIT_SPACE}% of it.`,
    `Axial stiffness per bolt: ${stiffness}.`,
  ];
  if (springs)
    lines.push(
      `${springs.count} spring${springs.count === 1 ? '' : 's'} in series per bolt, rate ${grouped(springs.rate)}${UNIT_SPACE}N/mm each; travel per spring ${fixed(travel, 3)}${UNIT_SPACE}mm (free ${stated(springs.freeLength)}${UNIT_SPACE}mm − solid ${stated(springs.solidLength)}${UNIT_SPACE}mm). Marked: above ${fixed(100 * warningLimits.springTravel, 0)}${UNIT_SPACE}% of the travel.`,
    );
  return reportSection(
    'bolts',
    number,
    springs ? 'Bolts and springs' : 'Bolts',
    `${lines.map((l) => `<p class="note">${escapeHtml(l)}</p>`).join('\n')}\n${reportTable(columns, rows, { lastIsTotal: true })}`,
    // a table of a few dozen bolts fits on a page; a longer one runs on, its header repeated
    summary.bolts.length <= 30,
  );
}
