import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { runScaleOut } from '../bench/scale-out/run.js';
import { TEST_DB_KIND } from './harness.js';
import { killServers } from './server.js';

const haproxy = ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy'].some(existsSync);
// Several instances cannot share the embedded database: this runs once, in the PostgreSQL suite.
const skip =
  TEST_DB_KIND !== 'postgres'
    ? 'needs PostgreSQL (ROSTER_TEST_DB=postgres): several instances share one database'
    : !haproxy && process.env.CI !== 'true'
      ? 'needs HAProxy (apt-get install haproxy; .ci/run installs it, and in CI its absence fails)'
      : false;

describe('three instances behind HAProxy (short form of the scale-out check)', {
  skip,
  timeout: 300_000,
}, () => {
  after(() => killServers());

  it('keeps every guarantee through a rolling restart, a kill -9 and a Redis restart', async () => {
    const report = await runScaleOut({
      instances: 3,
      agents: 200,
      teams: 4,
      steadySeconds: 8,
      rates: {
        heartbeatEverySeconds: 10,
        availabilityPerSecond: 2,
        teamReadsPerSecond: 5,
        membershipPerSecond: 1,
        conversationsPerSecond: 4,
        maxConversationSeconds: 5,
      },
      log: process.env.ROSTER_SCALE_OUT_LOG === '1' ? (line) => console.error(line) : () => {},
    });
    assert.deepEqual(report.failures, [], report.lines.join('\n'));
  });
});
