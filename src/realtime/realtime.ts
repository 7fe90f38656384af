import type { Config } from '../config.js';
import { type EventBus, LocalEventBus } from '../core/events/bus.js';
import type { PresenceStore } from '../core/presence/presence-store.js';
import { AuthFailureLimiter } from './auth-failures.js';
import { MemoryPresenceStore } from './memory-presence-store.js';
import { MemoryRateLimiter, type RateLimit, type RateLimiter, RedisRateLimiter } from './rate-limiter.js';
import { closeRedisClient, createRedisClient } from './redis-client.js';
import { RedisEventBus } from './redis-event-bus.js';
import { ResilientPresenceStore } from './resilient-presence-store.js';

/** The live services of one instance: presence and event fan-out. */
export interface Realtime {
  events: EventBus;
  presence: PresenceStore;
  /** Per-key rate limits (shared through Redis when it is configured); null when turned off. */
  limiter: RateLimiter | null;
  /** Failed authentication per client address (shared through Redis the same way); null when off. */
  authFailures: AuthFailureLimiter | null;
  /** Redis connection state for the metrics: null when Redis is not configured. */
  redisState(): 'up' | 'down' | null;
  close(): Promise<void>;
}

/** How long startup waits for Redis before serving from the local view (it catches up later). */
const STARTUP_WAIT_MS = 2_000;

/** In process by default; through Redis when `REDIS_URL` is set. */
export async function createRealtime(
  config: Pick<Config, 'redisUrl' | 'presenceTtlSeconds'> &
    Partial<
      Pick<Config, 'rateLimitPerMinute' | 'rateLimitBurst' | 'authFailuresPerMinute' | 'authFailuresBurst'>
    >,
): Promise<Realtime> {
  const ttlMs = config.presenceTtlSeconds * 1000;
  const limit =
    (config.rateLimitPerMinute ?? 0) > 0
      ? { perMinute: config.rateLimitPerMinute ?? 0, burst: config.rateLimitBurst ?? 1 }
      : null;
  const failures =
    (config.authFailuresPerMinute ?? 0) > 0
      ? { perMinute: config.authFailuresPerMinute ?? 0, burst: config.authFailuresBurst ?? 1 }
      : null;
  if (config.redisUrl) {
    return createRedisRealtime(config.redisUrl, ttlMs, limit, failures);
  }
  const events = new LocalEventBus();
  const presence = new MemoryPresenceStore(ttlMs);
  const limiter = limit === null ? null : new MemoryRateLimiter(limit);
  const authFailures = failures === null ? null : new AuthFailureLimiter(new MemoryRateLimiter(failures));
  return {
    events,
    presence,
    limiter,
    authFailures,
    redisState: () => null,
    close: async () => {
      await limiter?.close();
      await authFailures?.close();
      await presence.close();
      await events.close();
    },
  };
}

/** Presence and fan-out shared by every instance through Redis, degrading to the local view. */
async function createRedisRealtime(
  url: string,
  ttlMs: number,
  limit: RateLimit | null,
  failures: RateLimit | null,
): Promise<Realtime> {
  const client = createRedisClient(url);
  const presence = new ResilientPresenceStore(client, ttlMs);
  const events = new RedisEventBus(client);
  const limiter = limit === null ? null : new RedisRateLimiter(client, limit);
  const authFailures =
    failures === null ? null : new AuthFailureLimiter(new RedisRateLimiter(client, failures));
  // Redis being down must not stop the instance from starting; both catch up when it returns.
  await Promise.all([presence.whenSynced(STARTUP_WAIT_MS), events.ready(STARTUP_WAIT_MS)]);
  return {
    events,
    presence,
    limiter,
    authFailures,
    redisState: () => (client.status === 'ready' ? 'up' : 'down'),
    close: async () => {
      await limiter?.close();
      await authFailures?.close();
      await presence.close();
      await events.close();
      await closeRedisClient(client);
    },
  };
}
