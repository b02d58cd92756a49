/**
 * Tensionless contact of plates clamped by bolts: minimise the total potential energy
 *   Π(u) = ½ uᵀ K u + Σ_points A Φ(c(u)) + Σ_bolts E_b(s(u))
 * by Newton's method with a backtracking line search on Π. Π is convex (K ⪰ 0, every law is
 * monotone), so the damped Newton iteration converges from any start; with piecewise-linear
 * laws it is a semismooth Newton method and ends in finitely many steps once the contact set
 * settles. Convergence is declared on force balance, never on step size.
 *
 * Two load steps:
 * 1. load-up: every bolt carries its preload as a prescribed tension (torque or spring setting);
 * 2. swelling: the bolts are locked at their load-up length and act as springs (bolt and
 *    springs in series) while the stack grows.
 *
 * The sparsity pattern (plates + every possible contact pair) is fixed, so the symbolic
 * factorization is done once per mesh and reused by every Newton step of every load step.
 * Locked bolts are rank-one terms k g gᵀ added through the Woodbury identity, so the
 * washer patches never couple in the sparse matrix and cause no fill.
 */
import type { PlateModel } from '../plate/plateModel';
import { SolverSession } from '../session/solverSession';
import type { FactorStats } from '../sparse/types';
import { ChainTangent } from './chainTangent';
import { evaluateClosureLaw, initialStiffness } from './closureLaw';
import { ContactAbortedError, ContactConvergenceError } from './contactErrors';
import type { ContactProblem, PlateLayer } from './contactProblem';
import { CoupledTangent } from './coupledTangent';
import { correctForwardImage, type ForwardWoodbury, forwardWoodbury, span } from './forwardWoodbury';
import { PairedTangent, samePlates } from './pairedTangent';
import { MAX_ROUNDOFF_RELATIVE, ROUNDOFF_FACTOR } from './roundoff';
import type { HalfSolves, RankOneTerms, TangentSolver } from './tangent';

/** The locked bolts' Woodbury data for one factorization. */
interface BoltCorrection extends ForwardWoodbury {
  /** the tangent's version it was made for */
  version: number;
  halves: HalfSolves;
}

export interface ContactOptions {
  /** converged when ‖residual‖₂ ≤ tolerance · (total bolt preload) */
  tolerance: number;
  maxIterations: number;
  /** called after each Newton step */
  onIteration?: (info: { step: LoadStep; iteration: number; residual: number; energy: number }) => void;
  /** checked between Newton steps; a set flag aborts with ContactAbortedError */
  shouldAbort?: () => boolean;
}

export type LoadStep = 'load-up' | 'swelling';

/** Solution of one load step. */
export interface ContactState {
  step: LoadStep;
  /** all dofs, layer by layer: u[offset(l) + 3·node + c], c = 0 w [mm], 1 rx, 2 ry [rad] */
  u: Float64Array;
  /** per interface, per point: contact pressure [MPa] and closure [mm] */
  pressure: Float64Array[];
  closure: Float64Array[];
  /** per bolt: tension [N] and elongation from the unloaded state [mm] */
  boltForce: Float64Array;
  boltStretch: Float64Array;
  iterations: number;
  factorizations: number;
  /** total potential energy after each accepted step [N·mm] */
  energyHistory: number[];
  /** final ‖residual‖₂ [N] */
  residual: number;
  /** largest reaction at the rigid-body supports [N]; ~0 because the loads self-equilibrate */
  supportReaction: number;
}

export { ContactAbortedError, ContactConvergenceError } from './contactErrors';

/** Fraction of the initial contact stiffness kept for open points in the tangent only. */
const OPEN_STIFFNESS = 1e-6;

export class ContactSolver {
  readonly problem: ContactProblem;
  readonly n: number;
  readonly tangent: TangentSolver;
  /** global w dof of every point on its upper and lower layer (−1: rigid or held) */
  private readonly upperDof: Int32Array[];
  private readonly lowerDof: Int32Array[];
  private readonly fixedDofs: Int32Array;
  private readonly boltUpperDofs: Int32Array[];
  private readonly boltLowerDofs: Int32Array[];
  private readonly openStiffness: Float64Array;
  private readonly pointStiffness: Float64Array[];
  private readonly closureScratch: Float64Array[];
  private woodbury: BoltCorrection | null = null;
  /** the locked bolts as rank-one terms, for a tangent without half solves (built once) */
  private boltTerms: RankOneTerms | null = null;
  private image: Float64Array | undefined;
  private readonly law3 = new Float64Array(3);
  /** whether the tangent holds a factorization of the current pointStiffness */
  private factored = false;

  /**
   * `session`: the caches and factorization thread this solver may use and fill (analyses,
   * plate stiffness, kept factors); a fresh one when none is given, so nothing leaks between callers.
   * `tangent`: 'coupled' factors the whole coupled matrix whatever the stack, the reference the
   * split paths are tested against; 'auto' (default) takes the fastest exact path.
   */
  constructor(
    problem: ContactProblem,
    session: SolverSession = new SolverSession(),
    tangent: 'auto' | 'coupled' = 'auto',
  ) {
    this.problem = problem;
    const { layers } = problem;
    if (layers.length < 2) throw new Error('contact problem: needs at least two layers');
    if (problem.interfaces.length !== layers.length - 1) {
      throw new Error(
        `contact problem: ${problem.interfaces.length} interfaces for ${layers.length} layers — need one between each pair`,
      );
    }
    layers.forEach((l, i) => {
      if (l === null && i !== layers.length - 1)
        throw new Error(`contact problem: layer ${i} is rigid — only the bottom may be`);
    });
    const describeLayer = (l: number) => layers[l]?.name ?? `layer ${l}`;
    // Two equal plates (the usual module) split exactly into two single-plate systems; any other
    // chain of plates takes the generalised split with CG; a rigid base takes the coupled matrix.
    const plates = layers.filter((l): l is PlateLayer => l !== null);
    this.tangent =
      plates.length < layers.length || tangent === 'coupled'
        ? new CoupledTangent(problem, describeLayer, session)
        : plates.length === 2 && samePlates(plates[0], plates[1])
          ? new PairedTangent(problem, describeLayer, session)
          : new ChainTangent(problem, describeLayer, session);
    this.n = this.tangent.n;
    this.fixedDofs = this.tangent.heldDofs;
    const held = new Uint8Array(this.n);
    for (const d of this.fixedDofs) held[d] = 1;
    const wDof = (l: number, node: number): number => {
      const m = this.tangent.plates[l];
      if (!m) return -1;
      const dof = m.dofOffset + 3 * node;
      return held[dof] ? -1 : dof;
    };
    this.upperDof = [];
    this.lowerDof = [];
    this.pointStiffness = [];
    this.closureScratch = problem.interfaces.map((itf) => new Float64Array(itf.node.length));
    let k0 = Number.POSITIVE_INFINITY;
    for (const law of problem.laws) k0 = Math.min(k0, initialStiffness(law));
    problem.interfaces.forEach((itf, k) => {
      this.upperDof.push(Int32Array.from(itf.node, (node) => wDof(k, node)));
      this.lowerDof.push(Int32Array.from(itf.node, (node) => wDof(k + 1, node)));
      this.pointStiffness.push(new Float64Array(itf.node.length));
    });
    this.openStiffness = new Float64Array(problem.interfaces.length).fill(OPEN_STIFFNESS * k0);
    this.boltUpperDofs = problem.bolts.map((b) => Int32Array.from(b.upperNodes, (node) => wDof(0, node)));
    this.boltLowerDofs = problem.bolts.map((b) =>
      Int32Array.from(b.lowerNodes, (node) => wDof(layers.length - 1, node)),
    );
  }

  /** per layer: the plate model (dof offset, section), null for a rigid base */
  get plates(): (PlateModel | null)[] {
    return this.tangent.plates;
  }

  get stats(): FactorStats {
    return this.tangent.stats;
  }

  /** numeric factorizations done for this problem */
  get totalFactorizations(): number {
    return this.tangent.factorizations;
  }

  /** factorizations this problem needed that the session already held */
  get reusedFactorizations(): number {
    return this.tangent.reusedFactorizations;
  }

  /** Total bolt preload [N], the force scale of the convergence test. */
  get totalPreload(): number {
    return this.problem.bolts.reduce((s, b) => s + b.preload, 0);
  }

  /**
   * Step 1, load-up: every bolt at its preload. `swell` (per interface, per point, mm of free
   * growth) is normally absent here.
   */
  loadUp(options: ContactOptions, swell?: Float64Array[]): ContactState {
    const u = this.rigidGuess(swell);
    return this.newton('load-up', u, swell, null, options);
  }

  /**
   * Step 2: bolts locked at their load-up length; the stack grows by `swell` [mm per point]
   * (the total free growth since load-up). Newton starts from `from`; the bolts act as springs
   * about `locked` (default `from`), so a sequence of states can start each from the last while
   * every one is locked at load-up.
   */
  swell(
    from: ContactState,
    swell: Float64Array[],
    options: ContactOptions,
    locked: ContactState = from,
  ): ContactState {
    return this.newton('swelling', Float64Array.from(from.u), swell, locked, options);
  }

  /** Rigid plates, each interface closed uniformly until it carries the total preload. */
  private rigidGuess(swell?: Float64Array[]): Float64Array {
    const u = new Float64Array(this.n);
    const { interfaces, laws, layers } = this.problem;
    const F = this.totalPreload;
    const closures = interfaces.map((itf, k) => {
      // force carried at a uniform closure c [N], and its slope [N/mm] in slope[0]
      const slope = [0];
      const carried = (c: number) => {
        let f = 0;
        let df = 0;
        for (let j = 0; j < itf.node.length; j++) {
          evaluateClosureLaw(laws[itf.law[j]], c - itf.gap[j] + (swell ? swell[k][j] : 0), this.law3);
          f += this.law3[0] * itf.area[j];
          df += this.law3[1] * itf.area[j];
        }
        slope[0] = df;
        return f;
      };
      let lo = 0;
      let hi = 1e-3;
      while (carried(hi) < F && hi < 1e6) hi *= 2;
      // Newton on the monotone carried(c) = F, kept inside the bracket by bisection
      let c = hi;
      for (let it = 0; it < 200 && hi - lo > 1e-14 * hi; it++) {
        const r = carried(c) - F;
        // Newton from one side of a convex law never moves `lo`: stop on the force as well
        if (Math.abs(r) <= 1e-13 * F) return c;
        if (r < 0) lo = c;
        else hi = c;
        const next = slope[0] > 0 ? c - r / slope[0] : Number.NaN;
        c = next > lo && next < hi ? next : 0.5 * (lo + hi);
      }
      return hi;
    });
    // layer l sits lower by the closures of all interfaces beneath it; the bottom stays at 0
    let drop = 0;
    for (let l = layers.length - 2; l >= 0; l--) {
      drop -= closures[l];
      const m = this.plates[l];
      if (m) for (let i = 0; i < m.nDofs; i += 3) if (!m.fixed[i]) u[m.dofOffset + i] = drop;
    }
    return u;
  }

  private newton(
    step: LoadStep,
    u: Float64Array,
    swell: Float64Array[] | undefined,
    locked: ContactState | null,
    options: ContactOptions,
  ): ContactState {
    const n = this.n;
    const r = new Float64Array(n);
    const rTrial = new Float64Array(n);
    const uTrial = new Float64Array(n);
    const du = new Float64Array(n);
    const scale = this.totalPreload;
    const requested = options.tolerance * scale;
    const magnitude = new Float64Array(n);
    // The tolerance, or the round-off floor of K u when that is larger (very stiff plates), but
    // never more than MAX_ROUNDOFF_RELATIVE of the load: no state leaves less balanced than that.
    const cap = MAX_ROUNDOFF_RELATIVE * scale;
    let floor = 0;
    const toleranceAt = (x: Float64Array) => {
      // the floor only matters once the requested tolerance is out of reach
      if (!(norm(r) > requested)) return requested;
      this.tangent.plateMagnitude(x, magnitude);
      floor = ROUNDOFF_FACTOR * norm(magnitude);
      return Math.max(requested, Math.min(floor, cap));
    };
    // A residual down at a floor above the cap can fall no further: refuse at once rather than
    // iterate on rounding noise until the iteration limit.
    const floorCheck = (rNow: number) => {
      if (floor > cap && rNow > cap && rNow <= 4 * floor)
        throw new ContactConvergenceError(
          `${step}: no trustworthy force balance — the round-off floor of the plate forces is ${(floor / scale).toExponential(2)} of the bolt load (residual ${(rNow / scale).toExponential(2)}), above the ${MAX_ROUNDOFF_RELATIVE} limit. ` +
            'The plates are far too stiff for their loads in double precision, or the mesh has sliver elements: check the plate modulus and thickness, and coordinates that nearly coincide.',
        );
    };
    let energy = this.evaluate(u, swell, locked, r);
    let tol = toleranceAt(u);
    floorCheck(norm(r));
    const history = [energy];
    let factorizations = 0;
    let rn = norm(r);
    let iteration = 0;
    while (!(rn <= tol)) {
      if (iteration >= options.maxIterations) {
        throw new ContactConvergenceError(
          `${step}: no force balance after ${iteration} Newton iterations (residual ${rn.toExponential(2)} N, needs ≤ ${tol.toExponential(2)} N: ${options.tolerance} × ${scale.toFixed(0)} N, or the round-off floor of the plate forces). ` +
            'The map is not returned. Check for plates that are free to lift away, or raise solver.maxIterations.',
        );
      }
      if (options.shouldAbort?.()) throw new ContactAbortedError(`${step}: cancelled`);
      iteration++;
      // Newton direction: K_t du = −r
      // an unchanged tangent (linear laws, same contact set) keeps its factorization
      if (this.updateStiffness(u, swell)) {
        this.tangent.refactor(this.pointStiffness);
        factorizations++;
      }
      for (let i = 0; i < n; i++) r[i] = -r[i];
      this.solveTangent(r, du, locked);
      for (let i = 0; i < n; i++) r[i] = -r[i];
      let slope = 0;
      for (let i = 0; i < n; i++) slope += r[i] * du[i];
      if (!(slope < 0)) {
        // only round-off is left: the tangent no longer gives a descent direction; accepted only
        // within the documented round-off limit, so no state leaves here out of balance
        if (rn <= Math.min(1e3 * tol, Math.max(tol, cap))) break;
        throw new ContactConvergenceError(
          `${step}: the Newton direction is not a descent direction (slope ${slope}); the tangent is not positive definite`,
        );
      }
      // backtracking (Armijo) on the energy; the small absolute slack absorbs round-off in Π
      let alpha = 1;
      let eTrial = 0;
      const slack = 1e-12 * (Math.abs(energy) + scale * 1e-3);
      for (let ls = 0; ; ls++) {
        for (let i = 0; i < n; i++) uTrial[i] = u[i] + alpha * du[i];
        eTrial = this.evaluate(uTrial, swell, locked, rTrial);
        if (eTrial <= energy + 1e-4 * alpha * slope + slack) break;
        if (ls >= 40)
          throw new ContactConvergenceError(`${step}: line search failed at iteration ${iteration}`);
        alpha *= 0.5;
      }
      u.set(uTrial);
      r.set(rTrial);
      energy = eTrial;
      history.push(energy);
      rn = norm(r);
      tol = toleranceAt(u);
      floorCheck(rn);
      if (!Number.isFinite(rn))
        throw new ContactConvergenceError(`${step}: the iteration diverged (non-finite residual)`);
      options.onIteration?.({ step, iteration, residual: rn / scale, energy });
    }
    return this.state(step, u, swell, locked, iteration, factorizations, history, rn);
  }

  /**
   * Π(u) and its gradient r = ∂Π/∂u (the out-of-balance force, N) at u.
   * Open points add nothing: the laws are tensionless.
   */
  private evaluate(
    u: Float64Array,
    swell: Float64Array[] | undefined,
    locked: ContactState | null,
    r: Float64Array,
    holdFixed = true,
  ): number {
    this.tangent.plateProduct(u, r);
    let energy = 0;
    for (let i = 0; i < u.length; i++) energy += 0.5 * u[i] * r[i];
    const { interfaces, laws } = this.problem;
    const out = this.law3;
    for (let k = 0; k < interfaces.length; k++) {
      const itf = interfaces[k];
      const up = this.upperDof[k];
      const lo = this.lowerDof[k];
      const closure = this.closures(k, u, swell);
      for (let j = 0; j < itf.node.length; j++) {
        evaluateClosureLaw(laws[itf.law[j]], closure[j], out);
        const a = itf.area[j];
        energy += a * out[2];
        const f = out[0] * a;
        if (up[j] >= 0) r[up[j]] -= f;
        if (lo[j] >= 0) r[lo[j]] += f;
      }
    }
    const bolts = this.problem.bolts;
    for (let b = 0; b < bolts.length; b++) {
      const s = this.boltStretch(b, u);
      let T: number;
      if (locked) {
        const ds = s - locked.boltStretch[b];
        T = locked.boltForce[b] + bolts[b].stiffness * ds;
        energy += locked.boltForce[b] * ds + 0.5 * bolts[b].stiffness * ds * ds;
      } else {
        T = bolts[b].preload;
        energy += T * s;
      }
      this.addBoltGradient(b, T, r);
    }
    if (holdFixed) for (let i = 0; i < this.fixedDofs.length; i++) r[this.fixedDofs[i]] = 0;
    return energy;
  }

  /**
   * Closure of every point of interface k [mm]: the lower layer's w minus the upper's, less the
   * initial gap, plus the free swelling. Written into a scratch array reused by every call.
   */
  private closures(k: number, u: Float64Array, swell: Float64Array[] | undefined): Float64Array {
    const itf = this.problem.interfaces[k];
    const up = this.upperDof[k];
    const lo = this.lowerDof[k];
    const sw = swell?.[k];
    const c = this.closureScratch[k];
    for (let j = 0; j < c.length; j++) {
      c[j] = (lo[j] >= 0 ? u[lo[j]] : 0) - (up[j] >= 0 ? u[up[j]] : 0) - itf.gap[j] + (sw ? sw[j] : 0);
    }
    return c;
  }

  private boltStretch(b: number, u: Float64Array): number {
    const bolt = this.problem.bolts[b];
    const ud = this.boltUpperDofs[b];
    const ld = this.boltLowerDofs[b];
    let s = 0;
    for (let i = 0; i < ud.length; i++) if (ud[i] >= 0) s += bolt.upperWeights[i] * u[ud[i]];
    for (let i = 0; i < ld.length; i++) if (ld[i] >= 0) s -= bolt.lowerWeights[i] * u[ld[i]];
    return s;
  }

  /** r += T · ∂s/∂u for bolt b */
  private addBoltGradient(b: number, T: number, r: Float64Array): void {
    const bolt = this.problem.bolts[b];
    const ud = this.boltUpperDofs[b];
    const ld = this.boltLowerDofs[b];
    for (let i = 0; i < ud.length; i++) if (ud[i] >= 0) r[ud[i]] += T * bolt.upperWeights[i];
    for (let i = 0; i < ld.length; i++) if (ld[i] >= 0) r[ld[i]] -= T * bolt.lowerWeights[i];
  }

  /**
   * Each point's A·dp/dc [N/mm]; open points keep a tiny stiffness (tangent only, never the
   * residual). Returns whether anything changed since the last factorization.
   */
  private updateStiffness(u: Float64Array, swell: Float64Array[] | undefined): boolean {
    let changed = !this.factored;
    this.factored = true;
    const { interfaces, laws } = this.problem;
    const out = this.law3;
    for (let k = 0; k < interfaces.length; k++) {
      const itf = interfaces[k];
      const closure = this.closures(k, u, swell);
      const kp = this.pointStiffness[k];
      const kOpen = this.openStiffness[k];
      for (let j = 0; j < itf.node.length; j++) {
        evaluateClosureLaw(laws[itf.law[j]], closure[j], out);
        const kNew = itf.area[j] * Math.max(out[1], kOpen);
        if (kNew !== kp[j]) {
          kp[j] = kNew;
          changed = true;
        }
      }
    }
    return changed;
  }

  /**
   * x = K_t⁻¹ b with the factored K_0 (plates + contact); locked bolts add G D Gᵀ (D = diag of
   * the bolt stiffnesses), applied by Woodbury: x = y − Z S⁻¹ Gᵀ y with y = K_0⁻¹ b, Z = K_0⁻¹ G,
   * S = D⁻¹ + Gᵀ Z. With a factorization K_0⁻¹ = Fᵀ F this is x = Fᵀ (f − W S⁻¹ Wᵀ f), f = F b,
   * W = F G: one solve per Newton step, as without bolts. A tangent without half solves (CG)
   * takes G D Gᵀ into its operator instead: one CG solve per Newton step.
   */
  private solveTangent(b: Float64Array, x: Float64Array, locked: ContactState | null): void {
    const bolts = this.problem.bolts;
    if (!locked || bolts.length === 0) {
      this.tangent.solve(b, x);
      return;
    }
    if (!this.tangent.halfSolves()) {
      // an iterative tangent takes the bolts into its operator: one solve per Newton step
      this.boltTerms ??= {
        columns: this.boltColumns().map(span),
        stiffness: Float64Array.from(bolts, (bolt) => bolt.stiffness),
      };
      this.tangent.solve(b, x, this.boltTerms);
      return;
    }
    const correction = this.boltCorrection();
    const { halves } = correction;
    // a forward image per Newton step: kept between steps rather than allocated
    if (this.image?.length !== halves.size) this.image = new Float64Array(halves.size);
    const f = this.image;
    halves.forward(b, f);
    correctForwardImage(correction, f);
    halves.backward(f, x);
  }

  /** g_a = ∂s_a/∂u of every bolt, zero at the held dofs. */
  private boltColumns(): Float64Array[] {
    return this.problem.bolts.map((_, c) => {
      const g = new Float64Array(this.n);
      this.addBoltGradient(c, 1, g);
      for (let i = 0; i < this.fixedDofs.length; i++) g[this.fixedDofs[i]] = 0;
      return g;
    });
  }

  /**
   * Once per factorization of a tangent with half solves: the bolt columns W = F G (which only
   * walk the washers' paths in the factor) and the LU of S.
   */
  private boltCorrection(): BoltCorrection {
    if (this.woodbury && this.woodbury.version === this.tangent.version) return this.woodbury;
    const halves = this.tangent.halfSolves();
    if (!halves) throw new Error('ContactSolver: the Woodbury correction needs half solves');
    const stiffness = Float64Array.from(this.problem.bolts, (bolt) => bolt.stiffness);
    this.woodbury = {
      version: this.tangent.version,
      halves,
      ...forwardWoodbury((g, w) => halves.forward(g, w), halves.size, this.boltColumns(), stiffness),
    };
    return this.woodbury;
  }

  private state(
    step: LoadStep,
    u: Float64Array,
    swell: Float64Array[] | undefined,
    locked: ContactState | null,
    iterations: number,
    factorizations: number,
    energyHistory: number[],
    residual: number,
  ): ContactState {
    const { interfaces, laws, bolts } = this.problem;
    const out = this.law3;
    const pressure: Float64Array[] = [];
    const closure: Float64Array[] = [];
    interfaces.forEach((itf, k) => {
      const np = itf.node.length;
      const p = new Float64Array(np);
      const cc = Float64Array.from(this.closures(k, u, swell));
      for (let j = 0; j < np; j++) {
        evaluateClosureLaw(laws[itf.law[j]], cc[j], out);
        p[j] = out[0];
      }
      pressure.push(p);
      closure.push(cc);
    });
    const boltStretch = new Float64Array(bolts.length);
    const boltForce = new Float64Array(bolts.length);
    bolts.forEach((b, i) => {
      boltStretch[i] = this.boltStretch(i, u);
      boltForce[i] = locked
        ? locked.boltForce[i] + b.stiffness * (boltStretch[i] - locked.boltStretch[i])
        : b.preload;
    });
    // reactions at the held dofs: the gradient there, which the iteration holds at zero
    // and the net vertical force of the unconstrained gradient: both vanish when the loads self-equilibrate
    const rFull = new Float64Array(this.n);
    this.evaluate(u, swell, locked, rFull, false);
    let net = 0;
    for (const m of this.plates) if (m) for (let i = 0; i < m.nDofs; i += 3) net += rFull[m.dofOffset + i];
    let supportReaction = Math.abs(net);
    for (let i = 0; i < this.fixedDofs.length; i++)
      supportReaction = Math.max(supportReaction, Math.abs(rFull[this.fixedDofs[i]]));
    return {
      step,
      u,
      pressure,
      closure,
      boltForce,
      boltStretch,
      iterations,
      factorizations,
      energyHistory,
      residual,
      supportReaction,
    };
  }
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

export { defaultRigidBodyNodes } from './rigidBody';
