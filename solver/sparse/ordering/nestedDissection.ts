/**
 * Nested dissection: split the vertex set by a small separator, order both halves
 * recursively, put the separator last. With node coordinates the cut is a median
 * line across the longer side of the bounding box (exact for structured meshes,
 * good for unstructured ones); without coordinates, or when the geometry gives a
 * degenerate cut, the middle level of a BFS level structure from a pseudo-peripheral
 * vertex is the separator.
 */
import type { AdjacencyGraph } from '../graph';

/** Subsets this small are left in their current order (the supernode relaxation absorbs them). */
const LEAF_SIZE = 8;

/**
 * Orders the vertices of g (perm[new] = vertex). `coords` (xy per vertex) selects the
 * geometric cut.
 */
export function nestedDissection(g: AdjacencyGraph, coords?: Float64Array): Int32Array {
  const n = g.n;
  const state: DissectionState = {
    g,
    coords,
    verts: new Int32Array(n),
    where: new Int32Array(n).fill(-1),
    tag: 0,
    keys: new Float64Array(n),
    level: new Int32Array(n),
    queue: new Int32Array(n),
    scratch: new Int32Array(n),
  };
  for (let v = 0; v < n; v++) state.verts[v] = v;
  // Explicit stack of ranges [lo, hi) of `verts` still to be dissected.
  const stack: number[] = [0, n];
  while (stack.length > 0) {
    const hi = stack.pop()!;
    const lo = stack.pop()!;
    if (hi - lo <= LEAF_SIZE) continue;
    const split = bisect(state, lo, hi);
    // verts[lo..hi) is now [A | B | S]; S stays last in the ordering.
    if (split.sizeA > 0) stack.push(lo, lo + split.sizeA);
    if (split.sizeB > 0) stack.push(lo + split.sizeA, lo + split.sizeA + split.sizeB);
  }
  return state.verts;
}

interface DissectionState {
  g: AdjacencyGraph;
  coords?: Float64Array;
  verts: Int32Array;
  /** where[v] = tag of the side v is on in the current cut */
  where: Int32Array;
  tag: number;
  keys: Float64Array;
  level: Int32Array;
  queue: Int32Array;
  scratch: Int32Array;
}

interface Split {
  sizeA: number;
  sizeB: number;
}

function bisect(s: DissectionState, lo: number, hi: number): Split {
  if (s.coords) {
    const split = geometricCut(s, lo, hi);
    if (split) return split;
  }
  return levelStructureCut(s, lo, hi);
}

/** Labels sides by coordinate, then takes the smaller one-sided boundary as separator. */
function geometricCut(s: DissectionState, lo: number, hi: number): Split | null {
  const { verts, keys } = s;
  const coords = s.coords!;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let t = lo; t < hi; t++) {
    const v = verts[t];
    const x = coords[2 * v];
    const y = coords[2 * v + 1];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  const first = maxX - minX >= maxY - minY ? 0 : 1;
  for (let attempt = 0; attempt < 2; attempt++) {
    const axis = attempt === 0 ? first : 1 - first;
    const m = hi - lo;
    for (let t = 0; t < m; t++) keys[t] = coords[2 * verts[lo + t] + axis];
    const median = kthSmallest(keys, m, m >> 1);
    // side A: key < median, side B: key >= median
    const tagA = ++s.tag;
    const tagB = ++s.tag;
    let countA = 0;
    for (let t = lo; t < hi; t++) {
      const v = verts[t];
      const inA = coords[2 * v + axis] < median;
      s.where[v] = inA ? tagA : tagB;
      if (inA) countA++;
    }
    if (countA === 0 || countA === m) continue;
    return separateSides(s, lo, hi, tagA, tagB);
  }
  return null;
}

/**
 * Given a labelling of verts[lo..hi) into sides A and B, picks as separator the side
 * boundary (vertices with a neighbour on the other side) that is smaller, and
 * rearranges verts[lo..hi) into [A \ S | B \ S | S].
 */
function separateSides(s: DissectionState, lo: number, hi: number, tagA: number, tagB: number): Split {
  const { verts, where, g } = s;
  let boundaryA = 0;
  let boundaryB = 0;
  for (let t = lo; t < hi; t++) {
    const v = verts[t];
    const own = where[v];
    const other = own === tagA ? tagB : tagA;
    for (let k = g.ptr[v]; k < g.ptr[v + 1]; k++) {
      if (where[g.adj[k]] === other) {
        if (own === tagA) boundaryA++;
        else boundaryB++;
        break;
      }
    }
  }
  const sepSide = boundaryA <= boundaryB ? tagA : tagB;
  const otherSide = sepSide === tagA ? tagB : tagA;
  const tagS = ++s.tag;
  for (let t = lo; t < hi; t++) {
    const v = verts[t];
    if (where[v] !== sepSide) continue;
    for (let k = g.ptr[v]; k < g.ptr[v + 1]; k++) {
      if (where[g.adj[k]] === otherSide) {
        where[v] = tagS;
        break;
      }
    }
  }
  return arrange(s, lo, hi, tagA, tagB);
}

/** Stable rearrangement of verts[lo..hi) into [tagA | tagB | rest]. */
function arrange(s: DissectionState, lo: number, hi: number, tagA: number, tagB: number): Split {
  const { verts, where, scratch } = s;
  let k = 0;
  for (let t = lo; t < hi; t++) if (where[verts[t]] === tagA) scratch[k++] = verts[t];
  const sizeA = k;
  for (let t = lo; t < hi; t++) if (where[verts[t]] === tagB) scratch[k++] = verts[t];
  const sizeB = k - sizeA;
  for (let t = lo; t < hi; t++) {
    const w = where[verts[t]];
    if (w !== tagA && w !== tagB) scratch[k++] = verts[t];
  }
  verts.set(scratch.subarray(0, k), lo);
  return { sizeA, sizeB };
}

/** BFS from vertex `root` inside the vertices tagged `inside`; returns the number reached and the depth. */
function levels(s: DissectionState, root: number, inside: number): { reached: number; depth: number } {
  const { g, where, level, queue } = s;
  const seen = ++s.tag;
  let head = 0;
  let tail = 0;
  queue[tail++] = root;
  where[root] = seen;
  level[root] = 0;
  while (head < tail) {
    const v = queue[head++];
    for (let k = g.ptr[v]; k < g.ptr[v + 1]; k++) {
      const u = g.adj[k];
      if (where[u] === inside) {
        where[u] = seen;
        level[u] = level[v] + 1;
        queue[tail++] = u;
      }
    }
  }
  // restore the tag of the subset for the next traversal
  for (let t = 0; t < tail; t++) where[queue[t]] = inside;
  return { reached: tail, depth: level[queue[tail - 1]] };
}

function levelStructureCut(s: DissectionState, lo: number, hi: number): Split {
  const { verts, where, level, queue, g } = s;
  const inside = ++s.tag;
  for (let t = lo; t < hi; t++) where[verts[t]] = inside;
  // Pseudo-peripheral root: restart from a minimum-degree vertex of the last level while the depth grows.
  let root = verts[lo];
  let { reached, depth } = levels(s, root, inside);
  for (let iter = 0; iter < 4; iter++) {
    let best = -1;
    let bestDegree = Infinity;
    for (let t = reached - 1; t >= 0 && level[queue[t]] === depth; t--) {
      const v = queue[t];
      const d = g.ptr[v + 1] - g.ptr[v];
      if (d < bestDegree) {
        bestDegree = d;
        best = v;
      }
    }
    const trial = levels(s, best, inside);
    if (trial.depth <= depth) break;
    root = best;
    reached = trial.reached;
    depth = trial.depth;
  }
  ({ reached, depth } = levels(s, root, inside));
  const tagA = ++s.tag;
  const tagB = ++s.tag;
  const m = hi - lo;
  if (reached <= m / 2 || depth < 2) {
    // a small connected component (or a clique-like subset): split it off without a separator
    if (reached === m) {
      // a connected subset of depth < 2 (nearly a clique): nothing to gain, keep it as one block
      return { sizeA: 0, sizeB: 0 };
    }
    for (let t = lo; t < hi; t++) where[verts[t]] = tagB;
    for (let t = 0; t < reached; t++) where[queue[t]] = tagA;
    return arrange(s, lo, hi, tagA, tagB);
  }
  // the level holding the median vertex becomes the separator
  const middle = level[queue[reached >> 1]];
  const separatorLevel = Math.max(1, Math.min(depth - 1, middle));
  const tagS = ++s.tag;
  for (let t = lo; t < hi; t++) where[verts[t]] = tagB; // unreached vertices go with B
  for (let t = 0; t < reached; t++) {
    const v = queue[t];
    const l = level[v];
    where[v] = l < separatorLevel ? tagA : l === separatorLevel ? tagS : tagB;
  }
  return arrange(s, lo, hi, tagA, tagB);
}

/**
 * The k-th smallest (0-based) of a[0..m), by quickselect with a three-way partition (mesh
 * coordinates repeat along grid lines); reorders a. Expected O(m), against O(m log m) for a sort.
 */
export function kthSmallest(a: Float64Array, m: number, k: number): number {
  let lo = 0;
  let hi = m - 1;
  while (lo < hi) {
    // median of three as pivot
    const mid = (lo + hi) >> 1;
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // [lo, lt) < pivot, [lt, i) = pivot, (gt, hi] > pivot
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i];
      if (v < pivot) {
        a[i++] = a[lt];
        a[lt++] = v;
      } else if (v > pivot) {
        a[i] = a[gt];
        a[gt--] = v;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return a[k];
}
