/**
 * Baseline for scenario a': the same three statements as `GET /v1/teams/{id}` (authenticate the
 * key, read the team, read its members) in a tight loop on PGlite over the same data directory.
 * PGlite is one serialized session, so this loop is the most any server on it could answer.
 */
import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';

export async function pgliteLoop(options: {
  dataDir: string;
  key: string;
  teamId: string;
  seconds: number;
}): Promise<number> {
  const db = new PGlite(options.dataDir);
  await db.waitReady;
  const hash = createHash('sha256').update(options.key).digest('hex');
  let done = 0;
  const until = performance.now() + options.seconds * 1000;
  try {
    while (performance.now() < until) {
      // The statements of the HTTP baseline (bench/baselines/http-pg.ts), and the same answer.
      const auth = await db.query<{ org_id: string }>(
        `SELECT k.id, k.org_id, k.scopes, k.agent_id, k.expires_at, a.role, a.status, a.trashed_at IS NOT NULL AS trashed
         FROM api_keys k LEFT JOIN agents a ON a.org_id = k.org_id AND a.id = k.agent_id
         WHERE k.key_hash = $1`,
        [hash],
      );
      const orgId = auth.rows[0]?.org_id;
      const team = await db.query<{ version: number }>(
        `SELECT id, name, description, default_max_concurrent, enabled, archived_at, email,
           show_on_registration, show_on_offline_form, routing, created_at, updated_at, version
         FROM teams WHERE org_id = $1 AND id = $2`,
        [orgId, options.teamId],
      );
      const members = await db.query(
        `SELECT a.id, a.email, a.full_name, m.priority FROM team_members m
         JOIN agents a ON a.org_id = m.org_id AND a.id = m.agent_id
         WHERE m.org_id = $1 AND m.team_id = $2 ORDER BY m.agent_id`,
        [orgId, options.teamId],
      );
      const { version: _version, ...row } = team.rows[0] ?? { version: 0 };
      JSON.stringify({ ...row, members: members.rows });
      done++;
    }
  } finally {
    await db.close();
  }
  return done / options.seconds;
}
