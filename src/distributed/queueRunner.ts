import { type JobsOptions, Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import type { CaseJob, CaseOutcome } from '../cli/caseJob';
import type { CaseRunner } from '../cli/caseRunner';
import { decodeArtifacts, type EncodedArtifacts } from '../report/caseArtifacts';
import { writeCaseFolder } from '../report/caseFolder';
import type { CaseSummary } from '../solveCase';
import { pause, settledWithin } from './boundedWait';
import { putAsideResult } from './caseClaims';
import type { QueuedCase } from './queuedCase';
import { QUEUE_NAME, RECONNECT_MAX_MS, redisConnection, shownUrl } from './redisConnection';
import { isConnectionError, RedisReachability } from './redisReachability';

/** Where a runner reports trouble while it runs: the batch progress bar. */
export interface RunnerProgress {
  /** what is wrong right now (null: nothing), e.g. Redis out of reach */
  status(text: string | null): void;
  /** a one-off event, on a line of its own */
  note(line: string): void;
}

export interface QueueRunnerOptions {
  /** tries per case, the first included */
  attempts: number;
  /** per-case time limit [s] */
  timeoutSeconds: number;
  /** how long finished results stay in Redis for re-submissions [s] */
  keepSeconds: number;
  /** give up once Redis has been out of reach this long [s] */
  queueTimeoutSeconds: number;
  progress?: RunnerProgress;
}

/** How the error of a case the runner gave up on begins: it was never solved, rather than failed. */
export const NOT_SOLVED = 'not solved: ';

/** The submitter looks up the state of the cases it waits for this often [ms] (less often when there are many). */
const CHECK_EVERY_MS = 5000;
/**
 * After a reconnection, wait this long before queuing vanished cases again [ms]: the workers
 * reconnect too (within RECONNECT_MAX_MS) and first re-claim the cases they are still solving,
 * so a re-queued case goes to the worker that has it rather than being solved a second time.
 */
const SETTLE_MS = 3 * RECONNECT_MAX_MS;
/** Job states looked up at once. */
const CHECK_CHUNK = 200;
/** Jobs added in one call. */
const ADD_CHUNK = 1000;
/** How long one read of the queue's event stream blocks [ms]. */
const EVENTS_BLOCK_MS = 1000;
/** The longest wait for closing a connection at the end, Redis away or not [ms]. */
const CLOSE_MS = 1000;

/**
 * The submitting side of a distributed batch: puts the cases on the BullMQ queue, waits for the
 * workers' results and writes each case folder here, exactly as the local batch does.
 * A case's job id is its input hash, so submitting the same sweep again finds finished cases in
 * Redis (or skips them by their result.json before that) instead of solving them again.
 *
 * Redis may go away. While it does, the progress bar says so; after `queueTimeoutSeconds` the run
 * gives up and reports the unsolved cases as failed. Every few seconds, and shortly after each
 * reconnection, the submitter looks up its pending jobs: a finished one whose event it missed is
 * taken as finished; one that vanished (a restart without persistence) is taken from the result a
 * worker put aside, or queued again.
 */
export class QueueRunner implements CaseRunner {
  private readonly stopping = new AbortController();

  constructor(
    private readonly url: string,
    private readonly options: QueueRunnerOptions,
  ) {}

  stop(): void {
    this.stopping.abort();
  }

  async run(
    jobs: CaseJob[],
    onOutcome: (o: CaseOutcome, job: CaseJob) => void | Promise<void>,
  ): Promise<void> {
    if (jobs.length === 0) return;
    const { progress, queueTimeoutSeconds } = this.options;
    const where = shownUrl(this.url);
    // ends the run early: Ctrl-C, Redis away too long, or a queue that refuses us
    const ended = new AbortController();
    const connection = redisConnection(this.url, ended.signal);
    const note = (line: string) => progress?.note(`stackpress: ${line}`);
    const queueError = (e: Error) => {
      if (!isConnectionError(e)) note(`queue error: ${e.message}`);
    };
    const client = new Redis(connection);
    const reach = new RedisReachability(client, queueError);
    const queue = new Queue<QueuedCase, EncodedArtifacts>(QUEUE_NAME, { connection: client });
    // a short blocking read: BullMQ keeps a timer of this length (plus a second) alive while it
    // reads, which would hold the process that long after a give-up [ms]
    const events = new QueueEvents(QUEUE_NAME, { connection, blockingTimeout: EVENTS_BLOCK_MS });
    queue.on('error', queueError);
    events.on('error', queueError);

    // identical inputs share one job
    const pending = new Map<string, CaseJob[]>();
    for (const j of jobs) pending.set(j.input.hash, [...(pending.get(j.input.hash) ?? []), j]);
    const payload = (j: CaseJob): QueuedCase => ({
      raw: j.raw,
      input: j.input,
      timeoutMs: this.options.timeoutSeconds * 1000,
    });
    const jobOptions = (hash: string): JobsOptions => ({
      jobId: hash,
      attempts: this.options.attempts,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: { age: this.options.keepSeconds },
      removeOnFail: { age: this.options.keepSeconds },
    });

    this.stopping.signal.addEventListener('abort', () => ended.abort(), { once: true });
    let failure: string | null = null;
    const giveUp = (why: string) => {
      failure ??= why;
      ended.abort();
    };
    // wakes the checking loop early: a reconnection, or nothing left to wait for
    let wake = new AbortController();

    // folders are written one after another: a resubmission may find 10⁵ finished cases at once
    let writes: Promise<void> = Promise.resolve();
    let writeError: unknown = null;
    const finish = (hash: string, ending: () => QueueEnding) => {
      const waiting = pending.get(hash);
      if (!waiting) return writes; // already handled, or not ours
      pending.delete(hash);
      if (pending.size === 0) wake.abort();
      writes = writes
        .then(async () => {
          const how = ending();
          for (const j of waiting) await onOutcome(await deliver(j, how), j);
        })
        .catch((e) => {
          writeError ??= e;
        });
      return writes;
    };
    const completed = (returnvalue: unknown) => () => okOutcome(returnvalue);
    const failed = (error: string | undefined) => (): QueueEnding => ({
      status: 'failed',
      error: error || 'failed on a worker (no reason given)',
    });

    events.on('completed', ({ jobId, returnvalue }) => {
      if (pending.has(jobId)) void finish(jobId, completed(returnvalue));
    });
    // 'failed' comes once a job has no tries left (a retry shows up as 'delayed' instead)
    events.on('failed', ({ jobId, failedReason }) => {
      if (pending.has(jobId)) void finish(jobId, failed(failedReason));
    });

    let reconnects = 0;
    /** Look up every pending job: take what finished unnoticed, queue again what vanished. */
    const check = async (firstTime: boolean) => {
      const reconnectsBefore = reconnects;
      const ids = [...pending.keys()];
      const vanished: string[] = [];
      for (let i = 0; i < ids.length && !ended.signal.aborted; i += CHECK_CHUNK) {
        const chunk = ids.slice(i, i + CHECK_CHUNK);
        const states = await Promise.all(chunk.map((id) => queue.getJobState(id)));
        for (const [k, id] of chunk.entries()) {
          if (!pending.has(id)) continue;
          if (states[k] === 'unknown') vanished.push(id);
          if (states[k] !== 'completed' && states[k] !== 'failed') continue;
          const job = await queue.getJob(id);
          if (!job)
            vanished.push(id); // its age ran out between the two calls
          else if (states[k] === 'completed') await finish(id, completed(job.returnvalue));
          // a case that failed in an earlier submission gets a fresh set of tries
          else if (firstTime)
            await job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
          else await finish(id, failed(job.failedReason));
        }
      }
      // states read across a reconnection, or too soon after one, may come from a restarted server
      // before the workers re-claimed their cases: the next check looks again
      if (reconnects !== reconnectsBefore || (reconnects > 0 && reach.connectedMs() < SETTLE_MS)) return;
      let requeued = 0;
      for (const id of vanished) {
        const waiting = pending.get(id);
        if (!waiting || ended.signal.aborted) continue;
        const aside = await putAsideResult(client, id);
        if (aside !== null) await finish(id, completed(aside));
        else {
          await queue.add('case', payload(waiting[0]), jobOptions(id));
          requeued++;
        }
      }
      if (requeued > 0 && !firstTime)
        note(`${requeued} case(s) had vanished from Redis (a restart?) and are queued again`);
    };

    const submitAndWait = async () => {
      // listening before adding, so that no result is missed
      await events.waitUntilReady();
      const first = [...pending.values()].map(([j]) => j);
      for (let i = 0; i < first.length && !ended.signal.aborted; i += ADD_CHUNK)
        await queue.addBulk(
          first
            .slice(i, i + ADD_CHUNK)
            .map((j) => ({ name: 'case', data: payload(j), opts: jobOptions(j.input.hash) })),
        );
      await check(true);
      let lastCheckMs = 0;
      while (pending.size > 0 && !ended.signal.aborted) {
        wake = new AbortController();
        await pause(Math.max(CHECK_EVERY_MS, 10 * lastCheckMs), AbortSignal.any([wake.signal, ended.signal]));
        if (pending.size === 0 || ended.signal.aborted) break;
        const up = reach.connectedMs();
        if (up === 0) continue; // out of reach: the ticker reports it
        if (up < SETTLE_MS) await pause(SETTLE_MS - up, ended.signal);
        if (reach.connectedMs() < SETTLE_MS) continue; // lost again meanwhile
        const t0 = Date.now();
        await check(false);
        lastCheckMs = Date.now() - t0;
      }
    };

    reach.onReconnect((downMs) => {
      reconnects++;
      note(`Redis reachable again at ${where} after ${Math.round(downMs / 1000)} s`);
      wake.abort();
    });
    const queueTimeoutMs = queueTimeoutSeconds * 1000;
    const ticker = setInterval(() => {
      const down = reach.unreachableMs();
      progress?.status(
        down >= 1000 ? `Redis unreachable at ${where}, retrying (${Math.round(down / 1000)} s)` : null,
      );
      if (down > queueTimeoutMs)
        giveUp(
          `Redis unreachable at ${where} for ${Math.round(down / 1000)} s (--queue-timeout ${queueTimeoutSeconds})`,
        );
    }, 1000);

    try {
      const work = submitAndWait().catch((e: Error) => {
        if (ended.signal.aborted) return; // the connection was closed under it on purpose
        giveUp(isConnectionError(e) ? `Redis at ${where}: ${e.message}` : `queue error: ${e.message}`);
      });
      await Promise.race([work, new Promise((resolve) => ended.signal.addEventListener('abort', resolve))]);
      if (failure !== null && pending.size > 0) {
        note(`giving up: ${failure}; ${pending.size} case(s) not solved`);
        for (const id of [...pending.keys()]) void finish(id, failed(`${NOT_SOLVED}${failure}`));
      }
      await writes;
      if (writeError !== null) throw writeError;
    } finally {
      clearInterval(ticker);
      progress?.status(null);
      ended.abort();
      // with Redis away, BullMQ's close waits for a connection first: no use waiting for it then
      const closeMs = reach.unreachableMs() === 0 ? CLOSE_MS : 0;
      await Promise.all([settledWithin(events.close(), closeMs), settledWithin(queue.close(), closeMs)]);
      client.disconnect();
    }
  }
}

/** How a case ended on the queue, before it is matched to the batch's jobs. */
type QueueEnding =
  | { status: 'ok'; summary: CaseSummary; artifacts: EncodedArtifacts }
  | { status: 'failed'; error: string };

/** What one job of a case ends as: its folder written from the worker's result, or why not. */
async function deliver(j: CaseJob, ending: QueueEnding): Promise<CaseOutcome> {
  if (ending.status === 'failed') return { id: j.id, ...ending };
  try {
    if (j.outDir) await writeCaseFolder(j.outDir, decodeArtifacts(ending.artifacts), j.input, j.film);
    // a tolerance study takes each draw's artifacts back, as the worker-thread pool gives them
    return {
      id: j.id,
      status: 'ok',
      summary: ending.summary,
      ...(j.returnArtifacts ? { artifacts: ending.artifacts } : {}),
    };
  } catch (e) {
    return {
      id: j.id,
      status: 'failed',
      error: `the result could not be written to ${j.outDir}: ${(e as Error).message}`,
    };
  }
}

/** A worker's return value (JSON text or parsed) as an ending; a malformed one fails the case. */
function okOutcome(returnvalue: unknown): QueueEnding {
  try {
    const artifacts = (
      typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue
    ) as EncodedArtifacts;
    if (!artifacts || typeof artifacts.summary !== 'object' || artifacts.summary === null)
      throw new Error('no summary');
    return { status: 'ok', summary: artifacts.summary, artifacts };
  } catch (e) {
    return { status: 'failed', error: `a worker returned a malformed result: ${(e as Error).message}` };
  }
}
