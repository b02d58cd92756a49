import type { QuadMesh } from '../mesh/quadMesh';
import { createPlateModel, type PlateModel, type PlateSection, type Support } from '../plate/plateModel';
import { type AssemblyPlan, assembleGroup, planAssembly } from '../sparse/assembly';
import { Fingerprint } from '../sparse/fingerprint';
import type { FactorHelper } from '../sparse/parallel/factorHelper';
import { analyse } from '../sparse/symbolic';
import type {
  AnalyseOptions,
  ElementGroup,
  NumericFactor,
  SymbolicFactor,
  SymmetricCsc,
} from '../sparse/types';
import { KeptCache } from './keptCache';

/** What a session saved its solves: results taken from its caches instead of computed again. */
export interface SessionEffort {
  /** symbolic analyses (ordering, elimination tree, supernodes) taken from the session */
  analysesReused: number;
  /** plate stiffness models taken from the session */
  plateModelsReused: number;
  /** assembly plans taken from the session */
  plansReused: number;
  /** numeric factorizations of a bit-identical matrix taken from the session */
  factorizationsReused: number;
}

export interface SolverSessionOptions {
  /** a second factorization thread (see sparse/parallel/factorHelper.ts); none: one thread */
  factorHelper?: FactorHelper | null;
  /** entries each cache keeps (default 4) */
  capacity?: number;
}

/**
 * Everything that outlives one solve: symbolic analyses, plate stiffness, assembly plans, the
 * factors a later solve of an identical matrix can take over, and the factorization helper
 * thread. The caller creates it, owns it and passes it in (the CLI, a batch lane, a queue worker,
 * the viewer's worker), so a result never depends on what another caller solved before; solves
 * given no session get a fresh one. Every hit is confirmed by full equality (KeptCache).
 */
export class SolverSession {
  /** the factorization helper thread, or null for one thread */
  factorHelper: FactorHelper | null;
  private readonly analyses: KeptCache<SymbolicFactor>;
  private readonly plateModels: KeptCache<PlateModel>;
  private readonly plans: KeptCache<AssemblyPlan>;
  private readonly factors: KeptCache<NumericFactor>;
  /** per plate model of this session: its matrix assembled by a plan (read-only, shared) */
  private readonly assembled = new WeakMap<PlateModel, { plan: AssemblyPlan; values: Float64Array }>();
  private reusedFactors = 0;

  constructor(options: SolverSessionOptions = {}) {
    this.factorHelper = options.factorHelper ?? null;
    const capacity = options.capacity ?? 4;
    this.analyses = new KeptCache(capacity);
    this.plateModels = new KeptCache(capacity);
    this.plans = new KeptCache(capacity);
    this.factors = new KeptCache(capacity);
  }

  /** Counters since the session began; subtract two readings for one solve's share. */
  get effort(): SessionEffort {
    return {
      analysesReused: this.analyses.hits,
      plateModelsReused: this.plateModels.hits,
      plansReused: this.plans.hits,
      factorizationsReused: this.reusedFactors,
    };
  }

  /**
   * `analyse(A, options)`, or the analysis of the same pattern and geometry done before in this
   * session. `kind` separates analyses of one pattern made for different purposes.
   */
  analyse(A: SymmetricCsc, options: AnalyseOptions, kind: string): SymbolicFactor {
    const g = options.geometry;
    const ordering = options.ordering ?? 'nd';
    const identity = [
      A.n,
      typeof ordering === 'string' ? ordering : 'explicit',
      typeof ordering === 'string' ? [] : ordering,
      options.relax === false ? 'fundamental' : 'relaxed',
      A.colPtr,
      A.rowIdx,
      g?.coords ?? [],
      g?.dofNode ?? [],
    ];
    const key = `${kind}:${A.n}:${A.rowIdx.length}:${new Fingerprint().words(A.colPtr).words(A.rowIdx)}`;
    const { value, hit } = this.analyses.get(key, identity, () => analyse(A, options));
    // the messages of a kept analysis name the dofs of the caller that asked now
    return hit ? { ...value, describeDof: options.describeDof } : value;
  }

  /** createPlateModel, or the same model built before in this session. */
  plateModel(
    mesh: QuadMesh,
    section: PlateSection,
    supports: readonly Support[],
    dofOffset: number,
  ): PlateModel {
    if (typeof section.thickness !== 'number') return createPlateModel(mesh, section, supports, dofOffset);
    const settings = JSON.stringify([section, supports, dofOffset]);
    return this.plateModels.get(
      `${settings}:${mesh.nodes.length}:${mesh.quads.length}`,
      [settings, mesh.nodes, mesh.quads],
      () => createPlateModel(mesh, section, supports, dofOffset),
    ).value;
  }

  /** planAssembly for one group of elements on n dofs, or the same plan made before. */
  plan(n: number, group: ElementGroup): AssemblyPlan {
    return this.plans.get(`${n}:${group.size}:${group.dofs.length}`, [n, group.size, group.dofs], () =>
      planAssembly(n, [group]),
    ).value;
  }

  /**
   * The values of `model`'s stiffness matrix assembled by `plan`, or the same ones assembled before
   * for this model and plan: a re-solve on the same plates skips the assembly. Shared by every
   * tangent of the session, so read-only.
   */
  plateValues(plan: AssemblyPlan, model: PlateModel): Float64Array {
    const kept = this.assembled.get(model);
    if (kept?.plan === plan) return kept.values;
    const values = new Float64Array(plan.matrix.values.length);
    assembleGroup(plan, 0, model.stiffness, values);
    this.assembled.set(model, { plan, values });
    return values;
  }

  /**
   * A factor of exactly this matrix kept by `keepFactor` under `slot`, or null. A kept factor
   * is shared: it must never be refactored in place.
   */
  keptFactor(slot: string, sym: SymbolicFactor, values: Float64Array): NumericFactor | null {
    const f = this.factors.find(slot, [values]);
    if (!f || f.symbolic.perm !== sym.perm) return null;
    this.reusedFactors++;
    return f;
  }

  /** Keep `factor` of the matrix with `values` under `slot` for a later solve. */
  keepFactor(slot: string, values: Float64Array, factor: NumericFactor): void {
    this.factors.put(slot, [values], factor);
  }
}
