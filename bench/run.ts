/**
 * `npm run bench [-- --quick] [-- --only=a,b]`: measures Roster against a baseline in the same run.
 *
 * Every scenario (bench/scenarios/) runs Roster as a real process (on a fresh PostgreSQL database,
 * and for a' on PGlite) and its baseline alternately, A B A B, for `pairs` pairs, and reports the
 * median and the min-max of each side and the ratio of the medians. Results go to stdout and to
 * bench/results/latest.json (quick.json for --quick). `--quick` is a smoke of the harness, not a
 * measurement.
 */

import { printHeader, writeResults } from './report.js';
import type { Bench, Scenario } from './scenario.js';
import { SCENARIOS } from './scenarios/index.js';
import { ONLY } from './settings.js';

/** The scenarios asked for and those they need, in the list's order. */
export function selected(all: Scenario[], only: string[] | undefined): Scenario[] {
  const byName = new Map(all.map((s) => [s.name, s]));
  const chosen = new Set<string>();
  const add = (name: string) => {
    const scenario = byName.get(name);
    if (scenario === undefined) {
      throw new Error(`no scenario ${JSON.stringify(name)} (there are ${all.map((s) => s.name).join(', ')})`);
    }
    if (!chosen.has(name)) {
      chosen.add(name);
      for (const need of scenario.needs ?? []) {
        add(need);
      }
    }
  };
  for (const name of only ?? all.map((s) => s.name)) {
    add(name);
  }
  return all.filter((s) => chosen.has(s.name));
}

async function main() {
  const started = Date.now();
  printHeader();
  const bench: Bench = { databases: [], processes: [] };
  try {
    for (const scenario of selected(SCENARIOS, ONLY)) {
      await scenario.run(bench);
    }
  } finally {
    for (const proc of bench.processes) {
      await proc.stop();
    }
    for (const db of bench.databases) {
      await db.drop().catch(() => {});
    }
  }
  await writeResults(started);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
