import type { Config } from '../config.js';
import type { Actor } from '../core/access.js';
import type { KeyCache } from '../core/api-keys/key-cache.js';
import type { AuditSource, Ctx } from '../core/context.js';
import type { EventBus } from '../core/events/bus.js';
import type { FeedCache } from '../core/feed-cache.js';
import type { Platform } from '../core/platform/platform.js';
import type { PresenceStore } from '../core/presence/presence-store.js';
import type { SecretBox } from '../core/webhooks/secret-box.js';
import type { Db } from '../db/client.js';
import type { AppTracing } from '../observability/tracing.js';
import type { AuthFailureLimiter } from '../realtime/auth-failures.js';
import type { FeedTailer } from '../realtime/feed-tailer.js';
import type { RateLimiter } from '../realtime/rate-limiter.js';
import type { EgressPolicy } from '../realtime/webhook-egress.js';

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
    Partial<
      Pick<
        Config,
        | 'maxEventLoopDelayMs'
        | 'requestTimeoutMs'
        | 'trustProxy'
        | 'metricsPort'
        | 'metricsToken'
        | 'sessionTtlSeconds'
      >
    >;
  /** OpenTelemetry, when tracing is on: the Fastify plugin and the log fields of the active span. */
  tracing?: AppTracing | null;
  now: () => Date;
  /** Live delivery of committed events (in-process, or through Redis). */
  events: EventBus;
  /** Seals webhook signing secrets at rest (ROSTER_WEBHOOK_SECRETS_KEY); absent: stored plain. */
  secrets?: SecretBox;
  /** Where webhooks may point (ROSTER_WEBHOOK_ALLOW_HOSTS); absent: public addresses only. */
  egress?: EgressPolicy;
  /** This instance's tail of the event feed, shared by streams and webhooks; absent: the app makes its own. */
  feed?: FeedTailer;
  /** Connection presence (in-process, or Redis). */
  presence: PresenceStore;
  /** The embedded database's dump for `GET /v1/backup`; absent or null on PostgreSQL. */
  backup?: (() => Promise<Blob>) | null;
  /** Per-key rate limits; absent or null: no limit. */
  limiter?: RateLimiter | null;
  /** Failed authentication per client address; absent or null: no limit. */
  authFailures?: AuthFailureLimiter | null;
  /** False only to measure what events cost (ROSTER_RECORD_EVENTS=off); absent: true. */
  recordEvents?: boolean;
}

/**
 * The context a request's use cases run with. A request acting on an org gets its org's handle,
 * so that the database, not only each query's filter, keeps it to its org: an org's key always,
 * the master key too (on the org it names with `org_id`, or the default org). Only the master
 * key's requests on a route that works across orgs (`acrossOrgs`: managing the orgs themselves)
 * get the all-orgs handle.
 */
export function requestCtx(
  deps: AppDeps,
  actor: Actor,
  log?: Ctx['log'],
  options: { acrossOrgs?: boolean; audit?: AuditSource } = {},
): Ctx {
  const allOrgs = actor.isMaster && options.acrossOrgs === true;
  const db = allOrgs || deps.forOrg === undefined ? deps.db : deps.forOrg(actor.orgId);
  return {
    actor,
    db,
    now: deps.now,
    events: deps.events,
    presence: deps.presence,
    agentsSeen: deps.agentsSeen ?? null,
    recordEvents: deps.recordEvents ?? true,
    log,
    audit: options.audit ?? null,
  };
}

/** What the audit log records of a request: its id, the caller's address and agent, the dialect. */
export function auditSource(
  request: { id: string; ip: string; headers: Record<string, string | string[] | undefined> },
  dialect: string,
): AuditSource {
  const agent = request.headers['user-agent'];
  return {
    requestId: request.id,
    ip: request.ip ?? null,
    userAgent: typeof agent === 'string' ? agent.slice(0, 512) : null,
    dialect,
  };
}
