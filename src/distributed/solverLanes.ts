import { SolverThread } from '../cli/solverThread';

/**
 * A queue worker's solver threads. A job borrows a lane only inside `use`, which gives it back on
 * every path (a result, a failure, a throw), so one bad job can never leave the worker without lanes.
 */
export class SolverLanes {
  private readonly threads: SolverThread[];
  private readonly idle: SolverThread[];
  private readonly waiting: ((thread: SolverThread) => void)[] = [];
  private idleListeners: (() => void)[] = [];

  /** `abort`: shared flag, its first entry set to 1 aborts every running solve */
  constructor(count: number, abort: Int32Array) {
    this.threads = Array.from({ length: count }, () => new SolverThread(abort));
    this.idle = [...this.threads];
  }

  /** Run `work` on a free lane (waiting for one if all are busy) and give the lane back after. */
  async use<T>(work: (thread: SolverThread) => Promise<T>): Promise<T> {
    const thread = this.idle.pop() ?? (await new Promise<SolverThread>((r) => this.waiting.push(r)));
    try {
      return await work(thread);
    } finally {
      const next = this.waiting.shift();
      if (next) next(thread);
      else {
        this.idle.push(thread);
        if (this.idle.length === this.threads.length) {
          for (const l of this.idleListeners) l();
          this.idleListeners = [];
        }
      }
    }
  }

  /** Resolves once no lane is busy. */
  whenIdle(): Promise<void> {
    if (this.idle.length === this.threads.length) return Promise.resolve();
    return new Promise((resolve) => this.idleListeners.push(resolve));
  }

  /** Lanes not in use. */
  get free(): number {
    return this.idle.length;
  }

  /** Terminate every thread: running solves end as 'aborted'. */
  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.close()));
  }
}
