import { and, eq, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type SessionRow, sessions } from '../../db/schema.js';

/** Stores a new session, and drops the expired sessions of the same key on the way. */
export async function insertSession(db: Db, row: SessionRow): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .delete(sessions)
      .where(and(eq(sessions.keyHash, row.keyHash), lt(sessions.expiresAt, row.createdAt)));
    await tx.insert(sessions).values(row);
  });
}

export async function findSessionByTokenHash(db: Db, tokenHash: string): Promise<SessionRow | null> {
  const rows = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
  return rows[0] ?? null;
}

export async function deleteSessionByTokenHash(db: Db, tokenHash: string): Promise<boolean> {
  const rows = await db
    .delete(sessions)
    .where(eq(sessions.tokenHash, tokenHash))
    .returning({ id: sessions.id });
  return rows.length > 0;
}
