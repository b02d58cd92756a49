import type { Case } from '../case/schema';
import { designCase } from './designCase';
import { designObjectives } from './designObjectives';
import { moduleParts } from './designParts';
import type { DesignProblem } from './designProblem';
import type { DesignValues } from './designValues';

/**
 * The first objective of a design without a solve: the system's inactive mass [kg] (or inactive
 * volume [L], by `objectives.measure`) counted from the parts of the design's case — exactly what
 * the evaluation reports, since the parts do not depend on the solve. Infinity for a design that
 * cannot be a case (washers that overlap, springs solid at preload): it can never be the best.
 * The hybrid search's local phase uses it to send out only the moves that could be lighter.
 */
export function estimatedObjective(problem: DesignProblem, values: DesignValues): number {
  const built = designCase(problem, values);
  if (!built.ok) return Number.POSITIVE_INFINITY;
  try {
    const o = designObjectives(moduleParts(built.case as Case), problem.objectives, null);
    const x = problem.objectives.measure === 'mass' ? o.inactiveMassKg : o.inactiveVolumeL;
    return Number.isFinite(x) ? x : Number.POSITIVE_INFINITY;
  } catch {
    // parts that cannot be counted cannot be evaluated either
    return Number.POSITIVE_INFINITY;
  }
}
