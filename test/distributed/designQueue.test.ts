import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue, QueueEvents } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesignProblem } from '../../src/design/designProblem';
import { loadDesignSpecFile } from '../../src/design/designSpecFile';
import { baseDesignValues } from '../../src/design/designValues';
import { DesignQueue } from '../../src/distributed/designQueue';
import { startQueueWorker } from '../../src/distributed/queueWorker';
import { QUEUE_NAME, redisConnection } from '../../src/distributed/redisConnection';
import { coarseCase, scratch } from '../cli/cliHarness';
import { freePort, RedisServer } from './redisHarness';

/**
 * Design jobs on the BullMQ queue: a `stackpress worker` (in this process, its solver threads from
 * the sources) refuses malformed and tampered design jobs without retrying them, and goes on to
 * evaluate a good one that `DesignQueue` sends.
 */
let redis: RedisServer;
let worker: { close(): Promise<void> };
let dir: string;
let problem: DesignProblem;
const log: string[] = [];

beforeAll(async () => {
  redis = new RedisServer(await freePort());
  await redis.start();
  worker = startQueueWorker(redis.url, { concurrency: 1, lockMs: 10_000, log: (l) => log.push(l) });
  dir = await scratch();
  await coarseCase(dir, 'default', 6);
  const spec = join(dir, 'spec.json');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(
    spec,
    JSON.stringify({
      base: 'default.json',
      targetPressure: 5,
      variables: { topThickness: { min: 15, max: 35 }, springRate: { min: 9000, max: 11000 } },
    }),
  );
  problem = await loadDesignSpecFile(spec);
});
afterAll(async () => {
  await worker?.close();
  await redis?.kill();
  await rm(dir, { recursive: true, force: true });
});

/** Push one raw job and wait for its end: the failure reason, or the result. */
async function pushRaw(
  data: unknown,
  id: string,
): Promise<{ failed?: string; result?: unknown; attempts: number }> {
  const connection = redisConnection(redis.url);
  const queue = new Queue(QUEUE_NAME, { connection });
  const events = new QueueEvents(QUEUE_NAME, { connection });
  await events.waitUntilReady();
  try {
    const job = await queue.add('design', data, { jobId: id, attempts: 3 });
    try {
      return { result: await job.waitUntilFinished(events, 60_000), attempts: 1 };
    } catch (e) {
      const fresh = await queue.getJob(id);
      return { failed: (e as Error).message, attempts: fresh?.attemptsMade ?? -1 };
    }
  } finally {
    await events.close();
    await queue.close();
  }
}

describe('design jobs on the queue', () => {
  it('refuses a malformed design job at once, unretried, naming the field', async () => {
    const r = await pushRaw({ kind: 'design', problem: 'not an object', design: [], timeoutMs: -1 }, 'bad-1');
    expect(r.failed).toMatch(/job payload is not a stackpress design: problem: .*design: .*timeoutMs/);
    expect(r.attempts).toBe(1);
  });

  it('refuses a tampered problem (a range past the schema) as an input error, unretried', async () => {
    const tampered = {
      ...problem,
      variables: { ...problem.variables, topThickness: { min: 15, max: 1e9 } },
    };
    const r = await pushRaw(
      { kind: 'design', problem: tampered, design: baseDesignValues(problem), timeoutMs: 60_000 },
      'bad-2',
    );
    expect(r.failed).toMatch(/variables\.topThickness\.max/);
    expect(r.attempts).toBe(1);
  });

  it('then evaluates good designs sent by DesignQueue: the worker survived', async () => {
    const q = new DesignQueue(redis.url, problem, {
      timeoutSeconds: 120,
      attempts: 2,
      queueTimeoutSeconds: 30,
    });
    try {
      const base = baseDesignValues(problem);
      const [a, b] = await Promise.all([q.evaluate(base), q.evaluate({ ...base, topThickness: 30 })]);
      expect(a.design).toEqual(base);
      expect(a.objectiveVector).not.toBeNull();
      expect(b.design.topThickness).toBe(30);
      // a thicker steel plate weighs more
      expect(b.objectiveVector![0]).toBeGreaterThan(a.objectiveVector![0]);
      // a design outside the problem is refused by the thread and rejected here, not crashing anything
      await expect(q.evaluate({ ...base, topThickness: 99 })).rejects.toThrow(/topThickness: 99 mm/);
    } finally {
      await q.close();
    }
    expect(log.some((l) => l.startsWith('rejected job bad-1'))).toBe(true);
  });
});
