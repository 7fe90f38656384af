import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.js';

/** Every org's id, in id order. */
export async function allOrgIds(db: Db): Promise<string[]> {
  const result = await db.execute(sql`SELECT id FROM orgs ORDER BY id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}

export interface QueuedByTeam {
  orgId: string;
  teamId: string;
  queued: number;
  oldestQueuedAt: Date | null;
}

/** Queued conversations per team, with the oldest one's creation time, across every org. */
export async function queuedByTeam(db: Db): Promise<QueuedByTeam[]> {
  const result = await db.execute(sql`
    SELECT org_id, team_id, count(*)::int AS queued,
      (extract(epoch from min(created_at)) * 1000)::float8 AS oldest_ms
    FROM conversations
    WHERE status = 'queued' AND team_id IS NOT NULL
    GROUP BY org_id, team_id`);
  return rowsOf<{ org_id: string; team_id: string; queued: number; oldest_ms: number | null }>(result).map(
    (r) => ({
      orgId: r.org_id,
      teamId: r.team_id,
      queued: Number(r.queued),
      oldestQueuedAt: r.oldest_ms === null ? null : new Date(Number(r.oldest_ms)),
    }),
  );
}
