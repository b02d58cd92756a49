import type { PressureGrid } from '../../../src/presentation/resultFields';

/** The grid point under a position on a map, as the map's readout shows it. */
export interface GridReading {
  /** the point's indices along x and y */
  i: number;
  j: number;
  /** the point's position [mm] */
  x: number;
  y: number;
  /** its pressure [MPa], or null where the grid says no contact */
  pressure: number | null;
}

/** Index of the point nearest `v` along an axis of `n` points from `v0` at spacing `d`, or -1 off the axis. */
function nearestIndex(v: number, v0: number, d: number, n: number): number {
  if (n < 2) return v === v0 ? 0 : -1;
  const end = v0 + (n - 1) * d;
  // the map draws the grid over exactly [v0, end] (each point's cell clipped to it), so beyond it is no cell
  if (!(v >= v0 && v <= end)) return -1;
  return Math.min(n - 1, Math.max(0, Math.round((v - v0) / d)));
}

/**
 * The grid point whose cell holds (x, y) [mm] — the nearest point, since each point stands for the
 * cell half a spacing around it — with its pressure [MPa] from the grid itself, or null outside the
 * grid's extent (or for a non-finite position).
 */
export function gridReadingAt(grid: PressureGrid, x: number, y: number): GridReading | null {
  const i = nearestIndex(x, grid.x0, grid.dx, grid.nx);
  const j = nearestIndex(y, grid.y0, grid.dy, grid.ny);
  if (i < 0 || j < 0) return null;
  const k = j * grid.nx + i;
  return {
    i,
    j,
    x: grid.x0 + i * grid.dx,
    y: grid.y0 + j * grid.dy,
    pressure: grid.contact[k] ? grid.values[k] : null,
  };
}
