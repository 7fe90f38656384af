import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createRosterClient, errorMessage } from '@roster/client';
import { CLIENT_SCHEMA_PATH, generateClientSchema } from '../scripts/generate-client.js';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from './harness.js';

describe('packages/client', () => {
  it('is what openapi-typescript generates from openapi.json (run `npm run openapi:export`)', async () => {
    assert.equal(readFileSync(CLIENT_SCHEMA_PATH, 'utf8'), await generateClientSchema());
  });

  describe('against a listening server', () => {
    let env: TestApp;
    let baseUrl: string;
    before(async () => {
      env = await createTestApp();
      baseUrl = await env.app.listen({ host: '127.0.0.1', port: 0 });
    });
    after(() => env.close());

    it('creates a key, an agent and a team, and reads them back with types from the spec', async () => {
      const master = createRosterClient({ baseUrl, key: TEST_MASTER_KEY });
      const org = await master.POST('/v1/orgs', { body: { name: 'Client test org' } });
      assert.equal(org.response.status, 201, JSON.stringify(org.error));
      const orgId = org.data?.id;
      assert.ok(orgId);
      const key = await master.POST('/v1/api-keys', {
        params: { query: { org_id: orgId } },
        body: { name: 'client', scopes: ['agents:read', 'agents:write', 'teams:read', 'teams:write'] },
      });
      assert.equal(key.response.status, 201, JSON.stringify(key.error));
      const secret = key.data?.key;
      assert.ok(secret);

      const api = createRosterClient({ baseUrl: `${baseUrl}/`, key: secret });
      const agent = await api.POST('/v1/agents', {
        body: { email: 'ada@client.test', full_name: 'Ada Client' },
      });
      assert.equal(agent.response.status, 201, JSON.stringify(agent.error));
      const team = await api.POST('/v1/teams', { body: { name: 'Typed' } });
      assert.equal(team.response.status, 201, JSON.stringify(team.error));
      const teamId = team.data?.id ?? '';
      const agentId = agent.data?.id ?? '';
      const added = await api.POST('/v1/teams/{id}/members', {
        params: { path: { id: teamId } },
        body: { agent_id: agentId },
      });
      assert.ok(added.response.ok, JSON.stringify(added.error));
      const read = await api.GET('/v1/teams/{id}', { params: { path: { id: teamId } } });
      assert.equal(read.response.status, 200);
      assert.deepEqual(
        read.data?.members.map((m) => m.id),
        [agentId],
      );
    });

    it("surfaces the API's own error message", async () => {
      const api = createRosterClient({ baseUrl, key: 'roster_sk_not_a_real_key_at_all_000000000000' });
      const res = await api.GET('/v1/teams');
      assert.equal(res.response.status, 401);
      assert.match(errorMessage(res.error, res.response.status), /key|auth/i);
    });
  });
});
