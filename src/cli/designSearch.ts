import { estimatedObjective } from '../design/designEstimate';
import type { DesignEvaluation } from '../design/designEvaluation';
import { designConstraintIds, designOutcome } from '../design/designOutcome';
import type { DesignProblem } from '../design/designProblem';
import { baseDesignValues, type DesignValues, designSearchSpace } from '../design/designValues';
import type { EvaluatedDesign } from '../design/evaluatedDesign';
import type { SearchReport } from '../design/nsga2';
import type { BestCriterion } from '../design/paretoFront';
import { runNsga2, type SearchResult } from '../design/runNsga2';
import type { SearchSpace } from '../design/searchSpace';
import type { DesignEvaluator } from './designPool';

/** How a `stackpress design` search runs (the spec's optimiser settings, overridden by options). */
export interface DesignSearchSettings {
  seed: number;
  /** most designs evaluated */
  budget: number;
  /** designs per generation */
  population: number;
  /** CoV limit of the best design [-] */
  covLimit: number;
  onGeneration?: (report: SearchReport) => void;
  /** called as each design's evaluation arrives (before its generation ends) */
  onEvaluation?: (e: DesignEvaluation | undefined, error: string | undefined) => void;
  signal?: AbortSignal;
}

/** A finished search: the engine's archive and each evaluated design's full evaluation, by key. */
export interface DesignSearchResult {
  result: SearchResult;
  evaluations: ReadonlyMap<string, DesignEvaluation>;
  constraintIds: string[];
  criterion: BestCriterion;
}

/**
 * Run the hybrid NSGA-II (its last `localShare` of the budget a compass search around the
 * lightest design within the CoV limit, moves screened by their mass counted without a solve) on
 * a design problem: objectives [inactive mass or volume, CoV after swelling],
 * one margin per constraint id, the base case's own design first. Each generation's designs go
 * to `evaluator` at once (a pool or a queue); one that fails is kept as a failed design with its
 * message, and the search goes on.
 */
export async function searchDesigns(
  problem: DesignProblem,
  evaluator: DesignEvaluator,
  settings: DesignSearchSettings,
): Promise<DesignSearchResult> {
  const space = designSearchSpace(problem) as SearchSpace;
  const constraintIds = designConstraintIds(problem);
  const evaluations = new Map<string, DesignEvaluation>();
  const criterion: BestCriterion = { objective: 0, limits: [{ objective: 1, max: settings.covLimit }] };
  const base = baseDesignValues(problem);
  const initial = isInSpace(space, base) ? [base as Record<string, string | number | boolean>] : [];
  const result = await runNsga2(
    space,
    async (design, key) => {
      let e: DesignEvaluation;
      try {
        e = await evaluator.evaluate(design as DesignValues);
      } catch (err) {
        settings.onEvaluation?.(undefined, err instanceof Error ? err.message : String(err));
        throw err;
      }
      // the case is rebuilt for best.json (designCase is pure): a long run holds no case per design
      evaluations.set(key, { ...e, case: null });
      settings.onEvaluation?.(e, undefined);
      return designOutcome(problem, e);
    },
    {
      objectives: 2,
      constraints: constraintIds.length,
      maxEvaluations: settings.budget,
      populationSize: settings.population,
      preselection: problem.optimiser.preselection,
      localSearch: { share: problem.optimiser.localShare },
      estimate: (design) => estimatedObjective(problem, design as DesignValues),
      seed: settings.seed,
      initial,
      best: criterion,
      onGeneration: settings.onGeneration,
      signal: settings.signal,
    },
  );
  return { result, evaluations, constraintIds, criterion };
}

/** Whether the base case's own design is a design of the search space (it need not be). */
function isInSpace(space: SearchSpace, d: DesignValues): boolean {
  for (const [name, v] of Object.entries(space)) {
    const x = (d as Record<string, unknown>)[name];
    if (v.kind === 'choice') {
      if (!v.values.some((c) => c === x)) return false;
    } else if (typeof x !== 'number' || x < v.lo || x > v.hi || (v.kind === 'int' && !Number.isInteger(x)))
      return false;
  }
  return Object.keys(d).length === Object.keys(space).length;
}

export type { EvaluatedDesign };
