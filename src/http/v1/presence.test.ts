import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Static } from 'typebox';
import { buildAgent, buildKey, buildTeam } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import {
  client,
  expectJson,
  expectNoContent,
  expectProblem,
  newTenant,
  UNKNOWN_ID,
} from '../../../test/http.js';
import { addTeamMember } from '../../core/teams/team-members.js';
import type { PresenceStatus, PresenceView } from './presence.schemas.js';

type View = Static<typeof PresenceView>;
type StatusJson = Static<typeof PresenceStatus>;

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

describe('/v1 presence', () => {
  it('heartbeat (with or without a body), the presence view, sign-out', async () => {
    const t = await newTenant(env);
    const agent = await buildAgent(t.ctx);
    expectNoContent(await t.api.post(`/v1/agents/${agent.id}/presence/heartbeat`));
    expectNoContent(
      await t.api.post(`/v1/agents/${agent.id}/presence/heartbeat`, {
        device_id: 'phone',
        channels: ['Speak'],
      }),
    );
    const view = expectJson<View>(await t.api.get(`/v1/agents/${agent.id}/presence`), 200);
    assert.deepEqual(Object.keys(view).sort(), [
      'active_channels',
      'active_conversations',
      'agent_id',
      'available',
      'capacity',
      'changed_at',
      'channels',
      'connection',
      'effective_status',
      'last_seen',
      'request_time',
      'status',
    ]);
    assert.equal(view.connection, 'online');
    assert.equal(view.effective_status, 'available');
    assert.deepEqual(view.active_channels, ['Speak']);
    assert.ok(view.last_seen !== null && view.request_time >= view.last_seen);

    expectNoContent(await t.api.delete(`/v1/agents/${agent.id}/presence/devices/default`));
    expectNoContent(await t.api.delete(`/v1/agents/${agent.id}/presence/devices/phone`));
    const gone = expectJson<View>(await t.api.get(`/v1/agents/${agent.id}/presence`), 200);
    assert.equal(gone.connection, 'offline');
    assert.equal(gone.effective_status, 'offline');
  });

  it("lists an agent's live devices, for picking one to sign out", async () => {
    const t = await newTenant(env);
    const agent = await buildAgent(t.ctx);
    const devices = `/v1/agents/${agent.id}/presence/devices`;
    assert.deepEqual(expectJson(await t.api.get(devices), 200), []);
    expectNoContent(await t.api.post(`/v1/agents/${agent.id}/presence/heartbeat`, { device_id: 'phone' }));
    expectNoContent(
      await t.api.post(`/v1/agents/${agent.id}/presence/heartbeat`, {
        device_id: 'desk',
        channels: ['Speak', 'Email'],
      }),
    );
    type Device = { device_id: string; last_seen: string; expires_at: string; channels: string[] };
    const listed = expectJson<Device[]>(await t.api.get(devices), 200);
    assert.deepEqual(
      listed.map((d) => [d.device_id, d.channels]),
      [
        ['desk', ['Email', 'Speak']],
        ['phone', []],
      ],
    );
    for (const d of listed) {
      assert.equal(Date.parse(d.expires_at) - Date.parse(d.last_seen), env.presence.ttlMs);
    }
    expectNoContent(await t.api.delete(`${devices}/desk`));
    assert.deepEqual(
      expectJson<Device[]>(await t.api.get(devices), 200).map((d) => d.device_id),
      ['phone'],
    );

    const stranger = await newTenant(env);
    expectProblem(await stranger.api.get(devices), 404, { code: 'agent_not_found' });
    expectProblem(await t.api.get(`/v1/agents/${UNKNOWN_ID}/presence/devices`), 404, {
      code: 'agent_not_found',
    });
    const writeOnly = await buildKey(t.ctx, { scopes: ['presence:write'] });
    expectProblem(await client(env.app, writeOnly.secret).get(devices), 403, { code: 'scope_missing' });
  });

  it('PUT availability validates the status and the channel flags', async () => {
    const t = await newTenant(env);
    const agent = await buildAgent(t.ctx);
    const view = expectJson<View>(
      await t.api.put(`/v1/agents/${agent.id}/availability`, { status: 'away', channels: { Email: true } }),
      200,
    );
    assert.equal(view.status, 'away');
    assert.deepEqual(view.channels, { Email: true });
    expectProblem(await t.api.put(`/v1/agents/${agent.id}/availability`, { status: 'nap' }), 400, {
      code: 'invalid_request',
      paths: ['body.status'],
    });
    expectProblem(
      await t.api.put(`/v1/agents/${agent.id}/availability`, { channels: { Email: 'yes' } }),
      400,
      {
        code: 'invalid_request',
        paths: ['body.channels.Email'],
      },
    );
    expectProblem(await t.api.put(`/v1/agents/${UNKNOWN_ID}/availability`, { available: true }), 404, {
      code: 'agent_not_found',
    });
  });

  it('an agent-bound key sets its own availability but not a colleague', async () => {
    const t = await newTenant(env);
    const me = await buildAgent(t.ctx, { role: 'agent' });
    const colleague = await buildAgent(t.ctx);
    const { secret } = await buildKey(t.ctx, { scopes: ['presence:write', 'presence:read'], agentId: me.id });
    const api = client(env.app, secret);
    expectJson(await api.put(`/v1/agents/${me.id}/availability`, { available: false }), 200);
    expectNoContent(await api.post(`/v1/agents/${me.id}/presence/heartbeat`, {}));
    expectProblem(await api.put(`/v1/agents/${colleague.id}/availability`, { available: false }), 403, {
      code: 'forbidden',
    });
  });

  it('lists the org and a team, filtered, with Link paging', async () => {
    const t = await newTenant(env);
    const team = await buildTeam(t.ctx);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const agent = await buildAgent(t.ctx);
      await addTeamMember(t.ctx, team.id, agent.id);
      expectNoContent(await t.api.post(`/v1/agents/${agent.id}/presence/heartbeat`, {}));
      ids.push(agent.id);
    }
    const idle = await buildAgent(t.ctx);
    const first = await t.api.get('/v1/presence?connection=online&limit=2');
    const page1 = expectJson<View[]>(first, 200);
    assert.deepEqual(
      page1.map((v) => v.agent_id),
      ids.slice(0, 2),
    );
    const link = String(first.headers.link ?? '');
    const next = /<([^>]+)>; rel="next"/.exec(link)?.[1];
    assert.ok(next?.includes('connection=online'), link);
    const page2 = expectJson<View[]>(await t.api.get(next as string), 200);
    assert.deepEqual(
      page2.map((v) => v.agent_id),
      ids.slice(2),
    );
    const offline = expectJson<View[]>(await t.api.get('/v1/presence?effective_status=offline'), 200);
    assert.deepEqual(
      offline.map((v) => v.agent_id),
      [idle.id],
    );
    const members = expectJson<View[]>(await t.api.get(`/v1/teams/${team.id}/presence`), 200);
    assert.deepEqual(
      members.map((v) => v.agent_id),
      ids,
    );
    expectProblem(await t.api.get(`/v1/teams/${UNKNOWN_ID}/presence`), 404, { code: 'team_not_found' });
    expectProblem(await t.api.get('/v1/presence?effective_status=sleepy'), 400, {
      code: 'invalid_request',
      paths: ['query.effective_status'],
    });
  });

  it('expand=agent names each agent in the list, and pages without a filter stay whole', async () => {
    const t = await newTenant(env);
    const team = await buildTeam(t.ctx);
    const made = [];
    for (let i = 0; i < 5; i++) {
      const agent = await buildAgent(t.ctx, { fullName: `Expanded ${i}` });
      await addTeamMember(t.ctx, team.id, agent.id);
      made.push(agent);
    }
    made.sort((a, b) => (a.id < b.id ? -1 : 1));
    const seen: View[] = [];
    let url: string | undefined = '/v1/presence?limit=2&expand=agent';
    while (url !== undefined) {
      const response = await t.api.get(url);
      const page = expectJson<View[]>(response, 200);
      assert.ok(page.length <= 2);
      seen.push(...page);
      url = /<([^>]+)>; rel="next"/.exec(String(response.headers.link ?? ''))?.[1];
      assert.ok(url === undefined || url.includes('expand=agent'), url);
    }
    assert.deepEqual(
      seen.map((v) => v.agent),
      made.map((a) => ({ id: a.id, full_name: a.fullName, email: a.email, role: a.role })),
    );
    const members = expectJson<View[]>(await t.api.get(`/v1/teams/${team.id}/presence?expand=agent`), 200);
    assert.deepEqual(
      members.map((v) => v.agent?.full_name),
      made.map((a) => a.fullName),
    );
    const plain = expectJson<View[]>(await t.api.get('/v1/presence'), 200);
    assert.equal(plain.length, 5);
    assert.ok(
      plain.every((v) => v.agent === undefined),
      'no agent without expand',
    );
    // Presence lists take pages of up to 1,000 (a board reads every agent); other lists stop at 100.
    assert.equal(expectJson<View[]>(await t.api.get('/v1/presence?limit=1000'), 200).length, 5);
    expectProblem(await t.api.get('/v1/presence?limit=1001'), 400, { paths: ['query.limit'] });
    expectProblem(await t.api.get('/v1/presence?expand=teams'), 400, {
      code: 'invalid_request',
      paths: ['query.expand'],
    });
  });

  it('presence statuses: built-ins first, create, update, delete; built-ins cannot change', async () => {
    const t = await newTenant(env);
    const created = expectJson<StatusJson>(
      await t.api.post('/v1/presence-statuses', { key: 'training', label: 'Training', available: false }),
      201,
    );
    assert.deepEqual(created, { key: 'training', label: 'Training', available: false, built_in: false });
    expectProblem(
      await t.api.post('/v1/presence-statuses', { key: 'training', label: 'Again', available: false }),
      409,
      { code: 'presence_status_taken' },
    );
    expectProblem(
      await t.api.post('/v1/presence-statuses', { key: 'no spaces', label: 'x', available: true }),
      400,
      {
        code: 'invalid_request',
        paths: ['body.key'],
      },
    );
    const list = expectJson<StatusJson[]>(await t.api.get('/v1/presence-statuses'), 200);
    assert.deepEqual(
      list.map((s) => [s.key, s.available, s.built_in]),
      [
        ['working', true, true],
        ['away', false, true],
        ['training', false, false],
      ],
    );
    const updated = expectJson<StatusJson>(
      await t.api.patch('/v1/presence-statuses/training', { available: true }),
      200,
    );
    assert.equal(updated.available, true);
    expectProblem(await t.api.delete('/v1/presence-statuses/away'), 409, { code: 'conflict' });
    expectNoContent(await t.api.delete('/v1/presence-statuses/training'));
    expectProblem(await t.api.delete('/v1/presence-statuses/training'), 404, {
      code: 'presence_status_not_found',
    });
  });
});
