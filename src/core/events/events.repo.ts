import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type OutboxRow, outbox } from '../../db/schema.js';
import type { PublishedEvent } from './bus.js';

const toPublished = (row: OutboxRow): PublishedEvent => ({
  id: row.id,
  orgId: row.orgId,
  type: row.type,
  data: row.payload,
  occurredAt: row.createdAt,
});

/**
 * The org's outbox events with an id greater than `afterId`, in id order, at most `limit`:
 * one keyset page, read through the (org_id, id) index.
 */
export async function listOutboxEventsAfter(
  db: Db,
  orgId: string,
  afterId: string,
  limit: number,
): Promise<PublishedEvent[]> {
  const rows = await db
    .select()
    .from(outbox)
    .where(and(eq(outbox.orgId, orgId), gt(outbox.id, afterId)))
    .orderBy(asc(outbox.id))
    .limit(limit);
  return rows.map(toPublished);
}

/** True when the org's outbox still holds the event. */
export async function outboxEventExists(db: Db, orgId: string, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.orgId, orgId), eq(outbox.id, id)));
  return rows.length > 0;
}

/**
 * Deletes at most `limit` events created before `olderThan`, oldest ids first, and returns how
 * many went. The one outbox query not scoped by org: retention is a platform-wide chore, and a
 * bounded statement keeps each delete's locks and WAL short.
 */
export async function deleteOutboxEventsBefore(db: Db, olderThan: Date, limit: number): Promise<number> {
  const oldest = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(lt(outbox.createdAt, olderThan))
    .orderBy(asc(outbox.id))
    .limit(limit);
  const deleted = await db.delete(outbox).where(inArray(outbox.id, oldest)).returning({ id: outbox.id });
  return deleted.length;
}
