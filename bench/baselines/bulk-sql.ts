/**
 * Baseline for scenario b: the bulk membership change as one bare SQL statement in one transaction
 * through `pg`, the same INSERT ... SELECT unnest(...) Roster's repository issues, without the
 * HTTP round trip, validation, per-id report or event.
 */
import pg from 'pg';

export async function bareBulkAdd(options: {
  url: string;
  orgId: string;
  teamId: string;
  ids: string[];
  iterations: number;
}): Promise<number[]> {
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  const times: number[] = [];
  try {
    for (let i = 0; i < options.iterations; i++) {
      const started = performance.now();
      await client.query('BEGIN');
      await client.query({
        name: 'bulk-add',
        text: `INSERT INTO team_members (org_id, team_id, agent_id, created_at)
               SELECT $1, $2, id, now() FROM agents WHERE org_id = $1 AND id = ANY($3::uuid[])
               ON CONFLICT DO NOTHING`,
        values: [options.orgId, options.teamId, options.ids],
      });
      await client.query('COMMIT');
      times.push(performance.now() - started);
      await client.query({
        name: 'bulk-remove',
        text: 'DELETE FROM team_members WHERE org_id = $1 AND team_id = $2 AND agent_id = ANY($3::uuid[])',
        values: [options.orgId, options.teamId, options.ids],
      });
    }
  } finally {
    await client.end();
  }
  return times;
}
