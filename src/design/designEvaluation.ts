import { ContactConvergenceError } from '../../solver/contact/contactErrors';
import type { SolverSession } from '../../solver/session/solverSession';
import type { Case, CaseInput } from '../case/schema';
import { SHORE_PAD_VALID_STRAIN } from '../model/buildModel';
import { boltProofLoad, ResultRefusedError } from '../results/stateChecks';
import { solveCase } from '../solveCase';
import { sortedQuantile } from '../tolerance/percentile';
import type { ToleranceResult } from '../tolerance/toleranceResult';
import { runToleranceStudy } from '../tolerance/toleranceStudy';
import { designCase } from './designCase';
import {
  bindingConstraint,
  type ConstraintMargin,
  type ConstraintState,
  percentileConstraints,
  preloadConstraints,
  solvedConstraints,
} from './designConstraints';
import { type DesignObjectives, designObjectives, objectiveVector } from './designObjectives';
import { type DesignPart, moduleParts } from './designParts';
import type { DesignProblem } from './designProblem';
import { checkDesignValues, type DesignValues } from './designValues';

/**
 * feasible: solved, every margin ≥ 0. infeasible: a margin < 0 (named in `violated`), solved or
 * not. failed: no case or no solve, for a reason no constraint names (washers that overlap, a
 * solve that does not converge); the optimiser keeps it as infeasible.
 */
export type DesignStatus = 'feasible' | 'infeasible' | 'failed';

/** One evaluated design, plain JSON (no typed arrays, no NaN): what a worker sends back. */
export interface DesignEvaluation {
  design: DesignValues;
  status: DesignStatus;
  /** why a design is not feasible, in words; null when feasible */
  message: string | null;
  constraints: ConstraintMargin[];
  /** ids of the constraints with a margin < 0 */
  violated: string[];
  /** the constraint with the least margin: the one that binds, or is violated most */
  binding: ConstraintMargin | null;
  /** null only when not even the parts could be counted */
  objectives: DesignObjectives | null;
  /** [inactive mass kg or volume L, CoV], both minimised; null when not solved */
  objectiveVector: [number, number] | null;
  /** one module's inactive parts */
  parts: DesignPart[] | null;
  /** the design's complete case (for best.json); null when the design is not a case */
  case: CaseInput | null;
  /** the case checks' and the solve's warnings */
  warnings: string[];
  /** what the solve took; null when not solved */
  solve: { seconds: number; dofs: number; newtonIterations: number; analysesReused: number } | null;
}

export interface EvaluateOptions {
  /** the session designs on one mesh share, so they reuse its symbolic analysis */
  session?: SolverSession;
  shouldAbort?: () => boolean;
}

/**
 * Evaluate one design: its case (the preload from the target pressure unless a variable), the
 * contact solve, the constraint margins and the objectives. A design that cannot be a case or
 * whose solve is refused is returned as infeasible or failed with its reason, never thrown;
 * an InputError is thrown only for a design that is not a design of this problem (a variable
 * missing, out of its range or not one of its choices). A cancelled solve throws.
 */
export function evaluateDesign(
  problem: DesignProblem,
  rawDesign: unknown,
  options: EvaluateOptions = {},
): DesignEvaluation {
  const design = checkDesignValues(problem, rawDesign);
  const built = designCase(problem, design);
  if (!built.ok) {
    const constraints = preloadConstraints(built.draft, problem.constraints);
    return unsolved(
      problem,
      design,
      built.draft,
      null,
      constraints,
      `not a case: ${built.issues.join('; ')}`,
      [],
    );
  }
  const c = built.case as Case;
  let result: ReturnType<typeof solveCase>;
  try {
    result = solveCase(c, { session: options.session, shouldAbort: options.shouldAbort });
  } catch (e) {
    if (!(e instanceof ResultRefusedError || e instanceof ContactConvergenceError)) throw e;
    // what the solve reached supersedes the preload's estimate of the same constraint
    const refused = refusedConstraints(c, e.message, problem);
    const constraints = [
      ...preloadConstraints(c, problem.constraints).filter((m) => !refused.some((r) => r.id === m.id)),
      ...refused,
    ];
    return unsolved(
      problem,
      design,
      c,
      built.case,
      constraints,
      `solve refused: ${e.message}`,
      built.warnings,
    );
  }
  const solved = result.fields.case;
  let constraints = solvedConstraints(solved, result, problem.constraints, problem.targetPressure);
  let cov = (result.swelling ?? result).pressure.cov;
  if (problem.uniformity) {
    const u = problem.uniformity;
    const quantile = studyQuantiles(
      runToleranceStudy(built.case, {
        samples: u.samples,
        seed: u.seed,
        session: options.session,
        shouldAbort: options.shouldAbort,
      }),
    );
    constraints = percentileConstraints(constraints, problem.constraints, u.percentile, u.samples, quantile);
    cov = quantile('cov', result.swelling ? 'swollen' : 'loadUp', u.percentile / 100);
  }
  const parts = moduleParts(solved);
  const objectives = designObjectives(parts, problem.objectives, cov);
  const violated = constraints.filter((m) => m.margin < 0).map((m) => m.id);
  return {
    design,
    status: violated.length === 0 ? 'feasible' : 'infeasible',
    message: violated.length === 0 ? null : `violates ${violated.join(', ')}`,
    constraints,
    violated,
    binding: bindingConstraint(constraints),
    objectives,
    objectiveVector: objectiveVector(objectives, problem.objectives.measure),
    parts: parts.parts,
    case: built.case,
    warnings: result.warnings,
    solve: {
      seconds: result.effort.seconds,
      dofs: result.solver.dofs,
      newtonIterations: result.solver.newtonIterations,
      analysesReused: result.effort.analysesReused,
    },
  };
}

/** A design that was not solved: its known margins, its parts, and why. */
function unsolved(
  problem: DesignProblem,
  design: DesignValues,
  c: Case,
  caseInput: CaseInput | null,
  constraints: ConstraintMargin[],
  reason: string,
  warnings: string[],
): DesignEvaluation {
  const violated = constraints.filter((m) => m.margin < 0).map((m) => m.id);
  let parts: ReturnType<typeof moduleParts> | null = null;
  try {
    parts = moduleParts(c);
  } catch {
    // a draft that failed its checks may not be countable (no bolts); the reason says why
  }
  return {
    design,
    status: violated.length > 0 ? 'infeasible' : 'failed',
    message: violated.length > 0 ? `violates ${[...new Set(violated)].join(', ')} — ${reason}` : reason,
    constraints,
    violated: [...new Set(violated)],
    binding: bindingConstraint(constraints),
    objectives: parts ? designObjectives(parts, problem.objectives, null) : null,
    objectiveVector: null,
    parts: parts?.parts ?? null,
    case: caseInput,
    warnings,
    solve: null,
  };
}

/**
 * Constraints a refused solve names: the solver refuses springs at solid length, bolts past
 * their proof load and pads squeezed to nothing in the state it reached (usually after
 * swelling), and says by how much.
 */
function refusedConstraints(c: Case, message: string, problem: DesignProblem): ConstraintMargin[] {
  const out: ConstraintMargin[] = [];
  const stateOf = (s: string): ConstraintState => (s === 'load-up' ? 'load-up' : 'after swelling');
  const sp = c.bolts.springs;
  const spring = /bolts\.springs: compressed [\d.]+ mm by (\d+) N \((load-up|after swelling)\)/.exec(message);
  if (sp && spring) {
    const used = Number(spring[1]) / sp.rate / (sp.freeLength - sp.solidLength);
    const limit = 1 - problem.constraints.springMargin;
    out.push({
      id: 'springTravel',
      name: 'springTravel',
      state: stateOf(spring[2]),
      what: 'used share of the spring travel (free − solid length)',
      value: used,
      limit,
      unit: '-',
      margin: limit - used,
    });
  }
  const bolt = /tension (-?\d+) N \((load-up|after swelling)\) — beyond the bolt's/.exec(message);
  if (bolt) {
    const used = Number(bolt[1]) / boltProofLoad(c);
    out.push({
      id: 'boltUtilisation',
      name: 'boltUtilisation',
      state: stateOf(bolt[2]),
      what: `largest bolt tension / proof load (M${c.bolts.diameter} ${c.bolts.material})`,
      value: used,
      limit: problem.constraints.boltUtilisation,
      unit: '-',
      margin: problem.constraints.boltUtilisation - used,
    });
  }
  const pad =
    /gaskets\[(\d+)\]: compressed ([\d.]+) % of its [\d.]+ mm thickness at [\d.]+ MPa \((load-up|after swelling)\)/.exec(
      message,
    );
  const g = pad ? c.gaskets[Number(pad[1])] : undefined;
  if (pad && g) {
    const valid =
      g.law.type === 'table' ? g.law.closure[g.law.closure.length - 1] / g.thickness : SHORE_PAD_VALID_STRAIN;
    const share = Number(pad[2]) / 100 / valid;
    out.push({
      id: 'padStrain',
      name: 'padStrain',
      state: stateOf(pad[3]),
      what: `largest strain of gaskets[${pad[1]}] / the strain its law is valid for`,
      value: share,
      limit: problem.constraints.padStrain,
      unit: '-',
      margin: problem.constraints.padStrain - share,
    });
  }
  return out;
}

/**
 * What a failed draw counts as: the housing did not hold in that realisation (a spring went solid,
 * a bolt past proof), so it is the worst uniformity there is — a CoV far past any limit (finite,
 * so margins stay numbers), no contact and nothing within ±10 %.
 */
const FAILED_DRAW = { cov: 100, contactFraction: 0, within10: 0 } as const;

/** The p-quantile (type 7) of a metric over a study's draws, failed draws counted as FAILED_DRAW. */
function studyQuantiles(study: ToleranceResult) {
  return (metric: 'cov' | 'contactFraction' | 'within10', state: 'loadUp' | 'swollen', p: number): number => {
    const values = study.draws
      .map((d) =>
        d.status === 'ok' ? (d.metrics?.[state]?.[metric] ?? FAILED_DRAW[metric]) : FAILED_DRAW[metric],
      )
      .sort((a, b) => a - b);
    return sortedQuantile(values, p);
  };
}
