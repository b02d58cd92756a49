/** Nodal tributary areas A_i = ∫ N_i dA, the lumped weights for nodal springs and pressures. */
import { GAUSS2_POINTS, gatherCorners, jacobian, shapeDerivatives, shapeValues } from './bilinear';
import type { QuadMesh } from './quadMesh';

/**
 * ∫ N_i dA per node (mm²), 2×2 Gauss (exact for bilinear quads). The sum is the mesh area.
 * @param quadMask optional per-quad weight (e.g. 0/1 to restrict to a footprint)
 */
export function tributaryAreas(mesh: QuadMesh, quadMask?: ArrayLike<number>): Float64Array {
  const { nodes, quads } = mesh;
  const out = new Float64Array(nodes.length / 2);
  const xy = new Float64Array(8);
  const n = new Float64Array(4);
  const dr = new Float64Array(4);
  const ds = new Float64Array(4);
  const jac = new Float64Array(4);
  const nQuads = quads.length / 4;
  for (let e = 0; e < nQuads; e++) {
    const weight = quadMask ? quadMask[e] : 1;
    if (weight === 0) continue;
    gatherCorners(nodes, quads, e, xy);
    for (const [r, s] of GAUSS2_POINTS) {
      shapeValues(r, s, n);
      shapeDerivatives(r, s, dr, ds);
      const dA = weight * jacobian(xy, dr, ds, jac);
      for (let a = 0; a < 4; a++) out[quads[4 * e + a]] += n[a] * dA;
    }
  }
  return out;
}
