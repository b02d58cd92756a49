import type { DesignEvaluation } from './designEvaluation';
import type { DesignProblem } from './designProblem';
import type { EvaluationOutcome } from './evaluatedDesign';

/**
 * The ids of every constraint a design of this problem can have, in a fixed order: the
 * optimiser's margins are a vector of this length. Per load state the pressure constraints
 * (after swelling only when the base case swells), then the plates, bolts, springs (when a design
 * can have them) and pads (likewise).
 */
export function designConstraintIds(problem: DesignProblem): string[] {
  const states = problem.base.stack.swelling.type === 'none' ? ['loadUp'] : ['loadUp', 'swollen'];
  const ids: string[] = [];
  for (const s of states)
    for (const name of ['meanPressure', 'cov', 'contactFraction', 'within10']) ids.push(`${name}.${s}`);
  ids.push('safetyFactor', 'boltUtilisation');
  const v = problem.variables;
  const springs =
    problem.base.bolts.springs !== undefined ||
    v.useSprings?.includes(true) ||
    v.springRate !== undefined ||
    v.springCount !== undefined;
  if (springs) ids.push('springTravel');
  const pads =
    problem.base.gaskets.length > 0 ||
    v.usePads?.includes(true) ||
    v.padHardness !== undefined ||
    v.padThickness !== undefined;
  if (pads) ids.push('padStrain');
  return ids;
}

/**
 * What the optimiser is told of an evaluation: the objectives [inactive mass or volume, CoV] and
 * one margin per `designConstraintIds` entry (a constraint the design does not have, such as the
 * springs' travel without springs, counts as met with margin 0), or, for a design that was not
 * solved, the reason as an error: the optimiser keeps it as infeasible.
 */
export function designOutcome(problem: DesignProblem, e: DesignEvaluation): EvaluationOutcome {
  if (e.objectiveVector === null) return { error: e.message ?? `design ${e.status}` };
  const margins = new Map(e.constraints.map((m) => [m.id, m.margin]));
  return {
    objectives: e.objectiveVector,
    constraints: designConstraintIds(problem).map((id) => margins.get(id) ?? 0),
  };
}
