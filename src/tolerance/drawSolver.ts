import type { ContactProblem } from '../../solver/contact/contactProblem';
import { type ContactOptions, ContactSolver, type ContactState } from '../../solver/contact/contactSolver';
import type { SolverSession } from '../../solver/session/solverSession';
import { checkCase } from '../case/checkCase';
import type { Case, CaseInput } from '../case/schema';
import type { WorkLimits } from '../case/workBudget';
import { buildModel, type StackModel, swellingField } from '../model/buildModel';

/** One draw solved: the checked case, its model and states, and the solver's work on it. */
export interface SolvedDraw {
  case: Case;
  model: StackModel;
  loadUp: ContactState;
  swollen: ContactState | null;
  /** Newton steps (one linear solve each) over both load steps */
  solves: number;
  /** numeric factorizations made, and taken from the session's kept factors */
  factorizations: number;
  factorizationsReused: number;
  /** whether it reused the previous draw's contact solver (only gaps and preloads changed) */
  sharedSolver: boolean;
}

/**
 * Solves the draws of a study one after the other in one session, reusing what they share. The
 * mesh, the plates' stiffness, the analysis and the assembly plans come from the session; when a
 * draw differs from the one before only in its gaps and bolt preloads (preload scatter, random
 * flatness, map noise), it also keeps the previous draw's contact solver: the new gaps and
 * preloads are written into its problem, so its factorization, and with linear laws in full
 * contact its whole tangent with the locked bolts' Woodbury terms, carry over (a draw then costs
 * its Newton solves, no factorization). A draw whose laws or stiffness differ (pad or cell
 * thickness) gets a solver of its own.
 *
 * This relies on ContactSolver reading `interfaces[k].gap` and `bolts[b].preload` afresh in every
 * load step and caching nothing derived from them, which holds today; the study's tests check the
 * shared path against `solveCase` of the same draw.
 */
export class DrawSolver {
  private shared: { problem: ContactProblem; solver: ContactSolver } | null = null;

  /** `shouldAbort`: checked between Newton steps; a set flag throws ContactAbortedError */
  constructor(
    private readonly session: SolverSession,
    private readonly limits?: WorkLimits,
    private readonly shouldAbort?: () => boolean,
  ) {}

  /**
   * Check, build and solve one draw; throws as solveCase would (the caller records the failure).
   * The returned model's problem may be the shared one, which the next draw overwrites: use a
   * draw's result before solving the next.
   */
  solve(input: CaseInput): SolvedDraw {
    const c = checkCase(input, this.limits).case;
    const model = buildModel(c);
    const kept = this.shared && sameExceptLoads(this.shared.problem, model.problem) ? this.shared : null;
    if (kept) {
      model.problem.interfaces.forEach((itf, k) => {
        kept.problem.interfaces[k].gap.set(itf.gap);
      });
      model.problem.bolts.forEach((b, i) => {
        kept.problem.bolts[i].preload = b.preload;
      });
    }
    const solver = kept?.solver ?? new ContactSolver(model.problem, this.session);
    // a failed solve may leave the solver mid-iteration: the next draw starts afresh
    this.shared = null;
    const made = solver.totalFactorizations;
    const reused = solver.reusedFactorizations;
    const opts: ContactOptions = {
      tolerance: c.solver.tolerance,
      maxIterations: c.solver.maxIterations,
      shouldAbort: this.shouldAbort,
    };
    const loadUp = solver.loadUp(opts);
    const swollen =
      c.stack.swelling.type === 'none' ? null : solver.swell(loadUp, swellingField(c, model), opts);
    this.shared = { problem: kept?.problem ?? model.problem, solver };
    return {
      case: c,
      model,
      loadUp,
      swollen,
      solves: loadUp.iterations + (swollen?.iterations ?? 0),
      factorizations: solver.totalFactorizations - made,
      factorizationsReused: solver.reusedFactorizations - reused,
      sharedSolver: kept !== null,
    };
  }
}

const sameArray = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** Whether two problems differ at most in their gaps and bolt preloads (everything else equal, bit for bit). */
export function sameExceptLoads(a: ContactProblem, b: ContactProblem): boolean {
  if (!sameArray(a.mesh.nodes, b.mesh.nodes) || !sameArray(a.mesh.quads, b.mesh.quads)) return false;
  if (a.layers.length !== b.layers.length) return false;
  for (let l = 0; l < a.layers.length; l++) {
    const x = a.layers[l];
    const y = b.layers[l];
    if (x === null || y === null) {
      if (x !== y) return false;
    } else if (x.thickness !== y.thickness || x.E !== y.E || x.nu !== y.nu || x.name !== y.name) return false;
  }
  if (a.laws.length !== b.laws.length) return false;
  for (let k = 0; k < a.laws.length; k++)
    if (!sameArray(a.laws[k].c, b.laws[k].c) || !sameArray(a.laws[k].p, b.laws[k].p)) return false;
  if (a.interfaces.length !== b.interfaces.length) return false;
  for (let k = 0; k < a.interfaces.length; k++) {
    const x = a.interfaces[k];
    const y = b.interfaces[k];
    if (!sameArray(x.node, y.node) || !sameArray(x.area, y.area) || !sameArray(x.law, y.law)) return false;
  }
  if (a.bolts.length !== b.bolts.length) return false;
  for (let i = 0; i < a.bolts.length; i++) {
    const x = a.bolts[i];
    const y = b.bolts[i];
    if (x.x !== y.x || x.y !== y.y || x.stiffness !== y.stiffness) return false;
    if (!sameArray(x.upperNodes, y.upperNodes) || !sameArray(x.upperWeights, y.upperWeights)) return false;
    if (!sameArray(x.lowerNodes, y.lowerNodes) || !sameArray(x.lowerWeights, y.lowerWeights)) return false;
  }
  return sameArray(a.rigidBodyNodes ?? [], b.rigidBodyNodes ?? []);
}
