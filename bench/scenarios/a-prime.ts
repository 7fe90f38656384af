import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pgliteLoop } from '../baselines/pglite-loop.js';
import { createTeam, tenant } from '../data.js';
import { api, load, must, spread, startRoster } from '../lib.js';
import { record } from '../report.js';
import type { Bench, Scenario } from '../scenario.js';
import { PAIRS, SECONDS } from '../settings.js';

/** a'. The same GET on PGlite; Roster and the bare loop take turns on one data directory. */
async function run(bench: Bench): Promise<void> {
  console.log("\na'. GET /v1/teams/{id} (50 members) on embedded PGlite");
  const dir = mkdtempSync(join(os.tmpdir(), 'roster-bench-pglite-'));
  const startup = { fresh: 0, warm: [] as number[] };
  try {
    let seeded: { key: string; teamId: string } | null = null;
    const r: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      let roster = await startRoster({ ROSTER_DATA_DIR: dir });
      if (seeded === null) {
        startup.fresh = roster.startedInMs;
        const t = await tenant(roster.base);
        const ids: string[] = [];
        for (let n = 0; n < 50; n++) {
          const agent = await must(
            api<{ id: string }>(roster.base, t.key, 'POST', '/v1/agents', {
              email: `p${n}@bench.test`,
              full_name: `P ${n}`,
            }),
            201,
          );
          ids.push(agent.id);
        }
        seeded = { key: t.key, teamId: await createTeam(roster.base, t, 'fifty', ids) };
        // Planner statistics, as on a and d's PostgreSQL. The fixture's 50 agents and 50
        // memberships stay at autovacuum's threshold (more than 50 changes), which Roster's own
        // maintenance of the embedded database applies too: unanalysed, both sides would plan from
        // table sizes alone, and GET team's statement took twice as long.
        await roster.stop();
        const analysing = new PGlite(dir);
        await analysing.exec('ANALYZE');
        await analysing.close();
        roster = await startRoster({ ROSTER_DATA_DIR: dir });
      } else {
        startup.warm.push(roster.startedInMs);
      }
      const url = `${roster.base}/v1/teams/${seeded.teamId}`;
      await load({ url, key: seeded.key, seconds: 1, connections: 50 });
      const A = await load({ url, key: seeded.key, seconds: SECONDS, connections: 50 });
      if (A.errors > 0) {
        throw new Error(`a': ${A.errors} errors: ${A.errorKinds}`);
      }
      r.push(A.rps);
      await roster.stop();
      b.push(await pgliteLoop({ dataDir: dir, key: seeded.key, teamId: seeded.teamId, seconds: SECONDS }));
    }
    const rps = { roster: spread(r), baseline: spread(b) };
    record({
      scenario: "a'",
      figure: 'requests/s (PGlite)',
      unit: 'req/s',
      ...rps,
      goal: '>= 0.95x',
      met: rps.roster.median >= 0.95 * rps.baseline.median,
    });
    if (startup.warm.length === 0) {
      const again = await startRoster({ ROSTER_DATA_DIR: dir });
      startup.warm.push(again.startedInMs);
      await again.stop();
    }
    bench.aPrime = startup;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const scenarioAPrime: Scenario = { name: "a'", run };
