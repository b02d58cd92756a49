/// <reference lib="webworker" />
import { SolverSession, solveCase, summaryOf } from '../../../src/index';
import { resultFieldsOf } from '../../../src/presentation/resultFieldsOf';
import { startFactorHelper } from './factorThreads';
import type { SolveReply, SolveRequest } from './protocol';
import { transferables } from './transferables';

/** Solves one case per message with the CLI's own solveCase; cancel = the page terminates the worker. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
// one session for the worker's life: a re-solve after an edit keeps the mesh's analysis and plate
// stiffness, and a preload edit in full contact keeps its factor
const session = new SolverSession();
session.factorHelper = startFactorHelper(() => {
  session.factorHelper = null;
});

scope.onmessage = (event: MessageEvent<SolveRequest>) => {
  const { id, caseInput } = event.data;
  const t0 = performance.now();
  const post = (reply: SolveReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);
  try {
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
  } catch (e) {
    post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
  }
};
