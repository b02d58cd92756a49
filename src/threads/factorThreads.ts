/**
 * Two-thread factorization in Node: starts the helper thread and installs it as the
 * default of every factorization in this process (`setFactorHelper`).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { defaultFactorHelper, SharedMemoryHelper, setFactorHelper } from '../../solver/sparse/index';

const entry = new URL('./factorHelperWorker.mjs', import.meta.url);

let worker: Worker | null = null;
let ready: Promise<boolean> = Promise.resolve(false);

/**
 * Sets the threads of every later factorization in this process: 2 starts (once) a helper
 * thread, 1 stops it. Asking for 2 on a one-core machine gives 1. Returns the threads in use.
 * Start it early: the thread loads while the model is built and the matrix ordered.
 */
export function setFactorThreads(threads: number): number {
  if (!Number.isInteger(threads) || threads < 1) {
    throw new RangeError(`threads = ${threads}: expected a whole number ≥ 1`);
  }
  if (threads < 2 || availableParallelism() < 2) {
    stopHelper();
    return 1;
  }
  if (worker) return 2;
  const w = new Worker(entry);
  // the helper never keeps the process alive, and a helper that dies leaves one thread
  w.unref();
  const helper = new SharedMemoryHelper(w);
  const drop = () => {
    if (defaultFactorHelper() === helper) setFactorHelper(null);
    if (worker === w) worker = null;
  };
  w.on('error', drop);
  w.on('exit', drop);
  ready = new Promise((resolve) => {
    w.once('message', () => resolve(true));
    w.once('exit', () => resolve(false));
  });
  worker = w;
  setFactorHelper(helper);
  return 2;
}

/** Stops the helper thread, if any: later factorizations run on one thread. */
export function stopHelper(): void {
  setFactorHelper(null);
  const w = worker;
  worker = null;
  ready = Promise.resolve(false);
  if (w) void w.terminate();
}

/**
 * Resolves when the helper thread has loaded (true), or at once with false when there is
 * none. Until then a factorization does the helper's half itself, so benchmarks wait here.
 */
export function factorHelperReady(): Promise<boolean> {
  return ready;
}
