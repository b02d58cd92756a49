/** Matrix Market coordinate format for symmetric matrices (text in, text out; no file IO). */
import type { SymmetricCsc } from './types';

/** Writes A as "matrix coordinate real symmetric", lower triangle, 1-based indices. */
export function toMatrixMarket(A: SymmetricCsc, comment?: string): string {
  const lines: string[] = ['%%MatrixMarket matrix coordinate real symmetric'];
  if (comment) for (const line of comment.split('\n')) lines.push(`% ${line}`);
  lines.push(`${A.n} ${A.n} ${A.rowIdx.length}`);
  for (let j = 0; j < A.n; j++) {
    for (let k = A.colPtr[j]; k < A.colPtr[j + 1]; k++) {
      // 17 significant digits round-trip a double exactly
      lines.push(`${A.rowIdx[k] + 1} ${j + 1} ${A.values[k].toPrecision(17)}`);
    }
  }
  lines.push('');
  return lines.join('\n');
}

/**
 * Reads a real (or integer/pattern) coordinate matrix, symmetric or general, and keeps its
 * lower triangle. For a general file the upper entries are ignored; duplicates are summed.
 */
export function fromMatrixMarket(text: string): SymmetricCsc {
  let pos = 0;
  const nextLine = (): string | null => {
    if (pos >= text.length) return null;
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end);
    pos = end + 1;
    return line;
  };
  const header = nextLine();
  if (!header?.startsWith('%%MatrixMarket')) throw new Error('Matrix Market: missing %%MatrixMarket header');
  const words = header.trim().toLowerCase().split(/\s+/);
  if (words[1] !== 'matrix' || words[2] !== 'coordinate')
    throw new Error(`Matrix Market: unsupported "${header}"`);
  const field = words[3];
  const symmetry = words[4];
  if (field === 'complex') throw new Error('Matrix Market: complex matrices are not supported');
  if (symmetry !== 'symmetric' && symmetry !== 'general')
    throw new Error(`Matrix Market: unsupported symmetry ${symmetry}`);
  const pattern = field === 'pattern';
  let sizeLine = nextLine();
  while (sizeLine !== null && (sizeLine.startsWith('%') || sizeLine.trim() === '')) sizeLine = nextLine();
  if (sizeLine === null) throw new Error('Matrix Market: missing size line');
  const [rows, cols, entries] = sizeLine.trim().split(/\s+/).map(Number);
  if (rows !== cols) throw new Error(`Matrix Market: matrix is ${rows}×${cols}, not square`);
  const n = rows;
  const ri = new Int32Array(entries);
  const ci = new Int32Array(entries);
  const v = new Float64Array(entries);
  let count = 0;
  for (let e = 0; e < entries; e++) {
    const line = nextLine();
    if (line === null) throw new Error(`Matrix Market: expected ${entries} entries, found ${e}`);
    const t = line.trim();
    if (t === '' || t.startsWith('%')) {
      e--;
      continue;
    }
    const parts = t.split(/\s+/);
    let i = Number(parts[0]) - 1;
    let j = Number(parts[1]) - 1;
    if (!(i >= 0 && i < n && j >= 0 && j < n)) throw new Error(`Matrix Market: entry ${e + 1} out of range`);
    if (i < j) {
      if (symmetry === 'general') continue; // the lower mirror carries it
      [i, j] = [j, i]; // a symmetric file written upper
    }
    ri[count] = i;
    ci[count] = j;
    v[count] = pattern ? 1 : Number(parts[2]);
    count++;
  }
  return compressLower(n, ri.subarray(0, count), ci.subarray(0, count), v.subarray(0, count));
}

/** Coordinate lower-triangle entries to CSC, rows sorted, duplicates summed. */
function compressLower(n: number, ri: Int32Array, ci: Int32Array, v: Float64Array): SymmetricCsc {
  // counting sort by row, then stably by column: columns end up with increasing rows
  const byRow = new Int32Array(n + 1);
  for (let t = 0; t < ri.length; t++) byRow[ri[t] + 1]++;
  for (let i = 0; i < n; i++) byRow[i + 1] += byRow[i];
  const order = new Int32Array(ri.length);
  const nextRow = byRow.slice(0, n);
  for (let t = 0; t < ri.length; t++) order[nextRow[ri[t]]++] = t;
  const colCount = new Int32Array(n + 1);
  for (let t = 0; t < ci.length; t++) colCount[ci[t] + 1]++;
  for (let j = 0; j < n; j++) colCount[j + 1] += colCount[j];
  const next = colCount.slice(0, n);
  const rowTmp = new Int32Array(ri.length);
  const valTmp = new Float64Array(ri.length);
  for (let q = 0; q < order.length; q++) {
    const t = order[q];
    const k = next[ci[t]]++;
    rowTmp[k] = ri[t];
    valTmp[k] = v[t];
  }
  // sum duplicates
  const colPtr = new Int32Array(n + 1);
  let out = 0;
  for (let j = 0; j < n; j++) {
    const start = out;
    for (let k = colCount[j]; k < colCount[j + 1]; k++) {
      if (out > start && rowTmp[out - 1] === rowTmp[k]) valTmp[out - 1] += valTmp[k];
      else {
        rowTmp[out] = rowTmp[k];
        valTmp[out] = valTmp[k];
        out++;
      }
    }
    colPtr[j + 1] = out;
  }
  return { n, colPtr, rowIdx: rowTmp.slice(0, out), values: valTmp.slice(0, out) };
}
