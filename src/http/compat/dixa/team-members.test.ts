import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  BAD_BODY,
  type DixaTenant,
  expectData,
  expectDixaError,
  expectEmpty,
  fixture,
  NOT_FOUND,
  newDixaTenant,
  seedAgent,
} from '../../../../test/dixa.js';
import { buildAgent, buildTeam } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { send, sorted, UNKNOWN_ID } from '../../../../test/http.js';

/** Dixa's /beta/teams/{teamId}/agents, driven by seed 000's samples (fixtures/dixa/team-members.json). */

interface MembersFixture {
  addRequest: { agentIds: string[] };
  removeRequest: { agentIds: string[] };
  listResponse: { data: { id: string; name: string; email: string }[] };
}
const samples = fixture<MembersFixture>('team-members.json');
type MembersJson = { data: { id: string; name?: string; email?: string; phoneNumber?: string }[] };

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

const byId = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

async function memberIds(t: DixaTenant, teamId: string): Promise<string[]> {
  return sorted(
    expectData<MembersJson>(await t.beta.get(`/beta/teams/${teamId}/agents`), 200).data.map((m) => m.id),
  );
}

async function newTeam(t: DixaTenant): Promise<string> {
  return (await buildTeam(t.ctx)).id;
}

describe('/beta/teams/{teamId}/agents', () => {
  it('adds the seed request: 200 with the members as JSON; removes the seed request: 204', async () => {
    const t = await newDixaTenant(env);
    // Every id the two samples name is an agent of the org; d53dbec1 never joins the team.
    const ids = new Set([...samples.addRequest.agentIds, ...samples.removeRequest.agentIds]);
    for (const id of ids) {
      await seedAgent(t.ctx, { id, name: `Agent ${id.slice(0, 4)}`, email: `${id}@example.org` });
    }
    const teamId = await newTeam(t);
    const url = `/beta/teams/${teamId}/agents`;

    // Dixa's tooling parses every 2xx but a 204 as JSON: the answer is the members, as GET lists them.
    const added = expectData<MembersJson>(await t.beta.patch(url, samples.addRequest), 200);
    assert.deepEqual(sorted(added.data.map((m) => m.id)), sorted(samples.addRequest.agentIds));
    assert.deepEqual(await memberIds(t, teamId), sorted(samples.addRequest.agentIds));
    // Adding members again is no error and changes nothing.
    expectData<MembersJson>(await t.beta.patch(url, samples.addRequest), 200);
    assert.deepEqual(await memberIds(t, teamId), sorted(samples.addRequest.agentIds));

    // a8080cf3 is a member, d53dbec1 is not: removing a non-member is no error.
    expectEmpty(await t.beta.delete(url, samples.removeRequest), 204);
    assert.deepEqual(await memberIds(t, teamId), ['912d5148-6918-4420-b23a-8584b896c8ae']);
    expectEmpty(await t.beta.delete(url, samples.removeRequest), 204);
  });

  it('lists members: exactly the seed response, phone number only when there is one', async () => {
    const t = await newDixaTenant(env);
    const teamId = await newTeam(t);
    for (const member of samples.listResponse.data) {
      await seedAgent(t.ctx, member);
    }
    const url = `/beta/teams/${teamId}/agents`;
    expectData(await t.beta.patch(url, { agentIds: samples.listResponse.data.map((m) => m.id) }), 200);
    const list = expectData<MembersJson>(await t.beta.get(url), 200);
    assert.deepEqual(Object.keys(list), ['data']);
    assert.deepEqual(byId(list.data), byId(samples.listResponse.data));

    const withPhone = await buildAgent(t.ctx, {
      fullName: 'Agent C',
      email: 'ac@example.org',
      phoneNumber: '+4512345678',
    });
    expectData(await t.beta.patch(url, { agentIds: [withPhone.id] }), 200);
    const again = expectData<MembersJson>(await t.beta.get(url), 200);
    assert.deepEqual(
      again.data.find((m) => m.id === withPhone.id),
      { id: withPhone.id, name: 'Agent C', email: 'ac@example.org', phoneNumber: '+4512345678' },
    );
  });

  it('an unknown agent id fails the whole call 404 and changes nothing', async () => {
    const t = await newDixaTenant(env);
    const teamId = await newTeam(t);
    const [a, b] = [await buildAgent(t.ctx), await buildAgent(t.ctx)];
    const url = `/beta/teams/${teamId}/agents`;
    expectData(await t.beta.patch(url, { agentIds: [a.id] }), 200);

    expectDixaError(await t.beta.patch(url, { agentIds: [b.id, UNKNOWN_ID] }), 404, NOT_FOUND);
    assert.deepEqual(await memberIds(t, teamId), [a.id], 'b was not added');
    expectDixaError(await t.beta.delete(url, { agentIds: [a.id, UNKNOWN_ID] }), 404, NOT_FOUND);
    assert.deepEqual(await memberIds(t, teamId), [a.id], 'a was not removed');

    // Another organization's agent is unknown here.
    const stranger = await buildAgent((await newDixaTenant(env)).ctx);
    expectDixaError(await t.beta.patch(url, { agentIds: [stranger.id] }), 404, NOT_FOUND);
  });

  it('answers an unknown team 404 and a team id that is not a UUID 400', async () => {
    const t = await newDixaTenant(env);
    const agent = await buildAgent(t.ctx);
    for (const method of ['get', 'patch', 'delete'] as const) {
      expectDixaError(
        await t.beta[method](`/beta/teams/${UNKNOWN_ID}/agents`, { agentIds: [agent.id] }),
        404,
        NOT_FOUND,
      );
      expectDixaError(
        await t.beta[method]('/beta/teams/team-a/agents', { agentIds: [agent.id] }),
        400,
        'Invalid value for: path parameter teamId',
      );
    }
  });

  it('answers a body that does not validate 400 and changes nothing', async () => {
    const t = await newDixaTenant(env);
    const teamId = await newTeam(t);
    const agent = await buildAgent(t.ctx);
    const url = `/beta/teams/${teamId}/agents`;
    for (const body of [
      { agentIds: ['not-a-uuid'] },
      { agentIds: agent.id },
      { agentIds: [42] },
      [agent.id],
    ]) {
      expectDixaError(await t.beta.patch(url, body), 400, BAD_BODY);
      expectDixaError(await t.beta.delete(url, body), 400, BAD_BODY);
    }
    expectDixaError(await t.beta.patch(url, { agentIds: Array(1001).fill(agent.id) }), 400, BAD_BODY);
    // A DELETE that carries no body names nobody: Dixa requires the body.
    expectDixaError(
      await send(env.app, { method: 'DELETE', url, headers: { authorization: t.key } }),
      400,
      BAD_BODY,
    );
    assert.deepEqual(await memberIds(t, teamId), []);
  });

  it('takes agentIds as optional (an empty change) and ids in any letter case', async () => {
    const t = await newDixaTenant(env);
    const teamId = await newTeam(t);
    const agent = await buildAgent(t.ctx);
    const url = `/beta/teams/${teamId}/agents`;
    expectData(await t.beta.patch(url, {}), 200);
    expectData(await t.beta.patch(url, { agentIds: [] }), 200);
    expectData(await t.beta.patch(url, { agentIds: [agent.id.toUpperCase()] }), 200);
    assert.deepEqual(await memberIds(t, teamId), [agent.id]);
    expectEmpty(await t.beta.delete(url, { agentIds: [agent.id.toUpperCase(), agent.id] }), 204);
    assert.deepEqual(await memberIds(t, teamId), []);
  });
});
