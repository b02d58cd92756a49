/** Fill-reducing orderings of a symmetric matrix; all return perm[new] = old. */
import {
  type AdjacencyGraph,
  adjacencyOf,
  type GroupMembers,
  groupMembers,
  quotientGraph,
  quotientOfMatrix,
} from '../graph';
import type { DofGeometry, OrderingName, SymmetricCsc } from '../types';
import { approximateMinimumDegree } from './minimumDegree';
import { nestedDissection } from './nestedDissection';
import { expandGroupOrdering, indistinguishableVertices } from './supervariables';

export { approximateMinimumDegree } from './minimumDegree';
export { nestedDissection } from './nestedDissection';

/** The identity permutation. */
export function naturalOrdering(n: number): Int32Array {
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  return perm;
}

/**
 * Computes the named ordering of A's graph. Dofs are first gathered into nodes (from
 * `geometry.dofNode`, or as indistinguishable vertices), the node graph is ordered and
 * the order expanded so that a node's dofs stay consecutive.
 */
export function fillReducingOrdering(
  A: SymmetricCsc,
  name: OrderingName,
  geometry?: DofGeometry,
): Int32Array {
  const n = A.n;
  if (name === 'natural') return naturalOrdering(n);
  if (name === 'nd' && geometry) return meshNestedDissection(meshNodeGraph(A, geometry), n);
  const graph = adjacencyOf(A);
  const groups = indistinguishableVertices(graph);
  const nodeGraph = quotientGraph(graph, groups.groupOf, groups.nGroups);
  const nodePerm = name === 'nd' ? nestedDissection(nodeGraph) : approximateMinimumDegree(nodeGraph);
  return expandGroupOrdering(nodePerm, groups, n);
}

/** The graph of the mesh nodes that carry dofs, with their coordinates and each dof's node. */
export interface MeshNodeGraph {
  graph: AdjacencyGraph;
  /** xy of each node of the graph (mm) */
  coords: Float64Array;
  /** dof → node of the graph (nodes without dofs, e.g. an eliminated clamped edge, are left out) */
  groupOf: Int32Array;
  nGroups: number;
  /** the dofs of each node, ascending */
  members: GroupMembers;
}

/**
 * The node graph of A (two nodes adjacent when any of their dofs are), built straight from A,
 * over the nodes of `geometry` that hold at least one dof, renumbered in mesh order.
 */
export function meshNodeGraph(A: SymmetricCsc, geometry: DofGeometry): MeshNodeGraph {
  const { coords, dofNode } = geometry;
  const nNodes = coords.length >> 1;
  if (dofNode.length !== A.n) {
    throw new RangeError(`geometry.dofNode has ${dofNode.length} entries, the matrix ${A.n} dofs`);
  }
  const compact = new Int32Array(nNodes).fill(-1);
  for (let i = 0; i < A.n; i++) {
    const v = dofNode[i];
    if (!(v >= 0 && v < nNodes))
      throw new RangeError(`geometry.dofNode[${i}] = ${v}: not a node in 0..${nNodes - 1}`);
    compact[v] = 0;
  }
  let nGroups = 0;
  for (let v = 0; v < nNodes; v++) if (compact[v] === 0) compact[v] = ++nGroups;
  const groupOf = new Int32Array(A.n);
  for (let i = 0; i < A.n; i++) groupOf[i] = compact[dofNode[i]] - 1;
  const nodeCoords = new Float64Array(2 * nGroups);
  for (let v = 0; v < nNodes; v++) {
    const q = compact[v] - 1;
    if (q < 0) continue;
    nodeCoords[2 * q] = coords[2 * v];
    nodeCoords[2 * q + 1] = coords[2 * v + 1];
  }
  const members = groupMembers(groupOf, nGroups);
  return {
    graph: quotientOfMatrix(A, groupOf, nGroups, members),
    coords: nodeCoords,
    groupOf,
    nGroups,
    members,
  };
}

/** Geometric nested dissection of the mesh nodes, expanded to their n dofs (a node's dofs kept together). */
export function meshNestedDissection(mesh: MeshNodeGraph, n: number): Int32Array {
  return expandGroupOrdering(nestedDissection(mesh.graph, mesh.coords), mesh, n);
}

/** Checks that perm is a permutation of 0..n-1 and returns its inverse. */
export function invertPermutation(perm: Int32Array, n: number): Int32Array {
  if (perm.length !== n) throw new RangeError(`permutation has length ${perm.length}, expected ${n}`);
  const inv = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    const i = perm[k];
    if (i < 0 || i >= n || inv[i] >= 0) throw new RangeError(`not a permutation: entry ${k} is ${i}`);
    inv[i] = k;
  }
  return inv;
}
