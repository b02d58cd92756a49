/**
 * Symmetric rank-nb update of a lower trapezoid, the kernel that does almost all the
 * flops of the factorization:
 *
 *   D(ii, jj) -= Σ_p S(ii, p) · S(jj, p)   for 0 <= jj < colCount, jj <= ii < rowCount
 *
 * with D(ii, jj) = dst[dstOff + jj*dstLd + ii] (column-major), or, when `packedLower`, the
 * packed lower triangle dst[dstOff + jj*dstLd - jj(jj+1)/2 + ii] (column jj holds rows jj..).
 *
 * where S(r, p) = src[srcOff + p*srcLd + rowsFrom + r] (nb columns of a column-major panel).
 *
 * S is first packed into groups of 4 rows, each group stored p-major (4 consecutive
 * doubles per p), so the inner loop reads two sequential streams. The register tile is
 * 4 rows × 2 columns: 8 accumulators, 6 loads per 8 multiply-adds. A 4×4 tile needs fewer
 * loads per multiply-add, but its 16 accumulators and 4 row values exceed the 15 double
 * registers V8 allocates, and Turbofan then spills accumulators to the stack on every
 * iteration (36 stack accesses per 16 multiply-adds in its code, against 4 per 8 here);
 * the 4×2 tile factors the 100k plate 3–15 % faster with a bit-identical result.
 */

/** Doubles of packing workspace needed for rowCount rows of nb columns. */
export function packSize(rowCount: number, nb: number): number {
  return (((rowCount + 3) >> 2) << 2) * nb;
}

/**
 * The packing workspace: a plain array of doubles, not a Float64Array. V8 reads a packed
 * double array with 4 instructions per load (bounds check and an indexed load from the
 * elements) against 6 for a typed array (which re-derives its data pointer and sign-extends
 * the index on every load), and the kernel is load-bound.
 */
export type PackBuffer = number[];

/** A packing workspace of `length` doubles (packed double elements, never holey). */
export function packBuffer(length: number): PackBuffer {
  const pack: number[] = [];
  for (let i = 0; i < length; i++) pack.push(0.5);
  pack.fill(0);
  return pack;
}

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
  pack: PackBuffer,
  packedLower = false,
): void {
  packRows(src, srcOff + rowsFrom, srcLd, nb, rowCount, pack);
  packedUpdate(pack, nb, rowCount, dst, dstOff, dstLd, colCount, packedLower ? 1 : 0);
}

/** pack[(g*nb + p)*4 + a] = S(4g + a, p), zero beyond rowCount. */
function packRows(
  src: Float64Array,
  base: number,
  ld: number,
  nb: number,
  rowCount: number,
  pack: PackBuffer,
): void {
  const full = rowCount >> 2;
  let d = 0;
  for (let g = 0; g < full; g++) {
    let s = base + 4 * g;
    for (let p = 0; p < nb; p++) {
      pack[d] = src[s];
      pack[d + 1] = src[s + 1];
      pack[d + 2] = src[s + 2];
      pack[d + 3] = src[s + 3];
      d += 4;
      s += ld;
    }
  }
  const rest = rowCount - 4 * full;
  if (rest > 0) {
    let s = base + 4 * full;
    for (let p = 0; p < nb; p++) {
      for (let a = 0; a < 4; a++) pack[d + a] = a < rest ? src[s + a] : 0;
      d += 4;
      s += ld;
    }
  }
}

const edge = new Float64Array(16);
/** Packed doubles that comfortably fit in L2 next to the destination (512 KiB). */
const L2_DOUBLES = 65536;

function packedUpdate(
  pack: PackBuffer,
  nb: number,
  rowCount: number,
  dst: Float64Array,
  dstOff: number,
  dstLd: number,
  colCount: number,
  tri: number,
): void {
  const rowGroups = (rowCount + 3) >> 2;
  const stride = 4 * nb;
  const colPairs = (colCount + 1) >> 1;
  // Rows in chunks whose packed part stays in L2 while every column pair sweeps it.
  const chunk = Math.max(16, (L2_DOUBLES / stride) | 0);
  for (let i0 = 0; i0 < rowGroups; i0 += chunk) {
    const i1 = i0 + chunk < rowGroups ? i0 + chunk : rowGroups;
    const jpEnd = 2 * i1 < colPairs ? 2 * i1 : colPairs;
    for (let jp = 0; jp < jpEnd; jp++) {
      const j = 2 * jp;
      const jg = j >> 2;
      const bStart = jg * stride + (j & 3);
      const fullCols = j + 2 <= colCount;
      const e0 = dstOff + j * dstLd - ((tri * j * (j + 1)) >> 1);
      const e1 = dstOff + (j + 1) * dstLd - ((tri * (j + 1) * (j + 2)) >> 1);
      for (let ig = jg > i0 ? jg : i0; ig < i1; ig++) {
        const i = 4 * ig;
        let c00 = 0,
          c10 = 0,
          c20 = 0,
          c30 = 0;
        let c01 = 0,
          c11 = 0,
          c21 = 0,
          c31 = 0;
        let a = (ig * stride) | 0;
        let b = bStart | 0;
        const end = (a + stride) | 0;
        while (a < end) {
          const a0 = pack[a];
          const a1 = pack[(a + 1) | 0];
          const a2 = pack[(a + 2) | 0];
          const a3 = pack[(a + 3) | 0];
          const b0 = pack[b];
          const b1 = pack[(b + 1) | 0];
          c00 += a0 * b0;
          c10 += a1 * b0;
          c20 += a2 * b0;
          c30 += a3 * b0;
          c01 += a0 * b1;
          c11 += a1 * b1;
          c21 += a2 * b1;
          c31 += a3 * b1;
          a = (a + 4) | 0;
          b = (b + 4) | 0;
        }
        const d0 = e0 + i;
        if (ig !== jg && fullCols && i + 4 <= rowCount) {
          const d1 = e1 + i;
          dst[d0] -= c00;
          dst[d0 + 1] -= c10;
          dst[d0 + 2] -= c20;
          dst[d0 + 3] -= c30;
          dst[d1] -= c01;
          dst[d1 + 1] -= c11;
          dst[d1 + 2] -= c21;
          dst[d1 + 3] -= c31;
        } else {
          // diagonal or ragged block: write only rows >= column inside the trapezoid
          edge[0] = c00;
          edge[1] = c10;
          edge[2] = c20;
          edge[3] = c30;
          edge[4] = c01;
          edge[5] = c11;
          edge[6] = c21;
          edge[7] = c31;
          for (let c = 0; c < 2 && j + c < colCount; c++) {
            const col = (c === 0 ? e0 : e1) + i;
            for (let r = 0; r < 4 && i + r < rowCount; r++)
              if (i + r >= j + c) dst[col + r] -= edge[4 * c + r];
          }
        }
      }
    }
  }
}
