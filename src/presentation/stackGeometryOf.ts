import { padRect, washerDiameter } from '../case/caseGeometry';
import type { Case } from '../case/schema';
import type { StackModel } from '../model/buildModel';
import type { Rect, SlabPart, StackGeometry } from './stackGeometry';

// exploded-view gaps [mm]: a designer sees every solid, pads apart from cells, plates apart most
const EXPLODE_CELL = 9;
const EXPLODE_PAD = 12;
const EXPLODE_PLATE = 60;

/**
 * Height of each interface [mm], top first: its tallest unloaded column of cells and pads, from
 * the series laws the model built, so the layers stack without overlap.
 */
export function interfaceHeights(model: StackModel): number[] {
  const column = model.lawLayers.map((series) => series.reduce((s, l) => s + l.count * l.thickness, 0));
  return model.problem.interfaces.map((itf) => {
    let h = 0;
    for (const law of itf.law) h = Math.max(h, column[law]);
    return h;
  });
}

/**
 * Mid-plane height of every layer [mm], top first: z = 0 at the bottom face of the lowest plate
 * (or the top of a rigid base, which has no thickness in the model).
 */
export function midPlaneHeights(model: StackModel): number[] {
  const { layers, interfaces } = model.problem;
  const heights = interfaceHeights(model);
  const z = new Array<number>(layers.length).fill(0);
  let face = 0; // top face of the layer below
  for (let l = layers.length - 1; l >= 0; l--) {
    if (l < interfaces.length) face += heights[l];
    const t = layers[l]?.thickness ?? 0;
    z[l] = face + t / 2;
    face += t;
  }
  return z;
}

/** The regions a pad covers, clipped to the footprint as the model clips them [mm]. */
function padRects(g: Case['gaskets'][number], fp: Rect): Rect[] {
  const r = padRect(g, fp);
  if (g.region.type !== 'frame') return [r];
  const w = Math.min(g.region.width, (r.x1 - r.x0) / 2, (r.y1 - r.y0) / 2);
  return [
    { x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y0 + w },
    { x0: r.x0, y0: r.y1 - w, x1: r.x1, y1: r.y1 },
    { x0: r.x0, y0: r.y0 + w, x1: r.x0 + w, y1: r.y1 - w },
    { x0: r.x1 - w, y0: r.y0 + w, x1: r.x1, y1: r.y1 - w },
  ];
}

/**
 * The solids of the solved stack, bottom up, with their z stations [mm] (z = 0 at the bottom face
 * of the lowest plate): plate layers at the thicknesses the model used, a rigid base as a
 * zero-thickness ground, and per interface its bottom pads on the lower plate, its cells, and its
 * top pads under the upper plate, within the interface height the model's laws give.
 */
export function stackGeometryOf(c: Case, model: StackModel): StackGeometry {
  const { layers, interfaces } = model.problem;
  const fp = model.footprint;
  const plateRect: Rect = { x0: 0, y0: 0, x1: c.plates.Lx, y1: c.plates.Ly };
  const heights = interfaceHeights(model);
  const bottomLayer = layers.length - 1;
  const parts: SlabPart[] = [];
  const plate = (l: number, z0: number, lift: number): SlabPart => {
    const t = layers[l]?.thickness ?? 0;
    return {
      kind: layers[l] === null ? 'base' : 'plate',
      name: model.layerNames[l],
      rect: plateRect,
      z0,
      z1: z0 + t,
      upper: l,
      lower: l,
      frac0: 0,
      frac1: 0,
      lift,
      interfaceIndex: -1,
    };
  };
  parts.push(plate(bottomLayer, 0, 0));
  let face = layers[bottomLayer]?.thickness ?? 0;
  let lift = EXPLODE_PLATE;
  const padsOn = (side: 'top' | 'bottom') =>
    c.gaskets.map((g, i) => ({ g, i })).filter(({ g }) => g.side === side || g.side === 'both');
  for (let k = interfaces.length - 1; k >= 0; k--) {
    const h = heights[k];
    const slab = (kind: 'gasket' | 'cell', name: string, rect: Rect, z0: number, z1: number): SlabPart => ({
      kind,
      name,
      rect,
      z0,
      z1,
      upper: k,
      lower: k + 1,
      frac0: h > 0 ? (z0 - face) / h : 0,
      frac1: h > 0 ? (z1 - face) / h : 1,
      lift,
      interfaceIndex: k,
    });
    let below = 0; // thickest bottom pad: the cells sit on it
    if (k === interfaces.length - 1)
      for (const { g, i } of padsOn('bottom')) {
        for (const r of padRects(g, fp))
          parts.push(slab('gasket', `pad ${i + 1} (bottom)`, r, face, face + g.thickness));
        below = Math.max(below, g.thickness);
        lift += EXPLODE_PAD;
      }
    const tc = c.stack.cells.thickness;
    for (let n = 0; n < model.cellsPerInterface[k]; n++) {
      const z0 = face + below + n * tc;
      parts.push(slab('cell', `cell ${n + 1}`, fp, z0, z0 + tc));
      lift += EXPLODE_CELL;
    }
    if (k === 0)
      for (const { g, i } of padsOn('top')) {
        lift += EXPLODE_PAD - EXPLODE_CELL;
        for (const r of padRects(g, fp))
          parts.push(slab('gasket', `pad ${i + 1} (top)`, r, face + h - g.thickness, face + h));
      }
    face += h;
    lift += EXPLODE_PLATE - EXPLODE_CELL;
    parts.push(plate(k, face, lift));
    face += layers[k]?.thickness ?? 0;
    if (k > 0) lift += EXPLODE_PLATE;
  }
  const wd = washerDiameter(c);
  return {
    plate: { Lx: c.plates.Lx, Ly: c.plates.Ly },
    footprint: { ...fp },
    parts,
    bolts: c.bolts.positions.map((p) => ({
      x: p.x,
      y: p.y,
      diameter: c.bolts.diameter,
      washerDiameter: wd,
      springs: c.bolts.springs
        ? {
            count: c.bolts.springs.count,
            freeLength: c.bolts.springs.freeLength,
            solidLength: c.bolts.springs.solidLength,
          }
        : null,
    })),
    zTop: face,
    zBottom: 0,
    topLift: lift,
    topLayer: 0,
    bottomLayer,
  };
}
