/** The org the scale-out load works on: agents with a capacity, teams that route, and an org key. */
import type { Cluster } from './cluster.js';
import { type Org, send } from './load.js';

export interface ScaleOutOrg extends Org {
  orgId: string;
  /** Agents no load touches, for the presence probe. */
  probes: string[];
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
async function eachLimited<T>(
  items: T[],
  concurrency: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        await work(item);
      }
    }),
  );
}

async function must(res: Promise<{ status: number; body: unknown }>, status: number, what: string) {
  const answer = await res;
  if (answer.status !== status) {
    throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
  }
  return answer.body as Record<string, unknown>;
}

export async function setUpOrg(
  cluster: Cluster,
  masterKey: string,
  agentCount: number,
  teamCount: number,
): Promise<ScaleOutOrg> {
  const base = cluster.url;
  const org = await must(
    send(base, masterKey, 'POST', '/v1/orgs', { name: `Scale-out ${Date.now()}` }),
    201,
    'org',
  );
  const orgId = org.id as string;
  const created = await must(
    send(base, masterKey, 'POST', `/v1/api-keys?org_id=${orgId}`, { name: 'load', scopes: ['*'] }),
    201,
    'key',
  );
  const key = created.key as string;
  const createAgents = async (prefix: string, count: number) => {
    const ids: string[] = new Array(count);
    await eachLimited(
      Array.from({ length: count }, (_, i) => i),
      16,
      async (i) => {
        const agent = await must(
          send(base, key, 'POST', '/v1/agents', {
            email: `${prefix}${i}@scale.test`,
            full_name: `${prefix} ${i}`,
            max_concurrent: 2,
          }),
          201,
          'agent',
        );
        ids[i] = agent.id as string;
        await must(
          send(base, key, 'PUT', `/v1/agents/${ids[i]}/availability`, { available: true }),
          200,
          'availability',
        );
      },
    );
    return ids;
  };
  const agents = await createAgents('agent', agentCount);
  const floaters = await createAgents('floater', 20);
  const probes = await createAgents('probe', 12);
  const teams: string[] = [];
  for (let t = 0; t < teamCount; t++) {
    const team = await must(
      send(base, key, 'POST', '/v1/teams', {
        name: `Team ${t}`,
        routing: t % 2 === 0 ? 'least_busy' : 'round_robin',
      }),
      201,
      'team',
    );
    teams.push(team.id as string);
    const members = agents.filter((_, i) => i % teamCount === t);
    for (let from = 0; from < members.length; from += 1000) {
      await must(
        send(base, key, 'PATCH', `/v1/teams/${team.id}/members`, { add: members.slice(from, from + 1000) }),
        200,
        'members',
      );
    }
  }
  return { base, key, orgId, agents, teams, floaters, probes };
}
