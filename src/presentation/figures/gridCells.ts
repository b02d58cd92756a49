import type { PressureGrid } from '../resultFields';

/**
 * A regular grid as the rectangles a map draws. Grid point (i, j) stands for the cell around it
 * (half a spacing each way, clipped to the grid's extent), so the cells tile the footprint exactly
 * and their areas are the trapezoid weights of the points.
 */

/** One drawn cell [mm]: its rectangle, its value and whether it is in contact. */
export interface GridCell {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** cell centre [mm] */
  x: number;
  y: number;
  /** mean value over the cell's contact part (pressure [MPa]); 0 when out of contact */
  value: number;
  contact: boolean;
}

/** Most cells a map draws along one side: keeps an SVG of a fine mesh to a few MB. */
export const MAX_CELLS_PER_SIDE = 200;

/** Area weight [mm²] of the point at index i along an axis of n points at spacing d (half at the ends). */
export function pointWeight(i: number, n: number, d: number): number {
  if (n < 2) return d > 0 ? d : 1;
  return i === 0 || i === n - 1 ? d / 2 : d;
}

/**
 * The cells of a grid, block-averaged so that neither side has more than `maxPerSide` cells.
 *
 * A block is in contact when at least half of its area is: the drawn open area then stays within
 * a block of the true one, where "any contact" would shrink every open patch by a block on each
 * side. Its value is the mean over its contact part only, so a block at a contact edge shows the
 * pressure that is carried there instead of one diluted by the open points beside it.
 */
export function gridCells(grid: PressureGrid, maxPerSide = MAX_CELLS_PER_SIDE): GridCell[] {
  const { nx, ny, dx, dy, x0, y0 } = grid;
  const bx = Math.max(1, Math.ceil(nx / maxPerSide));
  const by = Math.max(1, Math.ceil(ny / maxPerSide));
  const xEnd = x0 + (nx - 1) * dx;
  const yEnd = y0 + (ny - 1) * dy;
  const edge = (start: number, d: number, end: number, k: number) =>
    Math.min(end, Math.max(start, start + (k - 0.5) * d));
  const cells: GridCell[] = [];
  for (let j0 = 0; j0 < ny; j0 += by) {
    const j1 = Math.min(ny, j0 + by);
    for (let i0 = 0; i0 < nx; i0 += bx) {
      const i1 = Math.min(nx, i0 + bx);
      let area = 0;
      let contactArea = 0;
      let force = 0;
      for (let j = j0; j < j1; j++) {
        const wy = pointWeight(j, ny, dy);
        for (let i = i0; i < i1; i++) {
          const w = wy * pointWeight(i, nx, dx);
          const k = j * nx + i;
          area += w;
          if (grid.contact[k]) {
            contactArea += w;
            force += w * grid.values[k];
          }
        }
      }
      const contact = contactArea > 0 && contactArea >= 0.5 * area;
      const cx0 = edge(x0, dx, xEnd, i0);
      const cx1 = edge(x0, dx, xEnd, i1);
      const cy0 = edge(y0, dy, yEnd, j0);
      const cy1 = edge(y0, dy, yEnd, j1);
      cells.push({
        x0: cx0,
        x1: cx1,
        y0: cy0,
        y1: cy1,
        x: 0.5 * (cx0 + cx1),
        y: 0.5 * (cy0 + cy1),
        value: contact ? force / contactArea : 0,
        contact,
      });
    }
  }
  return cells;
}

/** Area-weighted statistics of a pressure grid over its whole extent (the footprint). */
export interface GridStats {
  /** mean over the footprint, open points counting as 0 [MPa] */
  mean: number;
  /** smallest and largest pressure of the points in contact [MPa]; 0 when none is */
  min: number;
  max: number;
  /** coefficient of variation over the footprint [-] */
  cov: number;
  /** fraction of the footprint area out of contact [-] */
  openFraction: number;
  /** footprint area [mm²] */
  area: number;
}

/** Statistics of a grid with the trapezoid weights of its points. */
export function gridStats(grid: PressureGrid): GridStats {
  const { nx, ny, dx, dy, values, contact } = grid;
  let area = 0;
  let open = 0;
  let force = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const w = pointWeight(j, ny, dy) * pointWeight(i, nx, dx);
      const k = j * nx + i;
      area += w;
      if (!contact[k]) {
        open += w;
        continue;
      }
      force += w * values[k];
      if (values[k] < min) min = values[k];
      if (values[k] > max) max = values[k];
    }
  }
  const mean = area > 0 ? force / area : 0;
  let ss = 0;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      const d = (contact[k] ? values[k] : 0) - mean;
      ss += pointWeight(j, ny, dy) * pointWeight(i, nx, dx) * d * d;
    }
  }
  const inContact = min <= max;
  return {
    mean,
    min: inContact ? min : 0,
    max: inContact ? max : 0,
    cov: mean > 0 && area > 0 ? Math.sqrt(ss / area) / mean : 0,
    openFraction: area > 0 ? open / area : 0,
    area,
  };
}
