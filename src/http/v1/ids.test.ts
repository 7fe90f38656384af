import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildAgent, buildKey } from '../../../test/factories.js';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from '../../../test/harness.js';
import { client, expectJson, newTenant } from '../../../test/http.js';

// UUIDs are case-insensitive; Roster normalises every id field to lower case at the edge, so an
// upper-case spelling of one's own org or agent is never mistaken for someone else's.
describe('upper-case ids are the same ids', () => {
  let env: TestApp;
  before(async () => {
    env = await createTestApp();
  });
  after(async () => {
    await env.close();
  });

  it('an org key naming its own org in upper case acts on it', async () => {
    const t = await newTenant(env);
    const teams = await t.api.get(`/v1/teams?org_id=${t.orgId.toUpperCase()}`);
    expectJson(teams, 200);
  });

  it('the master key selects an org named in upper case', async () => {
    const t = await newTenant(env);
    const master = client(env.app, TEST_MASTER_KEY);
    const created = expectJson<{ id: string }>(
      await master.post(`/v1/teams?orgId=${t.orgId.toUpperCase()}`, { name: 'Shouting' }),
      201,
    );
    const seen = expectJson<{ id: string }[]>(await t.api.get('/v1/teams'), 200);
    assert.deepEqual(
      seen.map((team) => team.id),
      [created.id],
    );
  });

  it('an agent edits its own profile through an upper-case id', async () => {
    const t = await newTenant(env);
    const agent = await buildAgent(t.ctx, { role: 'agent' });
    const { secret } = await buildKey(t.ctx, { scopes: ['agents:write', 'keys:write'], agentId: agent.id });
    const self = client(env.app, secret);
    const updated = expectJson<{ full_name: string }>(
      await self.patch(`/v1/agents/${agent.id.toUpperCase()}`, { full_name: 'New Name' }),
      200,
    );
    assert.equal(updated.full_name, 'New Name');
    const key = expectJson<{ agent_id: string }>(
      await self.post('/v1/api-keys', {
        name: 'mine',
        scopes: ['agents:write'],
        agent_id: agent.id.toUpperCase(),
      }),
      201,
    );
    assert.equal(key.agent_id, agent.id);
  });
});
