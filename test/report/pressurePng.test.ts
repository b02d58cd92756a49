import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { filmMagenta } from '../../src/report/colormap';
import { columnsOf, csvCell, csvTable, pressureCsv } from '../../src/report/csv';
import { barLabel } from '../../src/report/fieldImage';
import { pressurePng } from '../../src/report/pressurePng';
import type { RegularGrid } from '../../src/results/pressureMap';
import { viridisPublished } from '../reference/literature';

type Rgb = readonly [number, number, number];

/** An nx × ny grid at 5 mm spacing rising linearly from `lo` to `hi` [MPa] along x or along y. */
function ramp(nx: number, ny: number, lo: number, hi: number, along: 'x' | 'y'): RegularGrid {
  const values = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      const f = along === 'x' ? i / (nx - 1) : j / (ny - 1);
      values[j * nx + i] = lo + (hi - lo) * f;
    }
  return { x0: 0, y0: 0, dx: 5, dy: 5, nx, ny, values, unit: 'MPa' };
}

const grey: Rgb = [90, 90, 90];
const same = (a: Rgb, b: Rgb) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];
const pixel = (png: PNG, x: number, y: number): Rgb => {
  const o = 4 * (y * png.width + x);
  return [png.data[o], png.data[o + 1], png.data[o + 2]];
};

/**
 * The inside of the map's frame: the first grey pixel in reading order is the frame's top-left
 * corner (the map is left of the colour bar, whose frame starts on the same row), and the frame's
 * top and left edges run grey from there.
 */
function mapRegion(png: PNG): { x: number; y: number; w: number; h: number } {
  for (let y = 0; y < png.height; y++)
    for (let x = 0; x < png.width; x++) {
      if (!same(pixel(png, x, y), grey)) continue;
      let right = x;
      while (right + 1 < png.width && same(pixel(png, right + 1, y), grey)) right++;
      let bottom = y;
      while (bottom + 1 < png.height && same(pixel(png, x, bottom + 1), grey)) bottom++;
      return { x: x + 1, y: y + 1, w: right - x - 1, h: bottom - y - 1 };
    }
  throw new Error('no map frame in the image');
}

/**
 * The colour drawn for each grid node, by screen row (top first) and column (left first):
 * the map region split into nx × ny equal square blocks, each of which must be a single colour.
 */
function nodeColours(png: PNG, nx: number, ny: number): Rgb[][] {
  const r = mapRegion(png);
  const px = r.w / nx;
  expect(Number.isInteger(px), `map width ${r.w} px is not ${nx} whole blocks`).toBe(true);
  expect(r.h, 'blocks are square').toBe(px * ny);
  const rows: Rgb[][] = [];
  for (let row = 0; row < ny; row++) {
    const colours: Rgb[] = [];
    for (let col = 0; col < nx; col++) {
      const c = pixel(png, r.x + col * px, r.y + row * px);
      for (let v = 0; v < px; v++)
        for (let u = 0; u < px; u++)
          if (!same(pixel(png, r.x + col * px + u, r.y + row * px + v), c))
            throw new Error(`block (${col}, ${row}) is not one colour`);
      colours.push(c);
    }
    rows.push(colours);
  }
  return rows;
}

/**
 * Position t ∈ [0, 1] of a colour along a colormap given as evenly spaced stops, with linear
 * segments between them, and its distance from the nearest segment (0–255 units).
 */
function alongColormap(c: Rgb, stops: readonly Rgb[]): { t: number; distance: number } {
  let best = { t: 0, distance: Number.POSITIVE_INFINITY };
  for (let k = 0; k + 1 < stops.length; k++) {
    const a = stops[k];
    const d = [0, 1, 2].map((n) => stops[k + 1][n] - a[n]);
    const dd = d[0] ** 2 + d[1] ** 2 + d[2] ** 2;
    const u = Math.min(1, Math.max(0, [0, 1, 2].reduce((s, n) => s + (c[n] - a[n]) * d[n], 0) / dd));
    const distance = Math.hypot(...[0, 1, 2].map((n) => c[n] - (a[n] + u * d[n])));
    if (distance < best.distance) best = { t: (k + u) / (stops.length - 1), distance };
  }
  return best;
}

/**
 * What is wrong with a row of node colours that should run along `stops` (empty when nothing is):
 * every colour on the colormap, strictly increasing in t, and each within 0.02 of its expected
 * position `ts[i]` when positions are given.
 */
function rampProblems(colours: readonly Rgb[], stops: readonly Rgb[], ts?: readonly number[]): string[] {
  const problems: string[] = [];
  let previous = Number.NEGATIVE_INFINITY;
  colours.forEach((c, i) => {
    const { t, distance } = alongColormap(c, stops);
    if (distance > 4) problems.push(`node ${i}: ${c} is ${distance.toFixed(1)} off the colormap`);
    if (!(t > previous))
      problems.push(`node ${i}: t = ${t.toFixed(3)} does not exceed ${previous.toFixed(3)}`);
    if (ts && Math.abs(t - ts[i]) > 0.02) problems.push(`node ${i}: t = ${t.toFixed(3)}, expected ${ts[i]}`);
    previous = t;
  });
  return problems;
}

describe('pressure.png, viridis', () => {
  // 21 nodes from 2 to 8 MPa: node i sits at t = i/20 of the bar's min–max range.
  const nx = 21;
  const ny = 11;
  const ts = Array.from({ length: nx }, (_, i) => i / (nx - 1));
  const png = PNG.sync.read(pressurePng(ramp(nx, ny, 2, 8, 'x')));
  const rows = nodeColours(png, nx, ny);

  it('draws the map as nx × ny square blocks inside its frame, left of the colour bar', () => {
    const r = mapRegion(png);
    expect(r.w / nx).toBeGreaterThanOrEqual(10);
    // the colour bar lies to the right of the map, so the map region holds none of it
    expect(r.x + r.w).toBeLessThan(png.width - 18);
  });

  it('a ramp in x is one colour down each column', () => {
    for (const row of rows) expect(row).toEqual(rows[0]);
  });

  it('left edge is the colormap minimum, right edge its maximum, quartiles in between', () => {
    const bottom = rows[ny - 1];
    expect(bottom[0]).toEqual(viridisPublished.colours[0]); // #440154 at 2 MPa
    expect(bottom[5]).toEqual(viridisPublished.colours[2]); // #3b528b at 3.5 MPa
    expect(bottom[10]).toEqual(viridisPublished.colours[4]); // #21918c at 5 MPa
    expect(bottom[15]).toEqual(viridisPublished.colours[6]); // #5ec962 at 6.5 MPa
    expect(bottom[nx - 1]).toEqual(viridisPublished.colours[8]); // #fde725 at 8 MPa
  });

  it('colours run monotonically along viridis from left to right', () => {
    expect(rampProblems(rows[0], viridisPublished.colours, ts)).toEqual([]);
  });

  it('the check fails for a mirrored, a reversed-scale or a constant map', () => {
    const mirrored = [...rows[0]].reverse();
    expect(rampProblems(mirrored, viridisPublished.colours, ts).length).toBeGreaterThan(10);
    const constant = rows[0].map(() => rows[0][10]);
    expect(rampProblems(constant, viridisPublished.colours, ts).length).toBeGreaterThan(10);
    // a map drawn from the bar's other end (colour(1 − t)) is the mirror image of this ramp
    const reversedScale = PNG.sync.read(pressurePng(ramp(nx, ny, 8, 2, 'x')));
    expect(
      rampProblems(nodeColours(reversedScale, nx, ny)[0], viridisPublished.colours, ts).length,
    ).toBeGreaterThan(10);
  });

  it('y points up: a ramp in y has its maximum in the top row and its minimum in the bottom row', () => {
    const tall = nodeColours(PNG.sync.read(pressurePng(ramp(7, 13, 0.5, 3, 'y'))), 7, 13);
    for (const row of tall) expect(new Set(row.map(String)).size).toBe(1);
    expect(tall[0][0]).toEqual(viridisPublished.colours[8]);
    expect(tall[12][0]).toEqual(viridisPublished.colours[0]);
    const bottomUp = tall.map((row) => row[0]).reverse();
    const tsY = Array.from({ length: 13 }, (_, j) => j / 12);
    expect(rampProblems(bottomUp, viridisPublished.colours, tsY)).toEqual([]);
  });

  it('a uniform field is drawn in the minimum colour, with nothing left unpainted', () => {
    const flat = ramp(5, 5, 3, 3, 'x');
    const colours = nodeColours(PNG.sync.read(pressurePng(flat)), 5, 5).flat();
    for (const c of colours) expect(c).toEqual(viridisPublished.colours[0]);
  });
});

describe('pressure.png, Prescale film emulation', () => {
  // LW film develops over 2.5–10 MPa. 25 nodes from 1 to 13 MPa in 0.5 MPa steps: nodes 0–3
  // (1–2.5 MPa) lie at or below the range, 4–17 (3–9.5 MPa) inside it, 18–24 (10–13 MPa) at or above it.
  const values = Array.from({ length: 25 }, (_, i) => 1 + 0.5 * i);
  const row = nodeColours(PNG.sync.read(pressurePng(ramp(25, 5, 1, 13, 'x'), 'LW')), 25, 5)[2];
  const rounded = (c: Rgb): Rgb => [Math.round(c[0]), Math.round(c[1]), Math.round(c[2])];
  const white = rounded(filmMagenta(0));
  const deepest = rounded(filmMagenta(1));

  it('white at and below the range, the deepest magenta at and above it', () => {
    expect(white).toEqual([255, 255, 255]);
    for (let i = 0; i <= 3; i++) expect(row[i], `${values[i]} MPa`).toEqual(white);
    for (let i = 18; i < 25; i++) expect(row[i], `${values[i]} MPa`).toEqual(deepest);
  });

  it('deepens strictly from white towards magenta across the range', () => {
    // nodes 3–18: 2.5 MPa (white) to 10 MPa (deepest), each one deeper than the last
    const inside = row.slice(3, 19);
    expect(rampProblems(inside, [white, deepest])).toEqual([]);
    expect(rampProblems([...inside].reverse(), [white, deepest]).length).toBeGreaterThan(5);
  });
});

describe('colour bar labels', () => {
  it('labels the bar with short numbers', () => {
    expect(barLabel(20.6397)).toBe('20.6');
    expect(barLabel(0)).toBe('0');
    expect(barLabel(0.0001234)).toBe('1.2e-4');
    expect(barLabel(-48.25)).toBe('-48.3');
  });
});

describe('csv', () => {
  it('writes the grid as x, y, p rows', () => {
    const text = pressureCsv(ramp(21, 11, 2, 8, 'x'));
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
