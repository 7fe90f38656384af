import { and, asc, desc, eq, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type AuditRow, auditLog } from '../../db/schema.js';

export interface AuditFilter {
  actorId?: string;
  targetId?: string;
  action?: string;
  since?: Date;
  until?: Date;
}

function conditions(orgId: string, f: AuditFilter): SQL[] {
  const where: SQL[] = [eq(auditLog.orgId, orgId)];
  if (f.actorId !== undefined) {
    where.push(or(eq(auditLog.actorKeyId, f.actorId), eq(auditLog.actorAgentId, f.actorId)) as SQL);
  }
  if (f.targetId !== undefined) {
    where.push(eq(auditLog.targetId, f.targetId));
  }
  if (f.action !== undefined) {
    where.push(eq(auditLog.action, f.action));
  }
  if (f.since !== undefined) {
    where.push(gte(auditLog.occurredAt, f.since));
  }
  if (f.until !== undefined) {
    where.push(lte(auditLog.occurredAt, f.until));
  }
  return where;
}

/** One keyset page, newest first: records with an id below `beforeId` (the previous page's last). */
export async function listAuditRows(
  db: Db,
  orgId: string,
  filter: AuditFilter,
  beforeId: string | null,
  limit: number,
): Promise<AuditRow[]> {
  const where = conditions(orgId, filter);
  if (beforeId !== null) {
    where.push(lt(auditLog.id, beforeId));
  }
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

/** One page in time order for the export: records with an id above `afterId`. */
export async function exportAuditRows(
  db: Db,
  orgId: string,
  filter: AuditFilter,
  afterId: string | null,
  limit: number,
): Promise<AuditRow[]> {
  const where = conditions(orgId, filter);
  if (afterId !== null) {
    where.push(sql`${auditLog.id} > ${afterId}`);
  }
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(asc(auditLog.id))
    .limit(limit);
}

export async function insertAuditRow(db: Db, row: AuditRow): Promise<void> {
  await db.insert(auditLog).values(row);
}

/** Deletes at most `limit` records older than `olderThan` (every org: retention); returns how many went. */
export async function deleteAuditRowsBefore(db: Db, olderThan: Date, limit: number): Promise<number> {
  const oldest = db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(lt(auditLog.occurredAt, olderThan))
    .orderBy(asc(auditLog.occurredAt))
    .limit(limit);
  const deleted = await db
    .delete(auditLog)
    .where(inArray(auditLog.id, oldest))
    .returning({ id: auditLog.id });
  return deleted.length;
}
