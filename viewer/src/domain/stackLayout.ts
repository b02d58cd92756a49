import type { Case } from '../../../src/index';
import { checkCase } from '../../../src/index';

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * One solid of the assembly drawn as a slab over a rectangle of the mesh. Its faces follow the
 * plates' deflection: a plate moves with its own w; a pad or cell between plates `upper` and
 * `lower` follows w_lower + frac·(w_upper − w_lower), with frac 0 at the lower plate and 1 at the upper.
 */
export interface SlabPart {
  kind: 'plate' | 'base' | 'gasket' | 'cell';
  name: string;
  rect: Rect;
  /** undeformed z of the bottom and top faces [mm] */
  z0: number;
  z1: number;
  /** plate layers whose deflection it follows (layer index, top = 0) */
  upper: number;
  lower: number;
  frac0: number;
  frac1: number;
  /** exploded-view lift [mm] */
  lift: number;
  /** interface index for cells and pads */
  interfaceIndex: number;
}

export interface BoltHardware {
  x: number;
  y: number;
  diameter: number;
  washerDiameter: number;
  springs: { count: number; freeLength: number; solidLength: number } | null;
}

export interface StackLayout {
  plate: { Lx: number; Ly: number };
  footprint: Rect;
  parts: SlabPart[];
  bolts: BoltHardware[];
  /** z of the top face of the top plate and the bottom face of the lowest solid [mm] */
  zTop: number;
  zBottom: number;
  /** exploded-view lift of the top plate [mm] */
  topLift: number;
  /** layer index of the top plate and of the lowest layer */
  topLayer: number;
  bottomLayer: number;
}

const EXPLODE_CELL = 9;
const EXPLODE_PAD = 12;
const EXPLODE_PLATE = 60;

function gasketRects(g: Case['gaskets'][number], fp: Rect): Rect[] {
  const r = g.region;
  if (r.type === 'full') return [fp];
  if (r.type === 'rect') return [{ x0: r.x0, y0: r.y0, x1: r.x1, y1: r.y1 }];
  const w = r.width;
  return [
    { x0: fp.x0, y0: fp.y0, x1: fp.x1, y1: fp.y0 + w },
    { x0: fp.x0, y0: fp.y1 - w, x1: fp.x1, y1: fp.y1 },
    { x0: fp.x0, y0: fp.y0 + w, x1: fp.x0 + w, y1: fp.y1 - w },
    { x0: fp.x1 - w, y0: fp.y0 + w, x1: fp.x1, y1: fp.y1 - w },
  ];
}

/** The solids of a case from the bottom up, with their z stations; `cellsPerInterface` from the solved model. */
export function stackLayout(
  input: unknown,
  cellsPerInterface: readonly number[],
  footprint: Rect,
): StackLayout {
  const c = checkCase(input).case;
  const { Lx, Ly } = c.plates;
  const plateRect: Rect = { x0: 0, y0: 0, x1: Lx, y1: Ly };
  const nInterfaces = cellsPerInterface.length;
  const bottomLayer = nInterfaces;
  const parts: SlabPart[] = [];
  const bottom = c.plates.bottom;
  const rigid = 'rigid' in bottom;
  const tBottom = 'thickness' in bottom ? bottom.thickness : 20;
  parts.push({
    kind: rigid ? 'base' : 'plate',
    name: rigid ? 'rigid base' : 'bottom plate',
    rect: plateRect,
    z0: -tBottom,
    z1: 0,
    upper: bottomLayer,
    lower: bottomLayer,
    frac0: 0,
    frac1: 0,
    lift: 0,
    interfaceIndex: -1,
  });
  let z = 0;
  let lift = EXPLODE_PLATE;
  const interleaf = c.stack.interleaf;
  for (let k = nInterfaces - 1; k >= 0; k--) {
    const upper = k;
    const lower = k + 1;
    const items: { kind: 'gasket' | 'cell'; name: string; rects: Rect[]; t: number }[] = [];
    const pads = (side: 'top' | 'bottom') =>
      c.gaskets
        .filter((g) => g.side === side || g.side === 'both')
        .map((g, i) => ({
          kind: 'gasket' as const,
          name: `${side} pad ${i + 1}`,
          rects: gasketRects(g, footprint),
          t: g.thickness,
        }));
    if (k === nInterfaces - 1) items.push(...pads('bottom'));
    for (let n = 0; n < cellsPerInterface[k]; n++)
      items.push({ kind: 'cell', name: `cell ${n + 1}`, rects: [footprint], t: c.stack.cells.thickness });
    if (k === 0) items.push(...pads('top'));
    const h = items.reduce((s, it) => s + it.t, 0);
    let zi = z;
    for (const it of items) {
      for (const rect of it.rects)
        parts.push({
          kind: it.kind,
          name: it.name,
          rect,
          z0: zi,
          z1: zi + it.t,
          upper,
          lower,
          frac0: (zi - z) / h,
          frac1: (zi + it.t - z) / h,
          lift,
          interfaceIndex: k,
        });
      zi += it.t;
      lift += it.kind === 'cell' ? EXPLODE_CELL : EXPLODE_PAD;
    }
    z += h;
    lift += EXPLODE_PLATE - EXPLODE_CELL;
    const t = k === 0 ? c.plates.top.thickness : (interleaf?.thickness ?? 1);
    parts.push({
      kind: 'plate',
      name: k === 0 ? 'top plate' : `interleaf ${k}`,
      rect: k === 0 ? plateRect : footprint,
      z0: z,
      z1: z + t,
      upper: k,
      lower: k,
      frac0: 0,
      frac1: 0,
      lift,
      interfaceIndex: -1,
    });
    z += t;
    if (k > 0) lift += EXPLODE_PLATE;
  }
  const wd = c.bolts.washerDiameter ?? 2 * c.bolts.diameter;
  return {
    plate: { Lx, Ly },
    footprint,
    parts,
    bolts: c.bolts.positions.map((p) => ({
      x: p.x,
      y: p.y,
      diameter: c.bolts.diameter,
      washerDiameter: wd,
      springs: c.bolts.springs ?? null,
    })),
    zTop: z,
    zBottom: -tBottom,
    topLift: lift,
    topLayer: 0,
    bottomLayer,
  };
}
