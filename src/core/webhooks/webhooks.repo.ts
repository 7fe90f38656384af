import { and, asc, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { preparedSql } from '../../db/prepared.js';
import {
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
  webhookDeliveries,
  webhookEndpoints,
  webhookQueue,
} from '../../db/schema.js';
import type { PublishedEvent } from '../events/bus.js';
import {
  AT,
  type FeedPosition,
  type FeedRow,
  LIMIT,
  orgFeedPage,
  type PageParams,
  toPublished,
} from '../events/events.repo.js';

export type NewEndpoint = Omit<
  WebhookEndpointRow,
  | 'cursorXid'
  | 'cursorId'
  | 'headEventId'
  | 'headAttempts'
  | 'headNextAt'
  | 'failingSince'
  | 'leaseOwner'
  | 'leaseUntil'
  | 'previousSecret'
  | 'previousSecretUntil'
  | 'disabledReason'
>;

/**
 * Inserts an endpoint that starts at the feed's end: it receives the events settled after now
 * (every transaction still running, and every later one), none from before.
 */
export async function insertEndpoint(db: Db, row: NewEndpoint): Promise<WebhookEndpointRow> {
  const [created] = await db
    .insert(webhookEndpoints)
    .values({
      ...row,
      cursorXid: sql`pg_snapshot_xmin(pg_current_snapshot())` as unknown as string,
      cursorId: '00000000-0000-0000-0000-000000000000',
    })
    .returning();
  return created as WebhookEndpointRow;
}

/** What the API may change of an endpoint while a sender holds it. */
export type EndpointSettings = Pick<
  WebhookEndpointRow,
  'url' | 'eventTypes' | 'enabled' | 'secret' | 'previousSecret' | 'previousSecretUntil'
>;

/**
 * The endpoint's settings and the next page of its org's feed after `after`, in one round trip (a
 * sender reads both before every page; `limit` 0 reads the settings alone): null once the endpoint
 * is gone or `owner` does not hold it.
 */
export async function endpointFeedPage(
  db: Db,
  id: string,
  owner: string,
  after: FeedPosition,
  limit: number,
): Promise<{ settings: EndpointSettings; events: PublishedEvent[] } | null> {
  const rows = await feedPageStatement(db, { id, owner, afterXid: after.xid, afterId: after.id, limit });
  const stored = rows.find((r) => r.endpoint_settings !== null)?.endpoint_settings ?? null;
  if (stored === null) {
    return null;
  }
  const until = stored.previousSecretUntil;
  return {
    settings: { ...stored, previousSecretUntil: until === null ? null : new Date(until) },
    // No event: the join's one row, with the page's columns null.
    events: rows[0]?.id === null ? [] : rows.map(toPublished),
  };
}

/**
 * endpointFeedPage's statement, prepared: a sender reads it before every page, and under a steady
 * stream of events its pages are small and many (planning it took about 0.4 ms each time). The
 * settings come once, on one row (as JSON), not again on every event's row.
 */
const feedPageStatement = preparedSql<PageRow, PageParams & { id: string; owner: string }>(
  'roster_webhook_feed_page',
  sql`
    SELECT CASE WHEN row_number() OVER () = 1 THEN json_build_object('url', w.url,
        'eventTypes', w.event_types, 'enabled', w.enabled, 'secret', w.secret,
        'previousSecret', w.previous_secret, 'previousSecretUntil', w.previous_secret_until) END
        AS endpoint_settings, f.*
    FROM webhook_endpoints w LEFT JOIN LATERAL (${orgFeedPage(sql`w.org_id`, AT, LIMIT)}) f ON true
    WHERE w.id = ${sql.placeholder('id')}::uuid AND w.lease_owner = ${sql.placeholder('owner')}::text`,
);

type PageRow = FeedRow & {
  endpoint_settings:
    | (Omit<EndpointSettings, 'previousSecretUntil'> & { previousSecretUntil: string | null })
    | null;
};

export async function findEndpoint(db: Db, orgId: string, id: string): Promise<WebhookEndpointRow | null> {
  const [row] = await db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, id)));
  return row ?? null;
}

export async function listEndpoints(
  db: Db,
  orgId: string,
  afterId: string | null,
  skip: number,
  limit: number,
): Promise<WebhookEndpointRow[]> {
  const where =
    afterId === null
      ? eq(webhookEndpoints.orgId, orgId)
      : and(eq(webhookEndpoints.orgId, orgId), sql`${webhookEndpoints.id} > ${afterId}`);
  return db
    .select()
    .from(webhookEndpoints)
    .where(where)
    .orderBy(asc(webhookEndpoints.id))
    .offset(skip)
    .limit(limit);
}

export async function updateEndpoint(
  db: Db,
  orgId: string,
  id: string,
  patch: Partial<WebhookEndpointRow>,
): Promise<WebhookEndpointRow | null> {
  const [row] = await db
    .update(webhookEndpoints)
    .set(patch)
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, id)))
    .returning();
  return row ?? null;
}

/** Deletes the endpoint and returns what it was (for the audit record); null when there was none. */
export async function deleteEndpoint(db: Db, orgId: string, id: string): Promise<WebhookEndpointRow | null> {
  const [row] = await db
    .delete(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, id)))
    .returning();
  return row ?? null;
}

/**
 * Leases to `owner` until `until` the enabled endpoints it holds already or whose lease has run
 * out, at most `limit`; rows another instance is claiming at this moment are skipped (SKIP
 * LOCKED), so each endpoint has one sender at a time.
 */
export async function claimEndpoints(
  db: Db,
  owner: string,
  now: Date,
  until: Date,
  limit: number,
): Promise<WebhookEndpointRow[]> {
  // The leases this instance holds are renewed first, waiting for their rows' locks: skipping a
  // row that is locked (its own progress being saved, or an API update) would drop an endpoint it
  // is still sending to, and a second sender would start from the saved cursor (repeats).
  await db.execute(sql`
    UPDATE webhook_endpoints SET lease_until = ${until.toISOString()}::timestamptz
    WHERE enabled AND lease_owner = ${owner}`);
  // Free or expired leases are claimed skipping locked rows: another instance may be taking them.
  await db.execute(sql`
    UPDATE webhook_endpoints SET lease_owner = ${owner}, lease_until = ${until.toISOString()}::timestamptz
    WHERE id IN (
      SELECT id FROM webhook_endpoints
      WHERE enabled AND (lease_until IS NULL OR lease_until < ${now.toISOString()}::timestamptz)
      ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)`);
  return db
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.enabled, true), eq(webhookEndpoints.leaseOwner, owner)));
}

/** Gives up the leases of `owner` (a clean shutdown), so another instance takes over at once. */
export async function releaseEndpoints(db: Db, owner: string): Promise<void> {
  await db
    .update(webhookEndpoints)
    .set({ leaseOwner: null, leaseUntil: null })
    .where(eq(webhookEndpoints.leaseOwner, owner));
}

/** Where an endpoint stands in its org's feed, and the retry state of the event it is on. */
export interface EndpointProgress {
  cursorXid: string;
  cursorId: string;
  headEventId: string | null;
  headAttempts: number;
  headNextAt: Date | null;
  failingSince: Date | null;
}

/**
 * Records attempts and moves the endpoint on, in one transaction, only while `owner` still holds
 * its lease. Returns false when it does not (it lost the lease, or the endpoint went).
 */
export async function saveProgress(
  db: Db,
  owner: string,
  endpointId: string,
  progress: EndpointProgress,
  attempts: WebhookDeliveryRow[],
  now: Date,
): Promise<boolean> {
  const iso = (d: Date | null) => (d === null ? null : d.toISOString());
  const [row] = await saveProgressStatement(db, {
    endpointId,
    owner,
    cursorXid: progress.cursorXid,
    cursorId: progress.cursorId,
    headEventId: progress.headEventId,
    headAttempts: progress.headAttempts,
    headNextAt: iso(progress.headNextAt),
    failingSince: iso(progress.failingSince),
    now: now.toISOString(),
    // The rows as they are: JSON.stringify is native, where a dozen arrays would each be built
    // and escaped element by element by the driver (the columns pick the keys they need).
    attempts: JSON.stringify(attempts),
  });
  return (row?.kept ?? 0) > 0;
}

const p = (name: string) => sql.placeholder(name);

/**
 * saveProgress in one statement, so one round trip: a sender saves after every page, and under a
 * steady stream of events its pages are small. The attempts are logged only when the lease held.
 */
const saveProgressStatement = preparedSql<{ kept: number }>(
  'roster_webhook_save_progress',
  sql`
    WITH kept AS (
      UPDATE webhook_endpoints SET cursor_xid = ${p('cursorXid')}::xid8, cursor_id = ${p('cursorId')}::uuid,
        head_event_id = ${p('headEventId')}::uuid, head_attempts = ${p('headAttempts')}::int,
        head_next_at = ${p('headNextAt')}::timestamptz, failing_since = ${p('failingSince')}::timestamptz,
        updated_at = ${p('now')}::timestamptz
      WHERE id = ${p('endpointId')}::uuid AND lease_owner = ${p('owner')}::text
      RETURNING org_id, id),
    logged AS (
      INSERT INTO webhook_deliveries (id, org_id, endpoint_id, event_id, event_type, attempt, trigger,
        outcome, status_code, duration_ms, response_excerpt, error, next_retry_at, created_at)
      SELECT a.id, kept.org_id, kept.id, a."eventId", a."eventType", a.attempt, a.trigger, a.outcome,
        a."statusCode", a."durationMs", a."responseExcerpt", a.error, a."nextRetryAt", a."createdAt"
      FROM kept, json_to_recordset(${p('attempts')}::json) AS a(id uuid, "eventId" uuid,
        "eventType" text, attempt int, trigger text, outcome text, "statusCode" int,
        "durationMs" int, "responseExcerpt" text, error text, "nextRetryAt" timestamptz,
        "createdAt" timestamptz))
    SELECT count(*)::int AS kept FROM kept`,
);

export type QueuedSend = typeof webhookQueue.$inferSelect;

export async function enqueueSends(db: Db, rows: QueuedSend[]): Promise<void> {
  if (rows.length > 0) {
    await db.insert(webhookQueue).values(rows);
  }
}

export async function nextQueued(db: Db, endpointId: string, limit: number): Promise<QueuedSend[]> {
  return db
    .select()
    .from(webhookQueue)
    .where(eq(webhookQueue.endpointId, endpointId))
    .orderBy(asc(webhookQueue.id))
    .limit(limit);
}

/** Records the attempt of a queued send and removes it from the queue, together. */
export async function finishQueued(db: Db, id: string, attempt: WebhookDeliveryRow): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(webhookQueue).where(eq(webhookQueue.id, id));
    await tx.insert(webhookDeliveries).values(attempt);
  });
}

export async function listDeliveries(
  db: Db,
  orgId: string,
  endpointId: string,
  afterId: string | null,
  limit: number,
  outcome: string | null,
): Promise<WebhookDeliveryRow[]> {
  const conditions = [eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.endpointId, endpointId)];
  if (afterId !== null) {
    conditions.push(lt(webhookDeliveries.id, afterId));
  }
  if (outcome !== null) {
    conditions.push(eq(webhookDeliveries.outcome, outcome));
  }
  return db
    .select()
    .from(webhookDeliveries)
    .where(and(...conditions))
    .orderBy(desc(webhookDeliveries.id))
    .limit(limit);
}

export async function findDelivery(
  db: Db,
  orgId: string,
  endpointId: string,
  id: string,
): Promise<WebhookDeliveryRow | null> {
  const [row] = await db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.orgId, orgId),
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.id, id),
      ),
    );
  return row ?? null;
}

/** The events of the endpoint given up (outcome failed) between `since` and `until`, oldest first. */
export async function failedDeliveriesBetween(
  db: Db,
  orgId: string,
  endpointId: string,
  since: Date,
  until: Date,
): Promise<WebhookDeliveryRow[]> {
  return db
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.orgId, orgId),
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.outcome, 'failed'),
        gte(webhookDeliveries.createdAt, since),
        lte(webhookDeliveries.createdAt, until),
      ),
    )
    .orderBy(asc(webhookDeliveries.id))
    .limit(10_000);
}

export interface StoredSecrets {
  id: string;
  secret: string;
  previousSecret: string | null;
}

/**
 * Stored secrets of every org's endpoints (platform work), or of `ids` only, locked until the
 * transaction `db` ends.
 */
export async function listSecrets(db: Db, ids?: string[]): Promise<StoredSecrets[]> {
  const query = db
    .select({
      id: webhookEndpoints.id,
      secret: webhookEndpoints.secret,
      previousSecret: webhookEndpoints.previousSecret,
    })
    .from(webhookEndpoints)
    .orderBy(asc(webhookEndpoints.id));
  return ids === undefined ? query : query.where(inArray(webhookEndpoints.id, ids)).for('update');
}

/** Stores an endpoint's secrets in a new form; nothing else about it changes. */
export async function storeSecrets(db: Db, row: StoredSecrets): Promise<void> {
  await db
    .update(webhookEndpoints)
    .set({ secret: row.secret, previousSecret: row.previousSecret })
    .where(eq(webhookEndpoints.id, row.id));
}
