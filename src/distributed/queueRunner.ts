import { Queue, QueueEvents } from 'bullmq';
import type { CaseJob, CaseOutcome } from '../cli/caseJob';
import type { CaseRunner } from '../cli/caseRunner';
import { decodeArtifacts, type EncodedArtifacts } from '../report/caseArtifacts';
import { writeCaseFolder } from '../report/caseFolder';
import { QUEUE_NAME, type QueuedCase, redisConnection } from './redisConnection';

export interface QueueRunnerOptions {
  /** tries per case, the first included */
  attempts: number;
  /** per-case time limit [s] */
  timeoutSeconds: number;
  /** how long finished results stay in Redis for re-submissions [s] */
  keepSeconds: number;
}

/**
 * The submitting side of a distributed batch: puts the cases on the BullMQ queue, waits for the
 * workers' results and writes each case folder here, exactly as the local batch does.
 * A case's job id is its input hash, so submitting the same sweep again finds finished cases in
 * Redis (or skips them by their result.json before that) instead of solving them again.
 */
export class QueueRunner implements CaseRunner {
  private stopped = false;
  private wake: (() => void) | null = null;

  constructor(
    private readonly url: string,
    private readonly options: QueueRunnerOptions,
  ) {}

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  async run(
    jobs: CaseJob[],
    onOutcome: (o: CaseOutcome, job: CaseJob) => void | Promise<void>,
  ): Promise<void> {
    if (jobs.length === 0) return;
    const connection = redisConnection(this.url);
    const queue = new Queue<QueuedCase, EncodedArtifacts>(QUEUE_NAME, { connection });
    const events = new QueueEvents(QUEUE_NAME, { connection });
    try {
      await events.waitUntilReady();
      // identical inputs share one job
      const byHash = new Map<string, CaseJob[]>();
      for (const j of jobs) byHash.set(j.input.hash, [...(byHash.get(j.input.hash) ?? []), j]);
      const added = await queue.addBulk(
        [...byHash.values()].map(([j]) => ({
          name: 'case',
          data: { raw: j.raw, input: j.input, timeoutMs: this.options.timeoutSeconds * 1000 },
          opts: {
            jobId: j.input.hash,
            attempts: this.options.attempts,
            backoff: { type: 'exponential', delay: 2000 },
            removeOnComplete: { age: this.options.keepSeconds },
            removeOnFail: { age: this.options.keepSeconds },
          },
        })),
      );
      // one listener for all jobs (not one per job: a sweep may hold 10⁵ cases)
      const pending = new Map(byHash);
      let settle: () => void = () => {};
      const allDone = new Promise<void>((resolve) => {
        settle = resolve;
      });
      const finish = async (jobId: string, outcome: CaseOutcome) => {
        const waiting = pending.get(jobId);
        if (!waiting) return; // already handled, or not ours
        pending.delete(jobId);
        for (const j of waiting) {
          if (outcome.status === 'ok' && j.outDir) {
            await writeCaseFolder(j.outDir, decodeArtifacts(outcome.artifacts!), j.input, j.film);
          }
          await onOutcome({ ...outcome, id: j.id } as CaseOutcome, j);
        }
        if (pending.size === 0) settle();
      };
      const chain: Promise<void>[] = [];
      events.on('completed', ({ jobId, returnvalue }) => {
        const artifacts = (
          typeof returnvalue === 'string' ? JSON.parse(returnvalue) : returnvalue
        ) as EncodedArtifacts;
        chain.push(finish(jobId, { id: 0, status: 'ok', summary: artifacts.summary, artifacts }));
      });
      // 'failed' comes once a job has no tries left (a retry shows up as 'delayed' instead)
      events.on('failed', ({ jobId, failedReason }) => {
        chain.push(finish(jobId, { id: 0, status: 'failed', error: failedReason }));
      });
      for (const job of added) {
        const state = await job.getState();
        if (state === 'completed') {
          const done = await queue.getJob(job.id!);
          if (done?.returnvalue)
            chain.push(
              finish(job.id!, {
                id: 0,
                status: 'ok',
                summary: done.returnvalue.summary,
                artifacts: done.returnvalue,
              }),
            );
        } else if (state === 'failed') {
          // a case that failed in an earlier submission gets a fresh set of tries
          await job.retry('failed');
        }
      }
      if (pending.size === 0) settle();
      await Promise.race([
        allDone,
        new Promise<void>((resolve) => {
          this.wake = resolve;
          if (this.stopped) resolve();
        }),
      ]);
      await Promise.all(chain);
    } finally {
      await events.close();
      await queue.close();
    }
  }
}
