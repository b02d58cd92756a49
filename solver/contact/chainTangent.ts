import { EigenvalueDecomposition, LuDecomposition, Matrix } from 'ml-matrix';
import { type PlateModel, shiftedPlateModel } from '../plate/plateModel';
import type { SolverSession } from '../session/solverSession';
import { type AssemblyPlan, factor, type NumericFactor } from '../sparse';
import { backwardSolve, forwardSolve } from '../sparse/supernodalSolve';
import { multiplySymmetric, multiplySymmetricMagnitude } from '../sparse/symmetricProduct';
import type { FactorStats, SymbolicFactor, SymmetricCsc } from '../sparse/types';
import { ContactConvergenceError } from './contactErrors';
import type { ContactProblem } from './contactProblem';
import { correctForwardImage, type ForwardWoodbury, forwardWoodbury } from './forwardWoodbury';
import { platePattern } from './platePattern';
import { defaultRigidBodyNodes } from './rigidBody';
import type { HalfSolves, RankOneTerms, TangentSolver } from './tangent';

/** PCG stops at this relative residual (transformed right-hand side). */
const PCG_TOLERANCE = 1e-10;
const PCG_MAX_ITERATIONS = 500;
/** CG restarts on the true residual after the first solve, while it is above REFINE_ABOVE of c */
const MAX_REFINEMENTS = 3;
const REFINE_ABOVE = 1e-9;

/**
 * A chain of k ≥ 2 plates (top, interleaf plates, bottom; no rigid base) of any thickness and
 * material, solved with single-plate factors only. The coupled tangent is
 *     K = diag(K_1 … K_k) + Σ_i C_i ⊗ (e_i − e_{i+1})(e_i − e_{i+1})ᵀ
 * with C_i the contact stiffness of interface i on the w dofs. With K_i ≈ a_i K_ref and
 * C_i ≈ w_i C̄, K ≈ K_ref ⊗ A + C̄ ⊗ L (A = diag(a), L the path Laplacian weighted by w); the
 * k × k congruence T with Tᵀ A T = I, Tᵀ L T = Λ turns that into k independent single-plate
 * systems. Here T is applied to the exact K, and CG runs on Tᵀ K T preconditioned by its
 * exact diagonal blocks
 *     B_j = Σ_i T_ij² K_i + Σ_i (T_ij − T_{i+1,j})² C_i,
 * each with the single-plate pattern (contact adds to w diagonals only). T's first column is
 * the constant vector (λ = 0, the stack moving as one), so B_1 holds no contact term: it is
 * constant, factored once (with three w dofs held for the rigid-body modes) and kept in the
 * session. The others are refactored each Newton step: k − 1 single-plate factors, where the
 * coupled matrix would cost about k³ single-plate factors. The couplings left between the blocks
 * are what the plates' stiffness is not proportional (thickness changes bending against shear,
 * ν differs) and the interfaces' contact maps differ; CG takes them in a few iterations. Locked
 * bolts (RankOneTerms) join the CG operator, so a Newton step is one CG solve however many
 * bolts there are, and each block's preconditioner takes its part of them by Woodbury.
 *
 * Why no exact split exists for unequal plates: K_i = α_i K_bending + β_i K_shear, so the coupled
 * tangent is a sum of three Kronecker terms (bending, shear, contact), and no k × k congruence
 * diagonalises three matrices unless α/β is the same for every plate. What is left is the
 * curvature of the series stiffness between the shear and bending ratios: for a 30 mm against a
 * 25 mm plate the preconditioned Schur complement's spectrum lies in about [0.99, 1], so CG gains
 * 2.5 digits an iteration, and 4–5 iterations of two single-plate triangular solves take a load
 * step to 1e-10. A direct factor of the coupled matrix costs 7× a single-plate factor per Newton
 * step (3k dofs per node), more than the CG.
 */
export class ChainTangent implements TangentSolver {
  readonly n: number;
  readonly plates: (PlateModel | null)[];
  readonly heldDofs = new Int32Array(0);
  readonly stats: FactorStats;
  factorizations = 0;
  factorSeconds = 0;
  reusedFactorizations = 0;
  version = 0;
  /** CG iterations since construction, and CG solves */
  pcgIterations = 0;
  pcgSolves = 0;
  /** full single-plate block solves (forward and back through one factor) since construction, and their wall time [s] */
  blockSolves = 0;
  blockSolveSeconds = 0;
  private readonly k: number;
  private readonly m: number;
  private readonly plan: AssemblyPlan;
  private readonly symbolic: SymbolicFactor;
  /** per layer, its plate matrix (layers with one section share one) */
  private readonly plateMatrices: SymmetricCsc[];
  /** a_i: layer i's plate matrix over layer 0's, balanced between shear and bending (stiffnessScale) [-] */
  private readonly scale: Float64Array;
  private readonly diagonal: Int32Array;
  private readonly gauge: Int32Array;
  /** the transformation, T[i·k + j], for the current factorization */
  private T: Float64Array;
  /** per interface: the mesh node of each point, and its stiffness of the current step [N/mm] */
  private readonly pointNode: Int32Array[];
  private readonly pointStiffness: Float64Array[];
  private readonly factors: (NumericFactor | null)[];
  private readonly blockValues: Float64Array[];
  private readonly work: Float64Array[];
  /** per layer, the first layer with its section: plates of one section share one product */
  private readonly section: Int32Array;
  /** m-sized scratch: a triangular solve's intermediate, the first block's solution, K_s z per section */
  private readonly forwardImage: Float64Array;
  private readonly firstSolution: Float64Array;
  private readonly sectionProducts: Float64Array[];
  /** the rank-one terms last given, as their nonzero entries only (a bolt touches two washers) */
  private sparseTerms: SparseTerms | null = null;
  /** per block after the first: the bolts' part of it by Woodbury, for the factor and terms it was made for */
  private blockWoodbury: ({
    factor: NumericFactor;
    extra: RankOneTerms;
    woodbury: ForwardWoodbury;
  } | null)[] = [];
  /** A₀₀'s Woodbury data for the rank-one terms last given */
  private firstWoodbury: {
    extra: RankOneTerms;
    columns: { g: Float64Array; z: Float64Array; k: number }[];
    H: LuDecomposition | null;
  } | null = null;

  constructor(
    problem: ContactProblem,
    describeLayer: (l: number) => string,
    private readonly session: SolverSession,
  ) {
    const { mesh, layers } = problem;
    this.k = layers.length;
    if (this.k < 2) throw new Error('ChainTangent: needs at least two plates');
    const nNodes = mesh.nodes.length / 2;
    this.m = 3 * nNodes;
    this.n = this.k * this.m;
    const models: PlateModel[] = [];
    const sectionOf = (l: number) => {
      const layer = layers[l];
      if (!layer) throw new Error(`ChainTangent: layer ${l} is rigid — the chain needs plates only`);
      return { E: layer.E, nu: layer.nu, thickness: layer.thickness };
    };
    const sameAs = new Int32Array(this.k);
    for (let l = 0; l < this.k; l++) {
      const s = sectionOf(l);
      const j = models.findIndex((_, i) => {
        const t = sectionOf(i);
        return t.E === s.E && t.nu === s.nu && t.thickness === s.thickness;
      });
      sameAs[l] = j >= 0 ? sameAs[j] : l;
      // plates of one section share their element stiffness; only the dof numbering differs
      models.push(
        j >= 0 ? shiftedPlateModel(models[j], l * this.m) : session.plateModel(mesh, s, [], l * this.m),
      );
    }
    this.plates = models;

    // one single-plate pattern serves every plate and every block: contact adds only to diagonals
    this.plan = session.plan(this.m, models[0].elements);
    const nnz = this.plan.matrix.values.length;
    this.plateMatrices = [];
    for (let l = 0; l < this.k; l++) {
      if (sameAs[l] !== l) {
        this.plateMatrices.push(this.plateMatrices[sameAs[l]]);
        continue;
      }
      this.plateMatrices.push({ ...this.plan.matrix, values: session.plateValues(this.plan, models[l]) });
    }
    // the same analysis as every single-plate split's: one per mesh in the session
    const pattern = platePattern(
      this.plan.matrix,
      mesh,
      session,
      layers.map((_, l) => describeLayer(l)).join('/'),
      'ChainTangent',
    );
    this.diagonal = pattern.diagonal;
    this.scale = Float64Array.from(this.plateMatrices, (K) =>
      stiffnessScale(K.values, this.plateMatrices[0].values, this.diagonal),
    );
    this.symbolic = pattern.symbolic;
    this.stats = this.symbolic.stats;
    this.gauge = Int32Array.from(
      problem.rigidBodyNodes ?? defaultRigidBodyNodes(mesh.nodes),
      (node) => 3 * node,
    );
    this.pointNode = problem.interfaces.map((itf) => itf.node);
    this.pointStiffness = problem.interfaces.map((itf) => new Float64Array(itf.node.length));
    this.T = this.transform(new Float64Array(this.k - 1).fill(1));
    this.factors = new Array(this.k).fill(null);
    this.blockValues = Array.from({ length: this.k }, () => new Float64Array(nnz));
    this.work = Array.from({ length: 13 }, () => new Float64Array(this.n));
    this.section = sameAs;
    this.forwardImage = new Float64Array(this.m);
    this.firstSolution = new Float64Array(this.m);
    this.sectionProducts = Array.from({ length: this.k }, (_, l) =>
      sameAs[l] === l ? new Float64Array(this.m) : new Float64Array(0),
    );
  }

  plateProduct(x: Float64Array, y: Float64Array): void {
    const m = this.m;
    for (let l = 0; l < this.k; l++)
      multiplySymmetric(
        this.plateMatrices[l],
        x.subarray(l * m, (l + 1) * m),
        y.subarray(l * m, (l + 1) * m),
      );
  }

  plateMagnitude(x: Float64Array, y: Float64Array): void {
    const m = this.m;
    for (let l = 0; l < this.k; l++)
      multiplySymmetricMagnitude(
        this.plateMatrices[l],
        x.subarray(l * m, (l + 1) * m),
        y.subarray(l * m, (l + 1) * m),
      );
  }

  refactor(pointStiffness: Float64Array[]): void {
    this.version++;
    const weights = new Float64Array(this.k - 1);
    pointStiffness.forEach((kp, i) => {
      this.pointStiffness[i].set(kp);
      for (let p = 0; p < kp.length; p++) weights[i] += kp[p];
    });
    // T follows the interfaces' total stiffness; its first column is constant whatever the
    // weights, so the first block stays the one factored before
    this.T = this.transform(weights);
    const k = this.k;
    if (!this.factors[0]) this.factors[0] = this.sumFactor();
    for (let j = 1; j < k; j++) {
      const values = this.blockValues[j];
      values.fill(0);
      for (let l = 0; l < k; l++) {
        const t2 = this.T[l * k + j] ** 2;
        const K = this.plateMatrices[l].values;
        for (let e = 0; e < values.length; e++) values[e] += t2 * K[e];
      }
      for (let i = 0; i < k - 1; i++) {
        const c = (this.T[i * k + j] - this.T[(i + 1) * k + j]) ** 2;
        const nodes = this.pointNode[i];
        const kp = this.pointStiffness[i];
        for (let p = 0; p < kp.length; p++) values[this.diagonal[3 * nodes[p]]] += c * kp[p];
      }
      // a sweep's or the viewer's re-solve meets bit-identical blocks: take them from the session
      const slot = `chain:${k}:${j}`;
      const kept = this.session.keptFactor(slot, this.symbolic, values);
      if (kept) {
        this.factors[j] = kept;
        this.reusedFactorizations++;
        continue;
      }
      // always fresh storage: a kept factor is shared and never refactored in place
      const t0 = performance.now();
      const f = factor(this.symbolic, { ...this.plan.matrix, values }, undefined, {
        helper: this.session.factorHelper,
      });
      this.factorSeconds += (performance.now() - t0) / 1000;
      this.factorizations++;
      this.session.keepFactor(slot, values, f);
      this.factors[j] = f;
    }
  }

  solve(b: Float64Array, x: Float64Array, extra?: RankOneTerms): void {
    const [c, y, r, z, , q, residual, dy] = this.work;
    const terms = this.sparseOf(extra);
    this.toBlocks(b, c);
    const cNorm = Math.sqrt(dot(c, c));
    this.pcg(c, y, terms);
    // The first block's solve leaves its round-off (about cond(B₁)·ε of c) in the true residual,
    // under CG's own recurrence: check it, and refine on it only while it is above 1e-9 of c and
    // still falling (an extreme stiffness ratio); usually one operator product and no new solve.
    let previous = Number.POSITIVE_INFINITY;
    for (let round = 0; round < MAX_REFINEMENTS; round++) {
      this.apply(y, q, r, z, terms);
      for (let e = 0; e < c.length; e++) residual[e] = c[e] - q[e];
      const rNorm = Math.sqrt(dot(residual, residual));
      if (rNorm <= REFINE_ABOVE * cNorm || rNorm > 0.5 * previous) break;
      previous = rNorm;
      this.pcg(residual, dy, terms);
      for (let e = 0; e < y.length; e++) y[e] += dy[e];
    }
    this.fromBlocks(y, x);
  }

  /** No factor of the coupled tangent exists: the solve is iterative. */
  halfSolves(): HalfSolves | null {
    return null;
  }

  /** B_1 = Σ_i T_i1² K_i with the gauge rows and columns replaced by the identity; kept in the session. */
  private sumFactor(): NumericFactor {
    const { k, m } = this;
    const values = this.blockValues[0];
    values.fill(0);
    for (let l = 0; l < k; l++) {
      const t2 = this.T[l * k] ** 2;
      const K = this.plateMatrices[l].values;
      for (let e = 0; e < values.length; e++) values[e] += t2 * K[e];
    }
    const held = new Uint8Array(m);
    for (const g of this.gauge) held[g] = 1;
    const { colPtr, rowIdx } = this.plan.matrix;
    for (let j = 0; j < m; j++)
      for (let e = colPtr[j]; e < colPtr[j + 1]; e++)
        if (held[j] || held[rowIdx[e]]) values[e] = rowIdx[e] === j ? 1 : 0;
    const slot = `chain:${k}:sum`;
    const kept = this.session.keptFactor(slot, this.symbolic, values);
    if (kept) {
      this.reusedFactorizations++;
      return kept;
    }
    const t0 = performance.now();
    const f = factor(this.symbolic, { ...this.plan.matrix, values }, undefined, {
      helper: this.session.factorHelper,
    });
    this.factorSeconds += (performance.now() - t0) / 1000;
    this.factorizations++;
    this.session.keepFactor(slot, values, f);
    return f;
  }

  /**
   * T with Tᵀ A T = I and Tᵀ L_w T = Λ (λ ascending), from the symmetric eigenproblem of
   * A^{-1/2} L_w A^{-1/2}. The first column is set exactly to the constant 1/√Σa, so that the
   * contact drops out of the first block bit for bit.
   */
  private transform(weights: Float64Array): Float64Array {
    const k = this.k;
    const a = this.scale;
    const top = Math.max(...weights);
    const w = Float64Array.from(weights, (v) => (top > 0 ? Math.max(v / top, 1e-12) : 1));
    const B = new Matrix(k, k);
    for (let i = 0; i < k - 1; i++) {
      const s = w[i] / Math.sqrt(a[i] * a[i + 1]);
      B.set(i, i, B.get(i, i) + w[i] / a[i]);
      B.set(i + 1, i + 1, B.get(i + 1, i + 1) + w[i] / a[i + 1]);
      B.set(i, i + 1, -s);
      B.set(i + 1, i, -s);
    }
    const evd = new EigenvalueDecomposition(B, { assumeSymmetric: true });
    const lambda = evd.realEigenvalues;
    const V = evd.eigenvectorMatrix;
    const order = Array.from(lambda.keys()).sort((p, q) => lambda[p] - lambda[q]);
    const T = new Float64Array(k * k);
    const sumA = a.reduce((s, v) => s + v, 0);
    for (let i = 0; i < k; i++) {
      T[i * k] = 1 / Math.sqrt(sumA);
      for (let j = 1; j < k; j++) T[i * k + j] = V.get(i, order[j]) / Math.sqrt(a[i]);
    }
    return T;
  }

  /** c_j = Σ_i T_ij b_i, gauge rows of the first block zeroed. */
  private toBlocks(b: Float64Array, c: Float64Array): void {
    const { k, m, T } = this;
    c.fill(0);
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) {
        const t = T[i * k + j];
        const bo = i * m;
        const co = j * m;
        for (let e = 0; e < m; e++) c[co + e] += t * b[bo + e];
      }
    for (const g of this.gauge) c[g] = 0;
  }

  /** x_i = Σ_j T_ij y_j */
  private fromBlocks(y: Float64Array, x: Float64Array): void {
    const { k, m, T } = this;
    x.fill(0);
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) {
        const t = T[i * k + j];
        const xo = i * m;
        const yo = j * m;
        for (let e = 0; e < m; e++) x[xo + e] += t * y[yo + e];
      }
  }

  /** The rank-one terms as their nonzero entries, once per set of terms (a span runs from the top washer to the bottom one). */
  private sparseOf(extra: RankOneTerms | undefined): SparseTerms | null {
    if (!extra) return null;
    if (this.sparseTerms?.extra === extra) return this.sparseTerms;
    const index: Int32Array[] = [];
    const value: Float64Array[] = [];
    for (const { from, values } of extra.columns) {
      const at: number[] = [];
      for (let e = 0; e < values.length; e++) if (values[e] !== 0) at.push(e);
      index.push(Int32Array.from(at, (e) => from + e));
      value.push(Float64Array.from(at, (e) => values[e]));
    }
    this.sparseTerms = { extra, index, value };
    return this.sparseTerms;
  }

  /** q = Tᵀ (K_plates + contact + extra) T y, gauge rows zeroed. `t1`, `t2`: scratch of size n. */
  private apply(
    y: Float64Array,
    q: Float64Array,
    t1: Float64Array,
    t2: Float64Array,
    terms: SparseTerms | null,
  ): void {
    this.fromBlocks(y, t1);
    this.stackProduct(t1, t2, terms);
    this.toBlocks(t2, q);
  }

  /** t2 = (K_plates + contact + extra) t1 in the plates' own dofs. */
  private stackProduct(t1: Float64Array, t2: Float64Array, terms: SparseTerms | null): void {
    const { k, m } = this;
    this.plateProduct(t1, t2);
    for (let i = 0; i < k - 1; i++) {
      const nodes = this.pointNode[i];
      const kp = this.pointStiffness[i];
      const up = i * m;
      const lo = (i + 1) * m;
      for (let p = 0; p < kp.length; p++) {
        const d = 3 * nodes[p];
        const f = kp[p] * (t1[up + d] - t1[lo + d]);
        t2[up + d] += f;
        t2[lo + d] -= f;
      }
    }
    if (terms) {
      const stiffness = terms.extra.stiffness;
      for (let a = 0; a < terms.index.length; a++) {
        const at = terms.index[a];
        const g = terms.value[a];
        let s = 0;
        for (let e = 0; e < at.length; e++) s += g[e] * t1[at[e]];
        s *= stiffness[a];
        for (let e = 0; e < at.length; e++) t2[at[e]] += s * g[e];
      }
    }
  }

  /**
   * out_r −= Aᵣ₀ z: with T's first column constant (T_i1 = τ), T's image of [z; 0] is τ z on every
   * plate, which stretches no contact point. So Aᵣ₀ z = Σ_i T_ij τ (K_i z + bolts' part), with one
   * plate product per section, not per plate.
   */
  private subtractFromFirst(z: Float64Array, out: Float64Array, terms: SparseTerms | null): void {
    const { k, m, T } = this;
    const tau = T[0];
    for (let l = 0; l < k; l++)
      if (this.section[l] === l) multiplySymmetric(this.plateMatrices[l], z, this.sectionProducts[l]);
    for (let l = 0; l < k; l++) {
      const Kz = this.sectionProducts[this.section[l]];
      for (let j = 1; j < k; j++) {
        const t = T[l * k + j] * tau;
        if (t === 0) continue;
        const o = j * m;
        for (let e = 0; e < m; e++) out[o + e] -= t * Kz[e];
      }
    }
    if (!terms) return;
    const stiffness = terms.extra.stiffness;
    for (let a = 0; a < terms.index.length; a++) {
      const at = terms.index[a];
      const g = terms.value[a];
      let s = 0;
      for (let e = 0; e < at.length; e++) s += g[e] * tau * z[at[e] % m];
      s *= stiffness[a];
      if (s === 0) continue;
      for (let e = 0; e < at.length; e++) {
        const l = Math.floor(at[e] / m);
        const local = at[e] - l * m;
        for (let j = 1; j < k; j++) out[j * m + local] -= T[l * k + j] * s * g[e];
      }
    }
  }

  /**
   * out = B⁻¹ v through a preallocated forward image, counted and timed; `correct` changes the
   * forward image between the two halves (a Woodbury correction in the forward space).
   */
  private blockSolve(
    f: NumericFactor,
    v: Float64Array,
    out: Float64Array,
    correct: ForwardWoodbury | null = null,
  ): void {
    const t0 = performance.now();
    this.blockSolves++;
    const helper = this.session.factorHelper;
    forwardSolve(f, v, this.forwardImage, helper);
    if (correct) correctForwardImage(correct, this.forwardImage);
    backwardSolve(f, this.forwardImage, out, helper);
    this.blockSolveSeconds += (performance.now() - t0) / 1000;
  }

  /**
   * z_j = B̃_j⁻¹ r_j for the blocks after the first (the Schur complement's preconditioner); z₀ = 0.
   * B̃_j is B_j plus the locked bolts' part of block j, G_j D G_jᵀ with G_j = Σ_i T_ij g_i, by
   * Woodbury in the forward space: without it the bolts' rank-one terms are outliers CG needs a
   * few iterations for, with it the preconditioner misses only what the plates are not proportional.
   */
  private precondition(r: Float64Array, z: Float64Array, terms: SparseTerms | null): void {
    const m = this.m;
    z.fill(0, 0, m);
    for (let j = 1; j < this.k; j++) {
      const f = this.factors[j];
      if (!f) throw new Error('ChainTangent: refactor() before solve()');
      const out = z.subarray(j * m, (j + 1) * m);
      const woodbury = terms ? this.boltsInBlock(j, f, terms) : null;
      this.blockSolve(f, r.subarray(j * m, (j + 1) * m), out, woodbury);
    }
  }

  /** Block j's bolt columns G_j and their Woodbury data, once per factor and set of terms. */
  private boltsInBlock(j: number, f: NumericFactor, terms: SparseTerms): ForwardWoodbury | null {
    const kept = this.blockWoodbury[j];
    if (kept && kept.factor === f && kept.extra === terms.extra) return kept.woodbury;
    const { k, m, T } = this;
    const columns = terms.index.map((at, a) => {
      const g = new Float64Array(m);
      const value = terms.value[a];
      for (let e = 0; e < at.length; e++) {
        const l = Math.floor(at[e] / m);
        g[at[e] - l * m] += T[l * k + j] * value[e];
      }
      return g;
    });
    const woodbury = columns.length
      ? forwardWoodbury((g, w) => forwardSolve(f, g, w), m, columns, terms.extra.stiffness)
      : null;
    this.blockWoodbury[j] = woodbury ? { factor: f, extra: terms.extra, woodbury } : null;
    return woodbury;
  }

  /**
   * CG on the Schur complement of the first block: with A = Tᵀ (K + extra) T in blocks
   * [A₀₀, A₀ᵣ; Aᵣ₀, Aᵣᵣ], S = Aᵣᵣ − Aᵣ₀ A₀₀⁻¹ A₀ᵣ solved for y_r, preconditioned by the other
   * blocks B_j, then y₀ = A₀₀⁻¹ (c₀ − A₀ᵣ y_r). A₀₀ is B₁ (plus the bolts' part in the first
   * block, by Woodbury; zero for washers facing each other), factored once, so the coupling to
   * the first block is taken exactly: the preconditioned S has its eigenvalues in [1 − μ², 1]
   * (μ the blocks' coupling) where block Jacobi on A has [1 − μ, 1 + μ], at two block solves per
   * iteration too. The Schur residual is the whole residual (the first block's is zero).
   */
  private pcg(c: Float64Array, y: Float64Array, terms: SparseTerms | null): void {
    const { m, n } = this;
    const [, , r, d, p, q, , , t1, t2, , w] = this.work;
    const zFirst = this.firstSolution;
    const first = (v: Float64Array) => v.subarray(0, m);
    const rest = (v: Float64Array) => v.subarray(m);
    const firstInverse = this.firstBlockInverse(terms);
    // S x for x in rest(x) (first(x) zero), written to rest(out); first(out) left zero
    const schur = (x: Float64Array, out: Float64Array) => {
      this.apply(x, out, t1, t2, terms); // [A₀ᵣ x; Aᵣᵣ x]
      firstInverse(first(out), zFirst); // A₀₀⁻¹ A₀ᵣ x
      this.subtractFromFirst(zFirst, out, terms); // Aᵣᵣ x − Aᵣ₀ A₀₀⁻¹ A₀ᵣ x
      first(out).fill(0);
    };
    this.pcgSolves++;
    // y₀ = A₀₀⁻¹ (c₀ − A₀ᵣ y_r) is gathered as CG goes: it starts at A₀₀⁻¹ c₀ and each step takes
    // α A₀₀⁻¹ A₀ᵣ p, which the Schur product has just formed; no block solve is left for the end
    const y0 = first(y);
    firstInverse(first(c), y0);
    // the Schur right-hand side c_r − Aᵣ₀ A₀₀⁻¹ c₀, in rest(r); first(r) stays zero
    r.set(c);
    first(r).fill(0);
    this.subtractFromFirst(y0, r, terms);
    const bNorm = Math.sqrt(dot(r, r));
    d.fill(0);
    const finish = () => rest(y).set(rest(d));
    // y_r = 0 when the rest has no load: y₀ from c₀ alone
    if (bNorm === 0) {
      finish();
      return;
    }
    this.precondition(r, w, terms);
    p.set(w);
    let rz = dot(r, w);
    for (let it = 0; it < PCG_MAX_ITERATIONS; it++) {
      this.pcgIterations++;
      schur(p, q);
      const alpha = rz / dot(p, q);
      for (let e = 0; e < m; e++) y0[e] -= alpha * zFirst[e];
      for (let e = m; e < n; e++) {
        d[e] += alpha * p[e];
        r[e] -= alpha * q[e];
      }
      if (Math.sqrt(dot(r, r)) <= PCG_TOLERANCE * bNorm) {
        finish();
        return;
      }
      this.precondition(r, w, terms);
      const rzNew = dot(r, w);
      const beta = rzNew / rz;
      rz = rzNew;
      for (let e = m; e < n; e++) p[e] = w[e] + beta * p[e];
    }
    throw new ContactConvergenceError(
      `the ${this.k} plates differ too much in bending stiffness (plate matrices from ${Math.min(...this.scale).toExponential(1)} to ${Math.max(...this.scale).toExponential(1)} × the top plate's) for the single-plate split: its iterative solve did not converge in ${PCG_MAX_ITERATIONS} iterations. Make the plates closer in thickness or material.`,
    );
  }

  /**
   * v ↦ A₀₀⁻¹ v with A₀₀ = B₁ + G₀ D G₀ᵀ, G₀ the first block of Tᵀ G: B₁'s factor and, for
   * bolts whose first-block part is not zero, Woodbury with Z = B₁⁻¹ G₀ (once per set of terms:
   * B₁ never changes). The gauge rows stay zero.
   */
  private firstBlockInverse(terms: SparseTerms | null): (v: Float64Array, out: Float64Array) => void {
    const m = this.m;
    const f = this.factors[0];
    if (!f) throw new Error('ChainTangent: refactor() before solve()');
    const plain = (v: Float64Array, out: Float64Array) => {
      this.blockSolve(f, v, out);
      for (const g of this.gauge) out[g] = 0;
    };
    if (!terms) return plain;
    const extra = terms.extra;
    if (this.firstWoodbury?.extra !== extra) {
      // G₀ column by column: Σ_i T_i1 g_i
      const columns: { g: Float64Array; z: Float64Array; k: number }[] = [];
      const full = new Float64Array(this.n);
      const blocks = new Float64Array(this.n);
      extra.columns.forEach((col, a) => {
        full.fill(0);
        full.set(col.values, col.from);
        this.toBlocks(full, blocks);
        const g = blocks.slice(0, m);
        if (g.every((v) => v === 0)) return;
        const z = new Float64Array(m);
        plain(g, z);
        columns.push({ g, z, k: extra.stiffness[a] });
      });
      const H = new Matrix(columns.length, columns.length);
      for (let i = 0; i < columns.length; i++)
        for (let j = 0; j < columns.length; j++)
          H.set(i, j, dot(columns[i].g, columns[j].z) + (i === j ? 1 / columns[i].k : 0));
      this.firstWoodbury = { extra, columns, H: columns.length ? new LuDecomposition(H) : null };
    }
    const { columns, H } = this.firstWoodbury;
    if (!H) return plain;
    return (v, out) => {
      plain(v, out);
      const rhs = new Matrix(columns.length, 1);
      for (let i = 0; i < columns.length; i++) rhs.set(i, 0, dot(columns[i].g, out));
      const coef = H.solve(rhs);
      columns.forEach((a, i) => {
        const w = coef.get(i, 0);
        for (let e = 0; e < m; e++) out[e] -= w * a.z[e];
      });
    };
  }
}

/** Rank-one terms by their nonzero entries: per term, the dofs and the values of g_a there. */
interface SparseTerms {
  extra: RankOneTerms;
  index: Int32Array[];
  value: Float64Array[];
}

/**
 * The factor a with K ≈ a K_ref that balances the split's error [-]. A plate's w diagonals are
 * shear stiffness (∝ G t), its rotation diagonals mostly bending (∝ E t³): two plates of another
 * thickness or material are in ratio ρ_s on the first and ρ_b on the second. Modes between pure
 * shear and pure bending see ratios between the two, and the preconditioned Schur complement's
 * worst eigenvalue for a mode of ratio ρ, ρ (1 + a)² / ((1 + ρ)(a² + ρ)), takes the same value at
 * ρ and a²/ρ: a = √(ρ_s ρ_b) makes both ends equally good. (A least-squares fit over the entries
 * gives ρ_b, where the bending entries dominate, and costs one or two CG iterations per solve.)
 * Each ratio is a geometric mean over the nodes.
 */
function stiffnessScale(K: Float64Array, ref: Float64Array, diagonal: Int32Array): number {
  let shear = 0;
  let bending = 0;
  const nodes = diagonal.length / 3;
  for (let i = 0; i < nodes; i++) {
    shear += Math.log(K[diagonal[3 * i]] / ref[diagonal[3 * i]]);
    bending += Math.log(K[diagonal[3 * i + 1]] / ref[diagonal[3 * i + 1]]);
    bending += Math.log(K[diagonal[3 * i + 2]] / ref[diagonal[3 * i + 2]]);
  }
  return Math.exp((shear / nodes + bending / (2 * nodes)) / 2);
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
