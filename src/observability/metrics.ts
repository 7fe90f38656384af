import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Roster's Prometheus metrics: one registry for the process. Code anywhere records into the
 * instruments below (an increment is a few hash lookups, cheap enough to do whether or not anyone
 * scrapes); `GET /metrics` is served only when `ROSTER_METRICS_PORT` or `ROSTER_METRICS_TOKEN` is
 * set, and only then are the HTTP hooks installed and the runtime defaults collected.
 *
 * Labels are bounded by construction: route templates, never raw paths; outcomes from fixed sets;
 * no agent, key or conversation id ever. Orgs and teams appear only where an operator opted in
 * (`ROSTER_METRICS_PER_ORG=on`, `ROSTER_METRICS_TEAMS=<team ids>`).
 */
export const registry = new Registry();

/** Buckets advised by the OpenTelemetry HTTP semantic conventions, in seconds. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
/** Finer at the bottom: routing and feed delivery are normally a few milliseconds. */
const FAST_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const httpDuration = new Histogram({
  name: 'http_server_request_duration_seconds',
  help: 'Duration of HTTP requests, by route template (unmatched paths share one value) and dialect.',
  labelNames: ['method', 'route', 'status_code', 'dialect'] as const,
  buckets: HTTP_BUCKETS,
  registers: [registry],
});

export const httpInFlight = new Gauge({
  name: 'http_server_active_requests',
  help: 'HTTP requests being served (event streams included while open).',
  registers: [registry],
});

export const heartbeats = new Counter({
  name: 'roster_heartbeats_total',
  help: 'Device heartbeats accepted.',
  registers: [registry],
});

export const presenceTransitions = new Counter({
  name: 'roster_presence_transitions_total',
  help: 'Agents going online or offline (a heartbeat after silence, sign-out, expiry).',
  labelNames: ['to'] as const,
  registers: [registry],
});

export const routingDecisions = new Counter({
  name: 'roster_routing_decisions_total',
  help: 'Routing decisions: a new conversation assigned or left queued, or queued work drained to agents.',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const routingDuration = new Histogram({
  name: 'roster_routing_duration_seconds',
  help: 'Time to route one conversation (candidates, choice and claim).',
  buckets: FAST_BUCKETS,
  registers: [registry],
});

export const feedDeliveryLag = new Histogram({
  name: 'roster_feed_delivery_lag_seconds',
  help: 'Time from an event committing to its delivery, by consumer (sse, webhooks).',
  labelNames: ['consumer'] as const,
  buckets: FAST_BUCKETS,
  registers: [registry],
});

export const sseConnections = new Gauge({
  name: 'roster_sse_connections',
  help: 'Open event streams.',
  registers: [registry],
});

export const webhookDeliveries = new Counter({
  name: 'roster_webhook_deliveries_total',
  help: 'Webhook delivery attempts by outcome (success, failure, dead).',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

export const rateLimitRejections = new Counter({
  name: 'roster_rate_limit_rejections_total',
  help: 'Requests refused with 429 by the per-key rate limit.',
  registers: [registry],
});

export const idempotencyReplays = new Counter({
  name: 'roster_idempotency_replays_total',
  help: 'Retries answered from a stored response (Idempotency-Key).',
  registers: [registry],
});

/** Records one event's delivery to a consumer: `occurredAt` is when it committed. */
export function recordFeedDelivery(consumer: 'sse' | 'webhooks', occurredAt: Date, now = Date.now()): void {
  feedDeliveryLag.observe({ consumer }, Math.max(0, (now - occurredAt.getTime()) / 1000));
}

/** Records one webhook delivery attempt (for the webhook worker). */
export function recordWebhookDelivery(outcome: 'success' | 'failure' | 'dead'): void {
  webhookDeliveries.inc({ outcome });
}

/** What scrape-time gauges read; each source is optional and set by whoever owns the resource. */
export interface MetricSources {
  /** Agents by effective status and capacity use, per org (the gauge drops the org unless per-org is on). */
  presence?: () => Promise<PresenceSnapshot>;
  /** Queued conversations per team. */
  queues?: () => Promise<QueueSnapshot[]>;
  /** PostgreSQL pool state (absent on the embedded database). */
  pool?: () => { total: number; idle: number; waiting: number };
  /** Redis connection state: null when Redis is not configured. */
  redis?: () => 'up' | 'down' | null;
  /** Whether the instance would pass its readiness probe. */
  ready?: () => Promise<boolean>;
}

export interface PresenceSnapshot {
  /** Per org: agent counts by effective status, and conversations held / capacity of online agents. */
  orgs: { orgId: string; byStatus: Record<string, number>; active: number; capacity: number }[];
}

export interface QueueSnapshot {
  orgId: string;
  teamId: string;
  queued: number;
  oldestQueuedAt: Date | null;
}

export interface MetricOptions {
  /** Label agent and capacity gauges by org (`ROSTER_METRICS_PER_ORG=on`). */
  perOrg: boolean;
  /** Teams whose queue gets its own series (`ROSTER_METRICS_TEAMS`); the rest are summed. */
  teams: ReadonlySet<string>;
}

const state: { sources: MetricSources; options: MetricOptions; defaults: boolean } = {
  sources: {},
  options: { perOrg: false, teams: new Set() },
  defaults: false,
};

/** Sets the scrape-time sources (merged with earlier ones) and the labelling options. */
export function configureMetrics(sources: MetricSources, options?: Partial<MetricOptions>): void {
  state.sources = { ...state.sources, ...sources };
  state.options = { ...state.options, ...options };
}

/** Starts the library's runtime metrics (event-loop lag, heap, GC, handles); once per process. */
export function collectRuntimeMetrics(): void {
  if (!state.defaults) {
    state.defaults = true;
    collectDefaultMetrics({ register: registry });
  }
}

const STATUSES = ['available', 'busy', 'away', 'offline'] as const;

new Gauge({
  name: 'roster_agents',
  help: 'Agents by effective status (by org only when ROSTER_METRICS_PER_ORG=on).',
  labelNames: ['status', 'org'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    const snapshot = await presence();
    const totals: Record<string, number> = {};
    for (const org of snapshot.orgs) {
      for (const status of STATUSES) {
        const n = org.byStatus[status] ?? 0;
        if (state.options.perOrg) {
          this.set({ status, org: org.orgId }, n);
        }
        totals[status] = (totals[status] ?? 0) + n;
      }
    }
    if (!state.options.perOrg) {
      for (const status of STATUSES) {
        this.set({ status }, totals[status] ?? 0);
      }
    }
  },
});

new Gauge({
  name: 'roster_capacity_utilisation_ratio',
  help: 'Open conversations held by online agents over their total capacity (0 when none online).',
  labelNames: ['org'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    const snapshot = await presence();
    let active = 0;
    let capacity = 0;
    for (const org of snapshot.orgs) {
      if (state.options.perOrg) {
        this.set({ org: org.orgId }, org.capacity === 0 ? 0 : org.active / org.capacity);
      }
      active += org.active;
      capacity += org.capacity;
    }
    if (!state.options.perOrg) {
      this.set(capacity === 0 ? 0 : active / capacity);
    }
  },
});

let scrapeNumber = 0;

/** One scrape's text: every gauge below reads its sources once for it, and afresh for the next. */
export function scrapeMetrics(): Promise<string> {
  scrapeNumber += 1;
  return registry.metrics();
}

/**
 * A source read once per scrape: the gauges of one scrape that read the same source share one
 * answer (and a failing source reads as nothing rather than failing the scrape).
 */
function perScrape<T>(source: () => (() => Promise<T>) | undefined, empty: T): () => Promise<T> {
  let last: { scrape: number; value: Promise<T> } | null = null;
  return () => {
    const read = source();
    if (read === undefined) {
      return Promise.resolve(empty);
    }
    if (last === null || last.scrape !== scrapeNumber) {
      last = { scrape: scrapeNumber, value: read().catch(() => empty) };
    }
    return last.value;
  };
}

const presence = perScrape(() => state.sources.presence, { orgs: [] } as PresenceSnapshot);
const queues = perScrape(() => state.sources.queues, [] as QueueSnapshot[]);

const teamLabel = (q: QueueSnapshot) => (state.options.teams.has(q.teamId) ? q.teamId : 'other');

new Gauge({
  name: 'roster_conversations_queued',
  help: 'Conversations waiting for an agent, per opted-in team (ROSTER_METRICS_TEAMS); team="other" for the rest.',
  labelNames: ['team'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    this.set({ team: 'other' }, 0);
    for (const q of await queues()) {
      this.inc({ team: teamLabel(q) }, q.queued);
    }
  },
});

new Gauge({
  name: 'roster_queue_oldest_age_seconds',
  help: 'Age of the oldest queued conversation, per opted-in team; team="other" for the rest.',
  labelNames: ['team'] as const,
  registers: [registry],
  async collect() {
    this.reset();
    const now = Date.now();
    const oldest = new Map<string, number>([['other', 0]]);
    for (const q of await queues()) {
      const age = q.oldestQueuedAt === null ? 0 : Math.max(0, (now - q.oldestQueuedAt.getTime()) / 1000);
      const label = teamLabel(q);
      oldest.set(label, Math.max(oldest.get(label) ?? 0, age));
    }
    for (const [team, age] of oldest) {
      this.set({ team }, age);
    }
  },
});

new Gauge({
  name: 'roster_db_pool_connections',
  help: 'PostgreSQL connection pool: open (total), idle, and requests waiting for a connection.',
  labelNames: ['state'] as const,
  registers: [registry],
  collect() {
    const pool = state.sources.pool?.();
    if (pool !== undefined) {
      this.set({ state: 'total' }, pool.total);
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
    }
  },
});

new Gauge({
  name: 'roster_redis_up',
  help: 'Whether the Redis connection is ready (1) or not (0); absent without Redis.',
  registers: [registry],
  collect() {
    this.reset();
    const redis = state.sources.redis?.() ?? null;
    if (redis !== null) {
      this.set(redis === 'up' ? 1 : 0);
    }
  },
});

new Gauge({
  name: 'roster_ready',
  help: 'Whether the instance passes its readiness probe (database answering, not draining).',
  registers: [registry],
  async collect() {
    const ready = state.sources.ready;
    if (ready !== undefined) {
      this.set((await ready().catch(() => false)) ? 1 : 0);
    }
  },
});

// Every bounded label value exists from the start at zero, so that rates and alerts see a series
// before the first event rather than nothing.
for (const to of ['online', 'offline']) {
  presenceTransitions.inc({ to }, 0);
}
for (const outcome of ['assigned', 'queued', 'gone', 'drained']) {
  routingDecisions.inc({ outcome }, 0);
}
for (const outcome of ['success', 'failure', 'dead']) {
  webhookDeliveries.inc({ outcome }, 0);
}
for (const consumer of ['sse', 'webhooks']) {
  feedDeliveryLag.zero({ consumer });
}
