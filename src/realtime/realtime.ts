import type { Config } from '../config.js';
import { type EventBus, LocalEventBus } from '../core/events/bus.js';
import type { PresenceStore } from '../core/presence/presence-store.js';
import { MemoryPresenceStore } from './memory-presence-store.js';
import { closeRedisClient, createRedisClient } from './redis-client.js';
import { RedisEventBus } from './redis-event-bus.js';
import { ResilientPresenceStore } from './resilient-presence-store.js';

/** The live services of one instance: presence and event fan-out. */
export interface Realtime {
  events: EventBus;
  presence: PresenceStore;
  close(): Promise<void>;
}

/** How long startup waits for Redis before serving from the local view (it catches up later). */
const STARTUP_WAIT_MS = 2_000;

/** In process by default; through Redis when `REDIS_URL` is set. */
export async function createRealtime(
  config: Pick<Config, 'redisUrl' | 'presenceTtlSeconds'>,
): Promise<Realtime> {
  const ttlMs = config.presenceTtlSeconds * 1000;
  if (config.redisUrl) {
    return createRedisRealtime(config.redisUrl, ttlMs);
  }
  const events = new LocalEventBus();
  const presence = new MemoryPresenceStore(ttlMs);
  return {
    events,
    presence,
    close: async () => {
      await presence.close();
      await events.close();
    },
  };
}

/** Presence and fan-out shared by every instance through Redis, degrading to the local view. */
async function createRedisRealtime(url: string, ttlMs: number): Promise<Realtime> {
  const client = createRedisClient(url);
  const presence = new ResilientPresenceStore(client, ttlMs);
  const events = new RedisEventBus(client);
  // Redis being down must not stop the instance from starting; both catch up when it returns.
  await Promise.all([presence.whenSynced(STARTUP_WAIT_MS), events.ready(STARTUP_WAIT_MS)]);
  return {
    events,
    presence,
    close: async () => {
      await presence.close();
      await events.close();
      await closeRedisClient(client);
    },
  };
}
