import { InvalidArgumentError } from 'commander';
import type { RedisOptions } from 'ioredis';

/** The BullMQ queue every submitter and worker of stackpress shares. */
export const QUEUE_NAME = 'stackpress-cases';

/**
 * Longest pause between two reconnection attempts [ms]. Short, so that after a Redis restart
 * every worker and submitter is back within about a second: the submitter waits a little longer
 * than this before it re-queues vanished cases (see `queueRunner.ts`).
 */
export const RECONNECT_MAX_MS = 1000;

/** commander parser for `--queue`: a `redis://[user:password@]host:port[/db]` URL. */
export function redisUrl(url: string): string {
  redisConnection(url);
  return url;
}

/** ioredis options that BullMQ accepts as well (its type of `retryStrategy` is narrower). */
export type RedisConnectionOptions = Omit<RedisOptions, 'retryStrategy'> & {
  retryStrategy: (times: number) => number | null;
};

/**
 * Connection options from `redis://[user:password@]host:port[/db]`. Clients made from them
 * reconnect for ever, until `until` aborts: then they give up at their next attempt, so that a
 * client BullMQ cannot close while Redis is away (it waits for a connection first) does not keep
 * the process alive.
 */
export function redisConnection(url: string, until?: AbortSignal): RedisConnectionOptions {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new InvalidArgumentError(`--queue must be a URL like redis://127.0.0.1:6379, got "${url}"`);
  }
  if (u.protocol !== 'redis:')
    throw new InvalidArgumentError(`--queue must start with redis://, got "${url}"`);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  if (!Number.isInteger(db) || db < 0 || db > 65535)
    throw new InvalidArgumentError(
      `--queue database must be a whole number 0–65535, got "${u.pathname.slice(1)}"`,
    );
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db,
    // BullMQ workers block on Redis; let ioredis retry for ever rather than fail a long sweep
    // (the submitter bounds the wait itself with --queue-timeout)
    maxRetriesPerRequest: null,
    retryStrategy: (times: number) => (until?.aborted ? null : Math.min(100 * times, RECONNECT_MAX_MS)),
    // a closed client's socket is destroyed after this long [ms] (ioredis waits 2 s, which a
    // process that ends right after a give-up would sit out)
    disconnectTimeout: 500,
  };
}

/** `url` without its password, for messages. */
export function shownUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString().replace(/\/$/, '');
}
