import type { PlateModel } from '../plate/plateModel';
import type { FactorStats } from '../sparse/types';

/**
 * The linear algebra of a Newton step: the plates' stiffness (constant) plus the contact
 * points' tangent stiffness (changes every step), factored and solved. Two strategies share
 * this contract: one coupled matrix for any stack of layers, and a sum/difference split for
 * the common two-plate module that needs two single-plate factors instead of one double-size one.
 */
export interface TangentSolver {
  /** number of dofs: 3 per node per plate layer */
  readonly n: number;
  /** per layer: its plate model (dof offset, section) or null for a rigid base */
  readonly plates: (PlateModel | null)[];
  /** dofs held at zero to remove rigid-body modes (the residual is zeroed there); may be empty */
  readonly heldDofs: Int32Array;
  readonly stats: FactorStats;
  /** numeric factorizations done */
  factorizations: number;
  /** wall time spent in them [s] (what a benchmark sets against the rest of a solve) */
  readonly factorSeconds: number;
  /** factorizations of a bit-identical matrix taken over from the session instead */
  readonly reusedFactorizations: number;
  /** changes with every refactor(), whether it factored or took over a kept factor */
  readonly version: number;
  /** y = K_plates x [N] */
  plateProduct(x: Float64Array, y: Float64Array): void;
  /** y = |K_plates| |x| [N], entrywise absolute values: the scale of round-off in K x */
  plateMagnitude(x: Float64Array, y: Float64Array): void;
  /** factor K_plates + contact, with per interface, per point stiffness A·dp/dc [N/mm] */
  refactor(pointStiffness: Float64Array[]): void;
  /**
   * x = (K_plates + contact + extra)⁻¹ b with the last factorization. `extra` is given only to
   * a tangent whose halfSolves() is null (iterative): one with half solves leaves the rank-one
   * terms to the caller's Woodbury correction and refuses them here.
   */
  solve(b: Float64Array, x: Float64Array, extra?: RankOneTerms): void;
  /** the last factorization split into halves, or null when the solve is iterative */
  halfSolves(): HalfSolves | null;
}

/**
 * K⁻¹ = Fᵀ F from a Cholesky factorization: forward(b) = F b, backward(f) = Fᵀ f. A low-rank
 * term G D Gᵀ added to K then costs one forward and one backward solve per right-hand side
 * (Woodbury in the forward space: Gᵀ K⁻¹ b = (F G)ᵀ (F b)), plus one forward solve per column
 * of G, which is sparse, per factorization.
 */
export interface HalfSolves {
  /** length of a forward image */
  readonly size: number;
  /** f = F b */
  forward(b: Float64Array, f: Float64Array): void;
  /** x = Fᵀ f (f is overwritten) */
  backward(f: Float64Array, x: Float64Array): void;
}

/** A vector's nonzero stretch: entries from `from` on are `values`, all others zero. */
export interface Span {
  from: number;
  values: Float64Array;
}

/** Σ_a k_a g_a g_aᵀ: locked bolts, g_a = ∂s_a/∂u (a span), k_a their stiffness [N/mm]. */
export interface RankOneTerms {
  columns: Span[];
  stiffness: Float64Array;
}
