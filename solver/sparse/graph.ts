/** Undirected graphs (CSR adjacency without self loops) derived from symmetric matrices. */
import type { SymmetricCsc } from './types';

export interface AdjacencyGraph {
  n: number;
  /** neighbours of v: adj[ptr[v] .. ptr[v+1]) */
  ptr: Int32Array;
  adj: Int32Array;
}

/** The graph of the off-diagonal pattern of A (both triangles). */
export function adjacencyOf(A: SymmetricCsc): AdjacencyGraph {
  const { n, colPtr, rowIdx } = A;
  const ptr = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) {
    for (let k = colPtr[j]; k < colPtr[j + 1]; k++) {
      const i = rowIdx[k];
      if (i !== j) {
        ptr[i + 1]++;
        ptr[j + 1]++;
      }
    }
  }
  for (let v = 0; v < n; v++) ptr[v + 1] += ptr[v];
  const adj = new Int32Array(ptr[n]);
  const next = ptr.slice(0, n);
  for (let j = 0; j < n; j++) {
    for (let k = colPtr[j]; k < colPtr[j + 1]; k++) {
      const i = rowIdx[k];
      if (i !== j) {
        adj[next[i]++] = j;
        adj[next[j]++] = i;
      }
    }
  }
  return { n, ptr, adj };
}

/**
 * The graph whose vertices are groups of g's vertices (groupOf[v] in 0..nGroups-1);
 * two groups are adjacent when any of their members are. Vertices with groupOf < 0 are dropped.
 */
export function quotientGraph(g: AdjacencyGraph, groupOf: Int32Array, nGroups: number): AdjacencyGraph {
  const members = groupMembers(groupOf, nGroups);
  const mark = new Int32Array(nGroups).fill(-1);
  const ptr = new Int32Array(nGroups + 1);
  // Pass 1 counts the distinct neighbour groups, pass 2 writes them.
  for (let q = 0; q < nGroups; q++)
    ptr[q + 1] = ptr[q] + neighbourGroups(g, groupOf, members, q, mark, null, 0);
  const adj = new Int32Array(ptr[nGroups]);
  mark.fill(-1);
  for (let q = 0; q < nGroups; q++) neighbourGroups(g, groupOf, members, q, mark, adj, ptr[q]);
  return { n: nGroups, ptr, adj };
}

/** Members of each group in increasing vertex order: list[ptr[q] .. ptr[q+1]). */
export function groupMembers(groupOf: Int32Array, nGroups: number): { ptr: Int32Array; list: Int32Array } {
  const ptr = new Int32Array(nGroups + 1);
  for (let v = 0; v < groupOf.length; v++) if (groupOf[v] >= 0) ptr[groupOf[v] + 1]++;
  for (let q = 0; q < nGroups; q++) ptr[q + 1] += ptr[q];
  const list = new Int32Array(ptr[nGroups]);
  const next = ptr.slice(0, nGroups);
  for (let v = 0; v < groupOf.length; v++) if (groupOf[v] >= 0) list[next[groupOf[v]]++] = v;
  return { ptr, list };
}

/**
 * The distinct groups adjacent to group q (q included), marked in `mark`; written to out[at ..]
 * when `out` is given. Returns how many.
 */
function neighbourGroups(
  g: AdjacencyGraph,
  groupOf: Int32Array,
  members: { ptr: Int32Array; list: Int32Array },
  q: number,
  mark: Int32Array,
  out: Int32Array | null,
  at: number,
): number {
  mark[q] = q;
  let count = 0;
  for (let m = members.ptr[q]; m < members.ptr[q + 1]; m++) {
    const v = members.list[m];
    for (let k = g.ptr[v]; k < g.ptr[v + 1]; k++) {
      const r = groupOf[g.adj[k]];
      if (r >= 0 && mark[r] !== q) {
        mark[r] = q;
        if (out) out[at + count] = r;
        count++;
      }
    }
  }
  return count;
}
