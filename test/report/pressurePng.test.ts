import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { filmMagenta, viridis } from '../../src/report/colormap';
import { columnsOf, csvCell, csvTable, pressureCsv } from '../../src/report/csv';
import { barLabel } from '../../src/report/fieldImage';
import { pressurePng } from '../../src/report/pressurePng';
import type { RegularGrid } from '../../src/results/pressureMap';

/** A 21 × 11 ramp from 2 MPa (left) to 8 MPa (right). */
function ramp(): RegularGrid {
  const nx = 21;
  const ny = 11;
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) values[j * nx + i] = 2 + (6 * i) / (nx - 1);
  return { x0: 0, y0: 0, dx: 5, dy: 5, nx, ny, values, unit: 'MPa' };
}

const pixel = (png: PNG, x: number, y: number) => [
  ...png.data.subarray(4 * (y * png.width + x), 4 * (y * png.width + x) + 3),
];
const hasColour = (png: PNG, c: readonly number[], tol = 2) => {
  for (let k = 0; k < png.data.length; k += 4)
    if (
      Math.abs(png.data[k] - c[0]) <= tol &&
      Math.abs(png.data[k + 1] - c[1]) <= tol &&
      Math.abs(png.data[k + 2] - c[2]) <= tol
    )
      return true;
  return false;
};

describe('pressure.png', () => {
  it('maps min to the bottom and max to the top of viridis, with a colour bar', () => {
    const png = PNG.sync.read(pressurePng(ramp()));
    expect(png.width).toBeGreaterThan(400);
    const lo = viridis(0).map(Math.round);
    const hi = viridis(1).map(Math.round);
    expect(hasColour(png, lo)).toBe(true);
    expect(hasColour(png, hi)).toBe(true);
    // left edge of the map is the minimum, right edge the maximum (first map pixel column at x = 12)
    const y = Math.floor(png.height / 2);
    expect(pixel(png, 13, y)).toEqual(lo);
  });

  it('film emulation: white below the range, magenta inside it', () => {
    const png = PNG.sync.read(pressurePng(ramp(), 'LW')); // LW: 2.5–10 MPa
    const y = Math.floor(png.height / 2);
    expect(pixel(png, 13, y)).toEqual([255, 255, 255]);
    expect(hasColour(png, filmMagenta(1).map(Math.round))).toBe(true);
  });

  it('labels the bar with short numbers', () => {
    expect(barLabel(20.6397)).toBe('20.6');
    expect(barLabel(0)).toBe('0');
    expect(barLabel(0.0001234)).toBe('1.2e-4');
    expect(barLabel(-48.25)).toBe('-48.3');
  });
});

describe('csv', () => {
  it('writes the grid as x, y, p rows', () => {
    const text = pressureCsv(ramp());
    const lines = text.trim().split('\n');
    expect(lines[0]).toBe('x,y,p');
    expect(lines).toHaveLength(1 + 21 * 11);
    expect(lines[21]).toBe('100,0,8');
    expect(lines[22]).toBe('0,5,2');
  });

  it('quotes text, blanks non-finite numbers and unions columns', () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(1 / 3)).toBe('0.3333333333');
    const rows = [{ a: 1 }, { b: 'x', a: 2 }];
    expect(csvTable(columnsOf(rows), rows)).toBe('a,b\n1,\n2,x\n');
  });
});
