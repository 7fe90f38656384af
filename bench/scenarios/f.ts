/** f. Start-up to /readyz on a fresh store and on existing data, as a (PostgreSQL) and a' (PGlite) took it. */
import { spread } from '../lib.js';
import { one, record } from '../report.js';
import type { Bench, Scenario, Startup } from '../scenario.js';

function recordStartup(store: 'PGlite' | 'PostgreSQL', startup: Startup, goalMs: number) {
  const fresh = store === 'PGlite' ? 'fresh data directory' : 'fresh database';
  const existing = store === 'PGlite' ? 'existing data' : 'migrated database';
  const warm = spread(startup.warm);
  const goal = `<= ${goalMs} ms`;
  const base = { scenario: 'f', unit: 'ms', baseline: null, goal };
  record({
    ...base,
    figure: `${store}, ${fresh} (ms)`,
    roster: one(startup.fresh),
    met: startup.fresh <= goalMs,
  });
  record({ ...base, figure: `${store}, ${existing} (ms)`, roster: warm, met: warm.median <= goalMs });
}

async function run(bench: Bench): Promise<void> {
  console.log('\nf. start-up (process start to /readyz 200)');
  if (bench.aPrime) {
    recordStartup('PGlite', bench.aPrime, 5000);
  }
  if (bench.a) {
    recordStartup('PostgreSQL', bench.a.startup, 2000);
  }
}

export const scenarioF: Scenario = { name: 'f', needs: ['a', "a'"], run };
