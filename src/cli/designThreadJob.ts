import type { SolverSession } from '../../solver/session/solverSession';
import { evaluateDesign } from '../design/designEvaluation';
import { checkDesignProblem, type DesignProblem } from '../design/designProblem';
import { TIMEOUT_ERROR, timedOutMessage } from './caseJob';
import type { DesignJob, DesignJobOutcome } from './designJob';

/**
 * The checked problems a thread has seen, by their JSON: a run sends the same problem with every
 * design, and checking it (the base case's checks) once per thread is enough.
 */
export class CheckedProblems {
  private last: { json: string; problem: DesignProblem } | null = null;

  /** The problem of `raw`, checked as a spec file is; throws InputError for a bad one. */
  of(raw: unknown): DesignProblem {
    const json = JSON.stringify(raw);
    if (this.last?.json !== json) this.last = { json, problem: checkDesignProblem(raw) };
    return this.last.problem;
  }
}

/**
 * Evaluate one design job in a solver thread, on that thread's session. Never throws: a bad
 * problem or design (an InputError), a refused or failed solve, a cancel and a timeout all come
 * back as an outcome, so no job can take the thread down.
 */
export function runDesignJob(
  job: DesignJob,
  session: SolverSession,
  problems: CheckedProblems,
  aborted: () => boolean,
): DesignJobOutcome {
  const deadline = job.timeoutMs !== undefined ? Date.now() + job.timeoutMs : undefined;
  const late = () => deadline !== undefined && Date.now() > deadline;
  const timedOut: DesignJobOutcome = {
    id: job.id,
    status: 'failed',
    error: timedOutMessage(job.timeoutMs ?? 0),
    errorName: TIMEOUT_ERROR,
  };
  try {
    const problem = problems.of(job.problem);
    const evaluation = evaluateDesign(problem, job.design, {
      session,
      shouldAbort: () => aborted() || late(),
    });
    return late() ? timedOut : { id: job.id, status: 'evaluated', evaluation };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    if (err.name === 'ContactAbortedError') return aborted() ? { id: job.id, status: 'aborted' } : timedOut;
    return { id: job.id, status: 'failed', error: err.message || err.name, errorName: err.name };
  }
}
