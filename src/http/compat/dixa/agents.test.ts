import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  BAD_BODY,
  DIXA_INSTANT,
  type DixaTenant,
  expectData,
  expectDixaError,
  expectEmpty,
  fixture,
  NOT_FOUND,
  newDixaTenant,
} from '../../../../test/dixa.js';
import { buildAgent, buildTeam } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { client, expectJson, UNKNOWN_ID, UUID_V7 } from '../../../../test/http.js';
import { updateTeamMembers } from '../../../core/teams/team-members.js';
import type { DixaAgent } from './presenters.js';

/** Dixa's /beta/agents, driven by the Agents API samples of the vendor spec (fixtures/dixa/agents.json). */

type AgentSample = Omit<DixaAgent, 'roles' | 'id' | 'createdAt'>;
interface AgentsFixture {
  createRequest: AgentSample & { email: string };
  createResponse: { data: DixaAgent };
  putRequest: AgentSample;
  patchRequest: Partial<AgentSample>;
  agentTeamsResponse: { data: { id: string }[] };
}
const samples = fixture<AgentsFixture>('agents.json');
type One = { data: DixaAgent };
type Page = { data: DixaAgent[]; meta: { next?: string } };

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

async function create(t: DixaTenant, body: object): Promise<DixaAgent> {
  return expectData<One>(await t.beta.post('/beta/agents', body), 201).data;
}

const listIds = async (t: DixaTenant, query = '') =>
  expectData<Page>(await t.beta.get(`/beta/agents${query}`), 200).data.map((a) => a.id);

describe('/beta/agents', () => {
  it('creates the sample agent: 201 with every field of the sample response', async () => {
    const t = await newDixaTenant(env);
    const agent = await create(t, samples.createRequest);
    const expected = samples.createResponse.data;
    assert.deepEqual(Object.keys(agent).sort(), Object.keys(expected).sort());
    assert.match(agent.id, UUID_V7);
    assert.match(agent.createdAt, DIXA_INSTANT);
    // Dixa re-hosts avatars; Roster keeps the URL it was given.
    assert.equal(agent.avatarUrl, samples.createRequest.avatarUrl);
    const { id, createdAt, avatarUrl, ...rest } = agent;
    const { id: _i, createdAt: _c, avatarUrl: _a, ...sampleRest } = expected;
    assert.deepEqual(rest, sampleRest);
    assert.deepEqual(expectData<One>(await t.beta.get(`/beta/agents/${id}`), 200).data, agent);
  });

  it('round-trips every Dixa field through PUT and PATCH, and shows them on /v1', async () => {
    const t = await newDixaTenant(env);
    const agent = await create(t, samples.createRequest);
    const url = `/beta/agents/${agent.id}`;

    const put = expectData<One>(await t.beta.put(url, samples.putRequest), 200).data;
    assert.deepEqual(put, { ...agent, ...samples.putRequest });
    assert.deepEqual(put.middleNames, ['Julia']);
    assert.deepEqual(expectData<One>(await t.beta.get(url), 200).data, put);

    const patched = expectData<One>(
      await t.beta.patch(url, { displayName: 'AB', middleNames: ['J', 'K'] }),
      200,
    ).data;
    assert.deepEqual(patched, { ...put, displayName: 'AB', middleNames: ['J', 'K'] });
    assert.deepEqual(expectData<One>(await t.beta.patch(url, samples.patchRequest), 200).data, {
      ...patched,
      ...samples.patchRequest,
    });

    const native = expectJson<Record<string, unknown>>(
      await client(env.app, t.key).get(`/v1/agents/${agent.id}`),
      200,
    );
    assert.equal(native.full_name, 'Alice Brown');
    assert.equal(native.email, 'alice@brown.com');
    assert.equal(native.phone_number, '+551155256325');
    assert.equal(native.avatar_url, 'http://avatar.url');
    assert.deepEqual(native.middle_names, []);
    assert.deepEqual(native.additional_emails, []);
  });

  it('PUT clears what it leaves out and keeps the email; PATCH of nothing changes nothing', async () => {
    const t = await newDixaTenant(env);
    const agent = await create(t, samples.createRequest);
    const url = `/beta/agents/${agent.id}`;
    const cleared = expectData<One>(await t.beta.put(url, { displayName: 'Alice' }), 200).data;
    assert.deepEqual(cleared, {
      id: agent.id,
      createdAt: agent.createdAt,
      displayName: 'Alice',
      email: 'alice@brown.com',
      additionalEmails: [],
      additionalPhoneNumbers: [],
      middleNames: [],
      roles: ['Agent'],
    });
    assert.deepEqual(expectData<One>(await t.beta.patch(url, {}), 200).data, cleared);
    // A client may send back the object it read: unknown and read-only fields are ignored.
    const echoed = { ...cleared, email: 'other@brown.com', roles: ['Admin'], displayName: 'Alice B' };
    assert.deepEqual(expectData<One>(await t.beta.put(url, echoed), 200).data, {
      ...cleared,
      displayName: 'Alice B',
    });
  });

  it('answers bodies that do not validate 400 and a taken email 409', async () => {
    const t = await newDixaTenant(env);
    const agent = await create(t, { displayName: 'Bo', email: 'bo@example.org' });
    const invalid = [
      { email: 'x@example.org' },
      { displayName: 'X' },
      { displayName: 'X', email: 'not-an-email' },
      { displayName: '', email: 'x@example.org' },
      { displayName: 'X', email: 'x@example.org', additionalEmails: ['a@b.c', 'a@b.c'] },
      { displayName: 'X', email: 'x@example.org', middleNames: 'Q' },
      { displayName: 'X', email: 'x@example.org', avatarUrl: 'not a url' },
      { displayName: 'X', email: 'x@example.org', phoneNumber: null },
    ];
    for (const body of invalid) {
      expectDixaError(await t.beta.post('/beta/agents', body), 400, BAD_BODY);
    }
    expectDixaError(await t.beta.put(`/beta/agents/${agent.id}`, { phoneNumber: '+1' }), 400, BAD_BODY);
    expectDixaError(await t.beta.patch(`/beta/agents/${agent.id}`, { displayName: 7 }), 400, BAD_BODY);
    expectDixaError(
      await t.beta.post('/beta/agents', { displayName: 'Bo 2', email: 'BO@example.org' }),
      409,
      /bo@example.org/i,
    );
    assert.deepEqual(await listIds(t), [agent.id]);
  });

  it('answers an unknown agent 404 and an id that is not a UUID 400, on every agent route', async () => {
    const t = await newDixaTenant(env);
    for (const [method, suffix, body] of [
      ['get', '', undefined],
      ['put', '', { displayName: 'X' }],
      ['patch', '', { displayName: 'X' }],
      ['delete', '', undefined],
      ['get', '/teams', undefined],
    ] as const) {
      expectDixaError(await t.beta[method](`/beta/agents/${UNKNOWN_ID}${suffix}`, body), 404, NOT_FOUND);
      expectDixaError(
        await t.beta[method](`/beta/agents/agent-1${suffix}`, body),
        400,
        'Invalid value for: path parameter agentId',
      );
    }
  });

  it('lists agents in pages of pageLimit, with meta.next a URL; a tampered pageKey is 400', async () => {
    const t = await newDixaTenant(env);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await buildAgent(t.ctx)).id);
    }
    const first = expectData<Page>(await t.beta.get('/beta/agents?pageLimit=3'), 200);
    assert.equal(first.data.length, 3);
    const next = new URL(first.meta.next ?? '');
    const second = expectData<Page>(await t.beta.get(`${next.pathname}${next.search}`), 200);
    assert.deepEqual(second.meta, {});
    assert.deepEqual(
      [...first.data, ...second.data].map((a) => a.id),
      ids,
    );
    expectDixaError(
      await t.beta.get('/beta/agents?pageKey=bm90LWEtdXVpZA'),
      400,
      'Invalid value for: query parameter pageKey',
    );
    expectDixaError(
      await t.beta.get('/beta/agents?pageLimit=0'),
      400,
      'Invalid value for: query parameter pageLimit',
    );
  });

  it('filters by email or by phone (primary or additional), never both', async () => {
    const t = await newDixaTenant(env);
    const alice = await create(t, samples.createRequest);
    const bob = await create(t, { displayName: 'Bob', email: 'bob@example.org', phoneNumber: '+5566778899' });
    assert.deepEqual(await listIds(t, '?email=ALICE@brown.com'), [alice.id]);
    assert.deepEqual(await listIds(t, '?email=alice@secondary.email'), [alice.id]);
    assert.deepEqual(await listIds(t, `?phone=${encodeURIComponent('+5566778899')}`), [alice.id, bob.id]);
    assert.deepEqual(await listIds(t, '?email=nobody@example.org'), []);
    expectDixaError(
      await t.beta.get('/beta/agents?email=bob@example.org&phone=1'),
      400,
      'Invalid filters: Cannot provide both phone number and email address',
    );
  });

  it("lists an agent's teams as {data: [{id, name}]}", async () => {
    const t = await newDixaTenant(env);
    const agent = await create(t, { displayName: 'Cy', email: 'cy@example.org' });
    const [a, b] = [await buildTeam(t.ctx), await buildTeam(t.ctx)];
    await updateTeamMembers(t.ctx, a.id, { add: [agent.id], remove: [] });
    await updateTeamMembers(t.ctx, b.id, { add: [agent.id], remove: [] });
    const teams = expectData<{ data: { id: string; name: string }[] }>(
      await t.beta.get(`/beta/agents/${agent.id}/teams`),
      200,
    );
    // The sample names only ids; Roster adds each team's name.
    for (const team of teams.data) {
      assert.ok(Object.keys(samples.agentTeamsResponse.data[0] ?? {}).every((k) => k in team));
    }
    assert.deepEqual(teams, { data: [a, b].map(({ id, name }) => ({ id, name })) });
  });

  it('deletes (downgrades) an agent: 204, out of its teams, gone from lists, roles empty', async () => {
    const t = await newDixaTenant(env);
    const agent = await create(t, { displayName: 'Di', email: 'di@example.org' });
    const kept = await create(t, { displayName: 'Ed', email: 'ed@example.org' });
    const team = await buildTeam(t.ctx);
    await updateTeamMembers(t.ctx, team.id, { add: [agent.id, kept.id], remove: [] });

    expectEmpty(await t.beta.delete(`/beta/agents/${agent.id}`), 204);
    assert.deepEqual(await listIds(t), [kept.id]);
    assert.deepEqual(await listIds(t, '?email=di@example.org'), []);
    const members = expectData<{ data: { id: string }[] }>(
      await t.beta.get(`/beta/teams/${team.id}/agents`),
      200,
    );
    assert.deepEqual(
      members.data.map((m) => m.id),
      [kept.id],
    );
    assert.deepEqual(expectData(await t.beta.get(`/beta/agents/${agent.id}/teams`), 200), { data: [] });
    assert.deepEqual(expectData<One>(await t.beta.get(`/beta/agents/${agent.id}`), 200).data.roles, []);
    const native = expectJson<{ status: string }>(
      await client(env.app, t.key).get(`/v1/agents/${agent.id}`),
      200,
    );
    assert.equal(native.status, 'disabled');
    expectEmpty(await t.beta.delete(`/beta/agents/${agent.id}`), 204);
  });

  it('shows owners and admins with the Admin role', async () => {
    const t = await newDixaTenant(env);
    for (const [role, roles] of [
      ['owner', ['Admin']],
      ['admin', ['Admin']],
      ['supervisor', ['Agent']],
    ] as const) {
      const agent = await buildAgent(t.ctx, { role });
      assert.deepEqual(expectData<One>(await t.beta.get(`/beta/agents/${agent.id}`), 200).data.roles, roles);
    }
  });
});
