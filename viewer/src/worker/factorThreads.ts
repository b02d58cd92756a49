/// <reference lib="webworker" />
import { SharedMemoryHelper, setFactorHelper } from '../../../src/index';

/**
 * Starts a helper thread for the factorization (a worker nested in the solve worker), when the
 * page is cross-origin isolated: shared memory needs it (the dev and preview servers send the
 * COOP/COEP headers; a static host that does not stays on one thread). The summary of each
 * solve says how it was factored (solver.factorThreads).
 */
export function startFactorHelper(): void {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  if (!scope.crossOriginIsolated || typeof SharedArrayBuffer !== 'function') return;
  const worker = new Worker(new URL('./factorHelperWorker.ts', import.meta.url), {
    type: 'module',
    name: 'stackpress-factor-helper',
  });
  const helper = new SharedMemoryHelper(worker);
  // a helper that fails to load leaves the factorization on this thread
  worker.onerror = () => setFactorHelper(null);
  setFactorHelper(helper);
}
