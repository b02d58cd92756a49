import type { PressureGrid } from '../resultFields';

/** Most points along a side of a resampled plate field: finer adds nothing a figure can show. */
export const MAX_PLATE_POINTS = 151;

/**
 * A nodal field of the tensor-product mesh (node (i, j) at index j·nx + i) resampled by bilinear
 * interpolation onto a regular grid over the mesh's extent, at most `maxPoints` a side, every
 * point "in contact" so a map draws all of it. Lets plate fields use the pressure maps' drawing.
 * `points` along each side (at least 2).
 */
export function nodalGrid(
  meshX: Float64Array,
  meshY: Float64Array,
  values: Float64Array,
  scale = 1,
  maxPoints = MAX_PLATE_POINTS,
): PressureGrid {
  const mx = meshX.length;
  const nx = Math.max(2, maxPoints);
  const ny = Math.max(2, maxPoints);
  const x0 = meshX[0];
  const y0 = meshY[0];
  const dx = (meshX[mx - 1] - x0) / (nx - 1);
  const dy = (meshY[meshY.length - 1] - y0) / (ny - 1);
  const out = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++) {
    const [jy, ty] = locate(meshY, y0 + j * dy);
    for (let i = 0; i < nx; i++) {
      const [ix, tx] = locate(meshX, x0 + i * dx);
      const n = jy * mx + ix;
      const up = Math.min(1, meshY.length - 1 - jy) * mx;
      const right = Math.min(1, mx - 1 - ix);
      out[j * nx + i] =
        scale *
        ((1 - tx) * (1 - ty) * values[n] +
          tx * (1 - ty) * values[n + right] +
          (1 - tx) * ty * values[n + up] +
          tx * ty * values[n + up + right]);
    }
  }
  return { x0, y0, dx, dy, nx, ny, values: out, contact: new Uint8Array(nx * ny).fill(1) };
}

/** Interval k with axis[k] ≤ v ≤ axis[k + 1] and the local coordinate t ∈ [0, 1]. */
function locate(axis: Float64Array, v: number): [number, number] {
  let lo = 0;
  let hi = axis.length - 1;
  if (hi < 1) return [0, 0];
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (axis[mid] <= v) lo = mid;
    else hi = mid;
  }
  const span = axis[lo + 1] - axis[lo];
  return [lo, span > 0 ? Math.min(1, Math.max(0, (v - axis[lo]) / span)) : 0];
}
