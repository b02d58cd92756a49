import type { CaseSummary } from '../../../src/index';
import type { ResultFields } from '../../../src/presentation/resultFields';
import type { StackGeometry } from '../../../src/presentation/stackGeometry';
import type { ToleranceResult } from '../../../src/tolerance/toleranceResult';
import type { SolveRequest, StudyRequest, WorkerReply } from './protocol';

export interface SolveProgress {
  step: string;
  iteration: number;
  residual: number;
  elapsed: number;
}

export interface SolvedCase {
  summary: CaseSummary;
  fields: ResultFields;
  /** wall time in the worker [s] */
  seconds: number;
}

/** A study's progress: draws finished of `total`, and the indices of those that failed so far. */
export interface StudyProgress {
  done: number;
  total: number;
  failed: number[];
}

export interface StudiedCase {
  result: ToleranceResult;
  /** the stack its maps are drawn on, or null when no draw solved */
  stack: StackGeometry | null;
  /** wall time in the worker [s] */
  seconds: number;
}

export class SolveCancelledError extends Error {
  override name = 'SolveCancelledError';
}

/**
 * One solver worker, one job (a solve or a study) at a time: starting one cancels the one running.
 * The solver is synchronous inside the worker, so cancelling a solve terminates the worker and the
 * next job starts a fresh one; a study on a cross-origin isolated page is asked to stop between
 * draws instead (a shared flag), so the worker keeps its session. The UI thread never waits: a
 * cancelled job's promise rejects at once, and its late replies are dropped by their id.
 */
export class SolveClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending: { id: number; reject: (e: Error) => void; abort: Int32Array | null } | null = null;

  private ensureWorker(): Worker {
    this.worker ??= new Worker(new URL('./solveWorker.ts', import.meta.url), {
      type: 'module',
      name: 'stackpress-solver',
    });
    return this.worker;
  }

  /** Post a job and route its replies to `onReply` until it settles; replies of other jobs are dropped. */
  private start<T>(
    build: (id: number) => SolveRequest | StudyRequest,
    onReply: (m: WorkerReply, settle: { resolve: (v: T) => void; reject: (e: Error) => void }) => void,
    abort: Int32Array | null = null,
  ): Promise<T> {
    this.cancel();
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending = { id, reject, abort };
      const settle = {
        resolve: (v: T) => {
          this.pending = null;
          resolve(v);
        },
        reject: (e: Error) => {
          this.pending = null;
          reject(e);
        },
      };
      worker.onmessage = (event: MessageEvent<WorkerReply>) => {
        const m = event.data;
        if (m.id === id) onReply(m, settle);
      };
      worker.onerror = (event) => {
        this.pending = null;
        reject(new Error(event.message || 'the solver worker failed'));
      };
      worker.postMessage(build(id));
    });
  }

  solve(caseInput: unknown, onProgress: (p: SolveProgress) => void = () => {}): Promise<SolvedCase> {
    return this.start<SolvedCase>(
      (id) => ({ type: 'solve', id, caseInput }),
      (m, { resolve, reject }) => {
        if (m.type === 'progress') onProgress(m);
        else if (m.type === 'result') resolve({ summary: m.summary, fields: m.fields, seconds: m.seconds });
        else if (m.type === 'error') reject(new Error(m.message));
      },
    );
  }

  /**
   * A tolerance study of `caseInput`: `samples` draws from `seed`, progress after each draw.
   * Rejects with the study's error (a bad case or study block), or SolveCancelledError.
   */
  study(
    caseInput: unknown,
    options: { samples: number; seed: number },
    onProgress: (p: StudyProgress) => void = () => {},
  ): Promise<StudiedCase> {
    // shared memory exists only on a cross-origin isolated page; elsewhere cancel terminates
    const abort =
      globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function'
        ? new Int32Array(new SharedArrayBuffer(4))
        : null;
    const failed: number[] = [];
    return this.start<StudiedCase>(
      (id) => ({ type: 'study', id, caseInput, samples: options.samples, seed: options.seed, abort }),
      (m, { resolve, reject }) => {
        if (m.type === 'studyProgress') {
          if (m.failed) failed.push(m.index);
          onProgress({ done: m.done, total: m.total, failed: [...failed] });
        } else if (m.type === 'studyResult')
          resolve({ result: m.result, stack: m.stack, seconds: m.seconds });
        else if (m.type === 'studyCancelled') reject(new SolveCancelledError('study cancelled'));
        else if (m.type === 'error') reject(new Error(m.message));
      },
      abort,
    );
  }

  /** Stop the running job, if any (its promise rejects with SolveCancelledError). */
  cancel(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    // a study stops at its next check (between draws or Newton steps) and keeps the session; a
    // job posted meanwhile waits in the worker's queue for that moment
    if (p.abort) Atomics.store(p.abort, 0, 1);
    else this.terminate();
    p.reject(new SolveCancelledError(p.abort ? 'study cancelled' : 'solve cancelled'));
  }

  private terminate(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  dispose(): void {
    this.cancel();
    this.terminate();
  }
}
