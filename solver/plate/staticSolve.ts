/**
 * Linear static solve of one plate, optionally on a Winkler foundation (bonded or
 * tensionless). Assembly plan and symbolic factorization are built once; the tensionless
 * active-set iteration only re-assembles values and refactors the same pattern.
 */
import { SolverSession } from '../session/solverSession';
import {
  type AssemblyPlan,
  assembleGroup,
  factor,
  NotPositiveDefiniteError,
  planAssembly,
  solve,
} from '../sparse/index';
import type { FactorStats, NumericFactor, OrderingName, SymbolicFactor } from '../sparse/types';
import {
  activeFoundationBlocks,
  createFoundation,
  type Foundation,
  type FoundationSpec,
  foundationNodalForces,
} from './foundation';
import {
  applyPrescribed,
  describePlateDof,
  type PlateModel,
  plateDofGeometry,
  plateInternalForces,
} from './plateModel';

export interface StaticOptions {
  foundation?: FoundationSpec;
  /** fill-reducing ordering, default 'nd' (geometric) */
  ordering?: OrderingName;
  /** cap on tensionless active-set iterations, default 100 */
  maxContactIterations?: number;
  /** analyses and the factorization thread to use (a plate re-solved on the same mesh keeps its analysis); default: a fresh session */
  session?: SolverSession;
}

export interface PlateSolution {
  /** local dofs 3·node + {w (mm), rx, ry (rad)} */
  u: Float64Array;
  /** support reactions on the plate at fixed dofs (N for w, N·mm for rx, ry); zero elsewhere */
  reactions: Float64Array;
  /** foundation force per node (N), positive in compression; zero where lifted off */
  foundationForce: Float64Array;
  /** foundation pressure per node k·w (MPa), positive in compression; zero where lifted off */
  foundationPressure: Float64Array;
  /** per node: 1 in contact (tensionless foundation), otherwise null */
  contact: Uint8Array | null;
  /** numeric factorizations done (1 unless tensionless) */
  iterations: number;
  stats: FactorStats;
}

/** The model cannot carry load: a rigid-body mode or mechanism. Names the dof where it showed. */
export class SingularPlateError extends Error {
  override name = 'SingularPlateError';
  constructor(
    readonly dof: number,
    readonly description: string,
  ) {
    super(
      `the plate model is singular at ${description}: it can move without resistance there — ` +
        'add supports (fixed dofs) or a bonded foundation so that no rigid-body motion or mechanism remains',
    );
  }
}

/**
 * Solves K u = f for one plate (dofOffset must be 0).
 * @param f load vector by local dof (N, N·mm); see loads.ts. Not modified.
 */
export function solvePlate(model: PlateModel, f: Float64Array, options: StaticOptions = {}): PlateSolution {
  if (model.dofOffset !== 0)
    throw new Error('solvePlate: model.dofOffset must be 0 for a single-plate solve');
  const n = model.nDofs;
  const nNodes = n / 3;
  const wDof = new Int32Array(nNodes);
  for (let i = 0; i < nNodes; i++) wDof[i] = model.fixed[3 * i] ? -1 : 3 * i;
  const foundation: Foundation | null = options.foundation
    ? createFoundation(model.mesh, options.foundation, wDof)
    : null;

  const groups = [model.elements, model.supports];
  if (foundation) groups.push(foundation.group);
  const plan = planAssembly(n, groups);
  const A = plan.matrix;
  // a plate re-solved on the same mesh (a thickness search, a sweep) keeps its analysis
  const ordering = options.ordering ?? 'nd';
  const session = options.session ?? new SolverSession();
  const symbolic = session.analyse(
    A,
    { ordering, geometry: plateDofGeometry(model), describeDof: describePlateDof },
    'plate',
  );

  const rhs = new Float64Array(f);
  applyPrescribed(model, rhs);

  const active = foundation?.tensionless ? new Uint8Array(foundation.nodes.length).fill(1) : null;
  const fBlocks = foundation ? new Float64Array(foundation.blocks.length) : null;
  const maxIt = options.maxContactIterations ?? 100;
  let numeric: NumericFactor | undefined;
  let u: Float64Array = new Float64Array(n);
  let iterations = 0;
  for (;;) {
    iterations++;
    assemble(plan, model, foundation, active, fBlocks);
    numeric = factorOrExplain(symbolic, A, session, numeric);
    u = solve(numeric, rhs);
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(u[i])) throw new SingularPlateError(i, describePlateDof(i));
    }
    if (!foundation || !active) break;
    let changed = 0;
    for (let j = 0; j < foundation.nodes.length; j++) {
      const w = u[3 * foundation.nodes[j]];
      // w = 0 exactly (e.g. no load) keeps the previous status so the set can settle.
      const now = w > 0 || (w === 0 && active[j] === 1) ? 1 : 0;
      if (now !== active[j]) changed++;
      active[j] = now;
    }
    if (changed === 0) break;
    if (iterations >= maxIt) {
      throw new Error(
        `tensionless foundation: the contact set still changed at ${changed} nodes after ${iterations} iterations`,
      );
    }
  }

  const w = new Float64Array(nNodes);
  for (let i = 0; i < nNodes; i++) w[i] = u[3 * i];
  const foundationForce = foundation
    ? foundationNodalForces(model.mesh, foundation, w, active)
    : new Float64Array(nNodes);
  const foundationPressure = new Float64Array(nNodes);
  let contact: Uint8Array | null = null;
  if (foundation) {
    for (let i = 0; i < nNodes; i++) {
      const A_i = foundation.nodalArea[i];
      foundationPressure[i] = A_i > 0 ? (foundation.nodalStiffness[i] / A_i) * w[i] : 0;
    }
    if (active) {
      contact = new Uint8Array(nNodes);
      foundation.nodes.forEach((node, j) => {
        contact![node] = active[j];
      });
      for (let i = 0; i < nNodes; i++) if (!contact[i]) foundationPressure[i] = 0;
    }
  }
  // Reactions: K_plate u + F_foundation − f at the fixed dofs.
  const reactions = new Float64Array(n);
  plateInternalForces(model, u, reactions);
  for (let i = 0; i < nNodes; i++) reactions[3 * i] += foundationForce[i];
  for (let i = 0; i < n; i++) reactions[i] = model.fixed[i] ? reactions[i] - f[i] : 0;
  return {
    u,
    reactions,
    foundationForce,
    foundationPressure,
    contact,
    iterations,
    stats: symbolic.stats,
  };
}

function assemble(
  plan: AssemblyPlan,
  model: PlateModel,
  foundation: Foundation | null,
  active: Uint8Array | null,
  fBlocks: Float64Array | null,
): void {
  plan.matrix.values.fill(0);
  assembleGroup(plan, 0, model.stiffness);
  assembleGroup(plan, 1, model.supportBlocks);
  if (foundation && fBlocks) {
    const blocks = active ? activeFoundationBlocks(foundation, active, fBlocks) : foundation.blocks;
    assembleGroup(plan, 2, blocks);
  }
}

function factorOrExplain(
  symbolic: SymbolicFactor,
  A: AssemblyPlan['matrix'],
  session: SolverSession,
  reuse?: NumericFactor,
): NumericFactor {
  try {
    return factor(symbolic, A, reuse, { helper: session.factorHelper });
  } catch (err) {
    if (err instanceof NotPositiveDefiniteError) {
      const dof = (err as { dof?: number }).dof ?? -1;
      throw new SingularPlateError(dof, dof >= 0 ? describePlateDof(dof) : 'an unidentified dof');
    }
    throw err;
  }
}
