import type { ContactInterface } from '../../solver/contact/contactProblem';
import type { GridMesh } from '../../solver/mesh/structured';
import type { Rect } from '../case/checkCase';

/** A map on a regular grid: values[j·nx + i] at (x0 + i·dx, y0 + j·dy). */
export interface RegularGrid {
  x0: number;
  y0: number;
  /** spacing [mm] */
  dx: number;
  dy: number;
  nx: number;
  ny: number;
  values: Float64Array;
  unit: string;
}

/**
 * Nodal pressure [MPa]: the force of the points at each node over their area. Nodes off the
 * footprint get 0 and `mask` 0.
 */
export function nodalPressure(
  itf: ContactInterface,
  p: ArrayLike<number>,
  nNodes: number,
): { values: Float64Array; mask: Uint8Array } {
  const force = new Float64Array(nNodes);
  const area = new Float64Array(nNodes);
  for (let j = 0; j < itf.node.length; j++) {
    force[itf.node[j]] += p[j] * itf.area[j];
    area[itf.node[j]] += itf.area[j];
  }
  const mask = new Uint8Array(nNodes);
  for (let i = 0; i < nNodes; i++) {
    if (area[i] > 0) {
      force[i] /= area[i];
      mask[i] = 1;
    }
  }
  return { values: force, mask };
}

/**
 * Resample a nodal field of a tensor-product mesh onto a regular grid over `rect` with spacing
 * close to `spacing` [mm] (the grid spans the rect exactly), by bilinear interpolation.
 */
export function resampleToGrid(
  mesh: Pick<GridMesh, 'x' | 'y'>,
  nodal: ArrayLike<number>,
  rect: Rect,
  spacing: number,
  unit: string,
): RegularGrid {
  const W = rect.x1 - rect.x0;
  const D = rect.y1 - rect.y0;
  const nx = Math.max(2, Math.round(W / spacing) + 1);
  const ny = Math.max(2, Math.round(D / spacing) + 1);
  const dx = W / (nx - 1);
  const dy = D / (ny - 1);
  const values = new Float64Array(nx * ny);
  const mx = mesh.x.length;
  for (let j = 0; j < ny; j++) {
    const y = rect.y0 + j * dy;
    const [jy, ty] = locate(mesh.y, y);
    for (let i = 0; i < nx; i++) {
      const x = rect.x0 + i * dx;
      const [ix, tx] = locate(mesh.x, x);
      const n00 = jy * mx + ix;
      values[j * nx + i] =
        (1 - tx) * (1 - ty) * nodal[n00] +
        tx * (1 - ty) * nodal[n00 + 1] +
        (1 - tx) * ty * nodal[n00 + mx] +
        tx * ty * nodal[n00 + mx + 1];
    }
  }
  return { x0: rect.x0, y0: rect.y0, dx, dy, nx, ny, values, unit };
}

/** Interval index k with axis[k] ≤ v ≤ axis[k+1] and the local coordinate in [0, 1]. */
function locate(axis: Float64Array, v: number): [number, number] {
  let lo = 0;
  let hi = axis.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (axis[mid] <= v) lo = mid;
    else hi = mid;
  }
  const t = (v - axis[lo]) / (axis[lo + 1] - axis[lo]);
  return [lo, Math.min(1, Math.max(0, t))];
}
