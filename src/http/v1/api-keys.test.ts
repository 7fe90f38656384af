import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildAgent, buildKey, buildTeam } from '../../../test/factories.js';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from '../../../test/harness.js';
import {
  allPages,
  client,
  defined,
  expectJson,
  expectNoContent,
  expectProblem,
  ISO_UTC,
  ids,
  newTenant,
  sorted,
  type Tenant,
  UNKNOWN_ID,
  UUID_V7,
} from '../../../test/http.js';
import { SCOPES } from '../../core/access.js';

interface KeyJson {
  id: string;
  name: string;
  scopes: string[];
  agent_id: string | null;
  last4: string;
  created_at: string;
  expires_at: string | null;
  last_used_at: string | null;
}
interface CreatedKeyJson extends KeyJson {
  key: string;
}

const KEY_FIELDS = ['agent_id', 'created_at', 'expires_at', 'id', 'last4', 'last_used_at', 'name', 'scopes'];

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

async function createKey(t: Tenant, body: Record<string, unknown>): Promise<CreatedKeyJson> {
  return expectJson<CreatedKeyJson>(await t.api.post('/v1/api-keys', body), 201);
}

describe('/v1/api-keys', () => {
  it('returns the secret once, on creation; GET and the list never show it', async () => {
    const t = await newTenant(env);
    const created = await createKey(t, { name: 'helpdesk', scopes: ['teams:read', 'agents:read'] });
    assert.deepEqual(Object.keys(created).sort(), [...KEY_FIELDS, 'key'].sort());
    assert.match(created.id, UUID_V7);
    assert.equal(created.name, 'helpdesk');
    assert.deepEqual(created.scopes, ['teams:read', 'agents:read']);
    assert.equal(created.agent_id, null);
    assert.match(created.key, /^roster_sk_[A-Za-z0-9_-]{40,}$/);
    assert.equal(created.last4, created.key.slice(-4));
    assert.match(created.created_at, ISO_UTC);
    assert.equal(created.expires_at, null);
    assert.equal(created.last_used_at, null);

    const { key, ...shown } = created;
    const got = expectJson<KeyJson>(await t.api.get(`/v1/api-keys/${created.id}`), 200);
    assert.deepEqual(Object.keys(got).sort(), KEY_FIELDS);
    assert.deepEqual(got, shown);
    const listRes = await t.api.get('/v1/api-keys');
    assert.ok(!listRes.body.includes(key), 'the list does not contain the secret');
    const listed = expectJson<KeyJson[]>(listRes, 200);
    for (const row of listed) {
      assert.deepEqual(Object.keys(row).sort(), KEY_FIELDS);
    }
    assert.deepEqual(
      listed.find((k) => k.id === created.id),
      shown,
    );
    assert.ok(!(await t.api.get(`/v1/api-keys/${created.id}`)).body.includes(key));
  });

  it('a new key works at once and records its use; * expands to every scope', async () => {
    const t = await newTenant(env);
    const team = await buildTeam(t.ctx);
    const created = await createKey(t, { name: 'reader', scopes: ['teams:read'] });
    const reader = client(env.app, created.key);
    assert.deepEqual(ids(expectJson<{ id: string }[]>(await reader.get('/v1/teams'), 200)), [team.id]);
    expectProblem(await reader.post('/v1/teams', { name: 'Nope' }), 403, { code: 'scope_missing' });
    const used = expectJson<KeyJson>(await t.api.get(`/v1/api-keys/${created.id}`), 200);
    assert.match(defined(used.last_used_at), ISO_UTC);

    const all = await createKey(t, { name: 'all', scopes: ['*'] });
    assert.deepEqual(all.scopes, [...SCOPES]);
    expectJson(await client(env.app, all.key).post('/v1/teams', { name: 'Yes' }), 201);
  });

  it('DELETE revokes the key: 204, then the key gets 401 at once', async () => {
    const t = await newTenant(env);
    const created = await createKey(t, { name: 'temp', scopes: ['teams:read'] });
    const temp = client(env.app, created.key);
    expectJson(await temp.get('/v1/teams'), 200);

    expectNoContent(await t.api.delete(`/v1/api-keys/${created.id}`));
    expectProblem(await temp.get('/v1/teams'), 401, { code: 'unauthenticated' });
    expectProblem(await t.api.get(`/v1/api-keys/${created.id}`), 404, { code: 'api_key_not_found' });
    expectProblem(await t.api.delete(`/v1/api-keys/${created.id}`), 404, { code: 'api_key_not_found' });
    assert.ok(!ids(expectJson<KeyJson[]>(await t.api.get('/v1/api-keys'), 200)).includes(created.id));
    expectJson(await t.api.get('/v1/teams'), 200);
  });

  it('an expired key gets 401; an expiry in the past cannot be set', async () => {
    const t = await newTenant(env);
    const hourAgo = Date.now() - 3_600_000;
    const { secret: expired } = await buildKey(
      { ...t.ctx, now: () => new Date(hourAgo) },
      { scopes: ['teams:read'], expiresAt: new Date(hourAgo + 60_000) },
    );
    const res = expectProblem(await client(env.app, expired).get('/v1/teams'), 401, {
      code: 'unauthenticated',
    });
    assert.match(res.detail, /expired/);

    const later = new Date(Date.now() + 3_600_000).toISOString();
    const valid = await createKey(t, { name: 'expiring', scopes: ['teams:read'], expires_at: later });
    assert.equal(valid.expires_at, later);
    expectJson(await client(env.app, valid.key).get('/v1/teams'), 200);

    const past = new Date(Date.now() - 1000).toISOString();
    expectProblem(
      await t.api.post('/v1/api-keys', { name: 'past', scopes: ['teams:read'], expires_at: past }),
      400,
      {
        paths: ['body.expires_at'],
      },
    );
    expectProblem(
      await t.api.post('/v1/api-keys', { name: 'bad', scopes: ['teams:read'], expires_at: 'soon' }),
      400,
      {
        paths: ['body.expires_at'],
      },
    );
  });

  it('answers 401 to unknown keys, other schemes and a malformed header', async () => {
    const anonymous = client(env.app, null);
    expectProblem(await anonymous.get('/v1/teams'), 401, { code: 'unauthenticated' });
    for (const authorization of [
      'Bearer roster_sk_unknownunknownunknownunknownunknown',
      'Bearer ',
      'Basic dXNlcjpwYXNz',
      TEST_MASTER_KEY,
      `Bearer ${TEST_MASTER_KEY.slice(0, -1)}`,
    ]) {
      const res = await anonymous.get('/v1/teams', { authorization });
      expectProblem(res, 401, { code: 'unauthenticated' });
      assert.equal(res.headers['www-authenticate'], 'Bearer');
    }
    expectJson(await anonymous.get('/v1/teams', { authorization: `bearer ${TEST_MASTER_KEY}` }), 200);
  });

  it('creating a key needs keys:write, and no key can grant a scope it lacks', async () => {
    const t = await newTenant(env);
    const { secret: readOnly } = await buildKey(t.ctx, { scopes: ['keys:read', 'teams:read'] });
    expectProblem(
      await client(env.app, readOnly).post('/v1/api-keys', { name: 'x', scopes: ['teams:read'] }),
      403,
      {
        code: 'scope_missing',
      },
    );
    expectJson(await client(env.app, readOnly).get('/v1/api-keys'), 200);

    const { secret: writer } = await buildKey(t.ctx, { scopes: ['keys:write', 'teams:read'] });
    const api = client(env.app, writer);
    expectProblem(await api.post('/v1/api-keys', { name: 'up', scopes: ['teams:write'] }), 403, {
      code: 'scope_escalation',
    });
    expectProblem(await api.post('/v1/api-keys', { name: 'all', scopes: ['*'] }), 403, {
      code: 'scope_escalation',
    });
    expectProblem(
      await api.post('/v1/api-keys', { name: 'mixed', scopes: ['teams:read', 'agents:delete'] }),
      403,
      {
        code: 'scope_escalation',
      },
    );
    const sub = expectJson<CreatedKeyJson>(
      await api.post('/v1/api-keys', { name: 'sub', scopes: ['teams:read'] }),
      201,
    );
    assert.deepEqual(sub.scopes, ['teams:read']);
    const listed = ids((await allPages<KeyJson>(t.api, '/v1/api-keys?limit=2')).flat());
    assert.equal(listed.length, 4, 'only the keys that were created exist');
  });

  it('validates the body', async () => {
    const t = await newTenant(env);
    expectProblem(await t.api.post('/v1/api-keys', { name: 'x', scopes: ['teams:admin'] }), 400, {
      paths: ['body.scopes.0'],
    });
    expectProblem(await t.api.post('/v1/api-keys', { name: 'x', scopes: [] }), 400, {
      paths: ['body.scopes'],
    });
    expectProblem(await t.api.post('/v1/api-keys', { scopes: ['teams:read'] }), 400, {
      paths: ['body.name'],
    });
    expectProblem(await t.api.post('/v1/api-keys', { name: 'x', scopes: ['teams:read'], secret: 's' }), 400, {
      paths: ['body.secret'],
    });
    expectProblem(
      await t.api.post('/v1/api-keys', { name: 'x', scopes: ['teams:read'], agent_id: UNKNOWN_ID }),
      404,
      {
        code: 'agent_not_found',
      },
    );
    expectProblem(await t.api.get('/v1/api-keys/abc'), 400, { paths: ['path.id'] });
  });
});

describe('keys bound to an agent', () => {
  async function boundKey(t: Tenant, role: 'owner' | 'admin' | 'supervisor' | 'agent', scopes: string[]) {
    const agent = await buildAgent(t.ctx, { role });
    const created = await createKey(t, { name: `${role} key`, scopes, agent_id: agent.id });
    assert.equal(created.agent_id, agent.id);
    return { agent, api: client(env.app, created.key), id: created.id };
  }

  it('an agent cannot create a team even with teams:write; an admin can', async () => {
    const t = await newTenant(env);
    const scopes = ['teams:read', 'teams:write', 'teams:delete'];
    const asAgent = await boundKey(t, 'agent', scopes);
    const asAdmin = await boundKey(t, 'admin', scopes);

    expectProblem(await asAgent.api.post('/v1/teams', { name: 'By agent' }), 403, { code: 'forbidden' });
    const team = expectJson<{ id: string }>(await asAdmin.api.post('/v1/teams', { name: 'By admin' }), 201);
    expectJson(await asAgent.api.get(`/v1/teams/${team.id}`), 200);
    expectProblem(await asAgent.api.patch(`/v1/teams/${team.id}`, { name: 'Renamed' }), 403, {
      code: 'forbidden',
    });
    expectProblem(await asAgent.api.delete(`/v1/teams/${team.id}`), 403, { code: 'forbidden' });
    expectProblem(
      await asAgent.api.post(`/v1/teams/${team.id}/members`, { user_id: asAgent.agent.id }),
      403,
      {
        code: 'forbidden',
      },
    );
    const got = expectJson<{ name: string; members: unknown[] }>(
      await t.api.get(`/v1/teams/${team.id}`),
      200,
    );
    assert.equal(got.name, 'By admin');
    assert.deepEqual(got.members, []);
    expectNoContent(await asAdmin.api.delete(`/v1/teams/${team.id}`));
  });

  it('a supervisor manages membership but cannot create teams', async () => {
    const t = await newTenant(env);
    const team = await buildTeam(t.ctx);
    const member = await buildAgent(t.ctx);
    const supervisor = await boundKey(t, 'supervisor', ['teams:read', 'teams:write']);
    expectProblem(await supervisor.api.post('/v1/teams', { name: 'By supervisor' }), 403, {
      code: 'forbidden',
    });
    expectJson(await supervisor.api.post(`/v1/teams/${team.id}/members`, { user_id: member.id }), 201);
    expectNoContent(await supervisor.api.delete(`/v1/teams/${team.id}/members/${member.id}`));
  });

  it('a key without keys:write or beyond its role cannot mint keys for others', async () => {
    const t = await newTenant(env);
    const asAgent = await boundKey(t, 'agent', ['keys:read', 'keys:write', 'teams:read']);
    const other = await buildAgent(t.ctx);
    expectProblem(await asAgent.api.post('/v1/api-keys', { name: 'unbound', scopes: ['teams:read'] }), 403, {
      code: 'forbidden',
    });
    expectProblem(
      await asAgent.api.post('/v1/api-keys', {
        name: 'for other',
        scopes: ['teams:read'],
        agent_id: other.id,
      }),
      403,
      { code: 'forbidden' },
    );
    const own = expectJson<CreatedKeyJson>(
      await asAgent.api.post('/v1/api-keys', {
        name: 'own',
        scopes: ['teams:read'],
        agent_id: asAgent.agent.id,
      }),
      201,
    );
    assert.deepEqual(
      sorted(ids(expectJson<KeyJson[]>(await asAgent.api.get('/v1/api-keys'), 200))),
      sorted([asAgent.id, own.id]),
    );
  });

  it('an agent may edit its own profile but never raise its role or edit others', async () => {
    const t = await newTenant(env);
    const self = await boundKey(t, 'agent', ['agents:read', 'agents:write']);
    const colleague = await buildAgent(t.ctx);
    const me = `/v1/agents/${self.agent.id}`;
    const edited = expectJson<{ full_name: string }>(
      await self.api.patch(me, { full_name: 'New Name' }),
      200,
    );
    assert.equal(edited.full_name, 'New Name');
    expectProblem(await self.api.patch(me, { role: 'admin' }), 403, { code: 'forbidden' });
    expectProblem(await self.api.patch(me, { full_name: 'X', status: 'active' }), 403, { code: 'forbidden' });
    expectProblem(await self.api.patch(`/v1/agents/${colleague.id}`, { full_name: 'Hacked' }), 403, {
      code: 'forbidden',
    });
    expectProblem(await self.api.post('/v1/agents', { email: 'new@company.com', full_name: 'New' }), 403, {
      code: 'forbidden',
    });
    const stored = expectJson<{ role: string; full_name: string }>(await t.api.get(me), 200);
    assert.equal(stored.role, 'agent');
    assert.equal(stored.full_name, 'New Name');
  });

  it('only an owner may make owners or mint keys no role limits', async () => {
    const t = await newTenant(env);
    const scopes = ['agents:read', 'agents:write', 'keys:write', 'teams:read'];
    const admin = await boundKey(t, 'admin', scopes);
    const owner = await boundKey(t, 'owner', scopes);
    const agent = await buildAgent(t.ctx);
    expectProblem(await admin.api.patch(`/v1/agents/${agent.id}`, { role: 'owner' }), 403, {
      code: 'forbidden',
    });
    expectProblem(await admin.api.post('/v1/api-keys', { name: 'unbound', scopes: ['teams:read'] }), 403, {
      code: 'forbidden',
    });
    const bound = await admin.api.post('/v1/api-keys', {
      name: 'bound',
      scopes: ['teams:read'],
      agent_id: agent.id,
    });
    expectJson(bound, 201);
    expectJson(await owner.api.patch(`/v1/agents/${agent.id}`, { role: 'owner' }), 200);
    expectJson(await owner.api.post('/v1/api-keys', { name: 'unbound', scopes: ['teams:read'] }), 201);
  });

  it('a key of a disabled agent gets 401 until the agent is active again', async () => {
    const t = await newTenant(env);
    const bound = await boundKey(t, 'agent', ['teams:read']);
    expectJson(await bound.api.get('/v1/teams'), 200);
    expectJson(await t.api.patch(`/v1/agents/${bound.agent.id}`, { status: 'disabled' }), 200);
    expectProblem(await bound.api.get('/v1/teams'), 401, { code: 'unauthenticated' });
    expectJson(await t.api.patch(`/v1/agents/${bound.agent.id}`, { status: 'active' }), 200);
    expectJson(await bound.api.get('/v1/teams'), 200);
  });
});
