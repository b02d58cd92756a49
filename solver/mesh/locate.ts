/** Point location: which quad contains a point, and where in its reference square. */
import { gatherCorners, jacobian, quadBounds, shapeDerivatives, shapeValues } from './bilinear';
import type { QuadMesh } from './quadMesh';

export interface QuadPoint {
  quad: number;
  /** reference coordinates in [-1, 1] */
  r: number;
  s: number;
}

/**
 * Inverts the bilinear map of corners xy (mm) at (x, y) by Newton's method.
 * Returns false if it does not converge; otherwise writes rs[0..1].
 */
export function inverseBilinear(xy: Float64Array, x: number, y: number, rs: Float64Array): boolean {
  const n = new Float64Array(4);
  const dr = new Float64Array(4);
  const ds = new Float64Array(4);
  const jac = new Float64Array(4);
  let r = 0;
  let s = 0;
  for (let it = 0; it < 30; it++) {
    shapeValues(r, s, n);
    let fx = -x;
    let fy = -y;
    for (let a = 0; a < 4; a++) {
      fx += n[a] * xy[2 * a];
      fy += n[a] * xy[2 * a + 1];
    }
    shapeDerivatives(r, s, dr, ds);
    const det = jacobian(xy, dr, ds, jac);
    // [x_r x_s; y_r y_s] [dr; ds] = −[fx; fy]
    const dR = (-jac[3] * fx + jac[2] * fy) / det;
    const dS = (jac[1] * fx - jac[0] * fy) / det;
    r += dR;
    s += dS;
    if (Math.abs(dR) + Math.abs(dS) < 1e-13) {
      rs[0] = r;
      rs[1] = s;
      return true;
    }
  }
  return false;
}

/** The first quad containing (x, y) (mm, edges included to 1e-9), or null. */
export function locatePoint(mesh: QuadMesh, x: number, y: number): QuadPoint | null {
  const { nodes, quads } = mesh;
  const xy = new Float64Array(8);
  const box = new Float64Array(4);
  const rs = new Float64Array(2);
  const nQuads = quads.length / 4;
  for (let e = 0; e < nQuads; e++) {
    quadBounds(nodes, quads, e, box);
    // indexed, not destructured: destructuring a typed array runs its iterator per quad
    const x0 = box[0];
    const x1 = box[1];
    const y0 = box[2];
    const y1 = box[3];
    const tol = 1e-9 * Math.max(x1 - x0, y1 - y0);
    if (x < x0 - tol || x > x1 + tol || y < y0 - tol || y > y1 + tol) continue;
    gatherCorners(nodes, quads, e, xy);
    if (!inverseBilinear(xy, x, y, rs)) continue;
    if (Math.abs(rs[0]) <= 1 + 1e-9 && Math.abs(rs[1]) <= 1 + 1e-9) return { quad: e, r: rs[0], s: rs[1] };
  }
  return null;
}
