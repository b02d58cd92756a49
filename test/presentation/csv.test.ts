import { describe, expect, it } from 'vitest';
import { boltsCsv, columnsOf, csvCell, csvTable, pressureCsv } from '../../src/presentation/csv';

describe('CSV formats', () => {
  it('writes cells: 10 significant figures, empty for non-finite, quoted text', () => {
    expect(csvCell(1 / 3)).toBe('0.3333333333');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvTable(['a [mm]', 'b'], [{ a: 1 }, { 'a [mm]': 2, b: 'x' }])).toBe('a [mm],b\n,\n2,x\n');
    expect(columnsOf([{ a: 1 }, { b: 2, a: 3 }])).toEqual(['a', 'b']);
  });

  it('writes the pressure grid with units and the contact flag, x fastest', () => {
    const grid = {
      x0: 10,
      y0: 20,
      dx: 5,
      dy: 2.5,
      nx: 2,
      ny: 2,
      values: Float64Array.from([1.5, 0, 2, 3]),
      contact: Uint8Array.from([1, 0, 1, 1]),
    };
    expect(pressureCsv(grid)).toBe(
      'x [mm],y [mm],p [MPa],contact\n10,20,1.5,1\n15,20,0,0\n10,22.5,2,1\n15,22.5,3,1\n',
    );
  });

  it('writes bolt tensions with units', () => {
    const csv = boltsCsv({ bolts: [{ x: 1, y: 2, force: 6250, forceAfterSwelling: 7000 }] });
    expect(csv).toBe('bolt,x [mm],y [mm],force [N],force after swelling [N]\n1,1,2,6250,7000\n');
  });
});
