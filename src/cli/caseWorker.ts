import { parentPort, workerData } from 'node:worker_threads';
import { artifactsOf, encodeArtifacts } from '../report/caseArtifacts';
import { writeCaseFolder } from '../report/caseFolder';
import { solveCase, summaryOf } from '../solveCase';
import { createSolverSession } from '../threads/factorThreads';
import {
  type CaseJob,
  type CaseOutcome,
  type ThreadMessage,
  TIMEOUT_ERROR,
  timedOutMessage,
} from './caseJob';
import { isDesignJob } from './designJob';
import { CheckedProblems, runDesignJob } from './designThreadJob';

/**
 * Worker thread: solves the cases it is sent, one at a time, writing each folder atomically.
 * `workerData.abort` is a shared Int32Array; when its first entry is 1 the running solve aborts.
 * A job's clock starts when it arrives here; past its deadline the solve stops at the next Newton
 * step and nothing is written. The parent thread terminates this one if it does not answer
 * shortly after the deadline (the checks or a factorization never look at the clock).
 */
const { abort, factorThreads } = workerData as { abort: Int32Array; factorThreads?: number };
// this thread's session: the cases of a batch lane share its analyses, plate stiffness and kept factors
const { session } = createSolverSession(factorThreads ?? 1);
const shouldAbort = () => Atomics.load(abort, 0) === 1;

const answer = (m: ThreadMessage) => parentPort?.postMessage(m);
// `stackpress design` sends designs to the same threads, so they share the session with no second entry
const problems = new CheckedProblems();

parentPort?.on('message', async (job: CaseJob) => {
  if (isDesignJob(job)) {
    answer({ started: true });
    parentPort?.postMessage(runDesignJob(job, session, problems, shouldAbort));
    return;
  }
  const deadline = job.timeoutMs !== undefined ? Date.now() + job.timeoutMs : undefined;
  answer({ started: true });
  let outcome: CaseOutcome;
  const late = () => deadline !== undefined && Date.now() > deadline;
  const timedOut: CaseOutcome = {
    id: job.id,
    status: 'failed',
    error: timedOutMessage(job.timeoutMs ?? 0),
    errorName: TIMEOUT_ERROR,
  };
  try {
    const result = solveCase(job.raw, {
      session,
      limits: job.limits,
      shouldAbort: () => shouldAbort() || late(),
    });
    // a solve that ended past the deadline is not written: the case has failed by then
    if (late()) outcome = timedOut;
    else {
      // a sweep needs only the summary: the folder's fields (maps, element moments) are not recovered for it
      const artifacts = job.outDir || job.returnArtifacts ? artifactsOf(result) : null;
      if (job.outDir && artifacts) await writeCaseFolder(job.outDir, artifacts, job.input, job.film);
      outcome = {
        id: job.id,
        status: 'ok',
        summary: artifacts?.summary ?? summaryOf(result),
        ...(job.returnArtifacts && artifacts ? { artifacts: encodeArtifacts(artifacts) } : {}),
      };
    }
  } catch (e) {
    const err = e as Error;
    if (shouldAbort() && err.name === 'ContactAbortedError') outcome = { id: job.id, status: 'aborted' };
    else if (late() && err.name === 'ContactAbortedError') outcome = timedOut;
    else outcome = { id: job.id, status: 'failed', error: err.message || String(e), errorName: err.name };
  }
  answer(outcome);
});
