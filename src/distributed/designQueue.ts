import { createHash } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { canonicalJson } from '../case/canonicalJson';
import type { DesignEvaluator } from '../cli/designPool';
import type { DesignEvaluation } from '../design/designEvaluation';
import type { DesignProblem } from '../design/designProblem';
import type { DesignValues } from '../design/designValues';
import { settledWithin } from './boundedWait';
import type { QueuedDesign } from './queuedDesign';
import { QUEUE_NAME, redisConnection } from './redisConnection';
import { isConnectionError, RedisReachability } from './redisReachability';

export interface DesignQueueOptions {
  /** time limit of one evaluation on a worker [s] */
  timeoutSeconds: number;
  /** tries per design, the first included */
  attempts: number;
  /** give up once Redis has been out of reach this long [s] */
  queueTimeoutSeconds: number;
}

/** Pending jobs are looked up this often, for a result whose event was missed [ms]. */
const CHECK_EVERY_MS = 5000;
/** Finished design jobs stay in Redis this long, so a rerun of a seed finds them [s]. */
const KEEP_SECONDS = 24 * 3600;

/**
 * Design evaluations on `stackpress worker` processes through the shared BullMQ queue. A design's
 * job id is the hash of its problem and values, so identical designs share a job and a rerun finds
 * finished ones. A job that fails on the worker, a result that is not an evaluation, or Redis away
 * longer than the queue timeout rejects that design: the search keeps it as failed and goes on.
 */
export class DesignQueue implements DesignEvaluator {
  private readonly ended = new AbortController();
  private readonly client: Redis;
  private readonly queue: Queue;
  private readonly events: QueueEvents;
  private readonly reach: RedisReachability;
  private readonly pending = new Map<
    string,
    { resolve: (e: DesignEvaluation) => void; reject: (e: Error) => void }
  >();
  private readonly problemHash: string;
  private readonly timer: NodeJS.Timeout;
  private ready: Promise<unknown>;

  constructor(
    url: string,
    private readonly problem: DesignProblem,
    private readonly options: DesignQueueOptions,
  ) {
    const connection = redisConnection(url, this.ended.signal);
    this.client = new Redis(connection);
    const quiet = (e: Error) => {
      if (!isConnectionError(e)) process.stderr.write(`stackpress: queue error: ${e.message}\n`);
    };
    this.reach = new RedisReachability(this.client, quiet);
    this.queue = new Queue(QUEUE_NAME, { connection: this.client });
    this.events = new QueueEvents(QUEUE_NAME, { connection, blockingTimeout: 1000 });
    this.queue.on('error', quiet);
    this.events.on('error', quiet);
    this.problemHash = createHash('sha256').update(canonicalJson(problem)).digest('hex');
    this.events.on('completed', ({ jobId, returnvalue }) => this.settle(jobId, returnvalue, undefined));
    this.events.on('failed', ({ jobId, failedReason }) => this.settle(jobId, undefined, failedReason));
    this.ready = this.events.waitUntilReady();
    this.timer = setInterval(() => void this.check(), CHECK_EVERY_MS);
  }

  async evaluate(design: DesignValues): Promise<DesignEvaluation> {
    await this.ready;
    const id = `design-${createHash('sha256')
      .update(`${this.problemHash}\n${canonicalJson(design)}`)
      .digest('hex')}`;
    const result = new Promise<DesignEvaluation>((resolve, reject) =>
      this.pending.set(id, { resolve, reject }),
    );
    const payload: QueuedDesign = {
      kind: 'design',
      problem: this.problem as unknown as Record<string, unknown>,
      design: design as Record<string, unknown>,
      timeoutMs: this.options.timeoutSeconds * 1000,
    };
    await this.queue.add('design', payload, {
      jobId: id,
      attempts: this.options.attempts,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: KEEP_SECONDS },
      removeOnFail: { age: 60 },
    });
    // a job of this id may have finished before (a rerun): its event has passed, so look it up now
    void this.checkOne(id);
    return result;
  }

  /** Resolve or reject a pending design from a job's end. */
  private settle(id: string, returnvalue: unknown, failedReason: string | undefined): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    const value = typeof returnvalue === 'string' ? safeParse(returnvalue) : returnvalue;
    if (failedReason !== undefined)
      p.reject(new Error(`failed on a worker: ${failedReason || 'no reason given'}`));
    else if (!isEvaluation(value))
      p.reject(new Error('a worker returned something that is not a design evaluation'));
    else p.resolve(value);
  }

  private async checkOne(id: string): Promise<void> {
    const job = await this.queue.getJob(id).catch(() => undefined);
    if (!job) return;
    const state = await job.getState().catch(() => 'unknown');
    if (state === 'completed') this.settle(id, job.returnvalue, undefined);
    else if (state === 'failed') this.settle(id, undefined, job.failedReason);
  }

  /** Look up every pending design; give them all up once Redis has been away too long. */
  private async check(): Promise<void> {
    if (this.reach.unreachableMs() > this.options.queueTimeoutSeconds * 1000) {
      for (const [id, p] of this.pending) {
        this.pending.delete(id);
        p.reject(new Error(`Redis unreachable for over ${this.options.queueTimeoutSeconds} s`));
      }
      return;
    }
    for (const id of [...this.pending.keys()]) await this.checkOne(id);
  }

  stop(): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new Error('aborted'));
    }
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.stop();
    this.ended.abort();
    await settledWithin(Promise.all([this.events.close(), this.queue.close()]), 1000);
    this.client.disconnect();
  }
}

function safeParse(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return undefined;
  }
}

/** Enough of an evaluation's shape to write it: a worker is trusted to run our code, not to be bug-free. */
function isEvaluation(v: unknown): v is DesignEvaluation {
  if (typeof v !== 'object' || v === null) return false;
  const e = v as Record<string, unknown>;
  return (
    ['feasible', 'infeasible', 'failed'].includes(e.status as string) &&
    Array.isArray(e.constraints) &&
    (e.objectiveVector === null ||
      (Array.isArray(e.objectiveVector) && e.objectiveVector.every((x) => typeof x === 'number')))
  );
}
