/**
 * b. PATCH /v1/teams/{id}/members adding 1,000 agents, against the bare statements
 * (bench/baselines/bulk-sql.ts); under row-level security against superuser; and writing its
 * events and audit records against a server of the same database writing none
 * (ROSTER_RECORD_EVENTS=off), the write path's cost of them.
 */
import { bareBulk } from '../baselines/bulk-sql.js';
import { createTeam, seedAgents } from '../data.js';
import { api, databaseEnv, must, percentile, spread, startRoster, takeTurns } from '../lib.js';
import { record, recordEventsCost, recordRls } from '../report.js';
import { type Bench, from, type Scenario } from '../scenario.js';
import { BULK_ITERATIONS, PAIRS } from '../settings.js';

async function run(bench: Bench): Promise<void> {
  const a = from(bench, 'a');
  console.log('\nb. PATCH /v1/teams/{id}/members adding 1,000 agents');
  const agents = await seedAgents(a.db.url, a.t.orgId, 1000, 'b');
  const teamId = await createTeam(a.roster.base, a.t, 'bulk', []);
  const path = `/v1/teams/${teamId}/members`;
  const addThenRemove = async (base: string, ids = agents) => {
    const added = await api(base, a.t.key, 'PATCH', path, { add: ids });
    if (added.status !== 200) {
      throw new Error(`b: ${added.status}`);
    }
    await must(api(base, a.t.key, 'PATCH', path, { remove: ids }), 200);
    return added.ms;
  };
  const quiet = await startRoster({ ...databaseEnv(a.db, 'superuser'), ROSTER_RECORD_EVENTS: 'off' });
  bench.processes.push(quiet);
  const bare = await bareBulk({ url: a.db.url, orgId: a.t.orgId, teamId, ids: agents });
  // The four sides: Roster as superuser, as the ordinary role, writing no events, and the bare
  // statement. They take turns call by call, each taking every place in the order in turn, so
  // that each meets the tables (dead membership rows until autovacuum comes, outbox and audit
  // rows) and the machine's speed of the same minute as the others. Runs of 40 calls a side one
  // after another had put minutes of the machine's drift between the sides: events + audit vs
  // none went 0.95 to 1.20 in seven full runs, 0.96 to 1.06 in rounds interleaved call by call.
  const sides = [
    () => addThenRemove(a.roster.base),
    () => addThenRemove(a.rls.base),
    () => addThenRemove(quiet.base),
    () => bare.addThenRemove(),
  ];
  const calls = async (turn: number) => {
    const times = await takeTurns(sides, BULK_ITERATIONS, turn * BULK_ITERATIONS, (side) => side());
    return sides.map((side) => times.get(side) ?? []);
  };
  await calls(0);
  const r = { p50: [] as number[], p99: [] as number[], p50of100: [] as number[] };
  const l = { p50: [] as number[] };
  const q = { p50: [] as number[] };
  const b = { p50: [] as number[], p99: [] as number[] };
  for (let i = 0; i < PAIRS; i++) {
    const [A = [], L = [], Q = [], B = []] = await calls(i + 1);
    r.p50.push(percentile(A, 50));
    r.p99.push(percentile(A, 99));
    l.p50.push(percentile(L, 50));
    q.p50.push(percentile(Q, 50));
    b.p50.push(percentile(B, 50));
    b.p99.push(percentile(B, 99));
    const small: number[] = [];
    for (let j = 0; j < BULK_ITERATIONS; j++) {
      small.push(await addThenRemove(a.roster.base, agents.slice(0, 100)));
    }
    r.p50of100.push(percentile(small, 50));
  }
  await bare.end();
  const p50 = { roster: spread(r.p50), baseline: spread(b.p50) };
  record({
    scenario: 'b',
    figure: 'p50 per call (ms)',
    unit: 'ms',
    ...p50,
    goal: '<= 1.25x',
    met: p50.roster.median <= 1.25 * p50.baseline.median,
  });
  record({
    scenario: 'b',
    figure: 'p99 per call (ms)',
    unit: 'ms',
    roster: spread(r.p99),
    baseline: spread(b.p99),
    goal: 'reported',
    met: null,
  });
  const scaling = spread(r.p50.map((t1000, i) => t1000 / (r.p50of100[i] ?? t1000)));
  record({
    scenario: 'b',
    figure: 't(1000)/t(100)',
    unit: 'x',
    roster: scaling,
    baseline: null,
    ratio: null,
    goal: '<= 6',
    met: scaling.median <= 6,
  });
  recordRls({ scenario: 'b', figure: 'p50 per call (ms)', unit: 'ms' }, spread(l.p50), p50.roster, 'lower');
  recordEventsCost(
    { scenario: 'b', figure: 'p50 per call (ms)', unit: 'ms' },
    p50.roster,
    spread(q.p50),
    'lower',
  );
  await quiet.stop();
  bench.b = { agents, smallBulkP50: p50.roster.median };
}

export const scenarioB: Scenario = { name: 'b', needs: ['a'], run };
