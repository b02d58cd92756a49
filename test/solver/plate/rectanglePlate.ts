/** Test fixtures: uniformly meshed rectangular plates with simple or clamped edges. */
import { nodesOnLine } from '../../../solver/mesh/query';
import { type GridMesh, uniformRectangleMesh } from '../../../solver/mesh/structured';
import { createPlateModel, type PlateModel, type Support } from '../../../solver/plate/plateModel';

export type Edges = 'simple' | 'clamped';

/**
 * Supports of a rectangle [0, a] × [0, b]. 'simple' is the hard simple support of the Mindlin
 * Navier solution: w = 0 and the rotation about the edge normal (the tangential rotation) = 0.
 */
export function rectangleSupports(mesh: GridMesh, a: number, b: number, edges: Edges): Support[] {
  const out: Support[] = [];
  const onX = (x: number) => nodesOnLine(mesh, 'x', x, 1e-9 * a);
  const onY = (y: number) => nodesOnLine(mesh, 'y', y, 1e-9 * b);
  for (const node of [...onX(0), ...onX(a)])
    out.push({ node, dofs: edges === 'simple' ? ['w', 'rx'] : ['w', 'rx', 'ry'] });
  for (const node of [...onY(0), ...onY(b)])
    out.push({ node, dofs: edges === 'simple' ? ['w', 'ry'] : ['w', 'rx', 'ry'] });
  return out;
}

export interface RectanglePlate {
  mesh: GridMesh;
  model: PlateModel;
  /** node at the centre (nx, ny even) */
  centre: number;
}

export function rectanglePlate(
  a: number,
  b: number,
  nx: number,
  ny: number,
  t: number,
  E: number,
  nu: number,
  edges: Edges,
): RectanglePlate {
  const mesh = uniformRectangleMesh(a, b, nx, ny);
  const model = createPlateModel(mesh, { E, nu, thickness: t }, rectangleSupports(mesh, a, b, edges));
  return { mesh, model, centre: (ny / 2) * (nx + 1) + nx / 2 };
}

/** Least-squares slope of log(error) against log(h). */
export function convergenceRate(h: number[], err: number[]): number {
  const x = h.map(Math.log);
  const y = err.map(Math.log);
  const mx = x.reduce((s, v) => s + v, 0) / x.length;
  const my = y.reduce((s, v) => s + v, 0) / y.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
  }
  return sxy / sxx;
}
