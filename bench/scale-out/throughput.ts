/**
 * Requests/s of the mixed load with 3, 2 and 1 instances behind HAProxy, as fast as 32 closed-loop
 * clients can send it, and the CPU each instance used per request. On a 2-core machine the total
 * stays flat as instances are added (they share the same cores with PostgreSQL, Redis and the load
 * generator); what it shows is that the balancer and the shared state cost little.
 */
import { cpuSeconds } from '../lib.js';
import { CLUSTER_MASTER_KEY, Cluster } from './cluster.js';
import { send } from './load.js';
import { setUpOrg } from './setup.js';

const CLIENTS = 32;

const pick = <T>(values: T[]): T => values[Math.floor(Math.random() * values.length)] as T;

export async function measureThroughput(options: {
  agents: number;
  seconds: number;
  log: (line: string) => void;
}): Promise<{ lines: string[]; perSecond: number[] }> {
  const cluster = await Cluster.start({ instances: 3 });
  const lines: string[] = [];
  /** Requests/s with 1, 2 and 3 instances, at index 0, 1, 2. */
  const perSecond: number[] = [];
  try {
    const org = await setUpOrg(cluster, CLUSTER_MASTER_KEY, options.agents, 10);
    const one = async () => {
      const roll = Math.random();
      if (roll < 0.6) {
        return send(org.base, org.key, 'POST', `/v1/agents/${pick(org.agents)}/presence/heartbeat`, {});
      }
      if (roll < 0.8) {
        return send(org.base, org.key, 'GET', `/v1/teams/${pick(org.teams)}`);
      }
      if (roll < 0.9) {
        return send(org.base, org.key, 'PUT', `/v1/agents/${pick(org.agents)}/availability`, {
          available: Math.random() < 0.8,
        });
      }
      const created = await send(org.base, org.key, 'POST', '/v1/conversations', {
        team_id: pick(org.teams),
      });
      const id = (created.body as { id?: string } | null)?.id;
      return id === undefined
        ? created
        : send(org.base, org.key, 'PATCH', `/v1/conversations/${id}`, { status: 'closed' });
    };
    for (let up = 3; up >= 1; up--) {
      const pids = Array.from({ length: up }, (_, i) => cluster.pid(i));
      const cpuBefore = pids.map(cpuSeconds);
      let done = 0;
      let failed = 0;
      const until = Date.now() + options.seconds * 1000;
      await Promise.all(
        Array.from({ length: CLIENTS }, async () => {
          while (Date.now() < until) {
            const res = await one().catch(() => null);
            if (res === null || res.status >= 500) {
              failed++;
            } else {
              done++;
            }
          }
        }),
      );
      const cpu = pids.map((pid, i) => cpuSeconds(pid) - (cpuBefore[i] ?? 0));
      const line =
        `${up} instance${up > 1 ? 's' : ''}: ${Math.round(done / options.seconds)} requests/s (${failed} failed); ` +
        `CPU per instance ${cpu.map((s) => `${s.toFixed(1)} s`).join(', ')}; ` +
        `${((cpu.reduce((a, b) => a + b, 0) * 1000) / Math.max(1, done)).toFixed(2)} ms of Roster CPU per request`;
      lines.push(line);
      perSecond[up - 1] = done / options.seconds;
      options.log(line);
      if (up > 1) {
        await cluster.stopInstance(up - 1);
        await cluster.waitBalanced(up - 1, false);
      }
    }
    return { lines, perSecond };
  } finally {
    await cluster.close();
  }
}
