/** c. Presence heartbeats, 50 connections, over 1,000 agents, in-process and Redis store. */
import {
  databaseEnv,
  freePort,
  inSlices,
  load,
  POOL_SIZE,
  spread,
  startProcess,
  startRoster,
} from '../lib.js';
import { record, recordRls } from '../report.js';
import { type Bench, from, type Scenario } from '../scenario.js';
import { PAIRS, REDIS_URL, SECONDS } from '../settings.js';

async function run(bench: Bench): Promise<void> {
  const a = from(bench, 'a');
  const bulkAgents = from(bench, 'b').agents;
  console.log('\nc. presence heartbeats, 50 connections, over 1,000 agents');
  const paths = bulkAgents.map((id) => `/v1/agents/${id}/presence/heartbeat`);
  const drive = (base: string, seconds = SECONDS) =>
    load({
      url: `${base}${paths[0]}`,
      key: a.t.key,
      seconds,
      connections: 50,
      method: 'POST',
      body: '{}',
      paths,
    });
  for (const store of ['in-process', 'redis'] as const) {
    const redis: Record<string, string> = store === 'redis' ? { REDIS_URL } : {};
    const roster =
      store === 'in-process' ? a.roster : await startRoster({ ...databaseEnv(a.db, 'superuser'), ...redis });
    const rls = store === 'in-process' ? a.rls : await startRoster({ ...databaseEnv(a.db, 'rls'), ...redis });
    const baseline = await startProcess(
      'bench/baselines/http-pg.ts',
      { DATABASE_URL: a.db.url, POOL_SIZE: String(POOL_SIZE), ...redis },
      freePort(),
    );
    await drive(roster.base);
    await drive(rls.base);
    await drive(baseline.base);
    const r: number[] = [];
    const l: number[] = [];
    const b: number[] = [];
    // The three take turns every couple of seconds (`inSlices`), each going first in turn.
    const sides = [roster.base, rls.base, baseline.base];
    for (let i = 0; i < PAIRS; i++) {
      const runs = await inSlices(sides, SECONDS, i, drive);
      const [A, L, B] = sides.map((base) => runs.get(base));
      if (A === undefined || L === undefined || B === undefined) {
        throw new Error('c: a side did not run');
      }
      if (A.errors > 0 || L.errors > 0 || B.errors > 0) {
        const kinds = `roster: ${A.errorKinds}; RLS: ${L.errorKinds}; baseline: ${B.errorKinds}`;
        throw new Error(`c: errors (roster ${A.errors}, RLS ${L.errors}, baseline ${B.errors}): ${kinds}`);
      }
      r.push(A.rps);
      l.push(L.rps);
      b.push(B.rps);
    }
    const hb = { roster: spread(r), baseline: spread(b) };
    record({
      scenario: 'c',
      figure: `heartbeats/s (${store} store)`,
      unit: 'req/s',
      ...hb,
      goal: '>= 5000/s and >= 0.7x',
      met: hb.roster.median >= 5000 && hb.roster.median >= 0.7 * hb.baseline.median,
    });
    recordRls(
      { scenario: 'c', figure: `heartbeats/s (${store} store)`, unit: 'req/s' },
      spread(l),
      hb.roster,
      'higher',
    );
    await baseline.stop();
    if (roster !== a.roster) {
      await roster.stop();
      await rls.stop();
    }
  }
}

export const scenarioC: Scenario = { name: 'c', needs: ['a', 'b'], run };
