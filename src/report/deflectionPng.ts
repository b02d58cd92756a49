import type { GridMesh } from '../../solver/mesh/structured';
import { resampleToGrid } from '../results/pressureMap';
import { viridis } from './colormap';
import { renderFieldImage } from './fieldImage';

/**
 * `deflection.png`: w of each plate over the whole plate, side by side in the order given (the
 * order of `plates` in result.json), on one shared colour bar in µm (labelled `um`).
 */
export function deflectionPng(mesh: Pick<GridMesh, 'x' | 'y'>, layers: { w: Float64Array }[]): Buffer {
  const rect = { x0: mesh.x[0], y0: mesh.y[0], x1: mesh.x[mesh.x.length - 1], y1: mesh.y[mesh.y.length - 1] };
  const spacing = Math.max(rect.x1 - rect.x0, rect.y1 - rect.y0) / 150;
  const grids = layers.map((l) => resampleToGrid(mesh, l.w, rect, spacing, 'mm'));
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const l of layers) {
    for (const v of l.w) {
      lo = Math.min(lo, v * 1000);
      hi = Math.max(hi, v * 1000);
    }
  }
  if (!(hi > lo)) hi = lo + 1e-9;
  return renderFieldImage(
    grids,
    { lo, hi, colour: viridis, unit: 'um', factor: 1000 },
    300 * Math.min(2, grids.length),
  ).toPng();
}
