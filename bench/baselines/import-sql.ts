/**
 * Baseline for the import scenario: the same rows written by bare statements through `pg`, as
 * the bulk endpoint's repository writes them (users, then agents, 1,000 per transaction; teams;
 * memberships 1,000 per statement), without the CLI, HTTP, validation, per-item results or events.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface ImportRow {
  email: string;
  fullName: string;
  tags: string[];
  team: string;
  maxConcurrent: number;
}

export async function bareImport(url: string, orgId: string, rows: ImportRow[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const started = performance.now();
  try {
    const teams = new Map<string, string>();
    for (const name of new Set(rows.map((r) => r.team))) {
      teams.set(name, randomUUID());
    }
    await client.query(
      `INSERT INTO teams (id, org_id, name, created_at, updated_at)
       SELECT t.id, $1, t.name, now(), now() FROM unnest($2::uuid[], $3::text[]) AS t(id, name)`,
      [orgId, [...teams.values()], [...teams.keys()]],
    );
    const members = new Map<string, string[]>();
    for (let i = 0; i < rows.length; i += 1000) {
      const part = rows.slice(i, i + 1000).map((r) => ({ ...r, id: randomUUID(), userId: randomUUID() }));
      await client.query('BEGIN');
      const users = await client.query<{ id: string; email: string }>(
        `INSERT INTO users (id, email, full_name, created_at)
         SELECT u.id, u.email, u.full_name, now()
         FROM jsonb_to_recordset($1::jsonb) AS u(id uuid, email text, full_name text)
         ON CONFLICT ((lower(email))) DO UPDATE SET email = users.email
         RETURNING id, lower(email) AS email`,
        [JSON.stringify(part.map((r) => ({ id: r.userId, email: r.email, full_name: r.fullName })))],
      );
      const userIds = new Map(users.rows.map((u) => [u.email, u.id]));
      await client.query(
        `INSERT INTO agents (id, org_id, user_id, email, full_name, max_concurrent, tags, created_at, updated_at)
         SELECT a.id, $1, a.user_id, a.email, a.full_name, a.max_concurrent, a.tags, now(), now()
         FROM jsonb_populate_recordset(NULL::agents, $2::jsonb) a`,
        [
          orgId,
          JSON.stringify(
            part.map((r) => ({
              id: r.id,
              user_id: userIds.get(r.email.toLowerCase()),
              email: r.email,
              full_name: r.fullName,
              max_concurrent: r.maxConcurrent,
              tags: r.tags,
            })),
          ),
        ],
      );
      await client.query('COMMIT');
      for (const r of part) {
        const teamId = teams.get(r.team) as string;
        members.set(teamId, [...(members.get(teamId) ?? []), r.id]);
      }
    }
    for (const [teamId, ids] of members) {
      await client.query(
        `INSERT INTO team_members (org_id, team_id, agent_id, created_at)
         SELECT $1, $2, id, now() FROM unnest($3::uuid[]) AS id ON CONFLICT DO NOTHING`,
        [orgId, teamId, ids],
      );
    }
    return performance.now() - started;
  } finally {
    await client.end();
  }
}
