/** Data the scenarios set up: tenants, agents, teams; and the simplest measurements over HTTP. */
import pg from 'pg';
import { api, MASTER_KEY, must, percentile, takeTurns } from './lib.js';
import type { Tenant } from './scenario.js';
import { SEQUENTIAL_SAMPLES } from './settings.js';

/** A new org and a key for it with every scope. */
export async function tenant(base: string): Promise<Tenant> {
  const org = await must(
    api<{ id: string }>(base, MASTER_KEY, 'POST', '/v1/orgs', { name: `bench ${Date.now()}` }),
    201,
  );
  const key = await must(
    api<{ key: string }>(base, MASTER_KEY, 'POST', `/v1/api-keys?org_id=${org.id}`, {
      name: 'bench',
      scopes: ['*'],
    }),
    201,
  );
  return { orgId: org.id, key: key.key };
}

/** Planner statistics for the whole database, as autovacuum keeps them on a running system. */
export async function analyze(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}

/** Inserts `n` agents (and their users) in one statement; returns their ids in id order. */
export async function seedAgents(url: string, orgId: string, n: number, label: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      `WITH u AS (
         INSERT INTO users (id, email, full_name, created_at)
         SELECT gen_random_uuid(), $2 || g || '@bench.test', 'Agent ' || g, now() FROM generate_series(1, $3::int) g
         RETURNING id, email, full_name
       )
       INSERT INTO agents (id, org_id, user_id, email, full_name, created_at, updated_at)
       SELECT gen_random_uuid(), $1, id, email, full_name, now(), now() FROM u
       RETURNING id`,
      [orgId, `${label}-${Date.now()}-`, n],
    );
    return rows.map((r) => r.id).sort();
  } finally {
    await client.end();
  }
}

export async function createTeam(base: string, t: Tenant, name: string, members: string[]): Promise<string> {
  const team = await must(api<{ id: string }>(base, t.key, 'POST', '/v1/teams', { name }), 201);
  for (let i = 0; i < members.length; i += 1000) {
    await must(
      api(base, t.key, 'PATCH', `/v1/teams/${team.id}/members`, { add: members.slice(i, i + 1000) }),
      200,
    );
  }
  return team.id;
}

/** p50 of `samples` sequential requests (one connection): latency without queueing. */
export async function sequentialP50(
  base: string,
  key: string,
  method: string,
  path: string,
  samples = SEQUENTIAL_SAMPLES,
): Promise<number> {
  const [p50 = 0] = await sequentialP50s([base], key, method, path, samples);
  return p50;
}

/**
 * p50 of `samples` sequential requests to each of `bases`, one at a time and taken in turns
 * request by request, each base going first in turn: each side meets the machine of the same
 * moment, where runs of one side after the other put seconds of drift between them.
 */
export async function sequentialP50s(
  bases: readonly string[],
  key: string,
  method: string,
  path: string,
  samples = SEQUENTIAL_SAMPLES,
): Promise<number[]> {
  const times = await takeTurns(bases, samples, 0, async (base) => {
    const res = await api(base, key, method, path);
    if (res.status !== 200) {
      throw new Error(`${method} ${path}: ${res.status}`);
    }
    return res.ms;
  });
  return bases.map((base) => percentile(times.get(base) ?? [], 50));
}

/** The baseline must answer what Roster answers, body and ETag, or the comparison means nothing. */
export async function sameAnswer(rosterBase: string, baselineBase: string, path: string, key: string) {
  const get = async (base: string) => {
    const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${key}` } });
    return { status: res.status, etag: res.headers.get('etag'), body: await res.text() };
  };
  const [mine, bare] = [await get(rosterBase), await get(baselineBase)];
  if (JSON.stringify(mine) !== JSON.stringify(bare)) {
    throw new Error(
      `the baseline answers ${path} differently:\n${JSON.stringify(mine)}\n${JSON.stringify(bare)}`,
    );
  }
}
