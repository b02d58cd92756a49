/**
 * Indistinguishable vertices (same closed neighbourhood) — the dofs of one mesh node.
 * Ordering the compressed graph and expanding keeps a node's dofs adjacent in the
 * ordering, which gives wider supernodes and a graph about d times smaller to order.
 */
import { type AdjacencyGraph, type GroupMembers, groupMembers } from '../graph';

export interface VertexGroups {
  groupOf: Int32Array;
  nGroups: number;
  /** the members of each group, when the caller has them already */
  members?: GroupMembers;
}

/** Groups vertices with identical closed neighbourhoods (hash buckets, then exact check). */
export function indistinguishableVertices(g: AdjacencyGraph): VertexGroups {
  const { n, ptr, adj } = g;
  const hash = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    let h = v;
    for (let k = ptr[v]; k < ptr[v + 1]; k++) h = (h + adj[k]) | 0;
    hash[v] = ((h % n) + n) % n;
  }
  const head = new Int32Array(n).fill(-1);
  const next = new Int32Array(n);
  for (let v = n - 1; v >= 0; v--) {
    next[v] = head[hash[v]];
    head[hash[v]] = v;
  }
  const groupOf = new Int32Array(n).fill(-1);
  const mark = new Int32Array(n).fill(-1);
  let nGroups = 0;
  for (let v = 0; v < n; v++) {
    if (groupOf[v] >= 0) continue;
    const q = nGroups++;
    groupOf[v] = q;
    const degree = ptr[v + 1] - ptr[v];
    let marked = false;
    for (let u = next[v]; u >= 0; u = next[u]) {
      if (groupOf[u] >= 0 || hash[u] !== hash[v] || ptr[u + 1] - ptr[u] !== degree) continue;
      if (!marked) {
        mark[v] = v;
        for (let k = ptr[v]; k < ptr[v + 1]; k++) mark[adj[k]] = v;
        marked = true;
      }
      if (mark[u] !== v) continue; // u must be a neighbour of v
      let same = true;
      for (let k = ptr[u]; k < ptr[u + 1]; k++) {
        if (mark[adj[k]] !== v) {
          same = false;
          break;
        }
      }
      if (same) groupOf[u] = q;
    }
  }
  return { groupOf, nGroups };
}

/** Expands an ordering of groups (perm[new] = group) to one of vertices, members kept together. */
export function expandGroupOrdering(groupPerm: Int32Array, groups: VertexGroups, n: number): Int32Array {
  const members = groups.members ?? groupMembers(groups.groupOf, groups.nGroups);
  const perm = new Int32Array(n);
  let k = 0;
  for (let t = 0; t < groupPerm.length; t++) {
    const q = groupPerm[t];
    for (let m = members.ptr[q]; m < members.ptr[q + 1]; m++) perm[k++] = members.list[m];
  }
  if (k !== n) throw new Error(`group ordering covers ${k} of ${n} vertices`);
  return perm;
}
