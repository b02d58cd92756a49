import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Queue, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inputHash } from '../../src/cli/inputHash';
import { startQueueWorker } from '../../src/distributed/queueWorker';
import { QUEUE_NAME } from '../../src/distributed/redisConnection';
import { decodeToleranceFile } from '../../src/presentation/toleranceFile';
import { planToleranceStudy } from '../../src/tolerance/toleranceStudy';
import { freePort, RedisServer } from '../distributed/redisHarness';
import { coarseCase, runCliCaptured, scratch } from './cliHarness';

/**
 * A case named `inject-fail` has draws 1 and 3 spoiled on their way out (a mesh size the schema
 * refuses), so the worker that takes them fails them, as it fails a draw its solver cannot
 * solve; every other draw, and every other case, goes out as planned.
 */
vi.mock('../../src/tolerance/toleranceStudy', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/tolerance/toleranceStudy')>();
  return {
    ...mod,
    planToleranceStudy: (...args: Parameters<typeof mod.planToleranceStudy>) => {
      const plan = mod.planToleranceStudy(...args);
      if (plan.checked.case.name !== 'inject-fail') return plan;
      return {
        ...plan,
        draw: (i: number) => {
          const d = plan.draw(i);
          return i === 1 || i === 3 ? { ...d, input: { ...d.input, mesh: { size: -1 } } } : d;
        },
      };
    },
  };
});

/** samples.csv without its effort columns (factorizations made and reused differ by where a draw ran). */
async function samplesWithoutEffort(path: string): Promise<string[]> {
  const rows = (await readFile(path, 'utf8')).trim().split('\n');
  const header = rows[0].split(',');
  const keep = header.map((h, k) => (h.startsWith('factorizations') ? -1 : k)).filter((k) => k >= 0);
  expect(keep.length).toBe(header.length - 2);
  return rows.map((r) => {
    const cells = r.split(',');
    return keep.map((k) => cells[k]).join(',');
  });
}

/** tolerance.json with the effort (times, factorizations) and the input file name dropped. */
async function studyWithoutEffort(path: string): Promise<string> {
  const json = JSON.parse(await readFile(path, 'utf8'));
  const effort = new Set(['effort', 'factorizations', 'factorizationsReused', 'file']);
  return JSON.stringify(json, (k, v) => (effort.has(k) ? undefined : v));
}

let dir: string;
let file: string;
/** the default case as `inject-fail`: its draws 1 and 3 fail on the worker */
let spoiled: string;
let inProcess: Awaited<ReturnType<typeof runCliCaptured>>;

beforeAll(async () => {
  dir = await scratch();
  // the default case (swelling, springs, pads) at 10 mm: a draw solves in a few tens of ms
  file = await coarseCase(dir, 'default', 10);
  spoiled = join(dir, 'inject-fail.json');
  await writeFile(
    spoiled,
    JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), name: 'inject-fail' }),
  );
  inProcess = await runCliCaptured([
    'solve',
    file,
    '--samples',
    '6',
    '--seed',
    '3',
    '--out',
    join(dir, 'local'),
  ]);
  expect(inProcess.code, inProcess.stderr).toBe(0);
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('solve --samples --workers 2', () => {
  let pool: Awaited<ReturnType<typeof runCliCaptured>>;
  beforeAll(async () => {
    pool = await runCliCaptured([
      'solve',
      file,
      '--samples',
      '6',
      '--seed',
      '3',
      '--workers',
      '2',
      '--out',
      join(dir, 'pool'),
    ]);
  }, 180_000);

  it('writes the study folder with the same files as in process', async () => {
    expect(pool.code, pool.stderr).toBe(0);
    expect((await readdir(join(dir, 'pool/default'))).sort()).toEqual(
      (await readdir(join(dir, 'local/default'))).sort(),
    );
  });

  it('gives samples.csv with the same inputs and metrics, number for number', async () => {
    const local = await samplesWithoutEffort(join(dir, 'local/default/samples.csv'));
    expect(local).toHaveLength(7);
    expect(await samplesWithoutEffort(join(dir, 'pool/default/samples.csv'))).toEqual(local);
  });

  it('gives the same distributions and maps in tolerance.json', async () => {
    expect(await studyWithoutEffort(join(dir, 'pool/default/tolerance.json'))).toBe(
      await studyWithoutEffort(join(dir, 'local/default/tolerance.json')),
    );
  });

  it('shows its progress per draw as in process', () => {
    expect(pool.stderr).toContain('stackpress: default: draw 6/6, 0 failed');
    expect(pool.stdout).toMatch(/default: 6 draws, seed 3, 6 solved, 0 failed/);
  });

  it('reports injected failing draws by index, writes the rest, and exits 1', async () => {
    const r = await runCliCaptured([
      'solve',
      spoiled,
      '--samples',
      '5',
      '--workers',
      '2',
      '--out',
      join(dir, 'pool-fail'),
    ]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/2 of 5 draws failed: 1, 3 /);
    const { result } = decodeToleranceFile(
      await readFile(join(dir, 'pool-fail/inject-fail/tolerance.json'), 'utf8'),
    );
    expect(result.failed).toEqual([1, 3]);
    expect(result.draws.map((d) => d.status)).toEqual(['ok', 'failed', 'ok', 'failed', 'ok']);
    expect(result.draws[1].error).toMatch(/mesh\.size/);
    // the failed draws' own inputs, unspoiled, to run alone
    const draw1 = JSON.parse(await readFile(join(dir, 'pool-fail/inject-fail/draw-1.json'), 'utf8'));
    expect(draw1.mesh).toEqual({ size: 10 });
  }, 180_000);
});

describe('solve --samples --workers --timeout', () => {
  it('fails a draw over the time limit by its index, as a timed-out draw', async () => {
    // the default case at 0.8 mm: a draw's solve takes several seconds, far past 1 s
    const slow = await coarseCase(dir, 'default', 0.8, 'slow');
    const r = await runCliCaptured([
      'solve',
      slow,
      '--samples',
      '2',
      '--workers',
      '2',
      '--timeout',
      '1',
      '--out',
      join(dir, 'slow'),
    ]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/2 of 2 draws failed: 0, 1 /);
    const { result } = decodeToleranceFile(await readFile(join(dir, 'slow/slow/tolerance.json'), 'utf8'));
    expect(result.draws.map((d) => d.error)).toEqual(['timed out after 1 s', 'timed out after 1 s']);
  }, 120_000);
});

describe('solve --samples option checks', () => {
  it.each([
    [['--workers', '1'], /--workers must be a whole number ≥ 2/],
    [['--workers', 'two'], /--workers must be a whole number ≥ 1, got "two"/],
    [['--workers', '2', '--queue', 'redis://127.0.0.1:1'], /cannot be used with option '--workers/],
    [['--queue', 'http://example.com'], /redis/i],
    [['--workers', '64', '--max-memory', '300'], /--workers: 64 — 6 worker threads would need about \d+ MiB/],
  ])('refuses %j with exit 2 before solving', async (args, message) => {
    const r = await runCliCaptured(['solve', file, '--samples', '6', ...args, '--out', join(dir, 'refused')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('refuses --workers for a run without a study', async () => {
    const r = await runCliCaptured(['solve', file, '--workers', '2', '--out', join(dir, 'refused')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /--workers: 2 — sends the draws of tolerance studies out, and no case here is one/,
    );
  });
});

describe('solve --samples --queue without Redis', () => {
  it('writes no study when the queue gives up: its draws were never solved, not failed', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const r = await runCliCaptured([
      'solve',
      file,
      '--samples',
      '3',
      '--queue',
      url,
      '--queue-timeout',
      '2',
      '--out',
      join(dir, 'no-redis'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /the queue gave up \(Redis unreachable .*\) with 3 of 3 draws not solved; the study was not written/,
    );
    await expect(readdir(join(dir, 'no-redis'))).rejects.toThrow(/ENOENT/);
  }, 60_000);
});

describe('solve --samples --queue', () => {
  let redis: RedisServer;
  let worker: { close(): Promise<void> };
  const log: string[] = [];
  beforeAll(async () => {
    redis = new RedisServer(await freePort());
    await redis.start();
    // a `stackpress worker` in this process: its solves run on a worker thread from the sources
    worker = startQueueWorker(redis.url, { concurrency: 1, lockMs: 5000, log: (l) => log.push(l) });
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await redis?.kill();
  });

  it('gives the same samples.csv and tolerance.json as in process', async () => {
    const r = await runCliCaptured([
      'solve',
      file,
      '--samples',
      '6',
      '--seed',
      '3',
      '--queue',
      redis.url,
      '--out',
      join(dir, 'queue'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(await samplesWithoutEffort(join(dir, 'queue/default/samples.csv'))).toEqual(
      await samplesWithoutEffort(join(dir, 'local/default/samples.csv')),
    );
    expect(await studyWithoutEffort(join(dir, 'queue/default/tolerance.json'))).toBe(
      await studyWithoutEffort(join(dir, 'local/default/tolerance.json')),
    );
    expect(log.filter((l) => /^done .* draw \d /.test(l))).toHaveLength(6);
  }, 180_000);

  it('takes a draw over from a worker that dies holding it, and loses none', async () => {
    // a worker that takes one draw and dies with it: its lock is never renewed
    const taken: string[] = [];
    const dying = new Worker(QUEUE_NAME, () => new Promise(() => {}), {
      connection: { host: '127.0.0.1', port: redis.port },
      concurrency: 1,
      lockDuration: 2000,
    });
    dying.on('active', (job) => {
      taken.push(String(job.data?.input?.file));
      void dying.close(true);
    });
    const r = await runCliCaptured([
      'solve',
      file,
      '--samples',
      '6',
      '--seed',
      '4',
      '--queue',
      redis.url,
      '--out',
      join(dir, 'queue-died'),
    ]);
    expect(taken).toHaveLength(1);
    expect(r.code, r.stderr).toBe(0);
    const { result } = decodeToleranceFile(
      await readFile(join(dir, 'queue-died/default/tolerance.json'), 'utf8'),
    );
    expect(result.failed).toEqual([]);
    expect(result.draws.map((d) => d.index)).toEqual([0, 1, 2, 3, 4, 5]);
    // the draw the dead worker held was solved by the live one
    const held = taken[0].match(/draw (\d+)$/)?.[1];
    expect(log.some((l) => new RegExp(`^done .* draw ${held} `).test(l))).toBe(true);
  }, 180_000);

  it('refuses tampered draw payloads once each, as it refuses any case, and then solves a study', async () => {
    const raw = JSON.parse(await readFile(file, 'utf8'));
    const draw = planToleranceStudy(raw, { samples: 6, seed: 3 }).draw(2).input as Record<string, unknown>;
    const hash = inputHash(draw);
    const changed = { ...draw, bolts: { ...(draw.bolts as object), preload: { force: 1 } } };
    const invalid = { ...draw, mesh: { size: -1 } };
    const tampered: [string, unknown, RegExp][] = [
      [
        'changed',
        { raw: changed, input: { file: 'd.json', hash }, timeoutMs: 60_000 },
        /is not the sha256 of its raw case/,
      ],
      [
        'invalid',
        { raw: invalid, input: { file: 'd.json', hash: inputHash(invalid) }, timeoutMs: 60_000 },
        /mesh\.size/,
      ],
      ['no-limit', { raw: draw, input: { file: 'd.json', hash }, timeoutMs: -1 }, /timeoutMs/],
    ];
    const queue = new Queue(QUEUE_NAME, { connection: { host: '127.0.0.1', port: redis.port } });
    try {
      for (const [id, data] of tampered)
        await queue.add('case', data as never, {
          jobId: `tampered-${id}`,
          attempts: 3,
          backoff: { type: 'fixed', delay: 100 },
        });
      const states = async () => Promise.all(tampered.map(([id]) => queue.getJobState(`tampered-${id}`)));
      const t0 = Date.now();
      while ((await states()).some((s) => s !== 'failed')) {
        if (Date.now() - t0 > 60_000) throw new Error('the tampered jobs did not all fail within 60 s');
        await new Promise((r) => setTimeout(r, 100));
      }
      for (const [id, , reason] of tampered) {
        const job = await queue.getJob(`tampered-${id}`);
        expect(job?.attemptsMade, id).toBe(1);
        expect(job?.failedReason, id).toMatch(reason);
      }
    } finally {
      await queue.close();
    }
    // the same worker goes on: a study with injected failures through it
    const r = await runCliCaptured([
      'solve',
      spoiled,
      '--samples',
      '5',
      '--queue',
      redis.url,
      '--out',
      join(dir, 'queue-fail'),
    ]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toMatch(/2 of 5 draws failed: 1, 3 /);
    const { result } = decodeToleranceFile(
      await readFile(join(dir, 'queue-fail/inject-fail/tolerance.json'), 'utf8'),
    );
    expect(result.failed).toEqual([1, 3]);
    expect(result.draws.filter((d) => d.status === 'ok').map((d) => d.index)).toEqual([0, 2, 4]);
    // a case the worker refuses is not tried again: one try each
    expect(log.filter((l) => /failed .*inject-fail\.json draw [13] .*try 1/.test(l))).toHaveLength(2);
    expect(log.some((l) => /try 2/.test(l))).toBe(false);
  }, 180_000);
});
