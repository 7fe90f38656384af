import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from './harness.js';
import { expectJson } from './http.js';
import {
  expectOk,
  expectScimError,
  listen,
  oktaUser,
  patchOp,
  ROSTER_URN,
  type ScimCall,
  scimTenant,
} from './scim.js';

let env: TestApp;
let base: string;
before(async () => {
  env = await createTestApp();
  base = await listen(env);
});
after(async () => {
  await env.close();
});

async function create(scim: ScimCall, login: string, extra: Record<string, unknown> = {}) {
  return expectOk(await scim('POST', '/Users', oktaUser(login, extra)), 201);
}

describe('SCIM disable: the agent leaves routing and presence, its conversations go back to the queue', () => {
  it('active:false takes a working agent offline and requeues its conversation; it keeps its teams', async () => {
    const { t, scim } = await scimTenant(env, base);
    const user = await create(scim, 'worker@org.test');
    const group = expectOk(
      await scim('POST', '/Groups', { displayName: 'Queue', members: [{ value: user.id }] }),
      201,
    );
    assert.equal((await t.api.post(`/v1/agents/${user.id}/presence/heartbeat`, {})).statusCode, 204);
    const online = expectJson<{ connection: string }>(await t.api.get(`/v1/agents/${user.id}/presence`), 200);
    assert.equal(online.connection, 'online');
    const convo = expectJson<{ id: string; assignee_id: string; status: string }>(
      await t.api.post('/v1/conversations', { agent_id: user.id }),
      201,
    );
    assert.equal(convo.assignee_id, user.id);

    expectOk(await scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'replace', value: { active: false } })));

    const presence = expectJson<{ connection: string; effective_status: string }>(
      await t.api.get(`/v1/agents/${user.id}/presence`),
      200,
    );
    assert.equal(presence.connection, 'offline');
    assert.equal(presence.effective_status, 'offline');
    const after = expectJson<{ assignee_id: string | null; status: string }>(
      await t.api.get(`/v1/conversations/${convo.id}`),
      200,
    );
    assert.equal(after.assignee_id, null);
    assert.notEqual(after.status, 'assigned');
    // Not routable: a new conversation for the agent is refused.
    assert.equal((await t.api.post('/v1/conversations', { agent_id: user.id })).statusCode, 409);
    const team = expectJson<{ members: { id: string }[] }>(await t.api.get(`/v1/teams/${group.id}`), 200);
    assert.deepEqual(
      team.members.map((m) => m.id),
      [user.id],
    );
  });
});

describe('SCIM versions and errors', () => {
  it('meta.version is a weak ETag that moves on every change; a stale If-Match is 412; If-None-Match is 304', async () => {
    const { scim } = await scimTenant(env, base);
    const user = await create(scim, 'etag@org.test');
    const v1 = user.meta.version;
    const changed = expectOk(
      await scim(
        'PATCH',
        `/Users/${user.id}`,
        patchOp({ op: 'replace', path: 'displayName', value: 'New' }),
        { 'if-match': v1 },
      ),
    );
    assert.notEqual(changed.meta.version, v1);
    expectScimError(
      await scim(
        'PATCH',
        `/Users/${user.id}`,
        patchOp({ op: 'replace', path: 'displayName', value: 'Lost' }),
        { 'if-match': v1 },
      ),
      412,
    );
    expectScimError(
      await scim('PUT', `/Users/${user.id}`, oktaUser('etag@org.test'), { 'if-match': v1 }),
      412,
    );
    expectScimError(await scim('DELETE', `/Users/${user.id}`, undefined, { 'if-match': v1 }), 412);
    assert.equal(expectOk(await scim('GET', `/Users/${user.id}`)).displayName, 'New');
    const notModified = await scim('GET', `/Users/${user.id}`, undefined, {
      'if-none-match': changed.meta.version,
    });
    assert.equal(notModified.status, 304);
    // A no-op change keeps the version.
    const same = expectOk(
      await scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'replace', path: 'displayName', value: 'New' })),
    );
    assert.equal(same.meta.version, changed.meta.version);

    const group = expectOk(await scim('POST', '/Groups', { displayName: 'Versioned' }), 201);
    const patched = await scim(
      'PATCH',
      `/Groups/${group.id}`,
      patchOp({ op: 'add', path: 'members', value: [{ value: user.id }] }),
      {
        'if-match': group.meta.version,
      },
    );
    assert.equal(patched.status, 204);
    assert.notEqual(patched.headers.get('etag'), group.meta.version);
    expectScimError(
      await scim('PATCH', `/Groups/${group.id}`, patchOp({ op: 'remove', path: 'members' }), {
        'if-match': group.meta.version,
      }),
      412,
    );
  });

  it('client mistakes are 4xx in the SCIM error shape with the right scimType', async () => {
    const { scim } = await scimTenant(env, base);
    const user = await create(scim, 'errors@org.test');
    expectScimError(await scim('POST', '/Users', '{"userName": '), 400, 'invalidSyntax');
    expectScimError(await scim('POST', '/Users', { name: { givenName: 'No' } }), 400, 'invalidValue');
    expectScimError(await scim('POST', '/Users', { userName: 'not-an-email' }), 400, 'invalidValue');
    expectScimError(
      await scim('POST', '/Users', oktaUser('role@org.test', { [ROSTER_URN]: { role: 'king' } })),
      400,
      'invalidValue',
    );
    expectScimError(
      await scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'merge', path: 'x', value: 1 })),
      400,
      'invalidSyntax',
    );
    expectScimError(await scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'remove' })), 400, 'noTarget');
    expectScimError(
      await scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'replace', path: 'active', value: 'maybe' })),
      400,
      'invalidValue',
    );
    expectScimError(
      await scim('PATCH', `/Users/${user.id}`, patchOp({ op: 'replace', path: 'id', value: 'other' })),
      400,
      'mutability',
    );
    expectScimError(await scim('PATCH', `/Users/${user.id}`, { Operations: [] }), 400);
    expectScimError(
      await scim('PUT', `/Users/${user.id}`, { ...oktaUser('errors@org.test'), id: 'another' }),
      400,
      'mutability',
    );
    const other = await create(scim, 'other@org.test');
    expectScimError(
      await scim(
        'PATCH',
        `/Users/${other.id}`,
        patchOp({ op: 'replace', path: 'userName', value: 'ERRORS@org.test' }),
      ),
      409,
      'uniqueness',
    );
    expectOk(await scim('POST', '/Groups', { displayName: 'Taken' }), 201);
    expectScimError(await scim('POST', '/Groups', { displayName: 'taken' }), 409, 'uniqueness');
    expectScimError(
      await scim('POST', '/Groups', { displayName: 'Bad', members: [{ value: 'not-a-user' }] }),
      400,
      'invalidValue',
    );
    expectScimError(await scim('GET', '/Users/not-a-uuid'), 404);
    expectScimError(await scim('GET', `/Groups/${user.id}`), 404);
    expectScimError(await scim('POST', '/Bulk', { Operations: [] }), 400);
  });

  it('role and maxConcurrent travel in the Roster extension; an IdP that omits them changes neither', async () => {
    const { t, scim } = await scimTenant(env, base);
    const user = await create(scim, 'ext@org.test', {
      [ROSTER_URN]: { role: 'supervisor', maxConcurrent: 3 },
    });
    assert.deepEqual(user[ROSTER_URN], { role: 'supervisor', maxConcurrent: 3 });
    expectOk(
      await scim(
        'PUT',
        `/Users/${user.id}`,
        oktaUser('ext@org.test', { displayName: 'Put Without Extension' }),
      ),
    );
    const agent = expectJson<{ role: string; max_concurrent: number }>(
      await t.api.get(`/v1/agents/${user.id}`),
      200,
    );
    assert.equal(agent.role, 'supervisor');
    assert.equal(agent.max_concurrent, 3);
    const patched = expectOk(
      await scim(
        'PATCH',
        `/Users/${user.id}`,
        patchOp({ op: 'replace', path: `${ROSTER_URN}:maxConcurrent`, value: 7 }),
      ),
    );
    assert.equal(patched[ROSTER_URN].maxConcurrent, 7);
  });
});
