import type { Config } from '../config.js';
import type { Actor } from '../core/access.js';
import type { KeyCache } from '../core/api-keys/key-cache.js';
import type { Ctx } from '../core/context.js';
import type { EventBus } from '../core/events/bus.js';
import type { FeedCache } from '../core/feed-cache.js';
import type { Platform } from '../core/platform/platform.js';
import type { PresenceStore } from '../core/presence/presence-store.js';
import type { Db } from '../db/client.js';
import type { RateLimiter } from '../realtime/rate-limiter.js';

/** What the HTTP layer is built from: everything outside it is handed in, nothing is global. */
export interface AppDeps {
  /** For work across orgs: authentication, and requests made with the master key. */
  db: Db;
  /** The handle for one org's requests (row-level security, where it applies); default `db`. */
  forOrg?: (orgId: string) => Db;
  /** Resolves when the database answers; used by the readiness probe. */
  ping: () => Promise<void>;
  platform: Platform;
  /** Keys already verified, kept current by the database's change announcements; absent: none kept. */
  keys?: KeyCache | null;
  /** Agents found to exist, kept current the same way (heartbeats); absent: always read. */
  agentsSeen?: FeedCache<true> | null;
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

/**
 * The context a request's use cases run with. An org's key gets its org's handle, so that the
 * database, not only each query's filter, keeps it to its org; the master key works across orgs.
 */
export function requestCtx(deps: AppDeps, actor: Actor, log?: Ctx['log']): Ctx {
  const db = actor.isMaster || deps.forOrg === undefined ? deps.db : deps.forOrg(actor.orgId);
  return {
    actor,
    db,
    now: deps.now,
    events: deps.events,
    presence: deps.presence,
    agentsSeen: deps.agentsSeen ?? null,
    log,
  };
}
