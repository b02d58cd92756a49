import { EigenvalueDecomposition, LuDecomposition, Matrix } from 'ml-matrix';
import { type PlateModel, shiftedPlateModel } from '../plate/plateModel';
import type { SolverSession } from '../session/solverSession';
import { type AssemblyPlan, assembleGroup, factor, type NumericFactor, solve } from '../sparse';
import { multiplySymmetric, multiplySymmetricMagnitude } from '../sparse/symmetricProduct';
import type { FactorStats, SymbolicFactor, SymmetricCsc } from '../sparse/types';
import { ContactConvergenceError } from './contactErrors';
import type { ContactProblem } from './contactProblem';
import { platePattern } from './platePattern';
import { defaultRigidBodyNodes } from './rigidBody';
import type { HalfSolves, RankOneTerms, TangentSolver } from './tangent';

/** PCG stops at this relative residual (transformed right-hand side). */
const PCG_TOLERANCE = 1e-12;
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
 * bolts there are.
 */
export class ChainTangent implements TangentSolver {
  readonly n: number;
  readonly plates: (PlateModel | null)[];
  readonly heldDofs = new Int32Array(0);
  readonly stats: FactorStats;
  factorizations = 0;
  reusedFactorizations = 0;
  version = 0;
  /** CG iterations since construction, and CG solves */
  pcgIterations = 0;
  pcgSolves = 0;
  private readonly k: number;
  private readonly m: number;
  private readonly plan: AssemblyPlan;
  private readonly symbolic: SymbolicFactor;
  /** per layer, its plate matrix (layers with one section share one) */
  private readonly plateMatrices: SymmetricCsc[];
  /** a_i: layer i's plate matrix over layer 0's (least squares on the entries) [-] */
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
      const values = new Float64Array(nnz);
      assembleGroup(this.plan, 0, models[l].stiffness, values);
      this.plateMatrices.push({ ...this.plan.matrix, values });
    }
    this.scale = Float64Array.from(this.plateMatrices, (K) =>
      proportion(K.values, this.plateMatrices[0].values),
    );

    // the same analysis as every single-plate split's: one per mesh in the session
    const pattern = platePattern(
      this.plan.matrix,
      mesh,
      session,
      layers.map((_, l) => describeLayer(l)).join('/'),
      'ChainTangent',
    );
    this.diagonal = pattern.diagonal;
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
    this.work = Array.from({ length: 8 }, () => new Float64Array(this.n));
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
      const f = factor(this.symbolic, { ...this.plan.matrix, values }, undefined, {
        helper: this.session.factorHelper,
      });
      this.factorizations++;
      this.session.keepFactor(slot, values, f);
      this.factors[j] = f;
    }
  }

  solve(b: Float64Array, x: Float64Array, extra?: RankOneTerms): void {
    const [c, y, r, z, p, q, residual, dy] = this.work;
    this.toBlocks(b, c);
    const cNorm = Math.sqrt(dot(c, c));
    this.pcg(c, y, r, z, p, q, extra);
    // The first block's solve leaves its round-off (about cond(B₁)·ε of c) in the true residual,
    // under CG's own recurrence: check it, and refine on it only while it is above 1e-9 of c and
    // still falling (an extreme stiffness ratio); usually one operator product and no new solve.
    let previous = Number.POSITIVE_INFINITY;
    for (let round = 0; round < MAX_REFINEMENTS; round++) {
      this.apply(y, q, r, z, extra);
      for (let e = 0; e < c.length; e++) residual[e] = c[e] - q[e];
      const rNorm = Math.sqrt(dot(residual, residual));
      if (rNorm <= REFINE_ABOVE * cNorm || rNorm > 0.5 * previous) break;
      previous = rNorm;
      this.pcg(residual, dy, r, z, p, q, extra);
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
    const f = factor(this.symbolic, { ...this.plan.matrix, values }, undefined, {
      helper: this.session.factorHelper,
    });
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

  /** q = Tᵀ (K_plates + contact + extra) T y, gauge rows zeroed. `t1`, `t2`: scratch of size n. */
  private apply(
    y: Float64Array,
    q: Float64Array,
    t1: Float64Array,
    t2: Float64Array,
    extra?: RankOneTerms,
  ): void {
    const { k, m } = this;
    this.fromBlocks(y, t1);
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
    if (extra) {
      for (let a = 0; a < extra.columns.length; a++) {
        const { from, values } = extra.columns[a];
        let s = 0;
        for (let e = 0; e < values.length; e++) s += values[e] * t1[from + e];
        s *= extra.stiffness[a];
        for (let e = 0; e < values.length; e++) t2[from + e] += s * values[e];
      }
    }
    this.toBlocks(t2, q);
  }

  /** z_j = B_j⁻¹ r_j for the blocks after the first (the Schur complement's preconditioner); z₀ = 0. */
  private precondition(r: Float64Array, z: Float64Array): void {
    const m = this.m;
    z.fill(0, 0, m);
    for (let j = 1; j < this.k; j++) {
      const f = this.factors[j];
      if (!f) throw new Error('ChainTangent: refactor() before solve()');
      solve(f, r.subarray(j * m, (j + 1) * m), z.subarray(j * m, (j + 1) * m));
    }
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
  private pcg(
    c: Float64Array,
    y: Float64Array,
    r: Float64Array,
    z: Float64Array,
    p: Float64Array,
    q: Float64Array,
    extra: RankOneTerms | undefined,
  ): void {
    const { m, n } = this;
    // scratch for the operator, beyond the six vectors of the solve
    const t1 = new Float64Array(n);
    const t2 = new Float64Array(n);
    const t3 = new Float64Array(n);
    const first = (v: Float64Array) => v.subarray(0, m);
    const rest = (v: Float64Array) => v.subarray(m);
    const firstInverse = this.firstBlockInverse(extra);
    // S d for d in rest(x), written to rest(out); first(x) is used as scratch and left zero
    const schur = (x: Float64Array, out: Float64Array) => {
      first(x).fill(0);
      this.apply(x, out, t1, t2, extra); // [A₀ᵣ d; Aᵣᵣ d]
      t3.fill(0);
      firstInverse(first(out), first(t3)); // A₀₀⁻¹ A₀ᵣ d
      this.apply(t3, t3, t1, t2, extra); // [·; Aᵣ₀ A₀₀⁻¹ A₀ᵣ d]
      const o = rest(out);
      const u = rest(t3);
      for (let e = 0; e < o.length; e++) o[e] -= u[e];
      first(out).fill(0);
    };
    this.pcgSolves++;
    // the Schur right-hand side c_r − Aᵣ₀ A₀₀⁻¹ c₀, in rest(r); first(r) stays zero
    y.fill(0);
    firstInverse(first(c), first(y));
    this.apply(y, q, t1, t2, extra);
    r.set(c);
    for (let e = m; e < n; e++) r[e] -= q[e];
    first(r).fill(0);
    const bNorm = Math.sqrt(dot(r, r));
    // y_r = 0 so far; y₀ from c₀ alone is the answer when the rest has no load
    if (bNorm === 0) return;
    const d = z; // y_r lives in rest(d), the preconditioned residual in rest(p) scratch below
    d.fill(0);
    const w = new Float64Array(n);
    this.precondition(r, w);
    p.set(w);
    let rz = dot(r, w);
    const finish = () => {
      // y₀ = A₀₀⁻¹ (c₀ − A₀ᵣ y_r), y_r = d_r
      this.apply(d, q, t1, t2, extra);
      const c0 = first(t3);
      for (let e = 0; e < m; e++) c0[e] = c[e] - q[e];
      for (const g of this.gauge) c0[g] = 0;
      firstInverse(c0, first(y));
      rest(y).set(rest(d));
    };
    for (let it = 0; it < PCG_MAX_ITERATIONS; it++) {
      this.pcgIterations++;
      schur(p, q);
      const alpha = rz / dot(p, q);
      for (let e = m; e < n; e++) {
        d[e] += alpha * p[e];
        r[e] -= alpha * q[e];
      }
      if (Math.sqrt(dot(r, r)) <= PCG_TOLERANCE * bNorm) {
        finish();
        return;
      }
      this.precondition(r, w);
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
  private firstBlockInverse(extra: RankOneTerms | undefined): (v: Float64Array, out: Float64Array) => void {
    const m = this.m;
    const f = this.factors[0];
    if (!f) throw new Error('ChainTangent: refactor() before solve()');
    const plain = (v: Float64Array, out: Float64Array) => {
      solve(f, v, out);
      for (const g of this.gauge) out[g] = 0;
    };
    if (!extra) return plain;
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

/** The least-squares factor a with K ≈ a K_ref over the matrix entries [-]. */
function proportion(K: Float64Array, ref: Float64Array): number {
  let kr = 0;
  let rr = 0;
  for (let e = 0; e < K.length; e++) {
    kr += K[e] * ref[e];
    rr += ref[e] * ref[e];
  }
  return kr / rr;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}
