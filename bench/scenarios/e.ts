import pg from 'pg';
import { encodeCursor } from '../../src/core/paging.js';
import { createTeam, seedAgents, sequentialP50, sequentialP50s, tenant } from '../data.js';
import { api, databaseEnv, freshDatabase, must, percentile, spread, startRoster } from '../lib.js';
import { one, record, recordRls } from '../report.js';
import type { Bench, Scenario } from '../scenario.js';
import { BULK_ITERATIONS, QUICK } from '../settings.js';

/** Rounds of e's sequential reads per side (see `run`). */
const READ_ROUNDS = QUICK ? 1 : 5;

/** A team of the seeded ones (not the small-data team), for the GET at scale. */
async function scaleTeams(url: string, orgId: string, except: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<{ id: string }>(
      'SELECT id FROM teams WHERE org_id = $1 AND id <> $2 ORDER BY id LIMIT 1',
      [orgId, except],
    );
  } finally {
    await client.end();
  }
}

/**
 * e. Scale: list pages, GET team and bulk add with 100,000 agents and 1,000,000 memberships; each
 * also under row-level security against superuser. The two processes take turns request by
 * request over READ_ROUNDS rounds of the reads, one at a time; each runs the bulk add once.
 */
async function run(bench: Bench): Promise<void> {
  // b's figure, when b ran (the bulk add at scale is then compared with it).
  const small = { bulkP50: bench.b?.smallBulkP50 ?? 0 };
  const agentsN = QUICK ? 10_000 : 100_000;
  const teamsN = QUICK ? 1_000 : 10_000;
  const perTeam = 100;
  console.log(`\ne. scale: ${agentsN} agents, ${teamsN} teams, ${teamsN * perTeam} memberships`);
  const db = await freshDatabase('e');
  bench.databases.push(db);
  const roster = await startRoster(databaseEnv(db, 'superuser'));
  const rlsRoster = await startRoster(databaseEnv(db, 'rls'));
  try {
    const t = await tenant(roster.base);
    // The small-data figure: a team of the same size, read in this process before the data grows.
    const smallIds = await seedAgents(db.url, t.orgId, perTeam, 'e-small');
    const smallTeamId = await createTeam(roster.base, t, 'small', smallIds);
    // Warm first (a new process, new prepared statements): the figure at scale is taken warm too.
    await sequentialP50(roster.base, t.key, 'GET', `/v1/teams/${smallTeamId}`);
    const smallTeamP50 = await sequentialP50(roster.base, t.key, 'GET', `/v1/teams/${smallTeamId}`);
    const ids = [...smallIds, ...(await seedAgents(db.url, t.orgId, agentsN - perTeam, 'e'))].sort();
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO teams (id, org_id, name, created_at, updated_at)
         SELECT gen_random_uuid(), $1, 'team ' || g, now(), now() FROM generate_series(1, $2::int) g`,
        [t.orgId, teamsN],
      );
      await client.query(
        `WITH t AS (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM teams WHERE org_id = $1),
              a AS (SELECT id, row_number() OVER (ORDER BY id) - 1 AS rn FROM agents WHERE org_id = $1)
         INSERT INTO team_members (org_id, team_id, agent_id, created_at)
         SELECT $1, t.id, a.id, now() FROM t CROSS JOIN generate_series(0, $2::int - 1) k
         JOIN a ON a.rn = (t.rn * $2 + k) % $3
         ON CONFLICT DO NOTHING`,
        [t.orgId, perTeam, agentsN],
      );
      await client.query('ANALYZE');
    } finally {
      await client.end();
    }
    const { rows: seededTeams } = await scaleTeams(db.url, t.orgId, smallTeamId);
    const page = 1000;
    const pageNumber = Math.min(page, Math.floor(agentsN / 100) - 1);
    const cursor = encodeCursor(ids[pageNumber * 100 - 1] as string);
    /** The sequential reads at scale, the two processes taking turns: p50s of SEQUENTIAL_SAMPLES each. */
    const reads = async (bases: string[]) => {
      const get = (path: string) => sequentialP50s(bases, t.key, 'GET', path);
      const [first, deep, team] = [
        await get('/v1/agents?limit=100'),
        await get(`/v1/agents?limit=100&after=${cursor}`),
        await get(`/v1/teams/${seededTeams[0]?.id}`),
      ];
      return bases.map((_, i) => ({ first: first[i] ?? 0, deep: deep[i] ?? 0, team: team[i] ?? 0 }));
    };
    /** The bulk add at scale, through one Roster process: p50 of BULK_ITERATIONS calls. */
    const bulk = async (base: string) => {
      const bulkTeam = await must(
        api<{ id: string }>(base, t.key, 'POST', '/v1/teams', { name: `bulk at scale ${base}` }),
        201,
      );
      const times: number[] = [];
      for (let i = 0; i < BULK_ITERATIONS; i++) {
        const batch = ids.slice((i * 1000) % (agentsN - 1000), ((i * 1000) % (agentsN - 1000)) + 1000);
        const path = `/v1/teams/${bulkTeam.id}/members`;
        const res = await api(base, t.key, 'PATCH', path, { add: batch });
        if (res.status !== 200) {
          throw new Error(`e bulk: ${res.status}`);
        }
        times.push(res.ms);
        await must(api(base, t.key, 'PATCH', path, { remove: batch }), 200);
      }
      return percentile(times, 50);
    };
    // A sequential p50 of one process moves by 10-15 % from one round to the next (a few ms each):
    // each side is warmed once (its first reads of these routes), then READ_ROUNDS rounds in which
    // the two take turns request by request, and the figures are the rounds' medians.
    const sides = [roster.base, rlsRoster.base];
    await reads(sides);
    const rounds = new Map(sides.map((base) => [base, [] as Awaited<ReturnType<typeof reads>>]));
    for (let i = 0; i < READ_ROUNDS; i++) {
      const round = await reads(sides);
      sides.forEach((base, j) => {
        const figures = round[j];
        if (figures !== undefined) {
          rounds.get(base)?.push(figures);
        }
      });
    }
    const figures = (base: string) => {
      const of = rounds.get(base) ?? [];
      return {
        first: spread(of.map((r) => r.first)),
        deep: spread(of.map((r) => r.deep)),
        team: spread(of.map((r) => r.team)),
      };
    };
    const su = { ...figures(roster.base), bulk: one(await bulk(roster.base)) };
    const rls = { ...figures(rlsRoster.base), bulk: one(await bulk(rlsRoster.base)) };
    record({
      scenario: 'e',
      figure: `list agents: page ${pageNumber + 1} vs page 1, p50 (ms)`,
      unit: 'ms',
      roster: su.deep,
      baseline: su.first,
      goal: '<= 1.5x',
      met: su.deep.median <= 1.5 * su.first.median,
    });
    record({
      scenario: 'e',
      figure: `GET team (${perTeam} members) vs same size on small data, p50 (ms)`,
      unit: 'ms',
      roster: su.team,
      baseline: one(smallTeamP50),
      goal: '<= 1.5x',
      met: su.team.median <= 1.5 * smallTeamP50,
    });
    record({
      scenario: 'e',
      figure: 'bulk add 1,000 at scale vs small data, p50 (ms)',
      unit: 'ms',
      roster: su.bulk,
      baseline: one(small.bulkP50),
      goal: 'reported',
      met: null,
    });
    const ms = (figure: string) => ({ scenario: 'e', figure, unit: 'ms' });
    recordRls(ms('list agents: page 1, p50 (ms)'), rls.first, su.first, 'lower');
    recordRls(ms(`list agents: page ${pageNumber + 1}, p50 (ms)`), rls.deep, su.deep, 'lower');
    recordRls(ms(`GET team (${perTeam} members) at scale, p50 (ms)`), rls.team, su.team, 'lower');
    recordRls(ms('bulk add 1,000 at scale, p50 (ms)'), rls.bulk, su.bulk, 'lower');
  } finally {
    await roster.stop();
    await rlsRoster.stop();
  }
}

export const scenarioE: Scenario = { name: 'e', run };
