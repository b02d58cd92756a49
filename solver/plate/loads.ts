/**
 * Load vectors of a plate, indexed by local dof 3·node + {0: w, 1: rx, 2: ry}.
 * Forces act along +z (N); pressures along +z (MPa). All functions ADD into f.
 */
import { gatherCorners, jacobian, quadBounds, shapeDerivatives, shapeValues } from '../mesh/bilinear';
import { locatePoint } from '../mesh/locate';
import type { QuadMesh } from '../mesh/quadMesh';
import { mitc4PressureLoad } from './mitc4';

/** A force along +z at a node (N). */
export interface NodalForce {
  node: number;
  fz: number;
}

/** A force spread uniformly over a disc, e.g. a washer or bolt-head footprint. */
export interface PatchForce {
  /** centre (mm) */
  x: number;
  y: number;
  /** radius (mm), ≥ 0 (0: a point force) */
  radius: number;
  /** total force along +z (N) */
  force: number;
}

export class LoadError extends Error {
  override name = 'LoadError';
}

/**
 * Consistent nodal loads of pressure q (MPa, along +z): one value for all quads or one per quad.
 */
export function addPressure(mesh: QuadMesh, q: number | ArrayLike<number>, f: Float64Array): void {
  const nQuads = mesh.quads.length / 4;
  const xy = new Float64Array(8);
  const fe = new Float64Array(12);
  for (let e = 0; e < nQuads; e++) {
    const qe = typeof q === 'number' ? q : q[e];
    if (qe === 0) continue;
    gatherCorners(mesh.nodes, mesh.quads, e, xy);
    mitc4PressureLoad(xy, qe, fe);
    for (let a = 0; a < 4; a++) f[3 * mesh.quads[4 * e + a]] += fe[3 * a];
  }
}

/** Adds nodal forces fz (N) to the w dofs. */
export function addNodalForces(loads: readonly NodalForce[], f: Float64Array): void {
  for (const { node, fz } of loads) f[3 * node] += fz;
}

/**
 * A force at an arbitrary point (mm), distributed to the corners of the containing quad by
 * the shape functions (consistent point load).
 * @throws LoadError if the point is outside the mesh
 */
export function addPointForce(mesh: QuadMesh, x: number, y: number, force: number, f: Float64Array): void {
  const at = locatePoint(mesh, x, y);
  if (!at) throw new LoadError(`point force at (${x}, ${y}) mm — outside the mesh`);
  const n = new Float64Array(4);
  shapeValues(at.r, at.s, n);
  for (let a = 0; a < 4; a++) f[3 * mesh.quads[4 * at.quad + a]] += force * n[a];
}

/**
 * Force spread uniformly over a disc (washer footprint), distributed consistently
 * (∫ p N_a dA) to the corners of every quad the disc covers. Each candidate quad is
 * sub-sampled with an m×m midpoint rule (m grows as the disc shrinks relative to the quad);
 * the pressure is then scaled so that the nodal forces sum to `force` exactly.
 * A disc of radius ≤ 1/16 of its quad (or one catching no sample) acts as a point force at its centre.
 * @returns the sampled disc area (mm²) actually used
 */
export function addPatchForce(mesh: QuadMesh, patch: PatchForce, f: Float64Array): number {
  const { x: cx, y: cy, radius: R, force } = patch;
  if (!(R >= 0) || !Number.isFinite(R)) throw new LoadError(`patch radius: ${R} mm — must be ≥ 0`);
  const { nodes, quads } = mesh;
  // A disc much smaller than its quad acts as a point force at its centre: the nodal split
  // differs from the distributed one by O((R/h)²) < 0.4 %, total and centroid stay exact.
  const home = locatePoint(mesh, cx, cy);
  if (R === 0 || (home && R <= quadSize(nodes, quads, home.quad) / 16)) {
    addPointForce(mesh, cx, cy, force, f);
    return 0;
  }
  const nQuads = quads.length / 4;
  const xy = new Float64Array(8);
  const box = new Float64Array(4);
  const n = new Float64Array(4);
  const dr = new Float64Array(4);
  const ds = new Float64Array(4);
  const jac = new Float64Array(4);
  const fe = new Float64Array(4);
  const touched: number[] = [];
  const partial: number[] = [];
  let area = 0;
  for (let e = 0; e < nQuads; e++) {
    quadBounds(nodes, quads, e, box);
    // indexed, not destructured: destructuring a typed array runs its iterator per quad
    const x0 = box[0];
    const x1 = box[1];
    const y0 = box[2];
    const y1 = box[3];
    // Skip quads whose bounding box misses the disc.
    const dx = Math.max(x0 - cx, 0, cx - x1);
    const dy = Math.max(y0 - cy, 0, cy - y1);
    if (dx * dx + dy * dy > R * R) continue;
    gatherCorners(nodes, quads, e, xy);
    const m = Math.min(256, Math.max(8, Math.ceil((16 * Math.max(x1 - x0, y1 - y0)) / R)));
    fe.fill(0);
    let ae = 0;
    for (let i = 0; i < m; i++) {
      const r = -1 + (2 * i + 1) / m;
      for (let j = 0; j < m; j++) {
        const s = -1 + (2 * j + 1) / m;
        shapeValues(r, s, n);
        let px = 0;
        let py = 0;
        for (let a = 0; a < 4; a++) {
          px += n[a] * xy[2 * a];
          py += n[a] * xy[2 * a + 1];
        }
        if ((px - cx) ** 2 + (py - cy) ** 2 > R * R) continue;
        shapeDerivatives(r, s, dr, ds);
        const dA = (jacobian(xy, dr, ds, jac) * 4) / (m * m);
        ae += dA;
        for (let a = 0; a < 4; a++) fe[a] += n[a] * dA;
      }
    }
    if (ae === 0) continue;
    area += ae;
    touched.push(e);
    partial.push(fe[0], fe[1], fe[2], fe[3]);
  }
  if (area === 0) {
    addPointForce(mesh, cx, cy, force, f);
    return 0;
  }
  const p = force / area;
  touched.forEach((e, k) => {
    for (let a = 0; a < 4; a++) f[3 * quads[4 * e + a]] += p * partial[4 * k + a];
  });
  return area;
}

/** Largest bounding-box side of quad e (mm). */
function quadSize(nodes: Float64Array, quads: Int32Array, e: number): number {
  const box = new Float64Array(4);
  quadBounds(nodes, quads, e, box);
  return Math.max(box[1] - box[0], box[3] - box[2]);
}

/** Total force along +z (N) of a load vector: the sum of its w entries. */
export function totalForce(f: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < f.length; i += 3) s += f[i];
  return s;
}
