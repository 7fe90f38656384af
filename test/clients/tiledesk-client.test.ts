import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inviteAgent } from '../../src/core/agents/agent-lifecycle.js';
import { addTeamMember } from '../../src/core/teams/team-members.js';
import { buildAgent, buildKey, buildOrg, buildTeam } from '../factories.js';
import { listenTestApp, type TestApp } from '../harness.js';
import { rawRequest } from './raw.js';
// @tiledesk/tiledesk-client, as bots and scripts use it (version pinned in package.json).
import { viaCallback as call, type Teammate, tiledeskClient } from './vendors.js';

let env: TestApp & { base: string };
let projectId: string;
let key: string;
let ownerId: string;
let agent: { id: string; userId: string };
let teamId: string;

before(async () => {
  env = await listenTestApp();
  const ctx = await buildOrg(env);
  projectId = ctx.actor.orgId;
  const owner = await buildAgent(ctx, { role: 'owner', fullName: 'Olga Owner' });
  ownerId = owner.id;
  agent = await buildAgent(ctx, { fullName: 'Ada Agent' });
  teamId = (await buildTeam(ctx, { name: 'Support' })).id;
  await addTeamMember(ctx, teamId, agent.id);
  await inviteAgent(ctx, { email: 'pending@example.com', role: 'agent' });
  key = (await buildKey(ctx, { scopes: ['*'], agentId: owner.id })).secret;
});

after(async () => {
  await env.close();
});

for (const mount of ['/v3', '/compat/tiledesk/v3']) {
  describe(`@tiledesk/tiledesk-client against Roster at ${mount}`, () => {
    const client = () => tiledeskClient(`${env.base}${mount}`, projectId, key);

    it('getTeam lists the teammates, pending invitations left out', async () => {
      const team = await call<Teammate[]>((cb) => client().getTeam(cb));
      const ids = team.map((t) => t.id).sort();
      assert.deepEqual(ids, [ownerId, agent.id].sort());
      assert.ok(team.every((t) => t.status !== 'invited'));
      for (const t of team) {
        assert.equal(t.max_assigned_chat, t.max_served_chat);
      }
    });

    it('getProjectUser finds the teammate of a user id', async () => {
      const found = await call<Teammate[]>((cb) => client().getProjectUser(agent.userId, cb));
      assert.deepEqual(
        found.map((t) => t.id),
        [agent.id],
      );
    });

    it('updateProjectUserCurrentlyLoggedIn (PUT .../project_users/, trailing slash) updates the caller', async () => {
      const me = await call<Teammate>((cb) =>
        client().updateProjectUserCurrentlyLoggedIn({ max_assigned_chat: 4, user_available: true }, cb),
      );
      assert.equal(me.id, ownerId);
      assert.equal(me.max_assigned_chat, 4);
      assert.equal(me.max_served_chat, 4);
      assert.equal(me.user_available, true);
    });

    it('updateProjectUserAvailable and updateProjectUserAttributes change a teammate', async () => {
      const off = await call<Teammate>((cb) => client().updateProjectUserAvailable(agent.id, false, cb));
      assert.equal(off.user_available, false);
      const on = await call<Teammate>((cb) => client().updateProjectUserAvailable(agent.id, true, cb));
      assert.equal(on.user_available, true);
      const tagged = await call<Teammate>((cb) =>
        client().updateProjectUserAttributes(agent.id, { desk: mount }, cb),
      );
      assert.deepEqual(tagged.attributes, { desk: mount });
    });

    it('getProjectAvailableAgents lists the users whose switch is on', async () => {
      await call((cb) => client().updateProjectUserCurrentlyLoggedIn({ user_available: false }, cb));
      await call((cb) => client().updateProjectUserAvailable(agent.id, true, cb));
      const available = (await client().getProjectAvailableAgents()) as { id: string; firstname: string }[];
      assert.deepEqual(available, [{ id: agent.userId, firstname: 'Ada', lastname: 'Agent' }]);
    });

    it('getGroup reads a team as a Tiledesk group', async () => {
      const group = await call<{ _id: string; name: string; members: string[] }>((cb) =>
        client().getGroup(teamId, cb),
      );
      assert.equal(group._id, teamId);
      assert.equal(group.name, 'Support');
      assert.deepEqual(group.members, [agent.userId]);
    });
  });
}

describe('Tiledesk dashboard requests the client library does not make', () => {
  const headers = () => ({ authorization: `JWT ${key}`, 'content-type': 'application/json' });

  it('GET .../project_users/ with a trailing slash is the list', async () => {
    const res = await rawRequest('GET', `${env.base}/v3/${projectId}/project_users/`, headers());
    assert.equal(res.status, 200, res.body);
    assert.ok(Array.isArray(res.json()));
  });

  it('filters by ?role= and ?presencestatus=, and lists pending invitations apart', async () => {
    const owners = await rawRequest('GET', `${env.base}/v3/${projectId}/project_users?role=owner`, headers());
    assert.deepEqual(
      owners.json<Teammate[]>().map((t) => t.id),
      [ownerId],
    );
    const offline = await rawRequest(
      'GET',
      `${env.base}/v3/${projectId}/project_users?presencestatus=offline`,
      headers(),
    );
    assert.equal(offline.json<Teammate[]>().length, 2);
    const pending = await rawRequest('GET', `${env.base}/v3/${projectId}/pendinginvitations`, headers());
    assert.equal(pending.status, 200, pending.body);
    assert.deepEqual(
      pending.json<{ email: string }[]>().map((p) => p.email),
      ['pending@example.com'],
    );
  });

  it('DELETE .../project_users/{id}?soft=true with a JSON content type and no body trashes the teammate', async () => {
    const ctx = { ...env.masterCtx, actor: { ...env.masterCtx.actor, orgId: projectId } };
    const leaving = await buildAgent(ctx);
    for (const extra of [{}, { 'content-length': '0' }] as Record<string, string>[]) {
      const res = await rawRequest(
        'DELETE',
        `${env.base}/v3/${projectId}/project_users/${leaving.id}?soft=true`,
        { ...headers(), 'content-type': 'application/json;charset=utf-8', ...extra },
      );
      assert.equal(res.status, 200, res.body);
    }
  });
});
