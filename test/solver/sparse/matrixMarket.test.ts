import { describe, expect, it } from 'vitest';
import { fromMatrixMarket, toMatrixMarket } from '../../../solver/sparse/matrixMarket';
import { randomSpd, toDense } from './denseReference';

describe('Matrix Market', () => {
  it('round-trips a symmetric matrix exactly (17 significant digits, tolerance 0)', () => {
    const A = randomSpd(40, 0.1, 9);
    const text = toMatrixMarket(A, 'test matrix');
    expect(text.startsWith('%%MatrixMarket matrix coordinate real symmetric\n% test matrix\n40 40 ')).toBe(
      true,
    );
    const B = fromMatrixMarket(text);
    expect(B.n).toBe(40);
    expect(Array.from(B.colPtr)).toEqual(Array.from(A.colPtr));
    expect(Array.from(B.rowIdx)).toEqual(Array.from(A.rowIdx));
    expect(Array.from(B.values)).toEqual(Array.from(A.values));
  });

  it('reads general files (upper part ignored), upper-stored symmetric files, comments and duplicates', () => {
    const general = `%%MatrixMarket matrix coordinate real general
% a comment
3 3 7
1 1 4
2 1 -1
1 2 -1
2 2 4
3 2 0.5
2 3 0.5
3 3 2
`;
    const A = fromMatrixMarket(general);
    expect(toDense(A).to2DArray()).toEqual([
      [4, -1, 0],
      [-1, 4, 0.5],
      [0, 0.5, 2],
    ]);
    const upperWithDuplicate = `%%MatrixMarket matrix coordinate real symmetric
3 3 4
1 1 4
1 2 -1
3 3 1
3 3 1
`;
    const B = fromMatrixMarket(upperWithDuplicate);
    expect(toDense(B).to2DArray()).toEqual([
      [4, -1, 0],
      [-1, 0, 0],
      [0, 0, 2],
    ]);
    expect(Array.from(B.rowIdx)).toEqual([0, 1, 2]);
  });

  it('rejects what it cannot read', () => {
    expect(() => fromMatrixMarket('1 1 1\n1 1 1')).toThrow(/header/);
    expect(() => fromMatrixMarket('%%MatrixMarket matrix array real general\n1 1\n1')).toThrow(/unsupported/);
    expect(() => fromMatrixMarket('%%MatrixMarket matrix coordinate real general\n2 3 0\n')).toThrow(
      /square/,
    );
  });
});
