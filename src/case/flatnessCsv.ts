import { InputError } from '../validation/parseInput';

/** A decimal number: no hex, octal, binary, `Infinity`, `NaN` or empty cell, which `Number()` would take. */
const decimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** Heights a map may hold (a 1000 × 1000 grid); a map far finer than the mesh adds nothing. */
export const maxFlatnessHeights = 1_000_000;
/** Issues reported at most, so a wholly wrong file gives a readable message. */
const maxIssues = 20;

/** A cell as quoted in a message: cut to 20 characters, so a message never carries the file's content. */
const quote = (s: string): string => JSON.stringify(s.length > 20 ? `${s.slice(0, 20)}…` : s);

/**
 * Parse a flatness map CSV: the first row holds x [mm] (its first cell is ignored), every further
 * row holds y [mm] then the surface heights [µm] along x. One separator per file: a semicolon if
 * the header row has one, else a tab if it has one, else a comma — so a semicolon file may not
 * sneak in decimal commas. Cells are decimal numbers; x and y increase strictly. A leading BOM,
 * blank lines and lines starting with `#` are skipped. `at` names the field in messages.
 */
export function parseFlatnessCsv(text: string, at: string): { x: number[]; y: number[]; values: number[][] } {
  const issues: string[] = [];
  const num = (s: string, where: string): number => {
    if (!decimal.test(s)) {
      issues.push(`${at} ${where}: ${quote(s)} — must be a decimal number such as 12.5 or -3e-2`);
      return Number.NaN;
    }
    const v = Number(s);
    if (!Number.isFinite(v)) issues.push(`${at} ${where}: ${quote(s)} — out of range for a number`);
    return v;
  };
  const increasing = (vs: number[], where: (k: number) => string): void => {
    for (let k = 1; k < vs.length; k++)
      if (vs[k] <= vs[k - 1])
        issues.push(`${at} ${where(k)}: ${vs[k]} mm — must increase strictly (previous ${vs[k - 1]} mm)`);
  };

  let separator = ',';
  let x: number[] = [];
  let xRow = 0;
  const y: number[] = [];
  const yRows: number[] = [];
  const values: number[][] = [];
  for (const { line, row } of dataLines(text)) {
    if (xRow === 0) {
      separator = line.includes(';') ? ';' : line.includes('\t') ? '\t' : ',';
      xRow = row;
      x = cells(line, separator)
        .slice(1)
        .map((s, i) => num(s, `row ${row}, column ${i + 2} (x [mm])`));
      continue;
    }
    if ((values.length + 1) * x.length > maxFlatnessHeights)
      throw new InputError('flatness map', [
        `${at}: more than ${maxFlatnessHeights} heights (${x.length} per row) — at most ${maxFlatnessHeights}, e.g. 1000 × 1000`,
      ]);
    if (issues.length >= maxIssues) break;
    const r = cells(line, separator);
    y.push(num(r[0], `row ${row}, column 1 (y [mm])`));
    yRows.push(row);
    if (r.length - 1 !== x.length)
      issues.push(`${at} row ${row}: ${r.length - 1} heights — must have one per x (${x.length})`);
    values.push(r.slice(1).map((s, i) => num(s, `row ${row}, column ${i + 2} (height [µm])`)));
  }
  if (values.length < 2)
    throw new InputError('flatness map', [
      `${at}: ${values.length + (xRow > 0 ? 1 : 0)} rows — needs a header row of x [mm] and at least 2 rows of heights`,
    ]);
  if (x.length < 2) issues.push(`${at} row ${xRow}: ${x.length} x values — needs at least 2`);
  increasing(x, (k) => `row ${xRow}, column ${k + 2} (x [mm])`);
  increasing(y, (k) => `row ${yRows[k]}, column 1 (y [mm])`);
  if (issues.length > 0) throw new InputError('flatness map', issues.slice(0, maxIssues));
  return { x, y, values };
}

/** The trimmed non-blank lines of `text` that are not `#` comments, with their line numbers; lazily. */
function* dataLines(text: string): Generator<{ line: string; row: number }> {
  const newline = /\r\n|\n|\r/g;
  let start = text.startsWith('\uFEFF') ? 1 : 0;
  for (let row = 1; start <= text.length; row++) {
    newline.lastIndex = start;
    const m = newline.exec(text);
    const line = text.slice(start, m ? m.index : text.length).trim();
    if (line.length > 0 && !line.startsWith('#')) yield { line, row };
    start = m ? m.index + m[0].length : text.length + 1;
  }
}

const cells = (line: string, separator: string): string[] => line.split(separator).map((c) => c.trim());
