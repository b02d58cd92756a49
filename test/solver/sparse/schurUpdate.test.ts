import { describe, expect, it } from 'vitest';
import { packBuffer, packSize, schurUpdate } from '../../../solver/sparse/kernels/schurUpdate';
import { seededRandom } from '../../bench/plateProblem';

/**
 * The dense kernel against the definition, entry by entry: D(i, j) -= Σ_p S(i, p) S(j, p) on the
 * lower trapezoid j < colCount, j <= i < rowCount, and nothing written anywhere else. The shapes
 * cover every edge of the register tile (4 rows × 2 columns): row and column counts that are not
 * multiples of the tile, a single column, a single row, and panels larger than one L2 row chunk.
 */
function reference(
  S: (i: number, p: number) => number,
  nb: number,
  rowCount: number,
  colCount: number,
  dst: Float64Array,
  index: (i: number, j: number) => number,
): Float64Array {
  const out = dst.slice();
  for (let j = 0; j < colCount; j++)
    for (let i = j; i < rowCount; i++) {
      let sum = 0;
      for (let p = 0; p < nb; p++) sum += S(i, p) * S(j, p);
      out[index(i, j)] -= sum;
    }
  return out;
}

const shapes: [rows: number, cols: number, nb: number][] = [
  [1, 1, 1],
  [3, 1, 5],
  [4, 2, 8],
  [5, 3, 7],
  [9, 9, 3],
  [10, 7, 32],
  [13, 6, 11],
  [37, 37, 128],
  [300, 23, 64], // more row groups than one L2 chunk holds at this rank
];

describe('schurUpdate (dense rank-nb update of a lower trapezoid)', () => {
  for (const [rowCount, colCount, nb] of shapes) {
    for (const packedLower of [false, true]) {
      it(`${rowCount}×${colCount}, rank ${nb}, ${packedLower ? 'packed lower' : 'column-major'} destination`, () => {
        const rand = seededRandom(rowCount * 1000 + colCount * 10 + nb);
        // S sits inside a larger column-major panel (offset, leading dimension, first row)
        const rowsFrom = 2;
        const srcLd = rowsFrom + rowCount + 3;
        const srcOff = 5;
        const src = Float64Array.from({ length: srcOff + srcLd * nb }, () => 2 * rand() - 1);
        const dstOff = 7;
        const dstLd = packedLower ? rowCount : rowCount + 2;
        const index = packedLower
          ? (i: number, j: number) => dstOff + j * dstLd - ((j * (j + 1)) >> 1) + i
          : (i: number, j: number) => dstOff + j * dstLd + i;
        const dst = Float64Array.from({ length: dstOff + dstLd * rowCount + 4 }, () => 2 * rand() - 1);
        const S = (i: number, p: number) => src[srcOff + p * srcLd + rowsFrom + i];
        const expected = reference(S, nb, rowCount, colCount, dst, index);

        const pack = packBuffer(packSize(rowCount, nb));
        schurUpdate(
          src,
          srcOff,
          srcLd,
          nb,
          rowsFrom,
          rowCount,
          dst,
          dstOff,
          dstLd,
          colCount,
          pack,
          packedLower,
        );

        // sums of nb products in a different order: a few ulps of the largest partial sum
        const tolerance = 1e-13 * nb;
        let worst = 0;
        for (let t = 0; t < dst.length; t++) worst = Math.max(worst, Math.abs(dst[t] - expected[t]));
        expect(worst).toBeLessThan(tolerance);
        // entries outside the trapezoid are untouched, bit for bit
        const inside = new Uint8Array(dst.length);
        for (let j = 0; j < colCount; j++) for (let i = j; i < rowCount; i++) inside[index(i, j)] = 1;
        let changedOutside = 0;
        for (let t = 0; t < dst.length; t++) if (!inside[t] && dst[t] !== expected[t]) changedOutside++;
        expect(changedOutside).toBe(0);
      });
    }
  }
});
