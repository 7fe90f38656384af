/**
 * b. PATCH /v1/teams/{id}/members adding 1,000 agents, against the bare statements
 * (bench/baselines/bulk-sql.ts); under row-level security against superuser; and writing its
 * events and audit records against a server of the same database writing none
 * (ROSTER_RECORD_EVENTS=off), the write path's cost of them.
 */
import { bareBulkAdd } from '../baselines/bulk-sql.js';
import { createTeam, seedAgents } from '../data.js';
import { api, databaseEnv, inTurn, must, percentile, spread, startRoster } from '../lib.js';
import { record, recordEventsCost, recordRls } from '../report.js';
import { type Bench, from, type Scenario } from '../scenario.js';
import { BULK_ITERATIONS, PAIRS } from '../settings.js';

async function run(bench: Bench): Promise<void> {
  const a = from(bench, 'a');
  console.log('\nb. PATCH /v1/teams/{id}/members adding 1,000 agents');
  const agents = await seedAgents(a.db.url, a.t.orgId, 1000, 'b');
  const teamId = await createTeam(a.roster.base, a.t, 'bulk', []);
  const path = `/v1/teams/${teamId}/members`;
  const rosterAdds = async (ids: string[], base = a.roster.base) => {
    const times: number[] = [];
    for (let i = 0; i < BULK_ITERATIONS; i++) {
      const added = await api(base, a.t.key, 'PATCH', path, { add: ids });
      if (added.status !== 200) {
        throw new Error(`b: ${added.status}`);
      }
      times.push(added.ms);
      await must(api(base, a.t.key, 'PATCH', path, { remove: ids }), 200);
    }
    return times;
  };
  const bare = (ids: string[]) =>
    bareBulkAdd({ url: a.db.url, orgId: a.t.orgId, teamId, ids, iterations: BULK_ITERATIONS });
  const quiet = await startRoster({ ...databaseEnv(a.db, 'superuser'), ROSTER_RECORD_EVENTS: 'off' });
  bench.processes.push(quiet);
  await rosterAdds(agents);
  await rosterAdds(agents, a.rls.base);
  await rosterAdds(agents, quiet.base);
  await bare(agents);
  const r = { p50: [] as number[], p99: [] as number[], p50of100: [] as number[] };
  const l = { p50: [] as number[] };
  const q = { p50: [] as number[] };
  const b = { p50: [] as number[], p99: [] as number[] };
  // Each call leaves dead membership rows behind until autovacuum comes, and two of the three
  // servers leave outbox and audit rows, so later runs meet larger tables: the three take turns
  // at going first, second and third, one turn per pair.
  const sides = [a.roster.base, a.rls.base, quiet.base];
  for (let i = 0; i < PAIRS; i++) {
    const times = new Map<string, number[]>();
    for (const base of inTurn(sides, i)) {
      times.set(base, await rosterAdds(agents, base));
    }
    const A = times.get(a.roster.base) ?? [];
    l.p50.push(percentile(times.get(a.rls.base) ?? [], 50));
    q.p50.push(percentile(times.get(quiet.base) ?? [], 50));
    const B = await bare(agents);
    r.p50.push(percentile(A, 50));
    r.p99.push(percentile(A, 99));
    b.p50.push(percentile(B, 50));
    b.p99.push(percentile(B, 99));
    r.p50of100.push(percentile(await rosterAdds(agents.slice(0, 100)), 50));
  }
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
