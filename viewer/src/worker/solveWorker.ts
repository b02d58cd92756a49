/// <reference lib="webworker" />
import { solveCase, summaryOf } from '../../../src/index';
import { startFactorHelper } from './factorThreads';
import { type SolveReply, type SolveRequest, transferables } from './protocol';
import { viewFieldsOf } from './viewFields';

/** Solves one case per message with the CLI's own solveCase; cancel = the page terminates the worker. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
startFactorHelper();

scope.onmessage = (event: MessageEvent<SolveRequest>) => {
  const { id, caseInput } = event.data;
  const t0 = performance.now();
  const post = (reply: SolveReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);
  try {
    const result = solveCase(caseInput, {
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
    const fields = viewFieldsOf(result);
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
