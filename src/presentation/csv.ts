/** CSV the CLI and the viewer both write: numbers to 10 significant figures, units in every header. */
import type { CaseSummary } from '../solveCase';
import type { PressureGrid } from './resultFields';

/** A CSV cell: numbers to 10 significant figures (empty when not finite), text quoted when needed. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(Number(v.toPrecision(10))) : '';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV table with the given columns; missing keys give empty cells. */
export function csvTable(columns: string[], rows: Record<string, unknown>[]): string {
  const lines = rows.map((r) => columns.map((c) => csvCell(r[c])).join(','));
  return `${[columns.map(csvCell).join(','), ...lines].join('\n')}\n`;
}

/** The union of the keys of `rows`, first-seen order, so every row fits one header. */
export function columnsOf(rows: Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

/** The pressure grid as CSV, one row per grid point: x [mm], y [mm], p [MPa], contact (1 in contact, 0 open). */
export function pressureCsv(grid: PressureGrid): string {
  const lines: string[] = ['x [mm],y [mm],p [MPa],contact'];
  for (let j = 0; j < grid.ny; j++) {
    const y = csvCell(grid.y0 + j * grid.dy);
    for (let i = 0; i < grid.nx; i++) {
      const k = j * grid.nx + i;
      lines.push(`${csvCell(grid.x0 + i * grid.dx)},${y},${csvCell(grid.values[k])},${grid.contact[k]}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Bolt tensions as CSV, one row per bolt: position [mm], tension after load-up and after swelling [N]. */
export function boltsCsv(summary: Pick<CaseSummary, 'bolts'>): string {
  return csvTable(
    ['bolt', 'x [mm]', 'y [mm]', 'force [N]', 'force after swelling [N]'],
    summary.bolts.map((b, i) => ({
      bolt: i + 1,
      'x [mm]': b.x,
      'y [mm]': b.y,
      'force [N]': b.force,
      'force after swelling [N]': b.forceAfterSwelling,
    })),
  );
}
