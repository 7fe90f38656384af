/**
 * Baseline for scenario a': the statements of `GET /v1/teams/{id}` (authenticate the key, then
 * Roster's one statement for the team and its members), each prepared once, in a tight loop on
 * PGlite over the same data directory.
 * PGlite is one serialized session, so this loop is the most any server on it could answer.
 */
import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { TEAM_WITH_MEMBERS_SQL, teamBody } from './team-statement.js';

export async function pgliteLoop(options: {
  dataDir: string;
  key: string;
  teamId: string;
  seconds: number;
}): Promise<number> {
  const db = new PGlite(options.dataDir);
  await db.waitReady;
  const hash = createHash('sha256').update(options.key).digest('hex');
  // Prepared once, as the PostgreSQL baselines' named statements are and as Roster prepares a
  // statement it runs again (src/db/pglite-prepared.ts); PGlite binds no parameters to EXECUTE,
  // so they go as quoted literals.
  await db.query(`PREPARE bench_auth(text) AS
    SELECT k.id, k.org_id, k.scopes, k.agent_id, k.expires_at, a.role, a.status, a.trashed_at IS NOT NULL AS trashed
    FROM api_keys k LEFT JOIN agents a ON a.org_id = k.org_id AND a.id = k.agent_id
    WHERE k.key_hash = $1`);
  await db.query(`PREPARE bench_team(uuid, uuid) AS ${TEAM_WITH_MEMBERS_SQL}`);
  const auth = `EXECUTE bench_auth(${pg.escapeLiteral(hash)})`;
  let done = 0;
  const until = performance.now() + options.seconds * 1000;
  try {
    while (performance.now() < until) {
      // The statements of the HTTP baseline (bench/baselines/http-pg.ts), and the same answer.
      const found = await db.query<{ org_id: string }>(auth);
      const orgId = found.rows[0]?.org_id ?? '00000000-0000-0000-0000-000000000000';
      const team = await db.query<Parameters<typeof teamBody>[0]>(
        `EXECUTE bench_team(${pg.escapeLiteral(orgId)}, ${pg.escapeLiteral(options.teamId)})`,
      );
      if (team.rows[0] !== undefined) {
        teamBody(team.rows[0]);
      }
      done++;
    }
  } finally {
    await db.close();
  }
  return done / options.seconds;
}
