/**
 * The scale-out check: N Roster instances behind HAProxy on one PostgreSQL (RLS on) and one Redis,
 * under a steady mixed load, through a rolling restart, the loss of an instance and a Redis
 * restart. `runScaleOut` returns every figure and the list of checks that failed; the test runs a
 * short form, `npm run bench:scale-out` (and `npm run bench`) the long one.
 */
import { percentile } from '../lib.js';
import { inspectDatabase, PresenceProbe, ResumingFollower, replayAfter, revocationDelays } from './checks.js';
import { CLUSTER_MASTER_KEY, Cluster } from './cluster.js';
import { type LoadRates, MixedLoad, type Org, send } from './load.js';
import { setUpOrg } from './setup.js';

export interface ScaleOutOptions {
  instances: number;
  agents: number;
  teams: number;
  /** Seconds of steady load besides the restarts (split before and after them). */
  steadySeconds: number;
  rates: LoadRates;
  log: (line: string) => void;
}

export interface ScaleOutReport {
  failures: string[];
  lines: string[];
  /** Figures for the benchmark table. */
  figures: { presenceP50Ms: number; presenceP99Ms: number; revocationMaxMs: number; restartFailures: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runScaleOut(options: ScaleOutOptions): Promise<ScaleOutReport> {
  const { log } = options;
  const failures: string[] = [];
  const lines: string[] = [];
  const figures = {
    presenceP50Ms: Number.NaN,
    presenceP99Ms: Number.NaN,
    revocationMaxMs: Number.NaN,
    restartFailures: -1,
  };
  const note = (line: string) => {
    lines.push(line);
    log(line);
  };
  const phase = (what: string) => log(`${new Date().toISOString()} ${what}`);
  const expect = (ok: boolean, what: string) => {
    if (!ok) {
      failures.push(what);
    }
    note(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  };

  const cluster = await Cluster.start({ instances: options.instances, presenceTtlSeconds: 30 });
  const up = Array.from({ length: options.instances }, () => true);
  try {
    const org = await setUpOrg(cluster, CLUSTER_MASTER_KEY, options.agents, options.teams);
    note(`org of ${org.agents.length} agents in ${org.teams.length} teams, behind HAProxy at ${cluster.url}`);
    const before = await inspectDatabase(cluster.ownerUrl, org.orgId, []);
    const follower = new ResumingFollower(cluster.url, org.key, 5000);
    await follower.start();
    // Every event the org stores from here on must reach the follower.
    const load = new MixedLoad(org, options.rates);
    const probe = new PresenceProbe(cluster, org.key, org.probes, () => up);
    load.start();
    probe.start();
    const failedSoFar = () => load.total().failed;

    await sleep((options.steadySeconds * 1000) / 2);

    const revocation = await revocationDelays(cluster, CLUSTER_MASTER_KEY, org.orgId);
    figures.revocationMaxMs = Math.max(...revocation);
    expect(
      revocation.every((ms) => ms <= 1000),
      `a deleted key is refused by every instance within 1 s (${revocation.map((ms) => `${Math.round(ms)} ms`).join(', ')})`,
    );

    const failedBeforeRestart = failedSoFar();
    for (let i = 0; i < options.instances; i++) {
      phase(`restarting instance ${i}`);
      probe.disrupt();
      up[i] = false;
      const code = await cluster.stopInstance(i);
      if (code !== 0) {
        failures.push(`instance ${i + 1} exited with ${code} after SIGTERM`);
      }
      await cluster.startInstance(i);
      await cluster.waitBalanced(i, true);
      up[i] = true;
    }
    const restartFailures = failedSoFar() - failedBeforeRestart;
    figures.restartFailures = restartFailures;
    expect(
      restartFailures === 0,
      `rolling restart of ${options.instances} instances: ${restartFailures} failed requests`,
    );

    await sleep(2000);
    const lost = options.instances - 1;
    const sample = org.agents.slice(0, 50);
    up[lost] = false;
    const failedBeforeKill = failedSoFar();
    phase(`kill -9 of instance ${lost}`);
    probe.disrupt();
    await cluster.killInstance(lost);
    await cluster.waitBalanced(lost, false);
    const stillOnline = await countOnline(cluster.direct(0), org.key, sample);
    expect(
      stillOnline === sample.length,
      `after kill -9 of an instance, ${stillOnline}/${sample.length} agents still online`,
    );
    note(`kill -9: ${failedSoFar() - failedBeforeKill} requests failed while HAProxy noticed (allowed)`);
    phase(`starting instance ${lost} again`);
    await cluster.startInstance(lost);
    await cluster.waitBalanced(lost, true);
    up[lost] = true;

    const failedBeforeRedis = failedSoFar();
    up.fill(false);
    phase('restarting Redis');
    probe.disrupt();
    await cluster.restartRedis(2000);
    phase('Redis is back');
    probe.disrupt();
    probe.freshAgents();
    await sleep(3000);
    expect(cluster.alive().every(Boolean), 'every instance survives a Redis restart');
    up.fill(true);
    note(`Redis restart: ${failedSoFar() - failedBeforeRedis} requests failed while it was away`);

    const failedBeforeTail = failedSoFar();
    await sleep((options.steadySeconds * 1000) / 2);
    await probe.stop();
    await load.stop();
    expect(failedSoFar() - failedBeforeTail === 0, 'no failed request once Redis is back');
    await sleep(1500);
    await follower.stop();

    for (const line of load.summary()) {
      note(line);
    }
    const total = load.total();
    note(
      `requests: ${total.sent} sent, ${total.failed} failed, ${total.refused} refused, ${load.skipped} skipped`,
    );
    for (const example of total.examples.slice(0, 8)) {
      note(`  e.g. ${example}`);
    }
    expect(total.refused === 0, `no unexpected 4xx answers (${total.refused})`);

    const p99 = percentile(probe.delaysMs, 99);
    figures.presenceP99Ms = p99;
    figures.presenceP50Ms = percentile(probe.delaysMs, 50);
    expect(
      // Every transition seen on another instance (within the probe's 2 s); the p99 goal (500 ms)
      // is the benchmark's to judge (npm run bench), not this check's: timings are not tests.
      probe.delaysMs.length > 0 && probe.misses.length === 0,
      `presence across instances: ${probe.delaysMs.length} transitions, p50 ${percentile(probe.delaysMs, 50).toFixed(0)} ms, p99 ${p99.toFixed(0)} ms, ${probe.misses.length} missed`,
    );
    for (const miss of probe.misses.slice(0, 5)) {
      note(`  missed: ${miss}`);
    }

    const after = await inspectDatabase(cluster.ownerUrl, org.orgId, load.conversations);
    expect(after.overCapacity.length === 0, `agents above capacity: ${after.overCapacity.length}`);
    expect(after.lost.length === 0, `conversations answered 201 but not stored: ${after.lost.length}`);
    expect(
      after.inconsistent.length === 0,
      `conversations neither queued, assigned once nor closed: ${after.inconsistent.length}`,
    );

    const received = follower.ids;
    const duplicates = received.length - new Set(received).size;
    const expected = [...after.eventIds].filter((id) => !before.eventIds.has(id));
    const missing = expected.filter((id) => !new Set(received).has(id));
    expect(
      duplicates === 0 && missing.length === 0 && received.length === expected.length,
      `events through ${follower.reconnects} resumes: ${received.length} received, ${expected.length} stored, ${duplicates} duplicates, ${missing.length} missing`,
    );
    const first = received[0];
    if (first !== undefined) {
      // The feed goes on after the follower stopped (heartbeats running out, the sweeper): the
      // replay must start with what the follower received, in the same order.
      const replay = await replayAfter(cluster.url, org.key, first, received.length - 1);
      const differs = replay.findIndex((id, i) => id !== received[i + 1]);
      expect(
        replay.length === received.length - 1 && differs === -1,
        `a replay from the first event gives the same events in the same order (${replay.length} of ${received.length - 1} replayed${differs === -1 ? '' : `, first difference at ${differs}`})`,
      );
    }
    return { failures, lines, figures };
  } finally {
    await cluster.close();
  }
}

async function countOnline(base: string, key: string, agents: string[]): Promise<number> {
  const answers = await Promise.all(
    agents.map((agent) => send(base, key, 'GET', `/v1/agents/${agent}/presence`).catch(() => null)),
  );
  return answers.filter((res) => (res?.body as { connection?: string } | null)?.connection === 'online')
    .length;
}

export type { Org };
