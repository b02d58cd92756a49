/**
 * Contracts of the sparse linear-algebra layer. The plate, contact and viewer code
 * depend only on these shapes; the implementations behind them may change.
 *
 * Conventions
 * - A symmetric matrix is stored as its LOWER triangle (diagonal included) in
 *   compressed-column form, row indices strictly increasing within a column.
 * - Dof numbering is the caller's; orderings are internal to the factorization.
 */
import type { PackBuffer } from './kernels/schurUpdate';
import type { SubtreeSplit } from './parallel/subtreeSplit';

/** Lower triangle of a symmetric n×n matrix in CSC form. */
export interface SymmetricCsc {
  n: number;
  colPtr: Int32Array; // length n+1
  rowIdx: Int32Array; // length nnz, rowIdx[k] >= column
  values: Float64Array; // length nnz
}

/**
 * A group of same-sized "elements" that scatter a dense d×d symmetric block into the
 * global matrix. `dofs` holds nElements*d global dof numbers; a negative entry marks a
 * dof that is eliminated (a fixed support) and is skipped during assembly.
 */
export interface ElementGroup {
  size: number; // d
  dofs: Int32Array; // nElements * d
}

/** Node coordinates carried by a mesh, used by geometric nested dissection. */
export interface DofGeometry {
  /** xy of every node, length 2*nNodes (mm). */
  coords: Float64Array;
  /** node of every dof, length n (the dofs of one node share its coordinates). */
  dofNode: Int32Array;
}

export type OrderingName = 'nd' | 'amd' | 'natural';

export interface FactorStats {
  n: number;
  nnzA: number;
  /** nonzeros of L, diagonal included */
  nnzL: number;
  /** floating-point operations of one numeric factorization */
  flops: number;
  supernodes: number;
  ordering: string;
  /** dofs per node when the ordering, tree and counts were found on the nodes (full node blocks), else 1 */
  dofsPerNode?: number;
  /** entries stored in the supernodal panels (relaxation zeros and diagonal-block upper halves included) */
  storedL?: number;
  /** seconds spent in the ordering and in the whole analysis */
  orderingSeconds?: number;
  analyseSeconds?: number;
}

/** Options of the symbolic analysis. */
export interface AnalyseOptions {
  /** fill-reducing ordering: a name, or an explicit permutation (perm[new] = old). Default 'nd'. */
  ordering?: OrderingName | Int32Array;
  /** node coordinates; make 'nd' geometric (otherwise it bisects the graph). */
  geometry?: DofGeometry;
  /** names a dof in error messages, e.g. "node 12 (w)". */
  describeDof?: (dof: number) => string;
  /** relaxed supernode amalgamation; false keeps fundamental supernodes. Default true. */
  relax?: boolean;
}

/**
 * The result of `analyse`: everything about the factor that depends only on the pattern.
 * Indices below are in the permuted ("new") numbering unless the name says otherwise.
 */
export interface SymbolicFactor {
  n: number;
  /** perm[new] = original dof */
  perm: Int32Array;
  /** iperm[original dof] = new index */
  iperm: Int32Array;
  /** supernode s holds columns superStart[s] .. superStart[s+1]-1 (length nSuper+1) */
  superStart: Int32Array;
  /** rows of supernode s (its own columns first, sorted): superRows[superRowPtr[s] .. superRowPtr[s+1]) */
  superRowPtr: Int32Array;
  superRows: Int32Array;
  /** parent supernode in the assembly tree, -1 for a root; children precede parents */
  superParent: Int32Array;
  /** children of s (ascending): superChildren[superChildPtr[s] .. superChildPtr[s+1]) */
  superChildPtr: Int32Array;
  superChildren: Int32Array;
  /** dense panel of s (rows × own columns, column-major) starts at values[panelPtr[s]] */
  panelPtr: Int32Array;
  /**
   * A's entries grouped by supernode: entries aEntryPtr[s] .. aEntryPtr[s+1] of aSource (their
   * index in A.values) add to the panel values at aTarget (same positions), so each panel
   * receives its part of A just before it is factored, while it is in cache.
   */
  aEntryPtr: Int32Array;
  aSource: Int32Array;
  aTarget: Int32Array;
  /** per permuted column: the index of its diagonal entry in A.values, −1 if absent */
  aDiagonal: Int32Array;
  /** doubles needed by the multifrontal update stack and the largest front */
  stackSize: number;
  frontSize: number;
  /** rows of the tallest panel, and the most rows below a panel's diagonal block (workspace sizes) */
  maxPanelRows: number;
  maxRowsBelow: number;
  /** pattern of A this was built for (checked by factor) */
  nnzA: number;
  describeDof?: (dof: number) => string;
  stats: FactorStats;
  /** how two threads divide the assembly tree (factorization and substitutions), or null when one thread is as good */
  twoThreads: SubtreeSplit | null;
}

/**
 * The parts of the symbolic factor that the numeric factorization reads: all that a helper
 * thread receives to factor a subtree.
 */
export type FactorStructure = Pick<
  SymbolicFactor,
  | 'superStart'
  | 'superRowPtr'
  | 'superRows'
  | 'superChildPtr'
  | 'superChildren'
  | 'panelPtr'
  | 'aEntryPtr'
  | 'aSource'
  | 'aTarget'
  | 'aDiagonal'
>;

/** The arrays one thread writes while it factors supernodes (L itself and its workspaces). */
export type FactorWorkspace = Pick<
  NumericFactor,
  'values' | 'stack' | 'front' | 'pack' | 'diagonal' | 'rowPos' | 'relative'
>;

/** Numeric Cholesky factor L (P A Pᵀ = L Lᵀ) stored as dense supernodal panels. */
export interface NumericFactor {
  symbolic: SymbolicFactor;
  /** all supernode panels, see SymbolicFactor.panelPtr */
  values: Float64Array;
  /** workspaces kept so that a refactorization allocates nothing */
  stack: Float64Array;
  front: Float64Array;
  /** packing workspace of the dense kernel (see kernels/schurUpdate.ts) */
  pack: PackBuffer;
  /** original diagonal in the permuted order (pivot test) */
  diagonal: Float64Array;
  rowPos: Int32Array;
  relative: Int32Array;
  /** seconds spent in the last numeric factorization */
  seconds: number;
}
