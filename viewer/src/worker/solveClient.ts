import type { CaseSummary } from '../../../src/index';
import type { ResultFields } from '../../../src/presentation/resultFields';
import type { SolveReply, SolveRequest } from './protocol';

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

export class SolveCancelledError extends Error {
  override name = 'SolveCancelledError';
}

/**
 * One solver worker. The solver is synchronous inside the worker, so cancelling terminates the
 * worker and the next solve starts a fresh one; the UI thread never waits.
 */
export class SolveClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending: { id: number; reject: (e: Error) => void } | null = null;

  private ensureWorker(): Worker {
    this.worker ??= new Worker(new URL('./solveWorker.ts', import.meta.url), {
      type: 'module',
      name: 'stackpress-solver',
    });
    return this.worker;
  }

  solve(caseInput: unknown, onProgress: (p: SolveProgress) => void = () => {}): Promise<SolvedCase> {
    this.cancel();
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<SolvedCase>((resolve, reject) => {
      this.pending = { id, reject };
      worker.onmessage = (event: MessageEvent<SolveReply>) => {
        const m = event.data;
        if (m.id !== id) return;
        if (m.type === 'progress') onProgress(m);
        else {
          this.pending = null;
          if (m.type === 'result')
            resolve({
              summary: m.summary,
              fields: m.fields,
              seconds: m.seconds,
            });
          else reject(new Error(m.message));
        }
      };
      worker.onerror = (event) => {
        this.pending = null;
        reject(new Error(event.message || 'the solver worker failed'));
      };
      const request: SolveRequest = { type: 'solve', id, caseInput };
      worker.postMessage(request);
    });
  }

  /** Stop the running solve, if any (its promise rejects with SolveCancelledError). */
  cancel(): void {
    if (!this.pending) return;
    this.worker?.terminate();
    this.worker = null;
    this.pending.reject(new SolveCancelledError('solve cancelled'));
    this.pending = null;
  }

  dispose(): void {
    this.cancel();
    this.worker?.terminate();
    this.worker = null;
  }
}
