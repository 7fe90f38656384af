import { createHash } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';

/** Key prefix used when none is given; tests pass their own so they never share keys. */
export const DEFAULT_REDIS_PREFIX = 'roster:';

/**
 * Opens a Redis connection that fails fast while Redis is unreachable and keeps reconnecting in
 * the background. Nothing is queued while disconnected, so no HTTP request waits on Redis: callers
 * catch the error and fall back to this instance's own view.
 */
export function createRedisClient(url: string, overrides: RedisOptions = {}): Redis {
  const client = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    // A half-open socket (no RST, no FIN) would otherwise hold a command until the OS gives up.
    commandTimeout: 1_000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1_000),
    // Commands issued in the same tick (concurrent requests' heartbeats, say) go out in one write
    // and come back in one read: fewer system calls on both ends under load, no wait when idle.
    enableAutoPipelining: true,
    ...overrides,
  });
  // ioredis emits 'error' on every failed reconnect; without a listener Node prints each one.
  client.on('error', () => {});
  return client;
}

/** Ends a connection whether or not it is currently up; QUIT alone rejects while disconnected. */
export async function closeRedisClient(client: Redis): Promise<void> {
  if (client.status === 'end') {
    return;
  }
  if (client.status === 'ready') {
    try {
      await client.quit();
      return;
    } catch {
      // Fall through: the connection dropped between the check and the QUIT.
    }
  }
  client.disconnect();
}

/**
 * A Lua script run by its SHA1, sent in full only when the server does not know it yet (first use,
 * or after Redis restarted and lost its script cache).
 */
export class LuaScript {
  private readonly sha: string;

  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  /** Runs the script atomically on `client`; rejects when Redis is unreachable. */
  async run(client: Redis, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await client.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('NOSCRIPT')) {
        return client.eval(this.source, keys.length, ...keys, ...args);
      }
      throw error;
    }
  }
}
