/**
 * The solids of a solved stack, as they are drawn: plates, pads and cells as rectangular slabs with
 * their z stations, and the bolts with washers and springs. Derived from the model that was solved
 * (`stackGeometryOf`), never from the case file again, so the picture shows what was computed.
 */

/** An axis-aligned rectangle [mm]. */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * One solid drawn as a slab over a rectangle. Its faces follow the plates' deflection: a plate
 * moves with its own w; a pad or cell between plate layers `upper` and `lower` follows
 * w_lower + frac·(w_upper − w_lower), with frac 0 at the lower plate and 1 at the upper.
 */
export interface SlabPart {
  /** 'base' is a rigid base: it has no thickness in the model, so z0 = z1 = its top face */
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
  /** interface index for cells and pads, −1 for plates */
  interfaceIndex: number;
}

export interface BoltHardware {
  /** bolt axis [mm] */
  x: number;
  y: number;
  /** nominal diameter and washer outer diameter [mm] */
  diameter: number;
  washerDiameter: number;
  /** springs under the head [mm lengths], or null */
  springs: { count: number; freeLength: number; solidLength: number } | null;
}

export interface StackGeometry {
  /** plate outline [mm], corner at the origin */
  plate: { Lx: number; Ly: number };
  footprint: Rect;
  parts: SlabPart[];
  bolts: BoltHardware[];
  /** z of the top face of the top plate and of the bottom face of the lowest solid [mm] */
  zTop: number;
  zBottom: number;
  /** exploded-view lift of the top plate [mm] */
  topLift: number;
  /** layer index of the top plate and of the lowest layer */
  topLayer: number;
  bottomLayer: number;
}
