import { randomUUID } from 'node:crypto';
import { DelayedError, type Job, UnrecoverableError, WaitingError, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import type { CaseOutcome } from '../cli/caseJob';
import type { EncodedArtifacts } from '../report/caseArtifacts';
import { settledWithin } from './boundedWait';
import { CaseClaims, putAsideResult } from './caseClaims';
import { FinishedResults } from './finishedResults';
import { parseQueuedCase } from './queuedCase';
import { isQueuedDesign, processQueuedDesign } from './queuedDesign';
import { QUEUE_NAME, redisConnection, shownUrl } from './redisConnection';
import { isConnectionError, RedisReachability } from './redisReachability';
import { SolverLanes } from './solverLanes';

export interface QueueWorkerOptions {
  /** cases solved at once (one worker thread each) */
  concurrency: number;
  /** a job whose lock is not renewed for this long is taken over by another worker [ms] */
  lockMs: number;
  /** this worker's own work limits: a job never raises them, so no job can exhaust the machine */
  limits?: import('../case/workBudget').WorkLimits;
  log: (line: string) => void;
}

/** Errors that another try cannot fix: the case itself is bad or does not converge. */
const FINAL_ERRORS = new Set([
  'InputError',
  'ContactConvergenceError',
  'PlateInputError',
  'NotPositiveDefiniteError',
  'ResultRefusedError',
]);

/** A case another worker is solving is offered again after this long [ms]. */
const CLAIMED_RETRY_MS = 2000;
/** On stop: how long running solves get to notice the abort flag before their threads are terminated [ms]. */
const ABORT_WAIT_MS = 500;
/** On stop: the longest wait for any one Redis step (hand a job back, close) while Redis may be away [ms]. */
const STOP_STEP_MS = 1000;

/**
 * A stackpress worker on the shared queue: pulls cases, solves each on a worker thread (the
 * event loop stays free to renew the job's lock), and returns the case folder's contents.
 *
 * - A job whose payload is not a case fails at once, unretried (UnrecoverableError).
 * - A killed worker's job is taken over by another once its lock expires; a timed-out or
 *   crashed solve is retried with backoff, a bad case is failed at once.
 * - A Redis restart that loses the jobs does not get a case solved twice: this worker keeps its
 *   last results (FinishedResults) and its claims (CaseClaims), re-asserts the claims and puts its
 *   finished results aside in Redis when it reconnects, and answers a re-queued job from them.
 * - `close()` (SIGTERM) aborts the running solves and hands their jobs back to the queue, and
 *   returns within a few seconds even with Redis away (the jobs' locks then expire instead).
 */
export function startQueueWorker(url: string, options: QueueWorkerOptions): { close(): Promise<void> } {
  const { log } = options;
  const where = shownUrl(url);
  const abort = new Int32Array(new SharedArrayBuffer(4));
  const lanes = new SolverLanes(options.concurrency, abort);
  const finished = new FinishedResults();
  // the solves running here, by input hash: a re-queued copy of one joins it instead of solving it again
  const running = new Map<string, Promise<CaseOutcome>>();
  const closed = new AbortController();
  const client = new Redis(redisConnection(url, closed.signal));
  const reach = new RedisReachability(client, (e) => log(`redis error: ${e.message}`));
  const claims = new CaseClaims(client, `${process.pid}-${randomUUID()}`, options.lockMs);
  let stopping = false;
  let reconnects = 0;
  reach.onReconnect(() => {
    reconnects++;
  });

  reach.onLost(() => {
    if (!stopping) log(`Redis unreachable at ${where}, retrying`);
  });
  reach.onReconnect((downMs) => {
    log(`Redis reachable again at ${where} after ${(downMs / 1000).toFixed(1)} s`);
    // the server may have restarted empty: claim again what is running, put aside what was finished
    void claims.renew();
    for (const [hash, json] of finished.all()) void claims.putAside(hash, json).catch(() => {});
  });

  const solveJob = async (job: Job<unknown, EncodedArtifacts>, token?: string): Promise<EncodedArtifacts> => {
    // a reconnection after this point may mean a restarted Redis that lost this job
    const takenAt = reconnects;
    // `stackpress design --queue` sends designs on the same queue; their result is the evaluation
    if (isQueuedDesign(job.data))
      return (await processQueuedDesign(job, lanes, log)) as unknown as EncodedArtifacts;
    let data: ReturnType<typeof parseQueuedCase>;
    try {
      data = parseQueuedCase(job.data);
    } catch (e) {
      log(`rejected job ${String(job.id).slice(0, 64)}: ${(e as Error).message}`);
      throw e;
    }
    const { hash } = data.input;
    // the file name comes from whoever queued the job: no control characters into the log
    const file = data.input.file.replace(/\p{Cc}/gu, '?');
    const tag = `${file} [${hash.slice(0, 12)}] try ${job.attemptsMade + 1}`;
    if (stopping) return handBack(job, token, hash);

    const kept = finished.get(hash);
    if (kept !== undefined) {
      log(`reused ${tag}: solved here before`);
      return JSON.parse(kept) as EncodedArtifacts;
    }
    const same = running.get(hash);
    if (same) {
      log(`joined ${tag}: already solving here`);
      return resultOf(await same, tag);
    }
    const holder = await claims.claim(hash);
    if (holder !== claims.owner) {
      // another worker is solving this case (its job vanished with a Redis restart): ask again later
      await job.moveToDelayed(Date.now() + CLAIMED_RETRY_MS, token);
      throw new DelayedError();
    }
    const aside = await putAsideResult(client, hash);
    if (aside !== null) {
      await claims.release(hash);
      finished.set(hash, aside);
      log(`reused ${tag}: solved by another worker before`);
      return JSON.parse(aside) as EncodedArtifacts;
    }

    const t0 = performance.now();
    log(`start ${tag}`);
    const solving = lanes.use((thread) =>
      thread.solve({
        id: 0,
        raw: data.raw,
        input: data.input,
        returnArtifacts: true,
        timeoutMs: data.timeoutMs,
        limits: options.limits,
      }),
    );
    running.set(hash, solving);
    let outcome: CaseOutcome;
    try {
      outcome = await solving;
    } finally {
      running.delete(hash);
    }
    if (outcome.status === 'ok') {
      const json = JSON.stringify(outcome.artifacts);
      finished.set(hash, json);
      // the job may be gone (a Redis restart since it was taken) or about to be dropped unfinished
      // (BullMQ records no result while its worker closes): leave the result where its next copy looks
      const gone = stopping || reconnects !== takenAt || !(await job.isActive().catch(() => false));
      if (gone) await afterSolve(claims.putAside(hash, json));
      await afterSolve(claims.release(hash));
      log(`done ${tag} in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
      return outcome.artifacts!;
    }
    if (outcome.status === 'aborted' || stopping) return handBack(job, token, hash);
    await afterSolve(claims.release(hash));
    return resultOf(outcome, tag);
  };

  /** Give a job this worker will not finish back to the queue, untried; never returns. */
  const handBack = async (job: Job, token: string | undefined, hash: string): Promise<never> => {
    log(`left ${job.data?.input?.file ?? job.id} [${hash.slice(0, 12)}] to another worker`);
    // with Redis away neither can happen (no use waiting): the job's lock and the claim expire instead
    const back = Promise.all([claims.release(hash), job.moveToWait(token)]);
    await settledWithin(back, reach.unreachableMs() === 0 ? STOP_STEP_MS : 0);
    throw new WaitingError();
  };

  /** A Redis step after a solve: waited for, but only briefly once the worker is stopping. */
  const afterSolve = (step: Promise<unknown>) =>
    stopping ? settledWithin(step, reach.unreachableMs() === 0 ? STOP_STEP_MS : 0) : step.catch(() => {});

  /** The artifacts of an 'ok' outcome, else the error BullMQ should record for it. */
  const resultOf = (outcome: CaseOutcome, tag: string): EncodedArtifacts => {
    if (outcome.status === 'ok') return outcome.artifacts!;
    const message = outcome.status === 'failed' ? outcome.error : 'aborted';
    log(`failed ${tag}: ${message.split('\n')[0]}`);
    if (outcome.status === 'failed' && outcome.errorName && FINAL_ERRORS.has(outcome.errorName))
      throw new UnrecoverableError(message);
    throw new Error(message);
  };

  const worker = new Worker<unknown, EncodedArtifacts>(QUEUE_NAME, solveJob, {
    connection: redisConnection(url, closed.signal),
    concurrency: options.concurrency,
    lockDuration: options.lockMs,
    stalledInterval: options.lockMs,
    maxStalledCount: 3,
  });
  // an outage is reported once, by `reach`; other errors (a lost lock, a refused command) line by line
  worker.on('error', (e) => {
    if (!isConnectionError(e)) log(`queue error: ${e.message}`);
  });

  let closing: Promise<void> | null = null;
  return {
    close() {
      closing ??= (async () => {
        stopping = true;
        Atomics.store(abort, 0, 1);
        const workerClosed = worker.close();
        // a solve in a phase that does not look at the flag (checks, a factorization) is cut short
        if (!(await settledWithin(lanes.whenIdle(), ABORT_WAIT_MS))) await lanes.close();
        // the processors hand their jobs back (each Redis step bounded by STOP_STEP_MS); with
        // Redis away BullMQ's close would wait for a connection first, so it is not waited for
        const reachable = reach.unreachableMs() === 0;
        await settledWithin(workerClosed, reachable ? STOP_STEP_MS + 500 : 100);
        // from here on, a connection that drops is not re-opened, and waiting commands fail
        closed.abort();
        claims.close();
        client.disconnect();
        await settledWithin(worker.disconnect(), reachable ? 500 : 0);
        await lanes.close();
      })();
      return closing;
    },
  };
}
