import { InputError } from '../validation/parseInput';

/**
 * Parse a flatness map CSV: the first row holds x [mm] (its first cell is ignored), every further
 * row holds y [mm] then the surface heights [µm] along x. Commas, semicolons or tabs separate cells.
 */
export function parseFlatnessCsv(text: string, at: string): { x: number[]; y: number[]; values: number[][] } {
  const rows = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'))
    .map((l) => l.split(/[,;\t]/).map((c) => c.trim()));
  const issues: string[] = [];
  const num = (s: string, where: string): number => {
    const v = Number(s);
    if (s === '' || !Number.isFinite(v))
      issues.push(`${at} ${where}: ${JSON.stringify(s)} — must be a number`);
    return v;
  };
  if (rows.length < 3)
    throw new InputError('flatness map', [
      `${at}: ${rows.length} rows — needs a header row of x [mm] and at least 2 rows of heights`,
    ]);
  const x = rows[0].slice(1).map((s, i) => num(s, `row 1, column ${i + 2} (x [mm])`));
  const y: number[] = [];
  const values: number[][] = [];
  rows.slice(1).forEach((r, j) => {
    y.push(num(r[0], `row ${j + 2}, column 1 (y [mm])`));
    if (r.length - 1 !== x.length)
      issues.push(`${at} row ${j + 2}: ${r.length - 1} heights — must have one per x (${x.length})`);
    values.push(r.slice(1).map((s, i) => num(s, `row ${j + 2}, column ${i + 2} (height [µm])`)));
  });
  if (issues.length > 0) throw new InputError('flatness map', issues.slice(0, 20));
  return { x, y, values };
}
