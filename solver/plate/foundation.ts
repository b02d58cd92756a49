/**
 * Winkler foundation under a plate: pressure p = k·w (MPa) on the +z side, i.e. it resists
 * positive w (the direction positive loads push). Bonded: acts in both directions.
 * Tensionless: acts only where w > 0 (in contact); where the plate lifts off (w ≤ 0) the
 * contact force is exactly zero.
 *
 * Lumped integration puts k·∫N_i dA on each node's w dof (a size-1 group); consistent
 * integration uses k∫N_a N_b dA per quad (a size-4 group). The tensionless iteration uses
 * nodal contact status, so it requires lumped integration.
 */
import { gatherCorners } from '../mesh/bilinear';
import type { QuadMesh } from '../mesh/quadMesh';
import { tributaryAreas } from '../mesh/tributary';
import type { ElementGroup } from '../sparse/types';
import { mitc4FoundationConsistent } from './mitc4';

export interface FoundationSpec {
  /** modulus (N/mm³): one value, or one per quad (0 leaves a quad unsupported) */
  k: number | ArrayLike<number>;
  /** only compression (default false: bonded) */
  tensionless?: boolean;
  /** default 'lumped' */
  integration?: 'lumped' | 'consistent';
}

export interface Foundation {
  integration: 'lumped' | 'consistent';
  tensionless: boolean;
  /** lumped: size 1, one w dof per supported node; consistent: size 4, the w dofs of each quad. Fixed dofs negative. */
  group: ElementGroup;
  /** nodes of the size-1 group (lumped) */
  nodes: Int32Array;
  /** full-activity blocks: lumped nElem (N/mm), consistent nElem·16 */
  blocks: Float64Array;
  /** k_i = Σ_e k_e ∫N_i dA per mesh node (N/mm) */
  nodalStiffness: Float64Array;
  /** ∫N_i dA per mesh node over the supported quads (mm²) */
  nodalArea: Float64Array;
}

/**
 * Builds the foundation group of a plate.
 * @param wDof global w dof of every node, negative where w is fixed (PlateModel: dofOffset + 3·node, or −1)
 */
export function createFoundation(mesh: QuadMesh, spec: FoundationSpec, wDof: Int32Array): Foundation {
  const nQuads = mesh.quads.length / 4;
  const nNodes = mesh.nodes.length / 2;
  const integration = spec.integration ?? 'lumped';
  const tensionless = spec.tensionless ?? false;
  if (tensionless && integration !== 'lumped') {
    throw new Error(
      "foundation.integration: 'consistent' — a tensionless foundation needs 'lumped' (nodal contact status)",
    );
  }
  const kq = new Float64Array(nQuads);
  if (typeof spec.k === 'number') kq.fill(spec.k);
  else kq.set(Array.from(spec.k));
  const mask = new Float64Array(nQuads);
  for (let e = 0; e < nQuads; e++) mask[e] = kq[e] > 0 ? 1 : 0;
  const nodalStiffness = tributaryAreas(mesh, kq);
  const nodalArea = tributaryAreas(mesh, mask);

  if (integration === 'lumped') {
    let count = 0;
    for (let i = 0; i < nNodes; i++) if (nodalStiffness[i] > 0) count++;
    const nodes = new Int32Array(count);
    const dofs = new Int32Array(count);
    const blocks = new Float64Array(count);
    for (let i = 0, j = 0; i < nNodes; i++) {
      if (!(nodalStiffness[i] > 0)) continue;
      nodes[j] = i;
      dofs[j] = wDof[i];
      blocks[j] = nodalStiffness[i];
      j++;
    }
    return { integration, tensionless, group: { size: 1, dofs }, nodes, blocks, nodalStiffness, nodalArea };
  }
  const dofs = new Int32Array(4 * nQuads);
  const blocks = new Float64Array(16 * nQuads);
  const xy = new Float64Array(8);
  for (let e = 0; e < nQuads; e++) {
    for (let a = 0; a < 4; a++) dofs[4 * e + a] = wDof[mesh.quads[4 * e + a]];
    if (kq[e] === 0) continue;
    gatherCorners(mesh.nodes, mesh.quads, e, xy);
    mitc4FoundationConsistent(xy, kq[e], blocks, 16 * e);
  }
  return {
    integration,
    tensionless,
    group: { size: 4, dofs },
    nodes: new Int32Array(0),
    blocks,
    nodalStiffness,
    nodalArea,
  };
}

/**
 * Blocks for the current contact status: lumped blocks with inactive nodes zeroed.
 * @param active per entry of foundation.nodes, 1 in contact
 */
export function activeFoundationBlocks(
  foundation: Foundation,
  active: Uint8Array,
  out: Float64Array,
): Float64Array {
  for (let j = 0; j < foundation.blocks.length; j++) out[j] = active[j] ? foundation.blocks[j] : 0;
  return out;
}

/**
 * Foundation force on each node (N, along −z on the plate, reported positive in compression)
 * for plate w (mm, per node) and the contact status (lumped only; null = all active).
 */
export function foundationNodalForces(
  mesh: QuadMesh,
  foundation: Foundation,
  w: Float64Array,
  active: Uint8Array | null,
): Float64Array {
  const nNodes = mesh.nodes.length / 2;
  const out = new Float64Array(nNodes);
  if (foundation.integration === 'lumped') {
    foundation.nodes.forEach((node, j) => {
      if (!active || active[j]) out[node] = foundation.blocks[j] * w[node];
    });
    return out;
  }
  const nQuads = mesh.quads.length / 4;
  for (let e = 0; e < nQuads; e++) {
    for (let a = 0; a < 4; a++) {
      let s = 0;
      for (let b = 0; b < 4; b++) s += foundation.blocks[16 * e + 4 * a + b] * w[mesh.quads[4 * e + b]];
      out[mesh.quads[4 * e + a]] += s;
    }
  }
  return out;
}
