/**
 * Contracts of the sparse linear-algebra layer. The plate, contact and viewer code
 * depend only on these shapes; the implementations behind them may change.
 *
 * Conventions
 * - A symmetric matrix is stored as its LOWER triangle (diagonal included) in
 *   compressed-column form, row indices strictly increasing within a column.
 * - Dof numbering is the caller's; orderings are internal to the factorization.
 */

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
}
