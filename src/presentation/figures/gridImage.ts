import type { Rgb } from '../colourScale';
import type { PressureGrid } from '../resultFields';
import { pointWeight } from './gridCells';
import { rgbPngDataUrl } from './rgbPng';

/**
 * A pressure grid as one image of uniform tiles over its extent: the fast way to draw a map
 * (a figure file renders one image instead of thousands of rectangles). With 2·(n − 1) tiles
 * along a side of n points, each tile is half of a point's cell and the image shows the cells
 * exactly; coarser tiles are area-weighted means of the cells under them, with the contact rule
 * of `gridCells` (in contact when at least half the tile's area is, value the mean over that part).
 */

/** Most tiles along a side: 400 keeps a map image under about 0.7 MB as a data URL. */
export const MAX_TILES_PER_SIDE = 400;

export interface GridImage {
  /** extent [mm] */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** PNG as a data URL, rows from the top (largest y) down */
  url: string;
  width: number;
  height: number;
}

/** Overlap [mm] of each tile with each point cell along one axis: per tile, [point, length] pairs. */
function overlaps(n: number, d: number, tiles: number): [number, number][][] {
  const extent = (n - 1) * d;
  const size = extent / tiles;
  const out: [number, number][][] = [];
  for (let t = 0; t < tiles; t++) {
    const a = t * size;
    const b = (t + 1) * size;
    const pairs: [number, number][] = [];
    const first = Math.max(0, Math.floor(a / d + 0.5) - 1);
    const last = Math.min(n - 1, Math.ceil(b / d + 0.5));
    for (let i = first; i <= last; i++) {
      const lo = Math.max(a, Math.max(0, (i - 0.5) * d));
      const hi = Math.min(b, Math.min(extent, (i + 0.5) * d));
      if (hi > lo) pairs.push([i, hi - lo]);
    }
    out.push(pairs);
  }
  return out;
}

/** The image of a grid, a tile's colour `colour(p)` in contact and `open` where not. */
export function gridImage(
  grid: PressureGrid,
  colour: (p: number) => Rgb,
  open: Rgb,
  maxPerSide = MAX_TILES_PER_SIDE,
): GridImage {
  const { nx, ny, dx, dy } = grid;
  const x1 = grid.x0 + (nx - 1) * dx;
  const y1 = grid.y0 + (ny - 1) * dy;
  // a grid one point wide has no extent along that side: one tile of one point
  const mx = nx > 1 ? Math.min(2 * (nx - 1), maxPerSide) : 1;
  const my = ny > 1 ? Math.min(2 * (ny - 1), maxPerSide) : 1;
  const ox = nx > 1 ? overlaps(nx, dx, mx) : [[[0, pointWeight(0, 1, dx)] as [number, number]]];
  const oy = ny > 1 ? overlaps(ny, dy, my) : [[[0, pointWeight(0, 1, dy)] as [number, number]]];
  const rgb = new Uint8Array(3 * mx * my);
  if (mx === 2 * (nx - 1) && my === 2 * (ny - 1)) {
    // every tile is half of one point's cell: tile t of a side belongs to point ⌊(t + 1)/2⌋
    const colours = new Array<Rgb>(nx * ny);
    for (let k = 0; k < nx * ny; k++) colours[k] = grid.contact[k] ? colour(grid.values[k]) : open;
    for (let s = 0; s < my; s++) {
      const j = (s + 1) >> 1;
      const row = my - 1 - s;
      for (let t = 0; t < mx; t++) rgb.set(colours[j * nx + ((t + 1) >> 1)], 3 * (row * mx + t));
    }
    return { x0: grid.x0, x1, y0: grid.y0, y1, url: rgbPngDataUrl(mx, my, rgb), width: mx, height: my };
  }
  for (let s = 0; s < my; s++) {
    const row = my - 1 - s; // image rows run from the top
    for (let t = 0; t < mx; t++) {
      let area = 0;
      let contactArea = 0;
      let force = 0;
      for (const [j, ly] of oy[s])
        for (const [i, lx] of ox[t]) {
          const w = lx * ly;
          const k = j * nx + i;
          area += w;
          if (grid.contact[k]) {
            contactArea += w;
            force += w * grid.values[k];
          }
        }
      const c = contactArea > 0 && contactArea >= 0.5 * area ? colour(force / contactArea) : open;
      rgb.set(c, 3 * (row * mx + t));
    }
  }
  return { x0: grid.x0, x1, y0: grid.y0, y1, url: rgbPngDataUrl(mx, my, rgb), width: mx, height: my };
}
