/// <reference lib="webworker" />
import { type FactorHelper, SharedMemoryHelper } from '../../../src/index';

/**
 * Starts a helper thread for the factorization (a worker nested in the solve worker), when the
 * page is cross-origin isolated: shared memory needs it (the dev and preview servers send the
 * COOP/COEP headers; a static host that does not stays on one thread). The caller hands it to its
 * solver session; the summary of each solve says how it was factored (effort.factorThreads).
 */
export function startFactorHelper(onFailure: () => void): FactorHelper | null {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  if (!scope.crossOriginIsolated || typeof SharedArrayBuffer !== 'function') return null;
  const worker = new Worker(new URL('./factorHelperWorker.ts', import.meta.url), {
    type: 'module',
    name: 'stackpress-factor-helper',
  });
  // a helper that fails to load leaves the factorization on this thread
  worker.onerror = onFailure;
  return new SharedMemoryHelper(worker);
}
