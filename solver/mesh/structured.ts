/**
 * Structured rectangular quad meshes. Node (i, j) at (x[i], y[j]) has index j·nx + i with
 * nx = x.length; quad (i, j) has corners (i,j), (i+1,j), (i+1,j+1), (i,j+1) —
 * counter-clockwise — and index j·(nx−1) + i.
 */
import { type AxisSpec, axisCoordinates } from './axis';
import type { QuadMesh } from './quadMesh';

export interface GridMesh extends QuadMesh {
  /** mesh-line x coordinates, increasing (mm) */
  x: Float64Array;
  /** mesh-line y coordinates, increasing (mm) */
  y: Float64Array;
}

/** Tensor-product mesh on the given mesh lines (mm, strictly increasing, ≥ 2 each). */
export function gridMesh(x: Float64Array, y: Float64Array): GridMesh {
  const nx = x.length;
  const ny = y.length;
  const nodes = new Float64Array(2 * nx * ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const k = j * nx + i;
      nodes[2 * k] = x[i];
      nodes[2 * k + 1] = y[j];
    }
  }
  const quads = new Int32Array(4 * (nx - 1) * (ny - 1));
  let q = 0;
  for (let j = 0; j + 1 < ny; j++) {
    for (let i = 0; i + 1 < nx; i++) {
      const k = j * nx + i;
      quads[q++] = k;
      quads[q++] = k + 1;
      quads[q++] = k + 1 + nx;
      quads[q++] = k + nx;
    }
  }
  return { nodes, quads, x, y };
}

/**
 * Rectangular mesh from two axis specifications (target size, forced lines, refinement).
 * @example rectangleMesh({ from: 0, to: 200, size: 10, lines: [20, 180] }, { from: 0, to: 100, size: 10 })
 */
export function rectangleMesh(xSpec: AxisSpec, ySpec: AxisSpec): GridMesh {
  return gridMesh(axisCoordinates(xSpec, 'x'), axisCoordinates(ySpec, 'y'));
}

/** Uniform nx × ny-element mesh of the rectangle [x0, x0+a] × [y0, y0+b] (mm). */
export function uniformRectangleMesh(a: number, b: number, nx: number, ny: number, x0 = 0, y0 = 0): GridMesh {
  const x = new Float64Array(nx + 1);
  const y = new Float64Array(ny + 1);
  for (let i = 0; i <= nx; i++) x[i] = x0 + (a * i) / nx;
  for (let j = 0; j <= ny; j++) y[j] = y0 + (b * j) / ny;
  return gridMesh(x, y);
}
