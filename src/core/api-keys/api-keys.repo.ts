import { and, asc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { preparedPerDb } from '../../db/prepared.js';
import { type ApiKeyRow, agents, apiKeys } from '../../db/schema.js';
import type { PageRequest } from '../paging.js';

/** A key found by its hash, with the role and status of the agent it is bound to. */
export interface KeyForAuth {
  key: ApiKeyRow;
  agentRole: string | null;
  agentStatus: string | null;
  /** The key's agent is in the trash: its keys stop working as a disabled agent's do. */
  agentTrashed: boolean | null;
}

/** The authentication query runs on every request: prepared once per database, by name. */
const authQuery = preparedPerDb((db) =>
  db
    .select({
      key: apiKeys,
      agentRole: agents.role,
      agentStatus: agents.status,
      agentTrashed: sql<boolean | null>`${agents.trashedAt} IS NOT NULL`,
    })
    .from(apiKeys)
    .leftJoin(agents, and(eq(agents.orgId, apiKeys.orgId), eq(agents.id, apiKeys.agentId)))
    .where(eq(apiKeys.keyHash, sql.placeholder('hash')))
    .prepare('roster_auth_key'),
);

export async function findKeyByHash(db: Db, keyHash: string): Promise<KeyForAuth | null> {
  const rows = await authQuery(db).execute({ hash: keyHash });
  return rows[0] ?? null;
}

/** Records use, at most once a minute per key, so that authentication stays one read. */
export async function touchKey(db: Db, id: string, now: Date): Promise<void> {
  const staleBefore = new Date(now.getTime() - 60_000);
  await db
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore))));
}

export async function insertKey(db: Db, row: ApiKeyRow): Promise<ApiKeyRow> {
  await db.insert(apiKeys).values(row);
  return row;
}

/** Keys of the org, or only those bound to `agentId` when it is given. */
export function listKeyRows(
  db: Db,
  orgId: string,
  agentId: string | null,
  page: PageRequest,
): Promise<ApiKeyRow[]> {
  return db
    .select()
    .from(apiKeys)
    .where(
      and(
        eq(apiKeys.orgId, orgId),
        agentId === null ? undefined : eq(apiKeys.agentId, agentId),
        page.afterId === null ? undefined : gt(apiKeys.id, page.afterId),
      ),
    )
    .orderBy(asc(apiKeys.id))
    .offset(page.skip)
    .limit(page.limit + 1);
}

export async function findKey(db: Db, orgId: string, id: string): Promise<ApiKeyRow | null> {
  const rows = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id)));
  return rows[0] ?? null;
}

export async function deleteKeyRow(db: Db, orgId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(apiKeys)
    .where(and(eq(apiKeys.orgId, orgId), eq(apiKeys.id, id)))
    .returning({ id: apiKeys.id });
  return rows.length > 0;
}
