import { type ChildProcess, spawn } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, repo, runStackpress, scratch } from '../cli/cliHarness';
import { RedisServer } from './redisHarness';

/**
 * The distributed batch end to end: a real redis-server on loopback, two `stackpress worker`
 * processes and a `batch --queue` submitter on a 20-case sweep; one worker is killed while it
 * holds a case. Every case must complete exactly once, with results identical to the local batch.
 */
const redis = new RedisServer(20000 + Math.floor(Math.random() * 20000));
const url = redis.url;
let dir: string;
const children: ChildProcess[] = [];

function startWorker(log: string[]): ChildProcess {
  const w = spawn(process.execPath, [bin, 'worker', '--queue', url, '--lock-ms', '2000'], { cwd: repo });
  w.stdout!.on('data', (d: Buffer) => log.push(...d.toString().split('\n').filter(Boolean)));
  children.push(w);
  return w;
}

const waitFor = async (what: () => boolean, ms: number) => {
  const t0 = Date.now();
  while (!what()) {
    if (Date.now() - t0 > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
};

/**
 * result.json without `effort`, the one block that depends on the process and its history by
 * design (times, threads, what the solver session reused); everything the case determines is compared.
 */
async function summaryOf(folder: string) {
  const r = JSON.parse(await readFile(join(folder, 'result.json'), 'utf8'));
  delete r.effort;
  return r;
}

beforeAll(async () => {
  await redis.start();
  dir = await scratch();
  const base = JSON.parse(await readFile(join(repo, 'cases/fig5b-springs-gaskets.json'), 'utf8'));
  await Promise.all(
    Array.from({ length: 20 }, (_, i) => {
      const c = {
        ...base,
        name: `v${i}`,
        mesh: { size: 4 },
        bolts: { ...base.bolts, preload: { force: 5000 + 100 * i } },
      };
      return writeFile(join(dir, `v${String(i).padStart(2, '0')}.json`), JSON.stringify(c));
    }),
  );
  await new Promise((r) => setTimeout(r, 300));
});

afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  void redis.kill();
});

describe('batch on a BullMQ queue', () => {
  it('survives a killed worker: every case once, identical to the local batch', async () => {
    const local = await runStackpress(['batch', dir, '--out', join(dir, 'local'), '--jobs', '2']);
    expect(local.code).toBe(0);

    const log1: string[] = [];
    const log2: string[] = [];
    const w1 = startWorker(log1);
    startWorker(log2);
    await waitFor(
      () => log1.some((l) => l.includes('worker ready')) && log2.some((l) => l.includes('worker ready')),
      60_000,
    );
    const submitter = runStackpress([
      'batch',
      join(dir, 'v*.json'),
      '--queue',
      url,
      '--out',
      join(dir, 'remote'),
    ]);
    // kill worker 1 while it holds a case: after one finished case, at its next start
    await waitFor(
      () => log1.filter((l) => l.includes(' done ')).length >= 1 && log1.at(-1)!.includes(' start '),
      120_000,
    );
    w1.kill('SIGKILL');
    const killedCase = log1.at(-1)!.match(/\[(\w+)\]/)![1];
    const remote = await submitter;
    expect(remote.code, remote.stderr).toBe(0);

    // exactly once: 20 distinct cases finished, none twice; the killed worker's case finished on worker 2
    const done = [...log1, ...log2].filter((l) => l.includes(' done ')).map((l) => l.match(/\[(\w+)\]/)![1]);
    expect(new Set(done).size).toBe(20);
    expect(done.length).toBe(20);
    expect(log2.some((l) => l.includes(' done ') && l.includes(killedCase))).toBe(true);

    // identical to the local batch, file for file
    const folders = (await readdir(join(dir, 'local'), { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders).toHaveLength(20);
    for (const f of folders) {
      for (const file of ['pressure.csv', 'pressure.png', 'deflection.png', 'result.vtu']) {
        expect(await readFile(join(dir, 'remote', f, file))).toEqual(
          await readFile(join(dir, 'local', f, file)),
        );
      }
      const a = await summaryOf(join(dir, 'local', f));
      const b = await summaryOf(join(dir, 'remote', f));
      expect(b.input.hash).toBe(a.input.hash);
      delete a.input;
      delete b.input;
      expect(b).toEqual(a);
    }
  }, 300_000);

  it('submitting the sweep again redoes nothing: results come from Redis with no worker running', async () => {
    for (const c of children) c.kill('SIGKILL');
    const again = await runStackpress([
      'batch',
      join(dir, 'v*.json'),
      '--queue',
      url,
      '--out',
      join(dir, 'again'),
    ]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/20 solved/);
    const a = await readFile(join(dir, 'remote', 'v07', 'pressure.csv'));
    expect(await readFile(join(dir, 'again', 'v07', 'pressure.csv'))).toEqual(a);
  }, 120_000);
});
