import type { RegularGrid } from '../results/pressureMap';

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

/** `pressure.csv`: one row per grid point, x and y in mm, p in MPa. */
export function pressureCsv(grid: RegularGrid): string {
  const lines: string[] = ['x,y,p'];
  for (let j = 0; j < grid.ny; j++) {
    const y = csvCell(grid.y0 + j * grid.dy);
    for (let i = 0; i < grid.nx; i++)
      lines.push(`${csvCell(grid.x0 + i * grid.dx)},${y},${csvCell(grid.values[j * grid.nx + i])}`);
  }
  return `${lines.join('\n')}\n`;
}
