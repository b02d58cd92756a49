import { parentPort, workerData } from 'node:worker_threads';
import { writeCaseFolder } from '../report/caseFolder';
import { solveCase, summaryOf } from '../solveCase';
import type { CaseJob, CaseOutcome } from './caseJob';

/**
 * Worker thread: solves the cases it is sent, one at a time, writing each folder atomically.
 * `workerData.abort` is a shared Int32Array; when its first entry is 1 the running solve aborts.
 */
const abort = (workerData as { abort: Int32Array }).abort;
const shouldAbort = () => Atomics.load(abort, 0) === 1;

parentPort?.on('message', async (job: CaseJob) => {
  let outcome: CaseOutcome;
  try {
    const result = solveCase(job.raw, { shouldAbort });
    if (job.outDir) await writeCaseFolder(job.outDir, result, job.input, job.film);
    outcome = { id: job.id, status: 'ok', summary: summaryOf(result) };
  } catch (e) {
    const err = e as Error;
    outcome =
      shouldAbort() && err.name === 'ContactAbortedError'
        ? { id: job.id, status: 'aborted' }
        : { id: job.id, status: 'failed', error: err.message || String(e) };
  }
  parentPort?.postMessage(outcome);
});
