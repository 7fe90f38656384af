import { asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type OrgRow, orgs, outbox } from '../../db/schema.js';
import type { PageRequest } from '../paging.js';

// Orgs are the tenants themselves, so these functions are the only ones not taking an org id first.

/** The org; with `lock`, its row stays locked until the transaction ends. */
export async function findOrg(db: Db, id: string, lock = false): Promise<OrgRow | null> {
  const query = db.select().from(orgs).where(eq(orgs.id, id));
  const rows = lock ? await query.for('no key update') : await query;
  return rows[0] ?? null;
}

export function listOrgRows(db: Db, page: PageRequest): Promise<OrgRow[]> {
  return db
    .select()
    .from(orgs)
    .where(page.afterId === null ? undefined : gt(orgs.id, page.afterId))
    .orderBy(asc(orgs.id))
    .offset(page.skip)
    .limit(page.limit + 1);
}

export async function insertOrg(db: Db, row: OrgRow): Promise<OrgRow> {
  await db.insert(orgs).values(row);
  return row;
}

export async function updateOrgRow(
  db: Db,
  id: string,
  patch: { name: string; defaultMaxConcurrent: number; updatedAt: Date },
): Promise<OrgRow | null> {
  const rows = await db.update(orgs).set(patch).where(eq(orgs.id, id)).returning();
  return rows[0] ?? null;
}

/** Deletes the org; foreign keys cascade to its agents, teams, memberships and keys. */
export async function deleteOrgRow(db: Db, id: string): Promise<boolean> {
  await db.delete(outbox).where(eq(outbox.orgId, id));
  const rows = await db.delete(orgs).where(eq(orgs.id, id)).returning({ id: orgs.id });
  return rows.length > 0;
}
