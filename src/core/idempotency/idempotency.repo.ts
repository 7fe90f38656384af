import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.js';
import { type IdempotencyKeyRow, idempotencyKeys } from '../../db/schema.js';

/** How long a stored response answers retries of its key. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Takes the transaction-scoped lock of one idempotency key; false when another transaction holds
 * it (a request with that key is still running).
 */
export async function tryLockIdempotencyKey(
  db: Db,
  orgId: string,
  caller: string,
  key: string,
): Promise<boolean> {
  const result = await db.execute(
    sql`SELECT pg_try_advisory_xact_lock(hashtextextended(${`idempotency:${orgId}:${caller}:${key}`}, 0)) AS locked`,
  );
  return rowsOf<{ locked: boolean }>(result)[0]?.locked === true;
}

/** The stored response of a key, if one was stored since `since`. */
export async function findIdempotencyKey(
  db: Db,
  orgId: string,
  caller: string,
  key: string,
  since: Date,
): Promise<IdempotencyKeyRow | null> {
  const rows = await db
    .select()
    .from(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.orgId, orgId),
        eq(idempotencyKeys.caller, caller),
        eq(idempotencyKeys.key, key),
        gte(idempotencyKeys.createdAt, since),
      ),
    );
  return rows[0] ?? null;
}

/** Stores a key's response, replacing an expired one under the same key. */
export async function saveIdempotencyKey(db: Db, row: IdempotencyKeyRow): Promise<void> {
  await db
    .insert(idempotencyKeys)
    .values(row)
    .onConflictDoUpdate({
      target: [idempotencyKeys.orgId, idempotencyKeys.caller, idempotencyKeys.key],
      set: {
        fingerprint: row.fingerprint,
        status: row.status,
        contentType: row.contentType,
        body: row.body,
        createdAt: row.createdAt,
      },
    });
}

/** Deletes keys stored before `before`; returns how many went. */
export async function deleteIdempotencyKeysBefore(db: Db, before: Date): Promise<number> {
  const rows = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, before))
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}
