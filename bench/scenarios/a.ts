/**
 * a. GET /v1/teams/{id} (50 members), 50 connections, PostgreSQL, against a bare node:http + pg
 * server; and Roster under row-level security (an ordinary role) against Roster as superuser.
 * The three take turns every couple of seconds (see `inSlices`).
 */
import { analyze, createTeam, sameAnswer, seedAgents, tenant } from '../data.js';
import {
  databaseEnv,
  freePort,
  freshDatabase,
  inSlices,
  load,
  POOL_SIZE,
  spread,
  startProcess,
  startRoster,
} from '../lib.js';
import { record, recordRls } from '../report.js';
import type { Bench, Scenario } from '../scenario.js';
import { PAIRS, SECONDS } from '../settings.js';

async function run(bench: Bench): Promise<void> {
  console.log('\na. GET /v1/teams/{id} (50 members), 50 connections, PostgreSQL');
  const db = await freshDatabase('a');
  bench.databases.push(db);
  const env = databaseEnv(db, 'superuser');
  const freshStart = await startRoster(env);
  const startup = { fresh: freshStart.startedInMs, warm: [] as number[] };
  await freshStart.stop();
  for (let i = 0; i < 3; i++) {
    const p = await startRoster(env);
    startup.warm.push(p.startedInMs);
    await p.stop();
  }
  const roster = await startRoster(env);
  bench.processes.push(roster);
  const rls = await startRoster(databaseEnv(db, 'rls'));
  bench.processes.push(rls);
  const baseline = await startProcess(
    'bench/baselines/http-pg.ts',
    { DATABASE_URL: db.url, POOL_SIZE: String(POOL_SIZE) },
    freePort(),
  );
  const t = await tenant(roster.base);
  const agents = await seedAgents(db.url, t.orgId, 50, 'a');
  const teamId = await createTeam(roster.base, t, 'fifty', agents);
  // Planner statistics, as autovacuum keeps them on a running system and as d has them. This
  // fixture's 50 agents and 50 memberships stay at autovacuum's threshold (more than 50 changes):
  // unanalysed, PostgreSQL planned the members' join from table sizes alone and read about 20
  // agents for each member (the superuser's plan; the ordinary role's, with the policy's
  // filter, happened to probe by key), and every side measured that.
  await analyze(db.url);
  const path = `/v1/teams/${teamId}`;
  await sameAnswer(roster.base, baseline.base, path, t.key);
  await sameAnswer(roster.base, rls.base, path, t.key);
  const rssAtRest = roster.rssMiB();

  const drive = (base: string, seconds = SECONDS) => {
    const sampler =
      base === roster.base
        ? setInterval(() => {
            rssUnderLoad = Math.max(rssUnderLoad, roster.rssMiB());
          }, 250)
        : undefined;
    return load({ url: `${base}${path}`, key: t.key, seconds, connections: 50 }).finally(() =>
      clearInterval(sampler),
    );
  };
  let rssUnderLoad = 0;
  await drive(roster.base);
  await drive(rls.base);
  await drive(baseline.base);
  const r = { rps: [] as number[], p99: [] as number[] };
  const l = { rps: [] as number[], p99: [] as number[] };
  const b = { rps: [] as number[], p99: [] as number[] };
  // Each pair gives each side SECONDS of load, the three taking turns every couple of seconds
  // (`inSlices`): a's runs had swung by a quarter between 10 s runs of the same server.
  const sides = { roster: roster.base, rls: rls.base, baseline: baseline.base };
  for (let i = 0; i < PAIRS; i++) {
    const runs = await inSlices(Object.values(sides), SECONDS, i, drive);
    const [A, L, B] = [sides.roster, sides.rls, sides.baseline].map((base) => runs.get(base));
    if (A === undefined || L === undefined || B === undefined) {
      throw new Error('a: a side did not run');
    }
    if (A.errors > 0 || L.errors > 0 || B.errors > 0) {
      const kinds = `roster: ${A.errorKinds}; RLS: ${L.errorKinds}; baseline: ${B.errorKinds}`;
      throw new Error(
        `a: errors under load (roster ${A.errors}, RLS ${L.errors}, baseline ${B.errors}): ${kinds}`,
      );
    }
    r.rps.push(A.rps);
    r.p99.push(A.p99);
    l.rps.push(L.rps);
    l.p99.push(L.p99);
    b.rps.push(B.rps);
    b.p99.push(B.p99);
  }
  const rps = { roster: spread(r.rps), baseline: spread(b.rps) };
  record({
    scenario: 'a',
    figure: 'requests/s',
    unit: 'req/s',
    ...rps,
    goal: '>= 0.85x',
    met: rps.roster.median >= 0.85 * rps.baseline.median,
  });
  const p99 = { roster: spread(r.p99), baseline: spread(b.p99) };
  record({
    scenario: 'a',
    figure: 'p99 latency (ms)',
    unit: 'ms',
    ...p99,
    goal: '<= 1.0x',
    met: p99.roster.median <= 1.0 * p99.baseline.median,
  });
  recordRls({ scenario: 'a', figure: 'requests/s', unit: 'req/s' }, spread(l.rps), rps.roster, 'higher');
  recordRls({ scenario: 'a', figure: 'p99 latency (ms)', unit: 'ms' }, spread(l.p99), p99.roster, 'lower');
  await baseline.stop();
  bench.a = { db, roster, rls, t, startup, rssAtRest, rssUnderLoad };
}

export const scenarioA: Scenario = { name: 'a', run };
