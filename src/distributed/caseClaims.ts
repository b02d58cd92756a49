import type { Redis } from 'ioredis';
import { QUEUE_NAME } from './redisConnection';

/**
 * How long a result put aside by a worker stays in Redis [s]: long enough for the submitter to
 * notice that the job vanished and to fetch it, short enough that the copies do not pile up.
 */
const PUT_ASIDE_SECONDS = 3600;

const claimKey = (hash: string) => `${QUEUE_NAME}:claim:${hash}`;
const resultKey = (hash: string) => `${QUEUE_NAME}:result:${hash}`;

// Take the claim when it is free or already ours (then only its expiry is renewed); answer the holder.
const CLAIM = `local v = redis.call('get', KEYS[1])
if v == false or v == ARGV[1] then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return ARGV[1] end
return v`;
// Drop the claim only while it is still ours.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0`;

/** A result some worker put aside for `hash` (the JSON of its EncodedArtifacts), or null. */
export async function putAsideResult(client: Redis, hash: string): Promise<string | null> {
  return client.get(resultKey(hash));
}

/**
 * Which worker is solving which case, beside BullMQ's own job locks. A Redis restart without
 * persistence loses the jobs and their locks while the workers go on solving; the submitter then
 * queues those cases again. Each worker re-asserts its claims as soon as it reconnects, and a
 * worker that gets a case claimed by another puts the job back for later instead of solving it
 * too. A claimant whose job is gone puts its result aside (`putAside`) for whoever picks the job next.
 * Claims expire after `ttlMs` unless renewed, so a dead worker's cases go to others.
 */
export class CaseClaims {
  private readonly held = new Set<string>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly client: Redis,
    /** this worker's id, unique per process */
    readonly owner: string,
    /** a claim not renewed for this long expires [ms] */
    private readonly ttlMs: number,
  ) {
    this.timer = setInterval(() => void this.renew(), Math.max(100, ttlMs / 3));
    this.timer.unref();
  }

  /** Claim the case for this worker; resolves to the claim's holder (this worker's id when taken). */
  async claim(hash: string): Promise<string> {
    const holder = String(await this.client.eval(CLAIM, 1, claimKey(hash), this.owner, this.ttlMs));
    if (holder === this.owner) this.held.add(hash);
    return holder;
  }

  /** Give the claim up (if still ours). */
  async release(hash: string): Promise<void> {
    this.held.delete(hash);
    await this.client.eval(RELEASE, 1, claimKey(hash), this.owner);
  }

  /** Renew every claim this worker holds, re-creating those a restarted Redis lost. */
  async renew(): Promise<void> {
    // commands sent while disconnected would pile up in ioredis's offline queue; the reconnect renews
    if (this.client.status !== 'ready') return;
    await Promise.all([...this.held].map((h) => this.claim(h).catch(() => {})));
  }

  /** Store a finished result where the next worker (or the submitter) given this case finds it. */
  async putAside(hash: string, json: string): Promise<void> {
    await this.client.set(resultKey(hash), json, 'EX', PUT_ASIDE_SECONDS);
  }

  close(): void {
    clearInterval(this.timer);
  }
}
