import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Static } from 'typebox';
import { buildAgent, buildKey, buildTeam } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import {
  allPages,
  client,
  expectJson,
  expectNoContent,
  expectProblem,
  ISO_UTC,
  ids,
  newTenant,
  nextLink,
  sleep,
  sorted,
  type Tenant,
  UNKNOWN_ID,
  UUID_V7,
} from '../../../test/http.js';
import type { Agent } from './agents.schemas.js';
import type { Team, TeamSummary } from './teams.schemas.js';

type AgentJson = Static<typeof Agent>;
type TeamJson = Static<typeof Team>;
type SummaryJson = Static<typeof TeamSummary>;

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

async function createAgent(t: Tenant, body: Record<string, unknown>): Promise<AgentJson> {
  return expectJson<AgentJson>(await t.api.post('/v1/agents', body), 201);
}

async function listIds(t: Tenant, query: string): Promise<string[]> {
  return ids(expectJson<AgentJson[]>(await t.api.get(`/v1/agents?${query}`), 200));
}

describe('/v1/agents', () => {
  it('creates an agent: 201 with defaults for everything not given', async () => {
    const t = await newTenant(env);
    const agent = await createAgent(t, { email: 'alice@company.com', full_name: 'Alice Johnson' });
    assert.match(agent.id, UUID_V7);
    assert.match(agent.created_at, ISO_UTC);
    assert.match(agent.user_id, UUID_V7);
    assert.deepEqual(agent, {
      id: agent.id,
      user_id: agent.user_id,
      email: 'alice@company.com',
      full_name: 'Alice Johnson',
      first_name: null,
      last_name: null,
      username: null,
      phone_number: null,
      middle_names: [],
      avatar_url: null,
      additional_emails: [],
      additional_phone_numbers: [],
      role: 'agent',
      status: 'active',
      max_concurrent: null,
      attributes: {},
      tags: [],
      tag_colors: {},
      profile_status: '',
      settings: {},
      trashed_at: null,
      created_by: null,
      created_at: agent.created_at,
      updated_at: agent.created_at,
    });
    assert.deepEqual(expectJson<AgentJson>(await t.api.get(`/v1/agents/${agent.id}`), 200), agent);
  });

  it('creates an agent with every field given', async () => {
    const t = await newTenant(env);
    const body = {
      email: 'bob@company.com',
      full_name: 'Bob Smith',
      role: 'supervisor',
      status: 'invited',
      username: 'bsmith',
      first_name: 'Bob',
      last_name: 'Smith',
      phone_number: '+1 555 0100',
      middle_names: ['Robert', 'Lee'],
      avatar_url: 'https://cdn.company.com/bob.png',
      additional_emails: ['bob@home.example', 'b.smith@company.com'],
      additional_phone_numbers: ['+1 555 0101'],
      max_concurrent: 7,
      attributes: { languages: ['en', 'fr'], tier: 2 },
      tags: ['vip', 'billing'],
      tag_colors: { vip: '#ffd700' },
      profile_status: 'In a meeting',
      settings: { email: { notification: { assigned: false } } },
    };
    const agent = await createAgent(t, body);
    const { id, user_id, created_at, updated_at, trashed_at, created_by, ...rest } = agent;
    assert.deepEqual(rest, body);
    assert.deepEqual([trashed_at, created_by], [null, null]);
    expectProblem(await t.api.post('/v1/agents', { email: 'x@company.com' }), 400, {
      paths: ['body.full_name'],
    });
    expectProblem(await t.api.post('/v1/agents', { email: 'not-an-email', full_name: 'X' }), 400, {
      paths: ['body.email'],
    });
    expectProblem(
      await t.api.post('/v1/agents', {
        email: 'y@company.com',
        full_name: 'Y',
        additional_emails: ['a@b.c', 'a@b.c'],
        avatar_url: 'not a url',
      }),
      400,
      { paths: ['body.additional_emails', 'body.avatar_url'] },
    );
    expectProblem(
      await t.api.post('/v1/agents', { email: 'r@company.com', full_name: 'R', role: 'king' }),
      400,
      {
        paths: ['body.role'],
      },
    );
    expectProblem(
      await t.api.post('/v1/agents', { email: 'u@company.com', full_name: 'U', team: 'x' }),
      400,
      {
        paths: ['body.team'],
      },
    );
  });

  it('answers 409 to an email or username already used in the org, ignoring case', async () => {
    const t = await newTenant(env);
    await createAgent(t, { email: 'Dana@Company.com', full_name: 'Dana', username: 'Dana' });
    expectProblem(
      await t.api.post('/v1/agents', { email: 'dana@company.COM', full_name: 'Other Dana' }),
      409,
      {
        code: 'agent_email_taken',
        paths: ['body.email'],
      },
    );
    expectProblem(
      await t.api.post('/v1/agents', { email: 'dana2@company.com', full_name: 'Dana 2', username: 'DANA' }),
      409,
      { code: 'agent_username_taken', paths: ['body.username'] },
    );
    assert.equal((await listIds(t, '')).length, 1);

    const other = await newTenant(env);
    await createAgent(other, { email: 'dana@company.com', full_name: 'Dana elsewhere', username: 'dana' });
  });

  it('rejects max_concurrent outside 0..1000 and accepts its bounds and null', async () => {
    const t = await newTenant(env);
    for (const value of [-1, 1001, 2.5, '5', true]) {
      expectProblem(
        await t.api.post('/v1/agents', {
          email: `cap${value}@company.com`,
          full_name: 'Cap',
          max_concurrent: value,
        }),
        400,
        { code: 'invalid_request', paths: ['body.max_concurrent'] },
      );
    }
    const zero = await createAgent(t, { email: 'zero@company.com', full_name: 'Zero', max_concurrent: 0 });
    assert.equal(zero.max_concurrent, 0);
    const top = await createAgent(t, { email: 'top@company.com', full_name: 'Top', max_concurrent: 1000 });
    assert.equal(top.max_concurrent, 1000);
    expectProblem(await t.api.patch(`/v1/agents/${top.id}`, { max_concurrent: 1001 }), 400, {
      paths: ['body.max_concurrent'],
    });
    const inherits = expectJson<AgentJson>(
      await t.api.patch(`/v1/agents/${top.id}`, { max_concurrent: null }),
      200,
    );
    assert.equal(inherits.max_concurrent, null);
    assert.deepEqual(sorted(await listIds(t, '')), sorted([zero.id, top.id]));
  });

  it('filters the list by role, status, team_id and q', async () => {
    const t = await newTenant(env);
    const alice = await createAgent(t, {
      email: 'alice@acme.test',
      full_name: 'Alice Johnson',
      role: 'admin',
    });
    const bob = await createAgent(t, { email: 'bob@acme.test', full_name: 'Bob Smith', role: 'supervisor' });
    const carol = await createAgent(t, {
      email: 'carol@other.test',
      full_name: 'Carol Johnson',
      status: 'disabled',
    });
    const dave = await createAgent(t, { email: 'dave_100%@acme.test', full_name: 'Dave', status: 'invited' });
    const team = await buildTeam(t.ctx);
    for (const agent of [bob, carol]) {
      await t.api.post(`/v1/teams/${team.id}/members`, { user_id: agent.id });
    }
    const everyone = sorted(ids([alice, bob, carol, dave]));

    assert.deepEqual(await listIds(t, ''), everyone);
    assert.deepEqual(await listIds(t, 'role=admin'), [alice.id]);
    assert.deepEqual(await listIds(t, 'role=agent'), sorted([carol.id, dave.id]));
    assert.deepEqual(await listIds(t, 'status=disabled'), [carol.id]);
    assert.deepEqual(await listIds(t, 'status=active'), sorted([alice.id, bob.id]));
    assert.deepEqual(await listIds(t, `team_id=${team.id}`), sorted([bob.id, carol.id]));
    assert.deepEqual(await listIds(t, `team_id=${UNKNOWN_ID}`), []);
    assert.deepEqual(await listIds(t, 'q=johnson'), sorted([alice.id, carol.id]));
    assert.deepEqual(await listIds(t, 'q=ACME.TEST'), sorted([alice.id, bob.id, dave.id]));
    assert.deepEqual(await listIds(t, `q=${encodeURIComponent('100%')}`), [dave.id]);
    assert.deepEqual(await listIds(t, `q=${encodeURIComponent('%')}`), [dave.id]);
    assert.deepEqual(await listIds(t, 'q=_'), [dave.id]);
    assert.deepEqual(await listIds(t, `q=johnson&team_id=${team.id}`), [carol.id]);
    assert.deepEqual(await listIds(t, 'q=johnson&role=admin&status=active'), [alice.id]);

    expectProblem(await t.api.get('/v1/agents?role=king'), 400, { paths: ['query.role'] });
    expectProblem(await t.api.get('/v1/agents?status=gone'), 400, { paths: ['query.status'] });
    expectProblem(await t.api.get('/v1/agents?team_id=sales'), 400, { paths: ['query.team_id'] });
    expectProblem(await t.api.get('/v1/agents?limit=101'), 400, { paths: ['query.limit'] });

    const pages = await allPages<AgentJson>(t.api, '/v1/agents?limit=3');
    assert.deepEqual(
      pages.map((p) => ids(p)),
      [everyone.slice(0, 3), everyone.slice(3)],
    );
    const filtered = await t.api.get('/v1/agents?role=agent&limit=1');
    const link = nextLink(filtered);
    assert.ok(link?.includes('role=agent'), `the filter survives paging: ${link}`);
    assert.deepEqual(ids(expectJson<AgentJson[]>(await t.api.get(String(link)), 200)), [
      sorted([carol.id, dave.id])[1],
    ]);
  });

  it('PATCH changes only the given fields and moves updated_at', async () => {
    const t = await newTenant(env);
    const agent = await createAgent(t, {
      email: 'erin@company.com',
      full_name: 'Erin',
      tags: ['night'],
      max_concurrent: 3,
    });
    await createAgent(t, { email: 'frank@company.com', full_name: 'Frank' });
    await sleep(5);
    const res = await t.api.patch(`/v1/agents/${agent.id}`, {
      full_name: 'Erin Stone',
      role: 'supervisor',
      status: 'disabled',
      attributes: { skills: ['refunds'] },
    });
    const patched = expectJson<AgentJson>(res, 200);
    assert.deepEqual(patched, {
      ...agent,
      full_name: 'Erin Stone',
      role: 'supervisor',
      status: 'disabled',
      attributes: { skills: ['refunds'] },
      updated_at: patched.updated_at,
    });
    assert.ok(patched.updated_at > agent.updated_at, `${patched.updated_at} > ${agent.updated_at}`);
    assert.deepEqual(expectJson<AgentJson>(await t.api.get(`/v1/agents/${agent.id}`), 200), patched);

    expectProblem(await t.api.patch(`/v1/agents/${agent.id}`, { email: 'FRANK@company.com' }), 409, {
      code: 'agent_email_taken',
    });
    expectProblem(await t.api.patch(`/v1/agents/${agent.id}`, { nickname: 'E' }), 400, {
      paths: ['body.nickname'],
    });
    expectProblem(await t.api.patch(`/v1/agents/${UNKNOWN_ID}`, { full_name: 'Nobody' }), 404, {
      code: 'agent_not_found',
    });
    expectProblem(await t.api.get(`/v1/agents/${UNKNOWN_ID}`), 404, { code: 'agent_not_found' });
  });

  it('DELETE removes the agent from every team and revokes its keys', async () => {
    const t = await newTenant(env);
    const agent = await buildAgent(t.ctx);
    const colleague = await buildAgent(t.ctx);
    const teams = [await buildTeam(t.ctx), await buildTeam(t.ctx)];
    for (const team of teams) {
      for (const member of [agent, colleague]) {
        expectJson(await t.api.post(`/v1/teams/${team.id}/members`, { user_id: member.id }), 201);
      }
    }
    const { secret } = await buildKey(t.ctx, { scopes: ['teams:read'], agentId: agent.id });
    expectJson(await client(env.app, secret).get('/v1/teams'), 200);

    expectNoContent(await t.api.delete(`/v1/agents/${agent.id}`));
    expectProblem(await t.api.get(`/v1/agents/${agent.id}`), 404, { code: 'agent_not_found' });
    expectProblem(await t.api.delete(`/v1/agents/${agent.id}`), 404, { code: 'agent_not_found' });
    for (const team of teams) {
      const got = expectJson<TeamJson>(await t.api.get(`/v1/teams/${team.id}`), 200);
      assert.deepEqual(ids(got.members), [colleague.id]);
      assert.deepEqual(await listIds(t, `team_id=${team.id}`), [colleague.id]);
    }
    expectProblem(await client(env.app, secret).get('/v1/teams'), 401, { code: 'unauthenticated' });
  });

  it('GET /agents/{id}/teams lists the teams of the agent, paged', async () => {
    const t = await newTenant(env);
    const agent = await buildAgent(t.ctx);
    const loner = await buildAgent(t.ctx);
    const teams = [await buildTeam(t.ctx), await buildTeam(t.ctx), await buildTeam(t.ctx)];
    await buildTeam(t.ctx);
    for (const team of teams) {
      expectJson(await t.api.post(`/v1/teams/${team.id}/members`, { user_id: agent.id }), 201);
    }

    const list = expectJson<SummaryJson[]>(await t.api.get(`/v1/agents/${agent.id}/teams`), 200);
    assert.deepEqual(ids(list), sorted(ids(teams)));
    const first = list[0];
    assert.ok(first);
    assert.deepEqual(Object.keys(first).sort(), [
      'archived_at',
      'created_at',
      'default_max_concurrent',
      'description',
      'email',
      'enabled',
      'id',
      'member_count',
      'name',
      'routing',
      'show_on_offline_form',
      'show_on_registration',
      'updated_at',
    ]);

    const pages = await allPages<SummaryJson>(t.api, `/v1/agents/${agent.id}/teams?limit=2`);
    assert.deepEqual(
      pages.map((p) => p.length),
      [2, 1],
    );
    assert.deepEqual(ids(pages.flat()), sorted(ids(teams)));
    assert.deepEqual(expectJson(await t.api.get(`/v1/agents/${loner.id}/teams`), 200), []);
    expectProblem(await t.api.get(`/v1/agents/${UNKNOWN_ID}/teams`), 404, { code: 'agent_not_found' });
    expectProblem(await t.api.get('/v1/agents/alice/teams'), 400, { paths: ['path.id'] });
  });
});

describe('/v1/agents user_id', () => {
  it('is one user for the same email in two orgs, with two agent ids', async () => {
    const a = await newTenant(env);
    const b = await newTenant(env);
    const first = await createAgent(a, { email: 'dana@company.com', full_name: 'Dana' });
    const second = await createAgent(b, { email: 'DANA@company.com', full_name: 'Dana B' });
    assert.notEqual(first.id, second.id);
    assert.equal(first.user_id, second.user_id);
    const other = await createAgent(a, { email: 'eve@company.com', full_name: 'Eve' });
    assert.notEqual(other.user_id, first.user_id);
    const moved = expectJson<AgentJson>(
      await b.api.patch(`/v1/agents/${second.id}`, { email: 'eve@company.com' }),
      200,
    );
    assert.equal(moved.user_id, other.user_id);
  });
});
