/**
 * Geometry of the 4-node bilinear quadrilateral on the reference square [-1, 1]².
 * Local node a sits at (R[a], S[a]) = (-1,-1), (1,-1), (1,1), (-1,1): counter-clockwise.
 * Written for hot loops: every function fills caller-provided Float64Arrays.
 */

/** r of the local nodes */
export const NODE_R = [-1, 1, 1, -1] as const;
/** s of the local nodes */
export const NODE_S = [-1, -1, 1, 1] as const;

/** 2×2 Gauss rule: abscissae ±1/√3, unit weights. */
export const GAUSS2 = 1 / Math.sqrt(3);
export const GAUSS2_POINTS: readonly (readonly [number, number])[] = [
  [-GAUSS2, -GAUSS2],
  [GAUSS2, -GAUSS2],
  [GAUSS2, GAUSS2],
  [-GAUSS2, GAUSS2],
];

/** Shape functions at (r, s) into n[0..3]. */
export function shapeValues(r: number, s: number, n: Float64Array): void {
  n[0] = 0.25 * (1 - r) * (1 - s);
  n[1] = 0.25 * (1 + r) * (1 - s);
  n[2] = 0.25 * (1 + r) * (1 + s);
  n[3] = 0.25 * (1 - r) * (1 + s);
}

/** Shape-function derivatives at (r, s): dr[a] = ∂N_a/∂r, ds[a] = ∂N_a/∂s. */
export function shapeDerivatives(r: number, s: number, dr: Float64Array, ds: Float64Array): void {
  dr[0] = -0.25 * (1 - s);
  dr[1] = 0.25 * (1 - s);
  dr[2] = 0.25 * (1 + s);
  dr[3] = -0.25 * (1 + s);
  ds[0] = -0.25 * (1 - r);
  ds[1] = -0.25 * (1 + r);
  ds[2] = 0.25 * (1 + r);
  ds[3] = 0.25 * (1 - r);
}

/**
 * Jacobian J = [[x_r, y_r], [x_s, y_s]] at the point whose derivatives are in dr, ds,
 * written to jac[0..3] = x_r, y_r, x_s, y_s. Returns det J (mm² per unit reference area).
 * xy holds the element's corner coordinates x0, y0, x1, y1, … (mm).
 */
export function jacobian(xy: Float64Array, dr: Float64Array, ds: Float64Array, jac: Float64Array): number {
  let xr = 0;
  let yr = 0;
  let xs = 0;
  let ys = 0;
  for (let a = 0; a < 4; a++) {
    const x = xy[2 * a];
    const y = xy[2 * a + 1];
    xr += dr[a] * x;
    yr += dr[a] * y;
    xs += ds[a] * x;
    ys += ds[a] * y;
  }
  jac[0] = xr;
  jac[1] = yr;
  jac[2] = xs;
  jac[3] = ys;
  return xr * ys - xs * yr;
}

/** Copies the corner coordinates of quad e of a mesh into xy[0..7]. */
export function gatherCorners(nodes: Float64Array, quads: Int32Array, e: number, xy: Float64Array): void {
  for (let a = 0; a < 4; a++) {
    const node = quads[4 * e + a];
    xy[2 * a] = nodes[2 * node];
    xy[2 * a + 1] = nodes[2 * node + 1];
  }
}

/** Bounding box of quad e into box = [xmin, xmax, ymin, ymax] (mm). */
export function quadBounds(nodes: Float64Array, quads: Int32Array, e: number, box: Float64Array): void {
  let x0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (let a = 0; a < 4; a++) {
    const p = quads[4 * e + a];
    x0 = Math.min(x0, nodes[2 * p]);
    x1 = Math.max(x1, nodes[2 * p]);
    y0 = Math.min(y0, nodes[2 * p + 1]);
    y1 = Math.max(y1, nodes[2 * p + 1]);
  }
  box[0] = x0;
  box[1] = x1;
  box[2] = y0;
  box[3] = y1;
}
