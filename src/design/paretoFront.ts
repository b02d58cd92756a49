import type { EvaluatedDesign } from './evaluatedDesign';
import { dominates } from './nondominatedSort';

/**
 * The Pareto front of an archive: its feasible designs that no other feasible design dominates
 * (objectives minimised), sorted by the first objective, then the next, then archive order. Two
 * designs with equal objectives are both kept: neither dominates the other.
 */
export function paretoFront(archive: readonly EvaluatedDesign[]): EvaluatedDesign[] {
  const feasible = archive.filter((e) => e.status === 'feasible');
  feasible.sort((a, b) => lexicographic(a.objectives, b.objectives) || a.index - b.index);
  // After the sort no design can dominate one before it, so each need only be checked against the
  // front so far: O(n·|front|) instead of O(n²) over a long archive.
  const front: EvaluatedDesign[] = [];
  for (const e of feasible) if (!front.some((f) => dominates(f.objectives, e.objectives))) front.push(e);
  return front;
}

function lexicographic(a: readonly number[], b: readonly number[]): number {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k] - b[k];
  return 0;
}

/** An upper limit on one objective, such as CoV ≤ 0.10 (in that objective's unit). */
export interface ObjectiveLimit {
  /** index of the limited objective */
  readonly objective: number;
  readonly max: number;
}

/** Which design is "best": the least value of one objective among feasible designs within the limits. */
export interface BestCriterion {
  /** index of the objective minimised */
  readonly objective: number;
  readonly limits?: readonly ObjectiveLimit[];
}

/**
 * The best feasible design of an archive for a criterion — the least `objective` among feasible
 * designs whose limited objectives are within their limits, the earlier one on a tie — or
 * undefined when no design qualifies.
 */
export function bestFeasible(
  archive: readonly EvaluatedDesign[],
  criterion: BestCriterion,
): EvaluatedDesign | undefined {
  let best: EvaluatedDesign | undefined;
  for (const e of archive) {
    if (e.status !== 'feasible') continue;
    if (!(criterion.limits ?? []).every((l) => e.objectives[l.objective] <= l.max)) continue;
    if (best === undefined || e.objectives[criterion.objective] < best.objectives[criterion.objective])
      best = e;
  }
  return best;
}
