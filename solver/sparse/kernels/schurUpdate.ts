/**
 * Symmetric rank-nb update of a lower trapezoid, the kernel that does almost all the
 * flops of the factorization:
 *
 *   dst[jj*dstLd + ii] -= Σ_p S(ii, p) · S(jj, p)   for 0 <= jj < colCount, jj <= ii < rowCount
 *
 * where S(r, p) = src[srcOff + p*srcLd + rowsFrom + r] (nb columns of a column-major panel).
 * The loop is blocked 4×4 so that 16 accumulators stay in registers and each pair of
 * loaded quadruples feeds 16 multiply-adds.
 */
export function schurUpdate(
  src: Float64Array,
  srcOff: number,
  srcLd: number,
  nb: number,
  rowsFrom: number,
  rowCount: number,
  dst: Float64Array,
  dstOff: number,
  dstLd: number,
  colCount: number,
): void {
  const base = srcOff + rowsFrom;
  let j = 0;
  for (; j + 4 <= colCount; j += 4) {
    let i = j;
    for (; i + 4 <= rowCount; i += 4) {
      let c00 = 0, c10 = 0, c20 = 0, c30 = 0;
      let c01 = 0, c11 = 0, c21 = 0, c31 = 0;
      let c02 = 0, c12 = 0, c22 = 0, c32 = 0;
      let c03 = 0, c13 = 0, c23 = 0, c33 = 0;
      let a = base + i;
      let b = base + j;
      for (let p = 0; p < nb; p++) {
        const a0 = src[a], a1 = src[a + 1], a2 = src[a + 2], a3 = src[a + 3];
        const b0 = src[b], b1 = src[b + 1], b2 = src[b + 2], b3 = src[b + 3];
        c00 += a0 * b0; c10 += a1 * b0; c20 += a2 * b0; c30 += a3 * b0;
        c01 += a0 * b1; c11 += a1 * b1; c21 += a2 * b1; c31 += a3 * b1;
        c02 += a0 * b2; c12 += a1 * b2; c22 += a2 * b2; c32 += a3 * b2;
        c03 += a0 * b3; c13 += a1 * b3; c23 += a2 * b3; c33 += a3 * b3;
        a += srcLd;
        b += srcLd;
      }
      const d0 = dstOff + j * dstLd + i;
      const d1 = d0 + dstLd;
      const d2 = d1 + dstLd;
      const d3 = d2 + dstLd;
      if (i === j) {
        // diagonal block: lower triangle only
        dst[d0] -= c00; dst[d0 + 1] -= c10; dst[d0 + 2] -= c20; dst[d0 + 3] -= c30;
        dst[d1 + 1] -= c11; dst[d1 + 2] -= c21; dst[d1 + 3] -= c31;
        dst[d2 + 2] -= c22; dst[d2 + 3] -= c32;
        dst[d3 + 3] -= c33;
      } else {
        dst[d0] -= c00; dst[d0 + 1] -= c10; dst[d0 + 2] -= c20; dst[d0 + 3] -= c30;
        dst[d1] -= c01; dst[d1 + 1] -= c11; dst[d1 + 2] -= c21; dst[d1 + 3] -= c31;
        dst[d2] -= c02; dst[d2 + 1] -= c12; dst[d2 + 2] -= c22; dst[d2 + 3] -= c32;
        dst[d3] -= c03; dst[d3 + 1] -= c13; dst[d3 + 2] -= c23; dst[d3 + 3] -= c33;
      }
    }
    if (i < rowCount) edgeUpdate(src, srcLd, nb, base, i, rowCount, j, j + 4, dst, dstOff, dstLd);
  }
  if (j < colCount) edgeUpdate(src, srcLd, nb, base, j, rowCount, j, colCount, dst, dstOff, dstLd);
}

/** Plain loops for the ragged edges: rows i0..i1-1 (those >= the column), columns j0..j1-1. */
function edgeUpdate(
  src: Float64Array,
  srcLd: number,
  nb: number,
  base: number,
  i0: number,
  i1: number,
  j0: number,
  j1: number,
  dst: Float64Array,
  dstOff: number,
  dstLd: number,
): void {
  for (let jj = j0; jj < j1; jj++) {
    const col = dstOff + jj * dstLd;
    for (let ii = i0 > jj ? i0 : jj; ii < i1; ii++) {
      let sum = 0;
      let q = base;
      for (let p = 0; p < nb; p++) {
        sum += src[q + ii] * src[q + jj];
        q += srcLd;
      }
      dst[col + ii] -= sum;
    }
  }
}
