/**
 * scale-out. Three instances behind HAProxy on one PostgreSQL (row-level security on) and one
 * Redis: the long form of the check in bench/scale-out (2,000 agents, a minute of load, a rolling
 * restart, a kill -9, a Redis restart), then requests/s of the mix with 1, 2 and 3 instances.
 * Under --quick it is left out: the test suite runs its short form on every CI run.
 */
import { one, record } from '../report.js';
import { runScaleOut } from '../scale-out/run.js';
import { measureThroughput } from '../scale-out/throughput.js';
import type { Scenario } from '../scenario.js';
import { QUICK } from '../settings.js';

async function run(): Promise<void> {
  console.log('\nscale-out. three instances behind HAProxy');
  if (QUICK) {
    console.log('  left out of --quick: test/scale-out.test.ts runs the short form');
    return;
  }
  const log = (line: string) => console.log(`    ${line}`);
  const report = await runScaleOut({
    instances: 3,
    agents: 2000,
    teams: 50,
    steadySeconds: 60,
    rates: {
      heartbeatEverySeconds: 10,
      availabilityPerSecond: 2000 * (0.05 / 60),
      teamReadsPerSecond: 20,
      membershipPerSecond: 2,
      conversationsPerSecond: 20,
      maxConversationSeconds: 60,
    },
    log,
  });
  const base = { scenario: 'so', baseline: null };
  const { figures } = report;
  record({
    ...base,
    figure: 'checks failed (of the scale-out run)',
    unit: 'count',
    roster: one(report.failures.length),
    goal: '0',
    met: report.failures.length === 0,
  });
  record({
    ...base,
    figure: 'presence across instances p99 (ms)',
    unit: 'ms',
    roster: one(figures.presenceP99Ms),
    goal: '<= 500 ms',
    met: figures.presenceP99Ms <= 500,
  });
  record({
    ...base,
    figure: 'failed requests in a rolling restart',
    unit: 'count',
    roster: one(figures.restartFailures),
    goal: '0',
    met: figures.restartFailures === 0,
  });
  const { perSecond } = await measureThroughput({ agents: 2000, seconds: 10, log });
  perSecond.forEach((rate, i) => {
    record({
      ...base,
      figure: `mix through HAProxy, ${i + 1} instance${i > 0 ? 's' : ''} (req/s)`,
      unit: 'req/s',
      roster: one(rate),
      goal: 'reported (flat on 2 cores)',
      met: null,
    });
  });
}

export const scenarioScaleOut: Scenario = { name: 'scale-out', run };
