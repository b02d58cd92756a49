import type { ConnectionOptions } from 'bullmq';
import { InvalidArgumentError } from 'commander';

/** The BullMQ queue every submitter and worker of stackpress shares. */
export const QUEUE_NAME = 'stackpress-cases';

/** Connection options from `redis://[user:password@]host:port[/db]`. */
export function redisConnection(url: string): ConnectionOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new InvalidArgumentError(`--queue must be a URL like redis://127.0.0.1:6379, got "${url}"`);
  }
  if (u.protocol !== 'redis:')
    throw new InvalidArgumentError(`--queue must start with redis://, got "${url}"`);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0)
    throw new InvalidArgumentError(`--queue database must be a whole number, got "${u.pathname.slice(1)}"`);
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db,
    // BullMQ workers block on Redis; let ioredis retry for ever rather than fail a long sweep
    maxRetriesPerRequest: null,
  };
}

/** What a queued case carries: the resolved case and where it came from. */
export interface QueuedCase {
  raw: unknown;
  input: { file: string; hash: string };
  /** per-case time limit [ms] */
  timeoutMs: number;
}
