/**
 * Baseline for scenario d: routing decisions as a bare SQL claim loop through `pg`, `clients`
 * at once. Each decision is one transaction: pick the least-busy member of the team with room,
 * locking it (`FOR UPDATE SKIP LOCKED`, so concurrent loops pass over each other's pick), and
 * insert the conversation assigned to it. No HTTP, no presence lookup, no events. The load is
 * `agents.assigned_count`, which the schema's triggers keep (migration 0011) and Roster reads:
 * counting each member's conversations instead, as this loop did before, made it three times
 * slower, and the ratio a measure of that count.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

const PICK = {
  name: 'pick',
  text: `SELECT a.id FROM team_members m
         JOIN agents a ON a.org_id = m.org_id AND a.id = m.agent_id
         JOIN teams t ON t.org_id = m.org_id AND t.id = m.team_id
         WHERE m.org_id = $1 AND m.team_id = $2 AND a.status = 'active' AND a.available
           AND a.assigned_count < coalesce(a.max_concurrent, t.default_max_concurrent, 5)
         ORDER BY a.assigned_count, a.last_assigned_at NULLS FIRST
         LIMIT 1 FOR UPDATE OF a SKIP LOCKED`,
};
const INSERT = {
  name: 'insert',
  text: `INSERT INTO conversations (id, org_id, team_id, assignee_id, status, created_at, updated_at, assigned_at)
         VALUES ($1, $2, $3, $4::uuid, CASE WHEN $4::uuid IS NULL THEN 'queued' ELSE 'assigned' END, now(), now(),
                 CASE WHEN $4::uuid IS NULL THEN NULL ELSE now() END)`,
};
const TOUCH = {
  name: 'touch',
  text: 'UPDATE agents SET last_assigned_at = now() WHERE org_id = $1 AND id = $2',
};

export async function bareClaimLoop(options: {
  url: string;
  orgId: string;
  teamId: string;
  clients: number;
  seconds: number;
}): Promise<{ perSecond: number; p50: number }> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.clients });
  const times: number[] = [];
  const until = performance.now() + options.seconds * 1000;
  try {
    await Promise.all(
      Array.from({ length: options.clients }, async () => {
        const client = await pool.connect();
        try {
          while (performance.now() < until) {
            const started = performance.now();
            await client.query('BEGIN');
            const picked = await client.query<{ id: string }>({
              ...PICK,
              values: [options.orgId, options.teamId],
            });
            const agent = picked.rows[0]?.id ?? null;
            await client.query({
              ...INSERT,
              values: [randomUUID(), options.orgId, options.teamId, agent],
            });
            if (agent !== null) {
              await client.query({ ...TOUCH, values: [options.orgId, agent] });
            }
            await client.query('COMMIT');
            times.push(performance.now() - started);
          }
        } finally {
          client.release();
        }
      }),
    );
  } finally {
    await pool.end();
  }
  const sorted = times.sort((a, b) => a - b);
  return { perSecond: times.length / options.seconds, p50: sorted[Math.floor(sorted.length / 2)] ?? 0 };
}
