/**
 * Symbolic analysis of a sparse Cholesky factorization: ordering, elimination tree,
 * column counts, supernodes and the row structure of every supernodal panel.
 * It depends only on the pattern of A and is done once per pattern.
 */
import { columnCounts, eliminationTree, postorder } from './eliminationTree';
import type { AdjacencyGraph } from './graph';
import {
  fillReducingOrdering,
  invertPermutation,
  type MeshNodeGraph,
  meshNestedDissection,
  meshNodeGraph,
} from './ordering/index';
import { nestedDissection } from './ordering/nestedDissection';
import { planSplit } from './parallel/subtreeSplit';
import { supernodePartition } from './supernodes';
import type { AnalyseOptions, SymbolicFactor, SymmetricCsc } from './types';

interface PermutedLower {
  /** column j (new numbering) holds rows >= j: rowIdx[colPtr[j] .. colPtr[j+1]) */
  colPtr: Int32Array;
  rowIdx: Int32Array;
  /** index of the entry in A.values */
  source: Int32Array;
}

/** The lower triangle of P A Pᵀ (rows unsorted within a column). */
function permutedLower(A: SymmetricCsc, iperm: Int32Array): PermutedLower {
  const { n, colPtr: ap, rowIdx: ai } = A;
  const colPtr = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) {
    const pj = iperm[j];
    for (let q = ap[j]; q < ap[j + 1]; q++) {
      const pi = iperm[ai[q]];
      colPtr[(pi < pj ? pi : pj) + 1]++;
    }
  }
  for (let j = 0; j < n; j++) colPtr[j + 1] += colPtr[j];
  const nnz = colPtr[n];
  const rowIdx = new Int32Array(nnz);
  const source = new Int32Array(nnz);
  const next = colPtr.slice(0, n);
  for (let j = 0; j < n; j++) {
    const pj = iperm[j];
    for (let q = ap[j]; q < ap[j + 1]; q++) {
      const pi = iperm[ai[q]];
      const col = pi < pj ? pi : pj;
      const t = next[col]++;
      rowIdx[t] = pi < pj ? pj : pi;
      source[t] = q;
    }
  }
  return { colPtr, rowIdx, source };
}

/** Row lists of the strictly lower part: row i lists the columns j < i. */
function strictRows(n: number, lower: PermutedLower): { rowPtr: Int32Array; rowCols: Int32Array } {
  const rowPtr = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) {
    for (let t = lower.colPtr[j]; t < lower.colPtr[j + 1]; t++)
      if (lower.rowIdx[t] !== j) rowPtr[lower.rowIdx[t] + 1]++;
  }
  for (let i = 0; i < n; i++) rowPtr[i + 1] += rowPtr[i];
  const rowCols = new Int32Array(rowPtr[n]);
  const next = rowPtr.slice(0, n);
  for (let j = 0; j < n; j++) {
    for (let t = lower.colPtr[j]; t < lower.colPtr[j + 1]; t++) {
      const i = lower.rowIdx[t];
      if (i !== j) rowCols[next[i]++] = j;
    }
  }
  return { rowPtr, rowCols };
}

interface PostorderedTree {
  /** ordering in postorder of its elimination tree: perm1[new] = old */
  perm1: Int32Array;
  /** parent in the elimination tree (new numbering), −1 for roots */
  parent1: Int32Array;
  /** nonzeros of each column of L, diagonal included */
  counts: Int32Array;
}

/** The elimination tree of A ordered by perm0, renumbered in postorder, and L's column counts. */
function postorderedTree(A: SymmetricCsc, perm0: Int32Array): PostorderedTree {
  const n = A.n;
  const iperm0 = invertPermutation(perm0, n);
  const lower0 = permutedLower(A, iperm0);
  const rows0 = strictRows(n, lower0);
  const parent0 = eliminationTree(n, rows0.rowPtr, rows0.rowCols);
  const post = postorder(parent0);
  const ipost = invertPermutation(post, n);
  const perm1 = new Int32Array(n);
  const parent1 = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    perm1[k] = perm0[post[k]];
    const p = parent0[post[k]];
    parent1[k] = p >= 0 ? ipost[p] : -1;
  }
  const lower1 = permutedLower(A, invertPermutation(perm1, n));
  return { perm1, parent1, counts: columnCounts(parent1, lower1.colPtr, lower1.rowIdx) };
}

/** A matrix of nodes with b dofs each, every pair of coupled nodes coupled in a full b×b block. */
interface NodeBlocks {
  b: number;
  /** graph of the nodes that hold dofs (numbered in the order of the mesh's nodes) */
  graph: AdjacencyGraph;
  /** their coordinates, xy pairs (mm) */
  coords: Float64Array;
  /** the dofs of node v, ascending: dofs[b·v .. b·v + b) */
  dofs: Int32Array;
}

/** A's node structure when every mesh node with dofs holds the same number b of them and all node blocks are full, else null. */
function nodeBlocks(A: SymmetricCsc, mesh: MeshNodeGraph): NodeBlocks | null {
  const { graph, nGroups, members } = mesh;
  const b = nGroups > 0 ? members.ptr[1] : 0;
  if (b === 0) return null;
  for (let v = 0; v < nGroups; v++) if (members.ptr[v + 1] - members.ptr[v] !== b) return null;
  // full blocks ⇔ A holds every entry the node graph allows
  const allowed = (nGroups * b * (b + 1)) / 2 + (b * b * graph.adj.length) / 2;
  if (A.rowIdx.length !== allowed) return null;
  return { b, graph, coords: mesh.coords, dofs: members.list };
}

/** postorderedTree() of the node graph (one entry per node and neighbour, diagonal included) ordered by nodePerm. */
function nodeTree(graph: AdjacencyGraph, nodePerm: Int32Array): PostorderedTree {
  const { n, ptr, adj } = graph;
  const colPtr = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    colPtr[v + 1] = colPtr[v] + 1;
    for (let k = ptr[v]; k < ptr[v + 1]; k++) if (adj[k] > v) colPtr[v + 1]++;
  }
  const rowIdx = new Int32Array(colPtr[n]);
  for (let v = 0; v < n; v++) {
    let t = colPtr[v];
    rowIdx[t++] = v;
    for (let k = ptr[v]; k < ptr[v + 1]; k++) if (adj[k] > v) rowIdx[t++] = adj[k];
  }
  return postorderedTree({ n, colPtr, rowIdx, values: new Float64Array(0) }, nodePerm);
}

/**
 * The dof tree of a node tree: a node's b dofs form a chain (each the parent of the one before),
 * the last one's parent is the first dof of the parent node, and column c of a node whose column
 * holds m nodes has b·m − c entries. Still in postorder.
 */
function expandNodeTree(tree: PostorderedTree, blocks: NodeBlocks): PostorderedTree {
  const { b, dofs } = blocks;
  const nNodes = tree.perm1.length;
  const n = b * nNodes;
  const perm1 = new Int32Array(n);
  const parent1 = new Int32Array(n);
  const counts = new Int32Array(n);
  for (let k = 0; k < nNodes; k++) {
    const v = tree.perm1[k];
    for (let c = 0; c < b; c++) {
      const p = b * k + c;
      perm1[p] = dofs[b * v + c];
      parent1[p] = c < b - 1 ? p + 1 : tree.parent1[k] >= 0 ? b * tree.parent1[k] : -1;
      counts[p] = b * tree.counts[k] - c;
    }
  }
  return { perm1, parent1, counts };
}

/**
 * Symbolic analysis of the symmetric matrix A (lower triangle). Orders the dofs
 * (default geometric nested dissection when `geometry` is given, graph nested dissection
 * otherwise), postorders the elimination tree, finds relaxed supernodes and lays out the
 * dense panels of L.
 */
export function analyse(A: SymmetricCsc, options: AnalyseOptions = {}): SymbolicFactor {
  const t0 = performance.now();
  const n = A.n;
  const requested = options.ordering ?? 'nd';
  // Plates: every node holds b dofs coupled in full blocks. The ordering, the elimination tree
  // and the column counts are then found on the nodes (b² times fewer entries) and expanded.
  const mesh = requested === 'nd' && options.geometry ? meshNodeGraph(A, options.geometry) : null;
  const blocks = mesh ? nodeBlocks(A, mesh) : null;
  let perm1: Int32Array;
  let parent1: Int32Array;
  let counts: Int32Array;
  let t1: number;
  if (blocks) {
    const nodePerm = nestedDissection(blocks.graph, blocks.coords);
    t1 = performance.now();
    ({ perm1, parent1, counts } = expandNodeTree(nodeTree(blocks.graph, nodePerm), blocks));
  } else {
    const perm0 =
      requested instanceof Int32Array
        ? Int32Array.from(requested)
        : mesh
          ? meshNestedDissection(mesh, n)
          : fillReducingOrdering(A, requested, options.geometry);
    t1 = performance.now();
    ({ perm1, parent1, counts } = postorderedTree(A, perm0));
  }
  let nnzL = 0;
  let flops = 0;
  for (let j = 0; j < n; j++) {
    nnzL += counts[j];
    flops += counts[j] * counts[j];
  }

  // supernodes; amalgamation may reorder columns (a different topological order of the etree)
  const partition = supernodePartition(parent1, counts, options.relax ?? true);
  const perm = new Int32Array(n);
  for (let k = 0; k < n; k++) perm[k] = perm1[partition.order[k]];
  const iperm = invertPermutation(perm, n);
  const lower = permutedLower(A, iperm);
  const superStart = partition.start;
  const superParent = partition.parent;
  const ns = superParent.length;

  // children lists (ascending = the order their updates are pushed on the stack)
  const superChildPtr = new Int32Array(ns + 1);
  for (let s = 0; s < ns; s++) if (superParent[s] >= 0) superChildPtr[superParent[s] + 1]++;
  for (let s = 0; s < ns; s++) superChildPtr[s + 1] += superChildPtr[s];
  const superChildren = new Int32Array(superChildPtr[ns]);
  const nextChild = superChildPtr.slice(0, ns);
  for (let s = 0; s < ns; s++) if (superParent[s] >= 0) superChildren[nextChild[superParent[s]]++] = s;

  // row structure of each panel: own columns, then A's rows and the children's rows below. With
  // full node blocks and supernodes made of whole nodes, a node's first column holds all its rows.
  let step = blocks ? blocks.b : 1;
  for (let s = 0; s <= ns && step > 1; s++) if (superStart[s] % step !== 0) step = 1;
  const superRowPtr = new Int32Array(ns + 1);
  let superRows: Int32Array = new Int32Array(Math.max(2 * lower.rowIdx.length, 1024));
  const mark = new Int32Array(n).fill(-1);
  const panelPtr = new Int32Array(ns + 1);
  // lower holds A's entries by permuted column, so a supernode's entries are contiguous in it
  const aTarget = new Int32Array(A.rowIdx.length);
  const aEntryPtr = new Int32Array(ns + 1);
  for (let s = 0; s <= ns; s++) aEntryPtr[s] = lower.colPtr[superStart[s]];
  const aDiagonal = new Int32Array(n).fill(-1);
  const rowPos = new Int32Array(n);
  let panelTotal = 0;
  let stackTop = 0;
  let stackSize = 0;
  let frontSize = 0;
  let maxPanelRows = 0;
  let maxRowsBelow = 0;
  for (let s = 0; s < ns; s++) {
    const f = superStart[s];
    const l = superStart[s + 1];
    let top = superRowPtr[s];
    superRows = withRoom(superRows, top, l - f);
    for (let j = f; j < l; j++) {
      mark[j] = s;
      superRows[top++] = j;
    }
    const below = top;
    for (let j = f; j < l; j += step) {
      superRows = withRoom(superRows, top, lower.colPtr[j + 1] - lower.colPtr[j]);
      for (let t = lower.colPtr[j]; t < lower.colPtr[j + 1]; t++) {
        const i = lower.rowIdx[t];
        if (mark[i] !== s) {
          mark[i] = s;
          superRows[top++] = i;
        }
      }
    }
    for (let q = superChildPtr[s]; q < superChildPtr[s + 1]; q++) {
      const c = superChildren[q];
      const cBelow = superRowPtr[c] + (superStart[c + 1] - superStart[c]);
      superRows = withRoom(superRows, top, superRowPtr[c + 1] - cBelow);
      for (let t = cBelow; t < superRowPtr[c + 1]; t++) {
        const i = superRows[t];
        if (mark[i] !== s) {
          mark[i] = s;
          superRows[top++] = i;
        }
      }
    }
    superRows.subarray(below, top).sort();
    superRowPtr[s + 1] = top;
    const m = top - superRowPtr[s];
    const k = l - f;
    if (below < top && superRows[below] < l)
      throw new Error('analyse: row structure below the diagonal block');
    if (superParent[s] >= 0 && below < top) {
      const p = superParent[s];
      if (superRows[below] < superStart[p] || superRows[below] >= superStart[p + 1]) {
        throw new Error(`analyse: supernode ${s} updates ${superRows[below]} outside its parent ${p}`);
      }
    }
    panelPtr[s] = panelTotal;
    panelTotal += m * k;
    if (panelTotal > 2 ** 31 - 1) throw new RangeError('factor too large: more than 2^31 stored entries');
    // where every entry of A lands in this panel
    for (let r = 0; r < m; r++) rowPos[superRows[superRowPtr[s] + r]] = r;
    for (let j = f; j < l; j++) {
      const base = panelTotal - m * k + (j - f) * m;
      for (let t = lower.colPtr[j]; t < lower.colPtr[j + 1]; t++) {
        aTarget[t] = base + rowPos[lower.rowIdx[t]];
        if (lower.rowIdx[t] === j) aDiagonal[j] = lower.source[t];
      }
    }
    // multifrontal stack: the children's updates are popped, this update pushed
    for (let q = superChildPtr[s]; q < superChildPtr[s + 1]; q++) {
      const c = superChildren[q];
      const mc = superRowPtr[c + 1] - superRowPtr[c] - (superStart[c + 1] - superStart[c]);
      stackTop -= (mc * (mc + 1)) / 2;
    }
    const u = ((m - k) * (m - k + 1)) / 2; // packed lower triangle
    stackTop += u;
    if (stackTop > stackSize) stackSize = stackTop;
    if (u > frontSize) frontSize = u;
    if (m > maxPanelRows) maxPanelRows = m;
    if (m - k > maxRowsBelow) maxRowsBelow = m - k;
  }
  panelPtr[ns] = panelTotal;
  const t2 = performance.now();
  const orderingName =
    requested instanceof Int32Array
      ? 'given'
      : requested === 'nd' && options.geometry
        ? 'nd-geometric'
        : requested;
  const analysis: Omit<SymbolicFactor, 'twoThreads'> = {
    n,
    perm,
    iperm,
    superStart,
    superRowPtr,
    superRows: superRows.slice(0, superRowPtr[ns]),
    superParent,
    superChildPtr,
    superChildren,
    panelPtr,
    aEntryPtr,
    aSource: lower.source,
    aTarget,
    aDiagonal,
    stackSize,
    frontSize,
    maxPanelRows,
    maxRowsBelow,
    nnzA: A.rowIdx.length,
    describeDof: options.describeDof,
    stats: {
      n,
      nnzA: A.rowIdx.length,
      nnzL,
      flops,
      supernodes: ns,
      ordering: orderingName,
      dofsPerNode: blocks?.b ?? 1,
      storedL: panelTotal,
      orderingSeconds: (t1 - t0) / 1000,
      analyseSeconds: (t2 - t0) / 1000,
    },
  };
  return { ...analysis, twoThreads: planSplit(analysis) };
}

/** `rows`, or a copy twice as large, so that `extra` more entries fit after the first `used`. */
function withRoom(rows: Int32Array, used: number, extra: number): Int32Array {
  if (used + extra <= rows.length) return rows;
  const bigger = new Int32Array(Math.max(2 * rows.length, used + extra));
  bigger.set(rows.subarray(0, used));
  return bigger;
}
