/**
 * The tables of what Roster tells the world: webhook endpoints, their delivery log and hand-made
 * sends, and the audit log. Re-exported by schema.ts, which drizzle-kit reads.
 */
import { boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts, xid8 } from './columns.js';
import { orgs } from './schema.js';

/**
 * A receiver of the org's events (Standard Webhooks). `cursor_*` is the feed position of the last
 * event it is done with; `head_*` the retry state of the next one; `lease_*` the instance sending.
 */
export const webhookEndpoints = pgTable(
  'webhook_endpoints',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    url: text('url').notNull(),
    description: text('description'),
    eventTypes: text('event_types').array().notNull(),
    enabled: boolean('enabled').notNull(),
    disabledReason: text('disabled_reason'),
    /** Usable to sign, so not hashed: sealed when ROSTER_WEBHOOK_SECRETS_KEY is set (secret-box.ts); never returned after creation. */
    secret: text('secret').notNull(),
    previousSecret: text('previous_secret'),
    previousSecretUntil: ts('previous_secret_until'),
    cursorXid: xid8('cursor_xid').notNull(),
    cursorId: uuid('cursor_id').notNull(),
    headEventId: uuid('head_event_id'),
    headAttempts: integer('head_attempts').notNull().default(0),
    headNextAt: ts('head_next_at'),
    failingSince: ts('failing_since'),
    leaseOwner: text('lease_owner'),
    leaseUntil: ts('lease_until'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [index('webhook_endpoints_org_idx').on(t.orgId, t.id)],
);

/** One attempt to deliver one event to one endpoint: the delivery log. */
export const webhookDeliveries = pgTable(
  'webhook_deliveries',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    attempt: integer('attempt').notNull(),
    /** `feed`, `redeliver`, `recover` or `test`. */
    trigger: text('trigger').notNull(),
    /** `succeeded`, `retrying` or `failed`. */
    outcome: text('outcome').notNull(),
    statusCode: integer('status_code'),
    durationMs: integer('duration_ms').notNull(),
    responseExcerpt: text('response_excerpt'),
    error: text('error'),
    nextRetryAt: ts('next_retry_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('webhook_deliveries_endpoint_idx').on(t.orgId, t.endpointId, t.id)],
);

/** Sends asked for by hand (redeliver, recover, test), outside the feed's order. */
export const webhookQueue = pgTable(
  'webhook_queue',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    endpointId: uuid('endpoint_id')
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    occurredAt: ts('occurred_at').notNull(),
    trigger: text('trigger').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('webhook_queue_endpoint_idx').on(t.endpointId, t.id)],
);

/** Who changed what, when and from where: one row per change, written with it. No FK: it outlives its org. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    actorType: text('actor_type').notNull(),
    actorKeyId: uuid('actor_key_id'),
    actorAgentId: uuid('actor_agent_id'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    changes: jsonb('changes').$type<Record<string, unknown>>(),
    requestId: text('request_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    dialect: text('dialect'),
  },
  (t) => [index('audit_log_org_idx').on(t.orgId, t.id), index('audit_log_occurred_idx').on(t.occurredAt)],
);

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type AuditRow = typeof auditLog.$inferSelect;
