import type { Case, GasketCase } from './schema';

/** Footprint rectangle of the cell stack in plate coordinates [mm]. */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function footprintRect(c: Case): Rect {
  const { width, depth } = c.stack.footprint;
  const cx = c.stack.footprint.cx ?? c.plates.Lx / 2;
  const cy = c.stack.footprint.cy ?? c.plates.Ly / 2;
  return { x0: cx - width / 2, y0: cy - depth / 2, x1: cx + width / 2, y1: cy + depth / 2 };
}

/** Nominal preload of one bolt [N] before scatter: the force, or T/(K·d). */
export function nominalPreload(c: Case): number {
  const pre = c.bolts.preload;
  return 'force' in pre ? pre.force : pre.torque / (pre.nutFactor * c.bolts.diameter);
}

/** Washer outer diameter [mm]: as given, else twice the bolt diameter. */
export function washerDiameter(c: Case): number {
  return c.bolts.washerDiameter ?? 2 * c.bolts.diameter;
}

/** A pad's region clipped to the cell footprint [mm] (the whole footprint unless a rectangle). */
export function padRect(g: GasketCase, fp: Rect): Rect {
  if (g.region.type !== 'rect') return fp;
  const r = g.region;
  return {
    x0: Math.max(r.x0, fp.x0),
    y0: Math.max(r.y0, fp.y0),
    x1: Math.min(r.x1, fp.x1),
    y1: Math.min(r.y1, fp.y1),
  };
}
