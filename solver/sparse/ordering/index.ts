/** Fill-reducing orderings of a symmetric matrix; all return perm[new] = old. */
import { adjacencyOf, quotientGraph, quotientOfMatrix } from '../graph';
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
  if (name === 'nd' && geometry) {
    if (geometry.dofNode.length !== n) {
      throw new RangeError(`geometry.dofNode has ${geometry.dofNode.length} entries, the matrix ${n} dofs`);
    }
    const groups = { groupOf: geometry.dofNode, nGroups: geometry.coords.length >> 1 };
    const nodeGraph = quotientOfMatrix(A, groups.groupOf, groups.nGroups);
    return expandGroupOrdering(nestedDissection(nodeGraph, geometry.coords), groups, n);
  }
  const graph = adjacencyOf(A);
  const groups = indistinguishableVertices(graph);
  const nodeGraph = quotientGraph(graph, groups.groupOf, groups.nGroups);
  const nodePerm = name === 'nd' ? nestedDissection(nodeGraph) : approximateMinimumDegree(nodeGraph);
  return expandGroupOrdering(nodePerm, groups, n);
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
