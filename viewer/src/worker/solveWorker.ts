/// <reference lib="webworker" />
import { SolverSession, solveCase, summaryOf } from '../../../src/index';
import { buildModel } from '../../../src/model/buildModel';
import { resultFieldsOf } from '../../../src/presentation/resultFieldsOf';
import { stackGeometryOf } from '../../../src/presentation/stackGeometryOf';
import { studySettings } from '../../../src/tolerance/studySettings';
import { runToleranceStudy } from '../../../src/tolerance/toleranceStudy';
import { startFactorHelper } from './factorThreads';
import type { SolveRequest, StudyRequest, WorkerReply, WorkerRequest } from './protocol';
import { studyTransferables } from './studyTransferables';
import { transferables } from './transferables';

/**
 * Solves one case, or runs one tolerance study, per message with the CLI's own solveCase and
 * runToleranceStudy. Cancel: a study stops between draws when the page sets its abort flag; a
 * solve (or a study on a page without shared memory) is cancelled by terminating the worker.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
// one session for the worker's life: a re-solve after an edit keeps the mesh's analysis and plate
// stiffness, and a preload edit in full contact keeps its factor; a study's draws share it too
const session = new SolverSession();
session.factorHelper = startFactorHelper(() => {
  session.factorHelper = null;
});

const post = (reply: WorkerReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

function solve({ id, caseInput }: SolveRequest): void {
  const t0 = performance.now();
  const result = solveCase(caseInput, {
    session,
    onIteration: (info) =>
      post({
        type: 'progress',
        id,
        step: info.step,
        iteration: info.iteration,
        residual: info.residual,
        elapsed: (performance.now() - t0) / 1000,
      }),
  });
  const fields = resultFieldsOf(result);
  post(
    {
      type: 'result',
      id,
      summary: summaryOf(result),
      fields,
      seconds: (performance.now() - t0) / 1000,
    },
    transferables(fields),
  );
}

function study({ id, caseInput, samples, seed, abort }: StudyRequest): void {
  const t0 = performance.now();
  const aborted = () => abort !== null && Atomics.load(abort, 0) !== 0;
  try {
    const result = runToleranceStudy(caseInput, {
      samples,
      seed,
      session,
      shouldAbort: aborted,
      onDraw: (draw, done, total) =>
        post({ type: 'studyProgress', id, done, total, index: draw.index, failed: draw.status === 'failed' }),
    });
    // the stack as the study drew its maps on: the case's, before any draw (as the CLI's study folder)
    const solved = result.samples > result.failed.length;
    const c = solved ? studySettings(caseInput, { samples, seed }).checked.case : null;
    const stack = c ? stackGeometryOf(c, buildModel(c)) : null;
    post(
      { type: 'studyResult', id, result, stack, seconds: (performance.now() - t0) / 1000 },
      studyTransferables(result),
    );
  } catch (e) {
    // the study's own abort error: stopped at the page's request, not failed
    if (aborted()) post({ type: 'studyCancelled', id });
    else throw e;
  }
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'study') study(request);
    else solve(request);
  } catch (e) {
    post({ type: 'error', id: request.id, message: messageOf(e) });
  }
};
