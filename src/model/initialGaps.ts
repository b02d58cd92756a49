/**
 * The initial gap of every contact point: how far the layers between two plates stand off before
 * any load. One formula for the model and for a tolerance draw that only changes the faces, so
 * the two give the same gaps bit for bit.
 */
import type { Case } from '../case/schema';
import { surfaceHeight } from './surfaceHeight';

/** Both plates' face heights toward the stack [mm] at every mesh node (0 off the footprint). */
export interface FaceHeights {
  top: Float64Array;
  bottom: Float64Array;
}

/**
 * The faces of `c`'s plates at the footprint nodes `footprintNodes` (increasing) of a mesh with
 * node coordinates `nodes` (xy pairs [mm]); the other nodes get 0.
 */
export function faceHeights(
  c: Case,
  nodes: ArrayLike<number>,
  footprintNodes: ArrayLike<number>,
): FaceHeights {
  const nNodes = nodes.length / 2;
  const xy = new Float64Array(2 * footprintNodes.length);
  for (let k = 0; k < footprintNodes.length; k++) {
    xy[2 * k] = nodes[2 * footprintNodes[k]];
    xy[2 * k + 1] = nodes[2 * footprintNodes[k] + 1];
  }
  const { Lx, Ly } = c.plates;
  const onNodes = (h: Float64Array) => {
    const full = new Float64Array(nNodes);
    for (let k = 0; k < footprintNodes.length; k++) full[footprintNodes[k]] = h[k];
    return full;
  };
  return {
    top: onNodes(surfaceHeight(c.plates.top.flatness, xy, Lx, Ly)),
    bottom: onNodes(surfaceHeight(c.plates.bottom.flatness, xy, Lx, Ly)),
  };
}

/**
 * gap_j = b_j − face_j − min_j(b_j − face_j) [mm]: b_j how much thinner than the thickest column
 * the pads over point j are, face_j the heights of the faces bounding this interface at its node
 * (the top face on the first interface, the bottom face on the last: surfaces that bulge toward
 * the stack close the gap), and the layers first touch at zero gap. Written into `gap`.
 */
export function initialGaps(
  padGap: ArrayLike<number>,
  pointNode: ArrayLike<number>,
  faces: FaceHeights,
  onTop: boolean,
  onBottom: boolean,
  gap: Float64Array,
): Float64Array {
  let minGap = Number.POSITIVE_INFINITY;
  for (let j = 0; j < gap.length; j++) {
    const node = pointNode[j];
    const face = (onTop ? faces.top[node] : 0) + (onBottom ? faces.bottom[node] : 0);
    gap[j] = padGap[j] - face;
    minGap = Math.min(minGap, gap[j]);
  }
  for (let j = 0; j < gap.length; j++) gap[j] -= minGap;
  return gap;
}
