/**
 * Baseline for scenario a': the statements of `GET /v1/teams/{id}` (authenticate the key, then
 * Roster's one statement for the team and its members) in a tight loop on PGlite over the same
 * data directory.
 * PGlite is one serialized session, so this loop is the most any server on it could answer.
 */
import { createHash } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
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
      const team = await db.query<Parameters<typeof teamBody>[0]>(TEAM_WITH_MEMBERS_SQL, [
        orgId,
        options.teamId,
      ]);
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
