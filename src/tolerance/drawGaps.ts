import type { ContactProblem } from '../../solver/contact/contactProblem';
import { nominalPreload } from '../case/checkCase';
import type { Case } from '../case/schema';
import { preloadFactors } from '../model/boltMembers';
import { buildModel } from '../model/buildModel';
import { faceHeights, initialGaps } from '../model/initialGaps';

/**
 * The gaps and preloads of a draw that differs from another only in its preload scatter and its
 * plates' flatness, without building its model again: `initialGaps` of the model's own pad
 * stand-off b and the draw's faces, so the same numbers `buildModel` gives, bit for bit (the
 * study's tests compare the two). With flat faces the model's gaps are b itself: the thickest
 * pad column has b = 0 exactly, so nothing is subtracted.
 */
export interface GapBasis {
  /** per interface, per point: the gap with both faces flat [mm], b above */
  flatGap: Float64Array[];
  /** the footprint nodes in increasing order, where the faces are drawn (their RMS is set over them) */
  nodes: Int32Array;
  /** the mesh's node coordinates, xy pairs [mm] */
  meshNodes: Float64Array;
}

/** Whether a case's other inputs are those of `structureKey(c)`: everything but the scatter, the faces and the name. */
export function structureKey(c: Case): string {
  const { name: _name, bolts, plates, ...rest } = c;
  const { scatter: _scatter, ...boltsRest } = bolts;
  const { top, bottom, ...outline } = plates;
  const { flatness: _top, ...topRest } = top;
  const { flatness: _bottom, ...bottomRest } = bottom;
  return JSON.stringify([rest, boltsRest, outline, topRest, bottomRest]);
}

/** The basis of the draws of `c`'s structure: one `buildModel` with flat faces. */
export function gapBasis(c: Case): GapBasis {
  const flat: Case = {
    ...c,
    plates: {
      ...c.plates,
      top: { ...c.plates.top, flatness: { type: 'none' } },
      bottom: { ...c.plates.bottom, flatness: { type: 'none' } },
    },
  };
  const model = buildModel(flat);
  const { mesh, interfaces } = model.problem;
  const nNodes = mesh.nodes.length / 2;
  const on = new Uint8Array(nNodes);
  // every footprint quad carries points of the first interface: its nodes are the footprint nodes
  for (const node of interfaces[0].node) on[node] = 1;
  const nodes: number[] = [];
  for (let i = 0; i < nNodes; i++) if (on[i]) nodes.push(i);
  return {
    flatGap: interfaces.map((itf) => itf.gap),
    nodes: Int32Array.from(nodes),
    meshNodes: Float64Array.from(mesh.nodes),
  };
}

/** Write the gaps [mm] and bolt preloads [N] of draw case `c` into `problem` (of the basis' structure). */
export function writeDrawLoads(basis: GapBasis, c: Case, problem: ContactProblem): void {
  const faces = faceHeights(c, basis.meshNodes, basis.nodes);
  const last = problem.interfaces.length - 1;
  problem.interfaces.forEach((itf, k) => {
    initialGaps(basis.flatGap[k], itf.node, faces, k === 0, k === last, itf.gap);
  });
  const F = nominalPreload(c);
  const factors = preloadFactors(c);
  problem.bolts.forEach((bolt, i) => {
    bolt.preload = F * factors[i];
  });
}
