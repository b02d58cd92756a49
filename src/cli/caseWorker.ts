import { parentPort, workerData } from 'node:worker_threads';
import { artifactsOf, encodeArtifacts } from '../report/caseArtifacts';
import { writeCaseFolder } from '../report/caseFolder';
import { solveCase } from '../solveCase';
import { setFactorThreads } from '../threads/factorThreads';
import type { CaseJob, CaseOutcome } from './caseJob';

/**
 * Worker thread: solves the cases it is sent, one at a time, writing each folder atomically.
 * `workerData.abort` is a shared Int32Array; when its first entry is 1 the running solve aborts.
 */
const { abort, factorThreads } = workerData as { abort: Int32Array; factorThreads?: number };
setFactorThreads(factorThreads ?? 1);
const shouldAbort = () => Atomics.load(abort, 0) === 1;

parentPort?.on('message', async (job: CaseJob) => {
  let outcome: CaseOutcome;
  const late = () => job.deadline !== undefined && Date.now() > job.deadline;
  try {
    const result = solveCase(job.raw, { shouldAbort: () => shouldAbort() || late() });
    const artifacts = artifactsOf(result);
    if (job.outDir) await writeCaseFolder(job.outDir, artifacts, job.input, job.film);
    outcome = {
      id: job.id,
      status: 'ok',
      summary: artifacts.summary,
      ...(job.returnArtifacts ? { artifacts: encodeArtifacts(artifacts) } : {}),
    };
  } catch (e) {
    const err = e as Error;
    if (shouldAbort() && err.name === 'ContactAbortedError') outcome = { id: job.id, status: 'aborted' };
    else if (late() && err.name === 'ContactAbortedError')
      outcome = { id: job.id, status: 'failed', error: 'timed out', errorName: 'Timeout' };
    else outcome = { id: job.id, status: 'failed', error: err.message || String(e), errorName: err.name };
  }
  parentPort?.postMessage(outcome);
});
