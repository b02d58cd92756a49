import { type PlateModel, shiftedPlateModel } from '../plate/plateModel';
import type { SolverSession } from '../session/solverSession';
import {
  type AssemblyPlan,
  assembleGroup,
  backwardSolve,
  factor,
  forwardSolve,
  type NumericFactor,
  solve,
} from '../sparse';
import {
  multiplySymmetric,
  multiplySymmetricMagnitude,
  multiplySymmetricPair,
} from '../sparse/symmetricProduct';
import type { FactorStats, SymbolicFactor, SymmetricCsc } from '../sparse/types';
import { ContactConvergenceError } from './contactErrors';
import type { ContactProblem } from './contactProblem';
import { defaultRigidBodyNodes } from './rigidBody';
import type { HalfSolves, TangentSolver } from './tangent';

/** PCG stops at this relative residual when the two plates differ. */
const PCG_TOLERANCE = 1e-12;
const PCG_MAX_ITERATIONS = 500;

/**
 * Two plates joined by contact points, solved through the sum s = u_t + u_b and the
 * difference d = u_t − u_b. With K̄ = (K_t + K_b)/2, Δ = (K_t − K_b)/2 and the diagonal
 * contact stiffness C on the w dofs, the coupled tangent
 *     [K_t + C, −C; −C, K_b + C]
 * becomes
 *     [K̄, Δ; Δ, K̄ + 2C] [s; d] = [b_t + b_b; b_t − b_b].
 * For equal plates Δ = 0 and the system splits into two single-plate systems: K̄ (constant,
 * factored once, with three w dofs of s held for the assembly's rigid-body modes — the loads
 * are self-equilibrated, so they carry nothing) and K̄ + 2C (refactored each Newton step).
 * Each has half the unknowns and a third of the front size of the coupled matrix: about 8×
 * fewer flops. For unequal plates the split is the preconditioner of a CG iteration.
 */
export class PairedTangent implements TangentSolver {
  readonly n: number;
  readonly plates: (PlateModel | null)[];
  readonly heldDofs = new Int32Array(0);
  readonly stats: FactorStats;
  factorizations = 0;
  reusedFactorizations = 0;
  version = 0;
  private readonly m: number; // dofs of one plate
  private readonly plan: AssemblyPlan;
  private readonly symbolic: SymbolicFactor;
  private readonly topMatrix: SymmetricCsc;
  private readonly bottomMatrix: SymmetricCsc;
  private readonly average: Float64Array;
  private readonly equal: boolean;
  private readonly gauge: Int32Array;
  private readonly diagonal: Int32Array; // index of A(i,i) in the values
  private readonly sumValues: Float64Array;
  private sumNumeric: NumericFactor | null = null;
  private diffFactor: NumericFactor | undefined;
  /** whether diffFactor is also kept in the session (then it is never refactored in place) */
  private sharedDiff = false;
  private readonly contactNode: Int32Array;
  private readonly diffValues: Float64Array;
  /** C on the w dofs of the current step (per node) */
  private readonly nodeStiffness: Float64Array;
  private readonly work: Float64Array[];
  /** a forward image (2m), for the equal plates' solve */
  private image: Float64Array | undefined;
  /** the half solves of the current difference factor (built on first use after each refactor) */
  private halves: HalfSolves | null = null;
  private pcgWork: Float64Array[] | undefined;
  pcgIterations = 0;
  /** bending stiffness E·t³ of the stiffer plate over the softer one [-] */
  private readonly stiffnessRatio: number;

  constructor(
    problem: ContactProblem,
    describeLayer: (l: number) => string,
    private readonly session: SolverSession,
  ) {
    const { mesh, layers } = problem;
    const [top, bottom] = layers;
    if (layers.length !== 2 || !top || !bottom) throw new Error('PairedTangent: needs exactly two plates');
    const nNodes = mesh.nodes.length / 2;
    this.m = 3 * nNodes;
    this.n = 2 * this.m;
    const topModel = session.plateModel(mesh, { E: top.E, nu: top.nu, thickness: top.thickness }, [], 0);
    // equal plates share their element stiffness; only the dof numbering differs
    const sameSection = top.E === bottom.E && top.nu === bottom.nu && top.thickness === bottom.thickness;
    const bottomModel = sameSection
      ? shiftedPlateModel(topModel, this.m)
      : session.plateModel(mesh, { E: bottom.E, nu: bottom.nu, thickness: bottom.thickness }, [], this.m);
    this.plates = [topModel, bottomModel];
    const Dt = top.E * top.thickness ** 3;
    const Db = bottom.E * bottom.thickness ** 3;
    this.stiffnessRatio = Math.max(Dt, Db) / Math.min(Dt, Db);

    // One single-plate pattern serves K_t, K_b, K̄ and K̄ + 2C: contact adds only to diagonals.
    this.plan = session.plan(this.m, topModel.elements);
    const nnz = this.plan.matrix.values.length;
    const topValues = new Float64Array(nnz);
    const bottomValues = new Float64Array(nnz);
    assembleGroup(this.plan, 0, topModel.stiffness, topValues);
    assembleGroup(this.plan, 0, bottomModel.stiffness, bottomValues);
    this.topMatrix = { ...this.plan.matrix, values: topValues };
    this.bottomMatrix = { ...this.plan.matrix, values: bottomValues };
    this.average = new Float64Array(nnz);
    let equal = true;
    for (let k = 0; k < nnz; k++) {
      this.average[k] = 0.5 * (topValues[k] + bottomValues[k]);
      if (topValues[k] !== bottomValues[k]) equal = false;
    }
    this.equal = equal;
    const { colPtr, rowIdx } = this.plan.matrix;
    this.diagonal = new Int32Array(this.m);
    for (let j = 0; j < this.m; j++) {
      if (rowIdx[colPtr[j]] !== j) throw new Error(`PairedTangent: no diagonal entry for dof ${j}`);
      this.diagonal[j] = colPtr[j];
    }

    const dofNode = new Int32Array(this.m);
    for (let i = 0; i < this.m; i++) dofNode[i] = Math.floor(i / 3);
    this.symbolic = session.analyse(
      this.plan.matrix,
      {
        ordering: 'nd',
        geometry: { coords: mesh.nodes, dofNode },
        describeDof: (dof) =>
          `${describeLayer(0)}/${describeLayer(1)} node ${Math.floor(dof / 3)} (${['w', 'rx', 'ry'][dof % 3]})`,
      },
      'plate',
    );
    this.stats = this.symbolic.stats;

    // K̄ with the gauge: rows and columns of three w dofs replaced by the identity.
    this.gauge = Int32Array.from(
      problem.rigidBodyNodes ?? defaultRigidBodyNodes(mesh.nodes),
      (node) => 3 * node,
    );
    const held = new Uint8Array(this.m);
    for (const g of this.gauge) held[g] = 1;
    const sumValues = Float64Array.from(this.average);
    for (let j = 0; j < this.m; j++) {
      for (let k = colPtr[j]; k < colPtr[j + 1]; k++) {
        if (held[j] || held[rowIdx[k]]) sumValues[k] = rowIdx[k] === j ? 1 : 0;
      }
    }
    this.sumValues = sumValues;

    this.contactNode = problem.interfaces[0].node;
    this.diffValues = new Float64Array(nnz);
    this.nodeStiffness = new Float64Array(nNodes);
    this.work = Array.from({ length: 8 }, () => new Float64Array(this.m));
  }

  plateProduct(x: Float64Array, y: Float64Array): void {
    const m = this.m;
    if (this.equal) {
      // one matrix for both plates: read it once
      multiplySymmetricPair(this.topMatrix, x.subarray(0, m), x.subarray(m), y.subarray(0, m), y.subarray(m));
      return;
    }
    multiplySymmetric(this.topMatrix, x.subarray(0, m), y.subarray(0, m));
    multiplySymmetric(this.bottomMatrix, x.subarray(m), y.subarray(m));
  }

  plateMagnitude(x: Float64Array, y: Float64Array): void {
    const m = this.m;
    multiplySymmetricMagnitude(this.topMatrix, x.subarray(0, m), y.subarray(0, m));
    multiplySymmetricMagnitude(this.bottomMatrix, x.subarray(m), y.subarray(m));
  }

  refactor(pointStiffness: Float64Array[]): void {
    this.version++;
    this.halves = null;
    const kp = pointStiffness[0];
    this.nodeStiffness.fill(0);
    for (let j = 0; j < kp.length; j++) this.nodeStiffness[this.contactNode[j]] += kp[j];
    this.diffValues.set(this.average);
    for (let i = 0; i < this.nodeStiffness.length; i++)
      this.diffValues[this.diagonal[3 * i]] += 2 * this.nodeStiffness[i];
    // a preload or swelling sweep, or the viewer's re-solve after a preload edit, with linear laws
    // in full contact, meets a K̄ + 2C bit for bit the same as one the session has factored
    const kept = this.session.keptFactor('paired:difference', this.symbolic, this.diffValues);
    if (kept) {
      this.diffFactor = kept;
      this.sharedDiff = true;
      this.reusedFactorizations++;
      return;
    }
    // refactor in place only in storage no one else holds: a kept factor is shared
    const reuse = this.diffFactor && !this.sharedDiff ? this.diffFactor : undefined;
    this.diffFactor = factor(this.symbolic, { ...this.plan.matrix, values: this.diffValues }, reuse, {
      helper: this.session.factorHelper,
    });
    this.factorizations++;
    this.session.keepFactor('paired:difference', this.diffValues, this.diffFactor);
    this.sharedDiff = true;
  }

  solve(b: Float64Array, x: Float64Array): void {
    if (this.equal) {
      // the split is exact: forward and back through the two factors
      const halves = this.halfSolves() as HalfSolves;
      this.image ??= new Float64Array(halves.size);
      halves.forward(b, this.image);
      halves.backward(this.image, x);
      return;
    }
    const m = this.m;
    const [bs, bd, s, d] = this.work;
    for (let i = 0; i < m; i++) {
      bs[i] = b[i] + b[m + i];
      bd[i] = b[i] - b[m + i];
    }
    for (const g of this.gauge) bs[g] = 0;
    this.pcg(bs, bd, s, d);
    for (let i = 0; i < m; i++) {
      x[i] = 0.5 * (s[i] + d[i]);
      x[m + i] = 0.5 * (s[i] - d[i]);
    }
  }

  /**
   * For equal plates K⁻¹ = ½ M diag(K̄⁻¹, (K̄ + 2C)⁻¹) M with M = [I, I; I, −I], so
   * F = diag(F_s, F_d) M/√2 from the two factors. The forward image of a bolt's pair of
   * forces has no sum half, and neither does the residual's when its sum part is round-off:
   * that half stays zero and the sum factor is never formed for it. Null for unequal plates
   * (their solve is CG).
   */
  halfSolves(): HalfSolves | null {
    if (!this.equal) return null;
    if (this.halves) return this.halves;
    const diff = this.diffFactor;
    if (!diff) throw new Error('PairedTangent: refactor() before solve()');
    const m = this.m;
    const [bs, bd, s] = this.work;
    const h = Math.SQRT1_2;
    this.halves = {
      size: 2 * m,
      forward: (b, f) => {
        for (let i = 0; i < m; i++) {
          bs[i] = h * (b[i] + b[m + i]);
          bd[i] = h * (b[i] - b[m + i]);
        }
        for (const g of this.gauge) bs[g] = 0;
        const fs = f.subarray(0, m);
        if (isZero(bs) || this.negligibleSum(bs, bd)) fs.fill(0);
        else forwardSolve(this.sumFactor(), bs, fs);
        forwardSolve(diff, bd, f.subarray(m));
      },
      backward: (f, x) => {
        const fs = f.subarray(0, m);
        if (isZero(fs)) s.fill(0);
        else backwardSolve(this.sumFactor(), fs, s);
        for (const g of this.gauge) s[g] = 0;
        const d = backwardSolve(diff, f.subarray(m), bd);
        for (let i = 0; i < m; i++) {
          x[i] = h * (s[i] + d[i]);
          x[m + i] = h * (s[i] - d[i]);
        }
      },
    };
    return this.halves;
  }

  /**
   * K̄ with the gauge, factored on first use. With equal plates nothing loads the sum: contact
   * pressures and bolt tensions act on both plates equal and opposite, so r_t + r_b is round-off
   * and this factorization is usually never needed. Kept in the session for the next case on the same plates.
   */
  private sumFactor(): NumericFactor {
    if (this.sumNumeric) return this.sumNumeric;
    // the gauge rows are part of the values, so equal values mean the same gauge too
    const kept = this.session.keptFactor('paired:sum', this.symbolic, this.sumValues);
    if (kept) {
      this.sumNumeric = kept;
      this.reusedFactorizations++;
    } else {
      this.sumNumeric = factor(this.symbolic, { ...this.plan.matrix, values: this.sumValues }, undefined, {
        helper: this.session.factorHelper,
      });
      this.factorizations++;
      this.session.keepFactor('paired:sum', this.sumValues, this.sumNumeric);
    }
    return this.sumNumeric;
  }

  /** A sum part that is round-off next to the difference part (equal plates): ‖r_s‖ ≤ 1e-10 ‖r_d‖. */
  private negligibleSum(rs: Float64Array, rd: Float64Array): boolean {
    let ss = 0;
    let dd = 0;
    for (let i = 0; i < rs.length; i++) {
      ss += rs[i] * rs[i];
      dd += rd[i] * rd[i];
    }
    return ss <= 1e-20 * dd;
  }

  /** The split solve as CG's preconditioner (unequal plates): s = K̄⁻¹ r_s (gauge held), d = (K̄ + 2C)⁻¹ r_d. */
  private precondition(rs: Float64Array, rd: Float64Array, zs: Float64Array, zd: Float64Array): void {
    if (!this.diffFactor) throw new Error('PairedTangent: refactor() before solve()');
    if (isZero(rs)) zs.fill(0);
    else solve(this.sumFactor(), rs, zs);
    for (const g of this.gauge) zs[g] = 0;
    if (isZero(rd)) zd.fill(0);
    else solve(this.diffFactor, rd, zd);
  }

  /** [s; d] ↦ [K̄ s + Δ d; Δ s + (K̄ + 2C) d], gauge rows of s zeroed. */
  private apply(s: Float64Array, d: Float64Array, os: Float64Array, od: Float64Array): void {
    const m = this.m;
    const [, , , , ts, td, us, ud] = this.work;
    multiplySymmetric(this.topMatrix, s, ts);
    multiplySymmetric(this.bottomMatrix, s, us);
    multiplySymmetric(this.topMatrix, d, td);
    multiplySymmetric(this.bottomMatrix, d, ud);
    for (let i = 0; i < m; i++) {
      os[i] = 0.5 * (ts[i] + us[i]) + 0.5 * (td[i] - ud[i]);
      od[i] = 0.5 * (ts[i] - us[i]) + 0.5 * (td[i] + ud[i]);
    }
    for (let i = 0; i < this.nodeStiffness.length; i++) od[3 * i] += 2 * this.nodeStiffness[i] * d[3 * i];
    for (const g of this.gauge) os[g] = 0;
  }

  /** Preconditioned CG on the split system, started from the split solve. */
  private pcg(bs: Float64Array, bd: Float64Array, s: Float64Array, d: Float64Array): void {
    const m = this.m;
    // CG vectors, allocated once per tangent: solve() runs every Newton step
    this.pcgWork ??= Array.from({ length: 8 }, () => new Float64Array(m));
    const [rs, rd, zs, zd, ps, pd, qs, qd] = this.pcgWork;
    this.precondition(bs, bd, s, d);
    this.apply(s, d, qs, qd);
    let bNorm = 0;
    for (let i = 0; i < m; i++) {
      rs[i] = bs[i] - qs[i];
      rd[i] = bd[i] - qd[i];
      bNorm += bs[i] * bs[i] + bd[i] * bd[i];
    }
    bNorm = Math.sqrt(bNorm);
    if (bNorm === 0) return;
    this.precondition(rs, rd, zs, zd);
    ps.set(zs);
    pd.set(zd);
    let rz = dot2(rs, rd, zs, zd);
    for (let it = 0; it < PCG_MAX_ITERATIONS; it++) {
      const rNorm = Math.sqrt(dot2(rs, rd, rs, rd));
      if (rNorm <= PCG_TOLERANCE * bNorm) return;
      this.pcgIterations++;
      this.apply(ps, pd, qs, qd);
      const alpha = rz / dot2(ps, pd, qs, qd);
      for (let i = 0; i < m; i++) {
        s[i] += alpha * ps[i];
        d[i] += alpha * pd[i];
        rs[i] -= alpha * qs[i];
        rd[i] -= alpha * qd[i];
      }
      this.precondition(rs, rd, zs, zd);
      const rzNew = dot2(rs, rd, zs, zd);
      const beta = rzNew / rz;
      rz = rzNew;
      for (let i = 0; i < m; i++) {
        ps[i] = zs[i] + beta * ps[i];
        pd[i] = zd[i] + beta * pd[i];
      }
    }
    throw new ContactConvergenceError(
      `the top and bottom plates differ too much in bending stiffness (E·t³ ratio ${this.stiffnessRatio.toExponential(1)}) for the two-plate split: its iterative solve did not converge in ${PCG_MAX_ITERATIONS} iterations. Make the plates closer in thickness or material.`,
    );
  }
}

function dot2(a: Float64Array, b: Float64Array, c: Float64Array, d: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * c[i] + b[i] * d[i];
  return s;
}

function isZero(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) return false;
  return true;
}
