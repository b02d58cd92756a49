import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { bin, repo } from '../cli/cliHarness';

/**
 * Real processes for the distributed tests: a redis-server without persistence on a free
 * loopback port (stopped with SIGKILL and restarted on the same port, all keys gone), and
 * `stackpress worker` processes whose stdout lines are collected.
 */

/** A loopback port nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export const waitFor = async (what: () => boolean, ms: number, label = 'condition'): Promise<void> => {
  const t0 = Date.now();
  while (!what()) {
    if (Date.now() - t0 > ms) throw new Error(`timed out after ${ms} ms waiting for ${label}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

/** A redis-server on `port` that can be killed and started again (empty: no RDB, no AOF). */
export class RedisServer {
  private process: ChildProcess | null = null;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const p = spawn('redis-server', [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ]);
    this.process = p;
    let out = '';
    p.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    p.on('error', (e) => {
      out += `redis-server could not start (apt-get install -y redis-server): ${e.message}`;
    });
    await waitFor(
      () => out.includes('Ready to accept connections') || p.exitCode !== null,
      10_000,
      'redis-server',
    );
    if (p.exitCode !== null) throw new Error(`redis-server exited: ${out}`);
  }

  /** SIGKILL: no shutdown save, connections drop at once. */
  async kill(): Promise<void> {
    const p = this.process;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGKILL');
    await exited;
    this.process = null;
  }
}

/** A spawned `stackpress worker` and the lines it printed. */
export class WorkerProcess {
  readonly log: string[] = [];
  readonly process: ChildProcess;
  readonly exited: Promise<number | null>;
  constructor(url: string, extra: string[] = []) {
    this.process = spawn(process.execPath, [bin, 'worker', '--queue', url, '--lock-ms', '2000', ...extra], {
      cwd: repo,
    });
    let partial = '';
    this.process.stdout!.on('data', (d: Buffer) => {
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop()!;
      this.log.push(...lines.filter(Boolean));
    });
    this.process.stderr!.on('data', (d: Buffer) =>
      this.log.push(...d.toString().split('\n').filter(Boolean)),
    );
    this.exited = new Promise((r) => this.process.once('exit', (code) => r(code)));
  }

  ready(): Promise<void> {
    return waitFor(() => this.log.some((l) => l.includes('worker ready')), 60_000, 'worker ready');
  }

  /** Short hashes of the cases this worker solved (its `done` lines). */
  done(): string[] {
    return this.log.filter((l) => / done /.test(l)).map((l) => l.match(/\[(\w+)\]/)![1]);
  }

  kill(): void {
    if (this.process.exitCode === null) this.process.kill('SIGKILL');
  }
}

/**
 * Write `count` variants of a shipped case (preload 5000 N + 100 N each) with mesh size `mesh` [mm]
 * as v00.json, v01.json, … into `dir`.
 */
export async function writeSweep(dir: string, count: number, mesh: number, base = 'fig5b-springs-gaskets') {
  await mkdir(dir, { recursive: true });
  const raw = JSON.parse(await readFile(join(repo, 'cases', `${base}.json`), 'utf8'));
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      writeFile(
        join(dir, `v${String(i).padStart(2, '0')}.json`),
        JSON.stringify({
          ...raw,
          name: `v${i}`,
          mesh: { size: mesh },
          bolts: { ...raw.bolts, preload: { force: 5000 + 100 * i } },
        }),
      ),
    ),
  );
}
