/**
 * Cholesky of a narrow strip of columns b0..b1-1 (at most STRIP_MAX wide) of a dense
 * column-major panel, rows b0..m-1: the small diagonal block is factored in place, then
 * every row below is solved against it (row r of L = row r of A · L_diag⁻ᵀ). Working on four
 * rows at a time keeps their strip values in a tiny buffer and streams down the columns,
 * instead of re-reading and re-writing whole columns for every update as an axpy would.
 *
 * Returns -1 on success, or the panel column whose pivot is not positive enough:
 * pivot <= tolerance · originalDiagonal (or NaN). The failing pivot value is left in
 * panel[c*ld + c].
 */
export const STRIP_MAX = 8;

const diagonalBlock = new Float64Array(STRIP_MAX * STRIP_MAX); // L_diag(c, c') at c*STRIP_MAX + c'
const inversePivot = new Float64Array(STRIP_MAX);
const rows4 = new Float64Array(4 * STRIP_MAX); // four rows of the strip, interleaved

export function factorStrip(
  panel: Float64Array,
  off: number,
  ld: number,
  m: number,
  b0: number,
  b1: number,
  originalDiagonal: Float64Array,
  diagonalBase: number,
  tolerance: number,
): number {
  const w = b1 - b0;
  // 1. the w×w diagonal block, right-looking (tiny)
  for (let c = 0; c < w; c++) {
    const colC = off + (b0 + c) * ld + b0;
    const d = panel[colC + c];
    const reference = originalDiagonal[diagonalBase + b0 + c];
    if (!(d > tolerance * reference) || !(reference > 0)) return b0 + c;
    const pivot = Math.sqrt(d);
    panel[colC + c] = pivot;
    const inv = 1 / pivot;
    inversePivot[c] = inv;
    for (let r = c + 1; r < w; r++) panel[colC + r] *= inv;
    for (let c2 = c + 1; c2 < w; c2++) {
      const l = panel[colC + c2];
      const col2 = off + (b0 + c2) * ld + b0;
      for (let r = c2; r < w; r++) panel[col2 + r] -= l * panel[colC + r];
    }
  }
  for (let c = 0; c < w; c++) {
    for (let c2 = 0; c2 < c; c2++) diagonalBlock[c * STRIP_MAX + c2] = panel[off + (b0 + c2) * ld + b0 + c];
  }
  // 2. rows below the diagonal block: forward substitution with L_diag, four rows at a
  // time so that every L_diag entry loaded serves four rows
  const base = off + b0 * ld;
  let r = b1;
  for (; r + 4 <= m; r += 4) {
    let q = base + r;
    for (let c = 0; c < w; c++) {
      let v0 = panel[q];
      let v1 = panel[q + 1];
      let v2 = panel[q + 2];
      let v3 = panel[q + 3];
      const lc = c * STRIP_MAX;
      for (let c2 = 0; c2 < c; c2++) {
        const l = diagonalBlock[lc + c2];
        const t = 4 * c2;
        v0 -= rows4[t] * l;
        v1 -= rows4[t + 1] * l;
        v2 -= rows4[t + 2] * l;
        v3 -= rows4[t + 3] * l;
      }
      const inv = inversePivot[c];
      v0 *= inv;
      v1 *= inv;
      v2 *= inv;
      v3 *= inv;
      const t = 4 * c;
      rows4[t] = v0;
      rows4[t + 1] = v1;
      rows4[t + 2] = v2;
      rows4[t + 3] = v3;
      panel[q] = v0;
      panel[q + 1] = v1;
      panel[q + 2] = v2;
      panel[q + 3] = v3;
      q += ld;
    }
  }
  for (; r < m; r++) {
    let q = base + r;
    for (let c = 0; c < w; c++) {
      let v = panel[q];
      const lc = c * STRIP_MAX;
      for (let c2 = 0; c2 < c; c2++) v -= rows4[4 * c2] * diagonalBlock[lc + c2];
      v *= inversePivot[c];
      rows4[4 * c] = v;
      panel[q] = v;
      q += ld;
    }
  }
  return -1;
}
