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

/**
 * quotientGraph(adjacencyOf(A), groupOf, nGroups) straight from A's lower triangle, without the
 * dof-level graph in between (nine times larger for 3-dof nodes): each group's members' columns
 * give its neighbours with one mark array, then both directions are merged and deduplicated.
 */
export function quotientOfMatrix(
  A: SymmetricCsc,
  groupOf: Int32Array,
  nGroups: number,
  members: GroupMembers = groupMembers(groupOf, nGroups),
): AdjacencyGraph {
  const mark = new Int32Array(nGroups).fill(-1);
  // one direction: the distinct groups r ≠ q met in the columns of q's members
  const onePtr = new Int32Array(nGroups + 1);
  let one = new Int32Array(Math.max(16, A.rowIdx.length >> 2));
  let count = 0;
  for (let q = 0; q < nGroups; q++) {
    mark[q] = q;
    for (let m = members.ptr[q]; m < members.ptr[q + 1]; m++) {
      const j = members.list[m];
      for (let k = A.colPtr[j]; k < A.colPtr[j + 1]; k++) {
        const r = groupOf[A.rowIdx[k]];
        if (r < 0 || mark[r] === q) continue;
        mark[r] = q;
        if (count === one.length) {
          const bigger = new Int32Array(2 * one.length);
          bigger.set(one);
          one = bigger;
        }
        one[count++] = r;
      }
    }
    onePtr[q + 1] = count;
  }
  // both directions, then each list without repeats
  const ptr = new Int32Array(nGroups + 1);
  for (let q = 0; q < nGroups; q++) {
    ptr[q + 1] += onePtr[q + 1] - onePtr[q];
    for (let t = onePtr[q]; t < onePtr[q + 1]; t++) ptr[one[t] + 1]++;
  }
  for (let q = 0; q < nGroups; q++) ptr[q + 1] += ptr[q];
  const both = new Int32Array(ptr[nGroups]);
  const next = ptr.slice(0, nGroups);
  for (let q = 0; q < nGroups; q++) {
    for (let t = onePtr[q]; t < onePtr[q + 1]; t++) {
      both[next[q]++] = one[t];
      both[next[one[t]]++] = q;
    }
  }
  mark.fill(-1);
  const outPtr = new Int32Array(nGroups + 1);
  let w = 0;
  for (let q = 0; q < nGroups; q++) {
    for (let t = ptr[q]; t < ptr[q + 1]; t++) {
      const r = both[t];
      if (mark[r] === q) continue;
      mark[r] = q;
      both[w++] = r;
    }
    outPtr[q + 1] = w;
  }
  return { n: nGroups, ptr: outPtr, adj: both.slice(0, w) };
}

/** Members of each group in increasing vertex order: list[ptr[q] .. ptr[q+1]). */
export interface GroupMembers {
  ptr: Int32Array;
  list: Int32Array;
}

/** The members of every group (see GroupMembers). */
export function groupMembers(groupOf: Int32Array, nGroups: number): GroupMembers {
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
