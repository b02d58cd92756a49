import type { Design } from './searchSpace';

/**
 * Where a design stands: asked but not yet told, meeting every constraint, breaking one or more,
 * or without a result because its evaluation failed (an exception, a refused solve).
 */
export type DesignStatus = 'pending' | 'feasible' | 'infeasible' | 'failed';

/** One design of a search's archive: every design asked is kept, infeasible and failed ones too. */
export interface EvaluatedDesign {
  /** order in which the search asked for it, from 0: the archive's order on every run of a seed */
  readonly index: number;
  /** generation that made it: 0 for the starting population */
  readonly generation: number;
  /** canonical key (`designKey`): no two designs of an archive share one */
  readonly key: string;
  readonly design: Design;
  readonly status: DesignStatus;
  /** minimised objectives, as the caller gave them; empty when failed or pending */
  readonly objectives: readonly number[];
  /** constraint margins g_j, feasible when g_j ≥ 0, in the caller's units; empty when failed or pending */
  readonly constraints: readonly number[];
  /** indices of the constraints with g_j < 0 */
  readonly violated: readonly number[];
  /** why the evaluation failed */
  readonly message?: string;
}

/**
 * What an evaluation returns: the design's objectives (minimised; negate what is maximised) and
 * constraint margins (g_j ≥ 0 feasible), or the reason it has no result.
 */
export type EvaluationOutcome =
  | { readonly objectives: readonly number[]; readonly constraints?: readonly number[] }
  | { readonly error: string };

/** The message of anything thrown. */
export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message || e.name;
  return String(e);
}

/**
 * The entry an outcome makes of a pending design. An outcome of the wrong shape (a missing
 * objective, a NaN margin) makes a failed entry that says why, never a crash of the search: a
 * bad result from a worker or a queue must not end the run.
 */
export function settledEntry(
  pending: EvaluatedDesign,
  outcome: EvaluationOutcome,
  objectiveCount: number,
  constraintCount: number,
): EvaluatedDesign {
  const failed = (message: string): EvaluatedDesign => ({
    ...pending,
    status: 'failed',
    objectives: [],
    constraints: [],
    violated: [],
    message,
  });
  if (!outcome || typeof outcome !== 'object') return failed(`no result (${String(outcome)})`);
  if ('error' in outcome) return failed(String(outcome.error));
  const objectives = numbers(outcome.objectives);
  const constraints = outcome.constraints === undefined ? [] : numbers(outcome.constraints);
  if (objectives === undefined || objectives.length !== objectiveCount)
    return failed(`expected ${objectiveCount} objectives, got ${describe(outcome.objectives)}`);
  if (constraints === undefined || constraints.length !== constraintCount)
    return failed(`expected ${constraintCount} constraint margins, got ${describe(outcome.constraints)}`);
  const badObjective = objectives.findIndex((x) => !Number.isFinite(x));
  if (badObjective >= 0) return failed(`objective ${badObjective} is ${objectives[badObjective]}`);
  const badMargin = constraints.findIndex((x) => Number.isNaN(x));
  if (badMargin >= 0) return failed(`constraint margin ${badMargin} is NaN`);
  const violated = constraints.flatMap((g, j) => (g < 0 ? [j] : []));
  return {
    ...pending,
    status: violated.length === 0 ? 'feasible' : 'infeasible',
    objectives,
    constraints,
    violated,
  };
}

function numbers(xs: unknown): number[] | undefined {
  if (!Array.isArray(xs) || !xs.every((x) => typeof x === 'number')) return undefined;
  return [...xs];
}

function describe(xs: unknown): string {
  return Array.isArray(xs) ? `${xs.length} values` : String(xs);
}
