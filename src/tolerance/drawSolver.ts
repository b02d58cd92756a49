import { type ContactOptions, ContactSolver, type ContactState } from '../../solver/contact/contactSolver';
import type { SolverSession } from '../../solver/session/solverSession';
import { checkCase } from '../case/checkCase';
import type { Case, CaseInput } from '../case/schema';
import type { WorkLimits } from '../case/workBudget';
import { buildModel, type StackModel, swellingField } from '../model/buildModel';
import { type GapBasis, gapBasis, structureKey, writeDrawLoads } from './drawGaps';

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
 * draw differs from the one before only in its preload scatter and its plates' flatness (preload
 * scatter, random flatness, map noise), it also keeps the previous draw's model and contact
 * solver: only the gaps and preloads are worked out (drawGaps.ts) and written into its problem,
 * so its factorization, and with linear laws in full contact its whole tangent with the locked
 * bolts' Woodbury terms, carry over (a draw then costs its Newton solves, no factorization). A
 * draw whose laws or stiffness differ (pad or cell thickness) gets a model and a solver of its own.
 *
 * This relies on ContactSolver reading `interfaces[k].gap` and `bolts[b].preload` afresh in every
 * load step and caching nothing derived from them, which holds today; the study's tests check the
 * shared path against `solveCase` of the same draw, bit for bit.
 */
export class DrawSolver {
  private shared: {
    key: string;
    case: Case;
    model: StackModel;
    solver: ContactSolver;
    basis: GapBasis | null;
  } | null = null;

  /** `shouldAbort`: checked between Newton steps; a set flag throws ContactAbortedError */
  constructor(
    private readonly session: SolverSession,
    private readonly limits?: WorkLimits,
    private readonly shouldAbort?: () => boolean,
  ) {}

  /**
   * Check, build and solve one draw; throws as solveCase would (the caller records the failure).
   * The returned model may be the shared one, whose gaps and preloads the next draw overwrites:
   * use a draw's result before solving the next.
   */
  solve(input: CaseInput): SolvedDraw {
    const c = checkCase(input, this.limits).case;
    const key = structureKey(c);
    const kept = this.shared?.key === key ? this.shared : null;
    // a failed solve may leave the solver mid-iteration: the next draw starts afresh
    this.shared = null;
    let model: StackModel;
    let solver: ContactSolver;
    let basis: GapBasis | null = null;
    if (kept) {
      basis = kept.basis ?? gapBasis(kept.case);
      writeDrawLoads(basis, c, kept.model.problem);
      model = kept.model;
      solver = kept.solver;
    } else {
      model = buildModel(c);
      solver = new ContactSolver(model.problem, this.session);
    }
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
    this.shared = { key, case: kept?.case ?? c, model, solver, basis };
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
