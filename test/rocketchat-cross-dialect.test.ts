import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildAgent, buildKey } from './factories.js';
import { createTestApp, type TestApp } from './harness.js';
import { client, expectJson, expectProblem } from './http.js';
import {
  type DepartmentAgentJson,
  type DepartmentJson,
  departmentBody,
  expectFailure,
  expectSuccess,
  newRocketChatTenant,
  rocketChatUser,
} from './rocketchat.js';

/**
 * The Rocket.Chat dialect and /v1 share one core: a department is a team with the same members,
 * order is the member priority, archive and capacity are the team's, and agent.status is the
 * availability switch of /v1. Errors stay in their dialect.
 */

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

async function setup() {
  const t = await newRocketChatTenant(env);
  const admin = await rocketChatUser(env, t, 'admin');
  const { secret } = await buildKey(t.ctx, { scopes: ['*'] });
  return { t, rc: admin.api, v1: client(env.app, secret), admin };
}

type TeamJson = {
  id: string;
  name: string;
  description: string | null;
  default_max_concurrent: number | null;
  enabled: boolean;
  archived_at: string | null;
  email: string | null;
  show_on_registration: boolean;
  show_on_offline_form: boolean;
  members: { id: string; priority: number }[];
};

describe('Rocket.Chat and /v1: one set of teams', () => {
  it('a department made here is a team in /v1 with the same members and priorities', async () => {
    const { t, rc, v1 } = await setup();
    const [kim, lee] = [
      await buildAgent(t.ctx, { username: 'kim' }),
      await buildAgent(t.ctx, { username: 'lee' }),
    ];
    const { department } = expectSuccess<{ department: DepartmentJson }>(
      await rc.post('department', {
        ...departmentBody('Escalations', {
          description: 'Hard cases',
          showOnRegistration: false,
          maxNumberSimultaneousChat: 3,
        }),
        agents: [
          { agentId: kim.id, username: 'kim', order: 2 },
          { agentId: lee.id, username: 'lee' },
        ],
      }),
    );
    const team = expectJson<TeamJson>(await v1.get(`/v1/teams/${department._id}`), 200);
    assert.equal(team.name, 'Escalations');
    assert.equal(team.description, 'Hard cases');
    assert.equal(team.default_max_concurrent, 3);
    assert.equal(team.email, 'escalations@example.com');
    assert.deepEqual(
      [team.enabled, team.show_on_registration, team.show_on_offline_form],
      [true, false, true],
    );
    assert.deepEqual(
      new Map(team.members.map((m) => [m.id, m.priority])),
      new Map([
        [kim.id, 2],
        [lee.id, 0],
      ]),
    );
  });

  it('a team made and changed in /v1 is a department here, archive included', async () => {
    const { t, rc, v1 } = await setup();
    const ann = await buildAgent(t.ctx, { email: 'ann@example.com' });
    const team = expectJson<TeamJson>(
      await v1.post('/v1/teams', { name: 'Native', email: 'native@example.com', default_max_concurrent: 6 }),
      201,
    );
    expectJson(await v1.post(`/v1/teams/${team.id}/members`, { user_id: ann.id, priority: 5 }), 201);
    const read = expectSuccess<{ department: DepartmentJson; agents: DepartmentAgentJson[] }>(
      await rc.get(`department/${team.id}?includeAgents=true`),
    );
    assert.deepEqual(
      [read.department.name, read.department.email, read.department.maxNumberSimultaneousChat],
      ['Native', 'native@example.com', 6],
    );
    assert.deepEqual(
      read.agents.map((a) => [a.agentId, a.username, a.order]),
      [[ann.id, 'ann@example.com', 5]],
    );
    expectJson(await v1.patch(`/v1/teams/${team.id}`, { archived: true }), 200);
    const archived = expectSuccess<{ departments: DepartmentJson[] }>(await rc.get('departments/archived'));
    assert.deepEqual(
      archived.departments.map((d) => d._id),
      [team.id],
    );
    expectSuccess(await rc.post(`department/${team.id}/unarchive`));
    const back = expectJson<TeamJson>(await v1.get(`/v1/teams/${team.id}`), 200);
    assert.equal(back.archived_at, null);
    expectSuccess(await rc.delete(`department/${team.id}`));
    expectProblem(await v1.get(`/v1/teams/${team.id}`), 404, { code: 'team_not_found' });
  });

  it('agent.status is the availability switch of /v1', async () => {
    const { t, v1 } = await setup();
    const agent = await rocketChatUser(env, t, 'agent');
    expectSuccess(await agent.api.post('agent.status', { status: 'not-available' }));
    const presence = expectJson<{ available: boolean }>(
      await v1.get(`/v1/agents/${agent.agent.id}/presence`),
      200,
    );
    assert.equal(presence.available, false);
    expectJson(await v1.put(`/v1/agents/${agent.agent.id}/availability`, { available: true }), 200);
    assert.deepEqual(expectSuccess(await agent.api.post('agent.status', {})), {
      status: 'not-available',
      success: true,
    });
  });
});

describe('Rocket.Chat and /v1: errors stay in their dialect', () => {
  it('a 401, 404 and 400 carry each dialect its own body', async () => {
    const { v1, rc } = await setup();
    expectFailure(await env.app.inject({ method: 'GET', url: '/api/v1/livechat/department' }), 401, {
      status: 'error',
      message: 'You must be logged in to do this.',
    });
    expectProblem(await env.app.inject({ method: 'GET', url: '/v1/teams' }), 401, {
      code: 'unauthenticated',
    });
    expectFailure(await rc.get('/api/v1/livechat/nope'), 404);
    expectProblem(await v1.get('/v1/nope'), 404, { code: 'not_found' });
    expectFailure(await rc.post('department', { department: { name: 'x' } }), 400);
    expectProblem(await v1.post('/v1/teams', { name: '' }), 400, { paths: ['body.name'] });
  });
});
