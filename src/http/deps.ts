import type { Config } from '../config.js';
import type { EventBus } from '../core/events/bus.js';
import type { Platform } from '../core/platform/platform.js';
import type { PresenceStore } from '../core/presence/presence-store.js';
import type { Db } from '../db/client.js';
import type { RateLimiter } from '../realtime/rate-limiter.js';

/** What the HTTP layer is built from: everything outside it is handed in, nothing is global. */
export interface AppDeps {
  db: Db;
  /** Resolves when the database answers; used by the readiness probe. */
  ping: () => Promise<void>;
  platform: Platform;
  config: Pick<Config, 'logLevel' | 'bodyLimitBytes' | 'sseKeepAliveSeconds'> &
    Partial<Pick<Config, 'maxEventLoopDelayMs' | 'requestTimeoutMs'>>;
  now: () => Date;
  /** Live delivery of committed events (in-process, or through Redis). */
  events: EventBus;
  /** Connection presence (in-process, or Redis). */
  presence: PresenceStore;
  /** Per-key rate limits; absent or null: no limit. */
  limiter?: RateLimiter | null;
}
