import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputHash } from '../../src/cli/inputHash';
import { QUEUE_NAME } from '../../src/distributed/redisConnection';
import { repo, runStackpress, scratch } from '../cli/cliHarness';
import { freePort, RedisServer, WorkerProcess, waitFor, writeSweep } from './redisHarness';

/**
 * The distributed batch under its failures, on a real redis-server: garbage jobs on the queue, a
 * worker stopped by a signal with Redis up and with Redis down, Redis killed and restarted empty
 * in the middle of a sweep, and a submitter that cannot reach Redis at all.
 */
let redis: RedisServer;
let dir: string;
const workers: WorkerProcess[] = [];
const startWorker = (...extra: string[]) => {
  const w = new WorkerProcess(redis.url, extra);
  workers.push(w);
  return w;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const stackTrace = /\n\s+at \S+ \(/;

/** A job payload exactly as `batch --queue` builds it, for a case file's raw content. */
const payload = (raw: unknown, file: string) => ({
  raw,
  input: { file, hash: inputHash(raw) },
  timeoutMs: 600_000,
});

async function slowCase(): Promise<unknown> {
  // a fine mesh: long enough to be stopped in the middle
  const raw = JSON.parse(await readFile(join(repo, 'cases/fig5b-springs-gaskets.json'), 'utf8'));
  return { ...raw, mesh: { size: 1 } };
}

async function flush() {
  const c = new Redis({
    host: '127.0.0.1',
    port: redis.port,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
  c.on('error', () => {});
  try {
    await c.flushall();
  } finally {
    c.disconnect();
  }
}

async function withQueue<T>(use: (q: Queue) => Promise<T>): Promise<T> {
  const q = new Queue(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port } });
  try {
    return await use(q);
  } finally {
    await q.close();
  }
}

beforeAll(async () => {
  redis = new RedisServer(await freePort());
  await redis.start();
  dir = await scratch();
});

afterAll(async () => {
  for (const w of workers) w.kill();
  await redis?.kill();
});

describe('distributed batch failures', () => {
  it('garbage jobs fail once each, unretried, and the worker goes on solving a sweep', async () => {
    const w = startWorker();
    await w.ready();
    const notACase = { plates: 'none' };
    const garbage: unknown[] = [
      null,
      'a string',
      {},
      { input: { file: 'g.json', hash: inputHash(1) }, timeoutMs: 60_000 }, // no raw
      payload(notACase, 'g.json'), // a raw that is not a case
      { ...payload(notACase, 'g.json'), input: { file: 'g.json', hash: 'f'.repeat(64) } }, // a hash not its own
    ];
    const reasons = await withQueue(async (q) => {
      for (const [i, data] of garbage.entries())
        await q.add('case', data as never, {
          jobId: `garbage-${i}`,
          attempts: 3,
          backoff: { type: 'fixed', delay: 100 },
        });
      const jobs = async () => Promise.all(garbage.map((_, i) => q.getJob(`garbage-${i}`)));
      const t0 = Date.now();
      while ((await Promise.all((await jobs()).map((j) => j!.getState()))).some((s) => s !== 'failed')) {
        if (Date.now() - t0 > 30_000) throw new Error('garbage jobs did not all fail within 30 s');
        await sleep(100);
      }
      return (await jobs()).map((j) => ({ attempts: j!.attemptsMade, reason: j!.failedReason }));
    });
    for (const [i, r] of reasons.entries()) {
      expect(r.attempts, `garbage-${i}`).toBe(1);
      expect(r.reason, `garbage-${i}`).toMatch(
        i === 4 ? /invalid case/ : /job payload is not a stackpress case/,
      );
    }
    expect(reasons[0].reason).toMatch(/expected object, received null/);
    expect(reasons[3].reason).toMatch(/raw: missing/);
    expect(reasons[5].reason).toMatch(/input\.hash f{64} is not the sha256 of its raw case/);

    await writeSweep(join(dir, 'garbage'), 8, 5);
    const r = await runStackpress([
      'batch',
      join(dir, 'garbage', 'v*.json'),
      '--queue',
      redis.url,
      '--out',
      join(dir, 'garbage-out'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/8 solved, 0 skipped, 0 failed/);
    const done = w.done();
    expect(new Set(done).size).toBe(8);
    expect(done).toHaveLength(8);
    // still failed after the sweep, each tried once: no retry came in the meantime
    await withQueue(async (q) => {
      for (const i of garbage.keys()) {
        const j = await q.getJob(`garbage-${i}`);
        expect(await j!.getState()).toBe('failed');
        expect(j!.attemptsMade).toBe(1);
      }
    });
    expect(w.process.exitCode).toBeNull();
    w.kill();
    await w.exited;
  }, 180_000);

  it('SIGINT with Redis up: the worker exits 0 within 5 s and its running case goes back to the queue', async () => {
    await flush();
    const w = startWorker();
    await w.ready();
    const raw = await slowCase();
    await withQueue((q) =>
      q.add('case', payload(raw, 'slow.json') as never, { jobId: inputHash(raw), attempts: 3 }),
    );
    await waitFor(() => w.log.some((l) => l.includes(' start ')), 30_000, 'the slow case to start');
    await sleep(500);
    const t0 = Date.now();
    w.process.kill('SIGINT');
    const code = await w.exited;
    const ms = Date.now() - t0;
    expect(code).toBe(0);
    expect(ms).toBeLessThanOrEqual(5000);
    // back in the queue untried, and another worker takes it up
    await withQueue(async (q) => {
      const job = await q.getJob(inputHash(raw));
      expect(await job!.getState()).toBe('waiting');
      expect(job!.attemptsMade).toBe(0);
    });
    const other = startWorker();
    await waitFor(
      () => other.log.some((l) => l.includes(' start ')),
      60_000,
      'another worker to take the case',
    );
    other.kill();
    await other.exited;
    process.stdout.write(`worker stopped by SIGINT (Redis up, solving) in ${ms} ms\n`);
  }, 120_000);

  it('SIGTERM with Redis down: the worker exits 0 within 5 s', async () => {
    await flush();
    const w = startWorker();
    await w.ready();
    const raw = await slowCase();
    await withQueue((q) => q.add('case', payload(raw, 'slow.json') as never, { jobId: inputHash(raw) }));
    await waitFor(() => w.log.some((l) => l.includes(' start ')), 30_000, 'the slow case to start');
    await redis.kill();
    try {
      await waitFor(() => w.log.some((l) => l.includes('Redis unreachable')), 10_000, 'the worker to notice');
      const t0 = Date.now();
      w.process.kill('SIGTERM');
      const code = await w.exited;
      const ms = Date.now() - t0;
      expect(code).toBe(0);
      expect(ms).toBeLessThanOrEqual(5000);
      expect(w.log.join('\n')).not.toMatch(stackTrace);
      process.stdout.write(`worker stopped by SIGTERM (Redis down) in ${ms} ms\n`);
    } finally {
      await redis.start();
    }
  }, 120_000);

  it('Redis killed and restarted empty mid-sweep: the submitter finishes, no case lost, none solved twice', async () => {
    await flush();
    const w1 = startWorker();
    const w2 = startWorker();
    await Promise.all([w1.ready(), w2.ready()]);
    await writeSweep(join(dir, 'restart'), 12, 4);
    const out = join(dir, 'restart-out');
    const submitter = runStackpress([
      'batch',
      join(dir, 'restart', 'v*.json'),
      '--queue',
      redis.url,
      '--out',
      out,
    ]);
    const solved = () => w1.done().length + w2.done().length;
    await waitFor(() => solved() >= 3, 120_000, 'three finished cases');
    await redis.kill();
    const doneAtKill = solved();
    await sleep(1000);
    await redis.start();
    const r = await submitter;
    expect(doneAtKill).toBeLessThan(12);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/12 solved, 0 skipped, 0 failed/);
    expect(r.stderr).toMatch(/Redis reachable again/);
    expect(r.stderr).not.toMatch(stackTrace);
    const done = [...w1.done(), ...w2.done()];
    const logs = ['worker 1:', ...w1.log, 'worker 2:', ...w2.log, 'submitter:', r.stderr].join('\n');
    expect(new Set(done).size, logs).toBe(12);
    expect(done, logs).toHaveLength(12);
    const summary = (await readFile(join(out, 'summary.csv'), 'utf8')).trim().split('\n').slice(1);
    expect(summary).toHaveLength(12);
    for (const row of summary) expect(row.split(',')[2]).toBe('ok');
    for (const w of [w1, w2]) expect(w.log.join('\n')).not.toMatch(stackTrace);
    const reused = [...w1.log, ...w2.log].filter((l) => / reused /.test(l)).length;
    const requeued = r.stderr.match(/(\d+) case\(s\) had vanished/)?.[1] ?? '0';
    process.stdout.write(
      `restart: ${doneAtKill} of 12 done at the kill, ${requeued} queued again, ${reused} answered from kept results\n`,
    );
    w1.kill();
    w2.kill();
  }, 240_000);

  it('a submitter that cannot reach Redis gives up after --queue-timeout: exit 1, Redis and the URL named, no stack', async () => {
    await writeSweep(join(dir, 'unreachable'), 3, 5);
    const port = await freePort();
    const out = join(dir, 'unreachable-out');
    const t0 = Date.now();
    const r = await runStackpress([
      'batch',
      join(dir, 'unreachable', 'v*.json'),
      '--queue',
      `redis://127.0.0.1:${port}`,
      '--out',
      out,
      '--queue-timeout',
      '2',
    ]);
    const ms = Date.now() - t0;
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`Redis unreachable at redis://127.0.0.1:${port}`);
    expect(r.stderr).toMatch(/giving up/);
    expect(r.stderr).not.toMatch(stackTrace);
    expect(r.stderr).not.toMatch(/Unhandled error event/);
    const errors = JSON.parse(await readFile(join(out, 'errors.json'), 'utf8'));
    expect(errors).toHaveLength(3);
    for (const e of errors) expect(e.error).toMatch(/not solved: Redis unreachable/);
    expect((await readFile(join(out, 'summary.csv'), 'utf8')).trim().split('\n')).toHaveLength(4);
    // 2 s of patience, tsx start-up and the closing; nowhere near a hang
    expect(ms).toBeLessThan(20_000);
    process.stdout.write(`unreachable submitter gave up after ${ms} ms (--queue-timeout 2)\n`);
  }, 60_000);
});
