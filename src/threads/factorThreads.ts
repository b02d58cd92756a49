/**
 * Two-thread factorization in Node: a helper thread for one solver session. The session's
 * factorizations hand it one half of the assembly tree; it never keeps the process alive, and a
 * helper that dies leaves the session on one thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { SolverSession } from '../../solver/session/solverSession';
import { SharedMemoryHelper } from '../../solver/sparse/index';
import { threadEntry } from './threadEntry';

const entry = threadEntry(import.meta.url, './factorHelperWorker.mjs', 'threads/factorHelperWorker.js');

/** A solver session with its factorization threads, and how to end them. */
export interface ThreadedSession {
  session: SolverSession;
  /** factorization threads in use: 1, or 2 with a helper thread */
  threads: number;
  /**
   * Resolves when the helper thread has loaded (true), or at once with false when there is none.
   * Until then a factorization does the helper's half itself, so benchmarks wait here.
   */
  ready: Promise<boolean>;
  /** stops the helper thread; later factorizations of the session run on one thread */
  close(): Promise<void>;
}

/**
 * A new SolverSession whose factorizations run on `threads` threads: 2 starts a helper thread
 * (on a machine with 2 cores or more; otherwise 1). Start it early: the thread loads while the
 * model is built and the matrix ordered.
 */
export function createSolverSession(threads: number): ThreadedSession {
  if (!Number.isInteger(threads) || threads < 1) {
    throw new RangeError(`threads = ${threads}: expected a whole number ≥ 1`);
  }
  const session = new SolverSession();
  if (threads < 2 || availableParallelism() < 2)
    return { session, threads: 1, ready: Promise.resolve(false), close: async () => {} };
  const w = new Worker(entry);
  w.unref();
  const helper = new SharedMemoryHelper(w);
  const drop = () => {
    if (session.factorHelper === helper) session.factorHelper = null;
  };
  w.on('error', drop);
  w.on('exit', drop);
  const ready = new Promise<boolean>((resolve) => {
    w.once('message', () => resolve(true));
    w.once('exit', () => resolve(false));
  });
  session.factorHelper = helper;
  return {
    session,
    threads: 2,
    ready,
    async close() {
      drop();
      await w.terminate();
    },
  };
}
