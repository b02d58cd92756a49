import { type EvaluatedDesign, type EvaluationOutcome, errorMessage } from './evaluatedDesign';
import { Nsga2, type Nsga2Options, type SearchReport } from './nsga2';
import type { Design, SearchSpace } from './searchSpace';

/**
 * Evaluate one design. A generation's evaluations are all started at once, so the function may
 * hand them to a worker pool or a queue and resolve in any order; a throw or a rejection is kept
 * as a failed design with its message.
 */
export type EvaluateDesign = (design: Design, key: string) => Promise<EvaluationOutcome> | EvaluationOutcome;

export interface RunNsga2Options extends Nsga2Options {
  /** called after each generation's survival, e.g. to draw a progress bar with the best design so far */
  readonly onGeneration?: (report: SearchReport) => void;
  /** stops the run after the generation in flight */
  readonly signal?: AbortSignal;
}

/** The end of a run: its report and every design it evaluated, in the order asked. */
export interface SearchResult extends SearchReport {
  readonly archive: readonly EvaluatedDesign[];
  /** true when the signal stopped the run before its budget */
  readonly stopped: boolean;
}

/** Run NSGA-II (`Nsga2`) to its budget, one generation's evaluations in parallel at a time. */
export async function runNsga2(
  space: SearchSpace,
  evaluate: EvaluateDesign,
  options: RunNsga2Options,
): Promise<SearchResult> {
  const search = new Nsga2(space, options);
  while (!search.done && !options.signal?.aborted) {
    const batch = search.ask();
    await Promise.all(
      batch.map(async (c) => {
        let outcome: EvaluationOutcome;
        try {
          outcome = await evaluate(c.design, c.key);
        } catch (e) {
          outcome = { error: errorMessage(e) };
        }
        search.tell(c.index, outcome);
      }),
    );
    if (batch.length > 0) options.onGeneration?.(search.report());
  }
  return { ...search.report(), archive: search.archive, stopped: !search.done };
}
