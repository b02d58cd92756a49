import type { Redis } from 'ioredis';

/** Error codes and messages of a Redis server that cannot be reached (as opposed to one that refuses a command). */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
]);

/** Whether `e` says only that Redis is out of reach (those are reported as an outage, not one by one). */
export function isConnectionError(e: unknown): boolean {
  const err = e as { code?: unknown; message?: unknown; name?: unknown };
  if (typeof err?.code === 'string' && CONNECTION_CODES.has(err.code)) return true;
  const message = typeof err?.message === 'string' ? err.message : '';
  return (
    err?.name === 'ConnectionClosedError' ||
    /Connection is closed|connect E[A-Z]+|ECONNREFUSED|ECONNRESET|Stream isn't writeable|socket hang up/.test(
      message,
    )
  );
}

/**
 * Follows one ioredis client's connection: since when Redis has been out of reach, and a call
 * on every reconnection after the first connection (a restarted server may have lost its keys).
 * It also swallows the client's connection errors, which ioredis would otherwise print as
 * "Unhandled error event" stack dumps.
 */
export class RedisReachability {
  /** epoch ms since Redis is out of reach (at first: since the client was made); null while connected */
  private lostAt: number | null = Date.now();
  private readyAt = 0;
  private everReady = false;
  /** whether the lost-listeners heard of the current outage */
  private announced = false;
  private readonly reconnectListeners: ((downMs: number) => void)[] = [];
  private readonly lostListeners: (() => void)[] = [];

  constructor(client: Redis, onOtherError: (e: Error) => void = () => {}) {
    client.on('ready', () => {
      const downMs = this.lostAt === null ? 0 : Date.now() - this.lostAt;
      this.lostAt = null;
      this.announced = false;
      this.readyAt = Date.now();
      const again = this.everReady;
      this.everReady = true;
      if (again) for (const l of this.reconnectListeners) l(downMs);
    });
    // a lost connection, or a first connection that fails: announced once per outage
    const lost = () => {
      this.lostAt ??= Date.now();
      if (this.announced) return;
      this.announced = true;
      for (const l of this.lostListeners) l();
    };
    client.on('close', lost);
    client.on('end', lost);
    client.on('error', (e: Error) => {
      if (isConnectionError(e)) lost();
      else onOtherError(e);
    });
  }

  /** How long Redis has been out of reach [ms]; 0 while connected. */
  unreachableMs(now = Date.now()): number {
    return this.lostAt === null ? 0 : now - this.lostAt;
  }

  /** How long the current connection has been up [ms]; 0 while out of reach. */
  connectedMs(now = Date.now()): number {
    return this.lostAt === null ? now - this.readyAt : 0;
  }

  /** `listener(downMs)` after each reconnection that follows a lost connection. */
  onReconnect(listener: (downMs: number) => void): void {
    this.reconnectListeners.push(listener);
  }

  /** `listener()` once per outage: a lost connection, or a first connection that fails. */
  onLost(listener: () => void): void {
    this.lostListeners.push(listener);
  }
}
