import type { DesignEvaluation } from '../design/designEvaluation';
import type { DesignProblem } from '../design/designProblem';
import type { DesignValues } from '../design/designValues';
import { factorThreadsPerLane } from './options';
import { SolverThread } from './solverThread';

/** Where a design evaluation is run: the local pool of solver threads or the BullMQ queue. */
export interface DesignEvaluator {
  /** The design's evaluation, or a thrown Error saying why there is none (kept as a failed design). */
  evaluate(design: DesignValues): Promise<DesignEvaluation>;
  /** Abort the running evaluations and start no more. */
  stop(): void;
  close(): Promise<void>;
}

/**
 * `size` solver threads that live for the whole search: each keeps its solver session between
 * generations, so designs on one mesh reuse its symbolic analysis and plate stiffness. Designs
 * wait for a free thread in the order they are asked.
 */
export class DesignPool implements DesignEvaluator {
  private readonly abort = new Int32Array(new SharedArrayBuffer(4));
  private readonly idle: SolverThread[];
  private readonly threads: SolverThread[];
  private readonly waiting: ((t: SolverThread) => void)[] = [];
  private nextId = 0;

  /** `timeoutSeconds`: time limit of one evaluation [s]; none: no limit */
  constructor(
    private readonly problem: DesignProblem,
    size: number,
    private readonly timeoutSeconds?: number,
  ) {
    const threads = factorThreadsPerLane(size);
    this.threads = Array.from({ length: Math.max(1, size) }, () => new SolverThread(this.abort, threads));
    this.idle = [...this.threads];
  }

  async evaluate(design: DesignValues): Promise<DesignEvaluation> {
    const thread = this.idle.pop() ?? (await new Promise<SolverThread>((r) => this.waiting.push(r)));
    try {
      const outcome = await thread.evaluateDesign({
        kind: 'design',
        id: this.nextId++,
        problem: this.problem,
        design,
        timeoutMs: this.timeoutSeconds !== undefined ? this.timeoutSeconds * 1000 : undefined,
      });
      if (outcome.status === 'evaluated') return outcome.evaluation;
      throw new Error(outcome.status === 'failed' ? outcome.error : 'aborted');
    } finally {
      const next = this.waiting.shift();
      if (next) next(thread);
      else this.idle.push(thread);
    }
  }

  stop(): void {
    Atomics.store(this.abort, 0, 1);
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.close()));
  }
}
