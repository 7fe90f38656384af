import assert from 'node:assert/strict';
import { createAgents, request } from './load.js';

/** One org made through the API, with a key that holds every scope. */
export interface PopulatedOrg {
  orgId: string;
  key: string;
}

/** Every item of a /v1 list with `key`, page by page. */
export async function listAll(base: string, key: string, path: string): Promise<unknown[]> {
  const items: unknown[] = [];
  for (let skip = 0; ; skip += 100) {
    const page = await request(
      base,
      'GET',
      `${path}${path.includes('?') ? '&' : '?'}limit=100&skip=${skip}`,
      {
        key,
      },
    );
    assert.equal(page.status, 200, `${path}: ${JSON.stringify(page.body)}`);
    items.push(...(page.body as unknown[]));
    if ((page.body as unknown[]).length < 100) {
      return items;
    }
  }
}

/**
 * Fills a running server with `orgs` orgs, each with a key, agents, a team with members, a
 * supervisor, a custom presence status, and conversations (assigned and queued).
 */
export async function populate(
  base: string,
  master: string,
  label: string,
  orgs = 2,
): Promise<PopulatedOrg[]> {
  const made: PopulatedOrg[] = [];
  for (let i = 0; i < orgs; i++) {
    const org = await request(base, 'POST', '/v1/orgs', { key: master, body: { name: `${label} ${i}` } });
    assert.equal(org.status, 201, JSON.stringify(org.body));
    const orgId = (org.body as { id: string }).id;
    const created = await request(base, 'POST', `/v1/api-keys?org_id=${orgId}`, {
      key: master,
      body: { name: 'ops', scopes: ['*'] },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const key = (created.body as { key: string }).key;
    const agentIds = await createAgents(base, key, `${label}-${i}`, 30);
    const team = await request(base, 'POST', '/v1/teams', { key, body: { name: `${label} team ${i}` } });
    assert.equal(team.status, 201, JSON.stringify(team.body));
    const teamId = (team.body as { id: string }).id;
    const members = await request(base, 'PATCH', `/v1/teams/${teamId}/members`, {
      key,
      body: { add: agentIds.slice(0, 20) },
    });
    assert.equal(members.status, 200, JSON.stringify(members.body));
    const status = await request(base, 'POST', '/v1/presence-statuses', {
      key,
      body: { key: 'lunch', label: 'Lunch', available: false },
    });
    assert.equal(status.status, 201, JSON.stringify(status.body));
    const promoted = await request(base, 'PATCH', `/v1/agents/${agentIds[0]}`, {
      key,
      body: { role: 'supervisor' },
    });
    assert.equal(promoted.status, 200, JSON.stringify(promoted.body));
    const supervised = await request(base, 'PATCH', `/v1/supervisors/${agentIds[0]}/agents`, {
      key,
      body: { add: agentIds.slice(1, 4) },
    });
    assert.equal(supervised.status, 200, JSON.stringify(supervised.body));
    const heartbeat = await request(base, 'POST', `/v1/agents/${agentIds[0]}/presence/heartbeat`, {
      key,
      body: { device_id: 'desk' },
    });
    assert.equal(heartbeat.status, 204, JSON.stringify(heartbeat.body));
    for (let c = 0; c < 5; c++) {
      const conversation = await request(base, 'POST', '/v1/conversations', {
        key,
        body: { team_id: teamId },
      });
      assert.equal(conversation.status, 201, JSON.stringify(conversation.body));
    }
    made.push({ orgId, key });
  }
  return made;
}

/** What each org's own key reads of it: agents, teams with members, conversations, keys, events. */
export async function readBack(base: string, orgs: PopulatedOrg[]): Promise<unknown> {
  const state: Record<string, unknown> = {};
  for (const { orgId, key } of orgs) {
    const teams = (await listAll(base, key, '/v1/teams')) as { id: string }[];
    const details = [];
    for (const team of teams) {
      const detail = await request(base, 'GET', `/v1/teams/${team.id}`, { key });
      assert.equal(detail.status, 200);
      details.push(detail.body);
    }
    state[orgId] = {
      agents: await listAll(base, key, '/v1/agents'),
      teams: details,
      conversations: await listAll(base, key, '/v1/conversations'),
      // last_used_at moves with every use of a key, this read included.
      keys: ((await listAll(base, key, '/v1/api-keys')) as Record<string, unknown>[]).map(
        ({ last_used_at: _, ...rest }) => rest,
      ),
      statuses: (await request(base, 'GET', '/v1/presence-statuses', { key })).body,
    };
  }
  return state;
}
