import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { gridCells, gridStats } from '../../../src/presentation/figures/gridCells';
import { gridImage } from '../../../src/presentation/figures/gridImage';
import { gridOf } from './syntheticFields';

const OPEN: [number, number, number] = [1, 2, 3];
/** colour of a pressure: red channel 10·p, so a pixel tells the value it was painted with */
const red = (p: number): [number, number, number] => [Math.round(10 * p), 0, 0];

describe('grid cells', () => {
  it('tile the footprint: half cells at the edges, areas summing to the footprint', () => {
    const cells = gridCells(
      gridOf(
        1,
        (x) => x,
        () => true,
      ),
    );
    expect(cells).toHaveLength(101 * 101);
    expect(cells[0]).toMatchObject({ x0: 25, x1: 25.5, y0: 25, y1: 25.5, value: 25, contact: true });
    expect(cells[1]).toMatchObject({ x0: 25.5, x1: 26.5 });
    const area = cells.reduce((s, c) => s + (c.x1 - c.x0) * (c.y1 - c.y0), 0);
    expect(area).toBeCloseTo(100 * 100, 9);
  });

  it('average in blocks beyond 200 a side: in contact where half the block is, mean over that part', () => {
    // 0.25 mm: 401 points a side → blocks of 3 points
    const grid = gridOf(
      0.25,
      () => 4,
      (x) => x < 75,
    );
    const cells = gridCells(grid);
    expect(cells).toHaveLength(134 * 134);
    // the block of points x = 74.5, 74.75, 75 has its cells over 74.375 … 75.125 mm: contact on
    // 74.375 … 74.875, two thirds of it, so in contact, at the 4 MPa carried there (not 2.67)
    const edge = cells.find((c) => c.x0 < 74.6 && c.x1 > 74.9 && c.y0 < 60 && c.y1 > 60);
    expect(edge).toMatchObject({ contact: true, value: 4 });
    const open = cells.find((c) => c.x0 < 76 && c.x1 > 76 && c.y0 < 60 && c.y1 > 60);
    expect(open).toMatchObject({ contact: false, value: 0 });
  });

  it('give area-weighted statistics: mean over the footprint, range in contact, open share', () => {
    const s = gridStats(
      gridOf(
        1,
        (x) => 2 + 0.04 * (x - 25),
        (x) => x < 75,
      ),
    );
    expect(s.openFraction).toBeCloseTo(0.505, 12);
    expect(s.min).toBe(2);
    expect(s.max).toBeCloseTo(3.96, 12);
    expect(s.area).toBeCloseTo(10000, 9);
    // ∑ p·w over the contact cells: x = 25 (w 0.5) … 74 (w 1), times the 100 mm depth
    let force = 0.5 * 2;
    for (let x = 26; x <= 74; x++) force += 2 + 0.04 * (x - 25);
    expect(s.mean).toBeCloseTo((force * 100) / 10000, 9);
  });
});

describe('grid image', () => {
  it('shows each point as two half-cell pixels (one at an edge), rows from the top', () => {
    const grid = gridOf(
      1,
      (x, y) => (x - 25) / 10 + (y > 100 ? 10 : 0),
      (x) => x < 75,
    );
    const img = gridImage(grid, red, OPEN);
    expect([img.width, img.height]).toEqual([200, 200]);
    expect([img.x0, img.x1, img.y0, img.y1]).toEqual([25, 125, 25, 125]);
    const png = PNG.sync.read(Buffer.from(img.url.split(',')[1], 'base64'));
    const px = (i: number, j: number) => [...png.data.subarray(4 * (j * 200 + i), 4 * (j * 200 + i) + 3)];
    // bottom row (y = 25) is the image's last row; point x = 25 is pixel 0 alone, x = 26 pixels 1–2
    expect(px(0, 199)).toEqual(red(0));
    expect(px(1, 199)).toEqual(red(0.1));
    expect(px(2, 199)).toEqual(red(0.1));
    // the top rows: y > 100 adds 10 MPa
    expect(px(0, 0)).toEqual(red(10));
    // x = 75 mm is open: its cell starts at 74.5 mm, pixel 99
    expect(px(98, 100)).toEqual(red(4.9));
    expect(px(99, 100)).toEqual(OPEN);
    expect(px(199, 100)).toEqual(OPEN);
  });

  it('averages the cells under coarser pixels by area, with the contact rule of the cells', () => {
    // 100 pixels over 101 points at 1 mm: pixel t spans x0 + t … x0 + t + 1, half of point t's
    // cell and half of point t + 1's
    const grid = gridOf(
      1,
      (x) => (x - 25) / 10,
      (x) => x < 75,
    );
    const img = gridImage(grid, red, OPEN, 100);
    expect([img.width, img.height]).toEqual([100, 100]);
    const png = PNG.sync.read(Buffer.from(img.url.split(',')[1], 'base64'));
    const px = (i: number) => [...png.data.subarray(4 * (50 * 100 + i), 4 * (50 * 100 + i) + 3)];
    expect(px(10)).toEqual(red(1.05)); // points x = 35 and 36: 1.0 and 1.1 MPa
    // x 74 … 75 mm: half in contact (point 74, 4.9 MPa), so in contact at 4.9 MPa
    expect(px(49)).toEqual(red(4.9));
    expect(px(50)).toEqual(OPEN);
  });

  it('keeps at most 400 pixels a side for a fine grid', () => {
    const img = gridImage(
      gridOf(
        0.1,
        () => 1,
        () => true,
      ),
      red,
      OPEN,
    );
    expect([img.width, img.height]).toEqual([400, 400]);
  });
});
