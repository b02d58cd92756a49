import type { ContactProblem } from '../../solver/contact/contactProblem';
import { nominalPreload } from '../case/checkCase';
import type { Case } from '../case/schema';
import { preloadFactors } from '../model/boltMembers';
import { buildModel } from '../model/buildModel';
import { surfaceHeight } from '../model/surfaceHeight';

/**
 * The gaps and preloads of a draw that differs from another only in its preload scatter and its
 * plates' flatness, without building its model again: the same numbers `buildModel` gives, bit
 * for bit (the study's tests compare the two). `buildModel` sets a point's gap to
 * g = b − f − min(b − f): b from the pads' thicknesses, f the face heights (the top face on the
 * first interface, the bottom face on the last). With flat faces min(b) = 0 (the thickest pad
 * column has b = 0 exactly), so the gaps of the case with flat faces are b itself.
 */
export interface GapBasis {
  /** per interface, per point: the gap with both faces flat [mm], b above */
  flatGap: Float64Array[];
  /** the footprint nodes in increasing order, where the faces are drawn (their RMS is set over them) */
  nodes: Int32Array;
  /** their coordinates, xy pairs [mm] */
  xy: Float64Array;
  nNodes: number;
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
  const xy = new Float64Array(2 * nodes.length);
  nodes.forEach((node, k) => {
    xy[2 * k] = mesh.nodes[2 * node];
    xy[2 * k + 1] = mesh.nodes[2 * node + 1];
  });
  return { flatGap: interfaces.map((itf) => itf.gap), nodes: Int32Array.from(nodes), xy, nNodes };
}

/** Write the gaps [mm] and bolt preloads [N] of draw case `c` into `problem` (of the basis' structure). */
export function writeDrawLoads(basis: GapBasis, c: Case, problem: ContactProblem): void {
  const { Lx, Ly } = c.plates;
  const onNodes = (h: Float64Array) => {
    const full = new Float64Array(basis.nNodes);
    basis.nodes.forEach((node, k) => {
      full[node] = h[k];
    });
    return full;
  };
  const hTop = onNodes(surfaceHeight(c.plates.top.flatness, basis.xy, Lx, Ly));
  const hBottom = onNodes(surfaceHeight(c.plates.bottom.flatness, basis.xy, Lx, Ly));
  const last = problem.interfaces.length - 1;
  problem.interfaces.forEach((itf, k) => {
    const b = basis.flatGap[k];
    const gap = itf.gap;
    let minGap = Number.POSITIVE_INFINITY;
    for (let j = 0; j < gap.length; j++) {
      // the order of buildModel's additions: (top or 0) + (bottom or 0), then b − face
      const face = (k === 0 ? hTop[itf.node[j]] : 0) + (k === last ? hBottom[itf.node[j]] : 0);
      gap[j] = b[j] - face;
      minGap = Math.min(minGap, gap[j]);
    }
    for (let j = 0; j < gap.length; j++) gap[j] -= minGap;
  });
  const F = nominalPreload(c);
  const factors = preloadFactors(c);
  problem.bolts.forEach((bolt, i) => {
    bolt.preload = F * factors[i];
  });
}
