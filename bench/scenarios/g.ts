/** g. Memory: Roster's resident set at rest and under scenario a's load. */
import { one, record } from '../report.js';
import { type Bench, from, type Scenario } from '../scenario.js';

async function run(bench: Bench): Promise<void> {
  const a = from(bench, 'a');
  console.log('\ng. memory');
  const base = { scenario: 'g', unit: 'MiB', baseline: null, goal: 'reported', met: null };
  record({ ...base, figure: 'RSS at rest (MiB)', roster: one(a.rssAtRest) });
  record({ ...base, figure: 'RSS under scenario a, peak (MiB)', roster: one(a.rssUnderLoad) });
}

export const scenarioG: Scenario = { name: 'g', needs: ['a'], run };
