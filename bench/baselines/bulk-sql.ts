/**
 * Baseline for scenario b: the bulk membership change as one bare SQL statement in one transaction
 * through `pg`, the same INSERT ... SELECT unnest(...) Roster's repository issues, without the
 * HTTP round trip, validation, per-id report or event.
 */
import pg from 'pg';

export interface BareBulk {
  /** Adds `ids` to the team in one transaction, timed, then removes them again (not timed). */
  addThenRemove: () => Promise<number>;
  end: () => Promise<void>;
}

/** One connection that makes b's change the bare way, call by call. */
export async function bareBulk(options: {
  url: string;
  orgId: string;
  teamId: string;
  ids: string[];
}): Promise<BareBulk> {
  const client = new pg.Client({ connectionString: options.url });
  await client.connect();
  const values = [options.orgId, options.teamId, options.ids];
  return {
    addThenRemove: async () => {
      const started = performance.now();
      await client.query('BEGIN');
      await client.query({
        name: 'bulk-add',
        text: `INSERT INTO team_members (org_id, team_id, agent_id, created_at)
               SELECT $1, $2, id, now() FROM agents WHERE org_id = $1 AND id = ANY($3::uuid[])
               ON CONFLICT DO NOTHING`,
        values,
      });
      await client.query('COMMIT');
      const ms = performance.now() - started;
      await client.query({
        name: 'bulk-remove',
        text: 'DELETE FROM team_members WHERE org_id = $1 AND team_id = $2 AND agent_id = ANY($3::uuid[])',
        values,
      });
      return ms;
    },
    end: () => client.end(),
  };
}
