/**
 * Unblocked Cholesky of a block of columns of a dense column-major panel: columns
 * c0..c1-1, rows c0..m-1 (the diagonal block and everything below it). Used on narrow
 * blocks; the wide trailing updates go through `schurUpdate`.
 *
 * Returns -1 on success, or the panel column whose pivot is not positive enough:
 * pivot <= tolerance * originalDiagonal (or NaN). The failing pivot value is left in
 * panel[c*ld + c].
 */
export function factorPanelBlock(
  panel: Float64Array,
  off: number,
  ld: number,
  m: number,
  c0: number,
  c1: number,
  originalDiagonal: Float64Array,
  diagonalBase: number,
  tolerance: number,
): number {
  for (let c = c0; c < c1; c++) {
    const colC = off + c * ld;
    const d = panel[colC + c];
    const reference = originalDiagonal[diagonalBase + c];
    if (!(d > tolerance * reference) || !(reference > 0)) return c;
    const pivot = Math.sqrt(d);
    panel[colC + c] = pivot;
    const inv = 1 / pivot;
    for (let r = c + 1; r < m; r++) panel[colC + r] *= inv;
    // right-looking update of the remaining columns of this block
    for (let c2 = c + 1; c2 < c1; c2++) {
      const l = panel[colC + c2];
      if (l === 0) continue;
      const col2 = off + c2 * ld;
      for (let r = c2; r < m; r++) panel[col2 + r] -= l * panel[colC + r];
    }
  }
  return -1;
}
