import type { AxisSpec } from '../../solver/mesh/axis';
import { footprintRect, padRect, washerDiameter } from './caseGeometry';
import type { Case } from './schema';

/** Growth ratio of the element sizes away from a washer. */
const washerGrowth = 1.3;

/**
 * The two axes of a case's structured mesh [mm]: the target size, lines along the footprint, the
 * pad and frame edges and each washer (edges and axis), and refinement to about a third of the
 * washer radius around each bolt. `buildModel` meshes these and the work budget counts their
 * lines, so the two agree by construction.
 */
export function meshAxisSpecs(c: Case): { x: AxisSpec; y: AxisSpec } {
  const { Lx, Ly } = c.plates;
  const fp = footprintRect(c);
  const h = c.mesh.size;
  const xs = [fp.x0, fp.x1];
  const ys = [fp.y0, fp.y1];
  for (const g of c.gaskets) {
    const r = padRect(g, fp);
    if (g.region.type === 'frame') {
      xs.push(r.x0 + g.region.width, r.x1 - g.region.width);
      ys.push(r.y0 + g.region.width, r.y1 - g.region.width);
    }
    xs.push(r.x0, r.x1);
    ys.push(r.y0, r.y1);
  }
  const rw = washerDiameter(c) / 2;
  const washerSize = Math.min(h, rw / 3);
  for (const b of c.bolts.positions) {
    xs.push(b.x - rw, b.x, b.x + rw);
    ys.push(b.y - rw, b.y, b.y + rw);
  }
  const refined = washerSize < h;
  const refineX = refined
    ? c.bolts.positions.map((b) => ({ at: b.x, size: washerSize, ratio: washerGrowth }))
    : [];
  const refineY = refined
    ? c.bolts.positions.map((b) => ({ at: b.y, size: washerSize, ratio: washerGrowth }))
    : [];
  return {
    x: { from: 0, to: Lx, size: h, lines: xs, refine: refineX },
    y: { from: 0, to: Ly, size: h, lines: ys, refine: refineY },
  };
}
