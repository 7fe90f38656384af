import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildAgent } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import {
  expectJson,
  expectNoContent,
  expectProblem,
  ISO_UTC,
  ids,
  newTenant,
  sleep,
  UNKNOWN_ID,
  UUID_V7,
} from '../../../test/http.js';
import {
  addMember,
  type BulkJson,
  createTeam,
  type MemberJson,
  type SummaryJson,
  type TeamJson,
} from './teams-test-support.js';

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

describe('/v1/teams: the seed 001 flow', () => {
  it('creates a team: 201 with the full team object', async () => {
    const t = await newTenant(env);
    const team = await createTeam(t, {
      name: 'Technical Support',
      description: 'Handles technical issues and bug reports',
    });
    assert.deepEqual(Object.keys(team).sort(), [
      'archived_at',
      'created_at',
      'default_max_concurrent',
      'description',
      'email',
      'enabled',
      'id',
      'member_count',
      'members',
      'name',
      'routing',
      'show_on_offline_form',
      'show_on_registration',
      'updated_at',
    ]);
    assert.match(team.id, UUID_V7);
    assert.equal(team.name, 'Technical Support');
    assert.equal(team.description, 'Handles technical issues and bug reports');
    assert.deepEqual(team.members, []);
    assert.match(team.created_at, ISO_UTC);
    assert.equal(team.updated_at, team.created_at);

    const plain = await createTeam(t, { name: 'No description' });
    assert.equal(plain.description, null);
    assert.deepEqual(expectJson<TeamJson>(await t.api.get(`/v1/teams/${team.id}`), 200), team);
  });

  it('lists teams as a bare array of summaries without members', async () => {
    const t = await newTenant(env);
    const first = await createTeam(t, { name: 'Technical Support', description: 'Handles technical issues' });
    const second = await createTeam(t, { name: 'Billing Support', description: 'Handles billing inquiries' });
    await addMember(t, first.id, (await buildAgent(t.ctx)).id);

    const list = expectJson<SummaryJson[]>(await t.api.get('/v1/teams?skip=0&limit=50'), 200);
    assert.ok(Array.isArray(list));
    assert.deepEqual(list, [
      {
        id: first.id,
        name: 'Technical Support',
        description: 'Handles technical issues',
        default_max_concurrent: null,
        enabled: true,
        archived_at: null,
        email: null,
        show_on_registration: true,
        show_on_offline_form: true,
        routing: 'least_busy',
        member_count: 1,
        created_at: first.created_at,
        updated_at: first.updated_at,
      },
      {
        id: second.id,
        name: 'Billing Support',
        description: 'Handles billing inquiries',
        default_max_concurrent: null,
        enabled: true,
        archived_at: null,
        email: null,
        show_on_registration: true,
        show_on_offline_form: true,
        routing: 'least_busy',
        member_count: 0,
        created_at: second.created_at,
        updated_at: second.updated_at,
      },
    ]);
  });

  it('gets a team with its members as {id, email, full_name}', async () => {
    const t = await newTenant(env);
    const team = await createTeam(t, { name: 'Support' });
    const alice = await buildAgent(t.ctx, { email: 'agent1@company.com', fullName: 'Alice Johnson' });
    const bob = await buildAgent(t.ctx, { email: 'agent2@company.com', fullName: 'Bob Smith' });
    await addMember(t, team.id, bob.id);
    await addMember(t, team.id, alice.id);

    const got = expectJson<TeamJson>(await t.api.get(`/v1/teams/${team.id}`), 200);
    assert.equal(got.name, 'Support');
    assert.deepEqual(got.members, [
      { id: alice.id, email: 'agent1@company.com', full_name: 'Alice Johnson', priority: 0 },
      { id: bob.id, email: 'agent2@company.com', full_name: 'Bob Smith', priority: 0 },
    ]);
    expectProblem(await t.api.get(`/v1/teams/${UNKNOWN_ID}`), 404, { code: 'team_not_found' });
  });

  it('validates the name: 1 to 255 characters, unique per org case-insensitively', async () => {
    const t = await newTenant(env);
    expectProblem(await t.api.post('/v1/teams', { name: 'x'.repeat(256) }), 400, {
      code: 'invalid_request',
      paths: ['body.name'],
    });
    expectProblem(await t.api.post('/v1/teams', { name: '' }), 400, { paths: ['body.name'] });
    const longest = await createTeam(t, { name: 'y'.repeat(255) });
    assert.equal(longest.name.length, 255);

    await createTeam(t, { name: 'Escalations' });
    expectProblem(await t.api.post('/v1/teams', { name: 'ESCALATIONS' }), 409, {
      code: 'team_name_taken',
      paths: ['body.name'],
    });
    const other = await newTenant(env);
    await createTeam(other, { name: 'Escalations' });
  });

  it('PATCH changes the given fields and moves updated_at', async () => {
    const t = await newTenant(env);
    const team = await createTeam(t, { name: 'Tier 1', description: 'First line' });
    await sleep(5);
    const renamed = expectJson<TeamJson>(
      await t.api.patch(`/v1/teams/${team.id}`, { name: 'Tier One' }),
      200,
    );
    assert.equal(renamed.id, team.id);
    assert.equal(renamed.name, 'Tier One');
    assert.equal(renamed.description, 'First line');
    assert.equal(renamed.created_at, team.created_at);
    assert.ok(renamed.updated_at > team.updated_at, `${renamed.updated_at} > ${team.updated_at}`);
    assert.deepEqual(renamed.members, []);

    const cleared = expectJson<TeamJson>(
      await t.api.patch(`/v1/teams/${team.id}`, { description: null }),
      200,
    );
    assert.equal(cleared.name, 'Tier One');
    assert.equal(cleared.description, null);
    assert.deepEqual(expectJson<TeamJson>(await t.api.get(`/v1/teams/${team.id}`), 200), cleared);

    await createTeam(t, { name: 'Tier 2' });
    expectProblem(await t.api.patch(`/v1/teams/${team.id}`, { name: 'tier 2' }), 409, {
      code: 'team_name_taken',
    });
    expectProblem(await t.api.patch(`/v1/teams/${UNKNOWN_ID}`, { name: 'x' }), 404, {
      code: 'team_not_found',
    });
    expectProblem(await t.api.patch(`/v1/teams/${team.id}`, { name: 'z'.repeat(256) }), 400, {
      paths: ['body.name'],
    });
  });

  it('DELETE answers 204, then the team is 404 and its memberships are gone', async () => {
    const t = await newTenant(env);
    const team = await createTeam(t, { name: 'Doomed' });
    const agent = await buildAgent(t.ctx);
    await addMember(t, team.id, agent.id);

    expectNoContent(await t.api.delete(`/v1/teams/${team.id}`));
    expectProblem(await t.api.get(`/v1/teams/${team.id}`), 404, { code: 'team_not_found' });
    expectProblem(await t.api.delete(`/v1/teams/${team.id}`), 404, { code: 'team_not_found' });
    assert.deepEqual(expectJson<SummaryJson[]>(await t.api.get('/v1/teams'), 200), []);
    assert.deepEqual(expectJson<SummaryJson[]>(await t.api.get(`/v1/agents/${agent.id}/teams`), 200), []);
    expectJson(await t.api.get(`/v1/agents/${agent.id}`), 200);
  });

  it('POST members adds an agent: 201 with the member, 409 when already one, 404 for unknowns', async () => {
    const t = await newTenant(env);
    const team = await createTeam(t, { name: 'Sales' });
    const agent = await buildAgent(t.ctx, { email: 'carol@company.com', fullName: 'Carol Diaz' });

    const member = await addMember(t, team.id, agent.id);
    assert.deepEqual(member, {
      id: agent.id,
      email: 'carol@company.com',
      full_name: 'Carol Diaz',
      priority: 0,
    });
    expectProblem(await t.api.post(`/v1/teams/${team.id}/members`, { user_id: agent.id }), 409, {
      code: 'already_member',
    });
    expectProblem(await t.api.post(`/v1/teams/${team.id}/members`, { user_id: UNKNOWN_ID }), 404, {
      code: 'agent_not_found',
    });
    expectProblem(await t.api.post(`/v1/teams/${UNKNOWN_ID}/members`, { user_id: agent.id }), 404, {
      code: 'team_not_found',
    });
    const got = expectJson<TeamJson>(await t.api.get(`/v1/teams/${team.id}`), 200);
    assert.deepEqual(got.members, [member]);
  });

  it('POST members names the agent as agent_id, or as user_id as earlier clients do', async () => {
    const t = await newTenant(env);
    const team = await createTeam(t, { name: 'Naming' });
    const [byAgentId, byUserId, byBoth] = [
      await buildAgent(t.ctx),
      await buildAgent(t.ctx),
      await buildAgent(t.ctx),
    ];
    const members = `/v1/teams/${team.id}/members`;
    assert.equal(
      expectJson<MemberJson>(await t.api.post(members, { agent_id: byAgentId.id }), 201).id,
      byAgentId.id,
    );
    assert.equal(
      expectJson<MemberJson>(await t.api.post(members, { user_id: byUserId.id }), 201).id,
      byUserId.id,
    );
    const both = { agent_id: byBoth.id, user_id: byBoth.id, priority: 2 };
    assert.equal(expectJson<MemberJson>(await t.api.post(members, both), 201).priority, 2);
    expectProblem(await t.api.post(members, {}), 400, { code: 'invalid_request', paths: ['body.agent_id'] });
    expectProblem(await t.api.post(members, { agent_id: byAgentId.id, user_id: byUserId.id }), 400, {
      paths: ['body.user_id'],
    });
    // The person id of an agent (its own user_id field) is not an agent id.
    expectProblem(await t.api.post(members, { agent_id: byAgentId.userId }), 404);
  });

  it('DELETE members/{agent_id} answers 204, then 404 as the agent is no longer a member', async () => {
    const t = await newTenant(env);
    const team = await createTeam(t, { name: 'Returns' });
    const stays = await buildAgent(t.ctx);
    const leaves = await buildAgent(t.ctx);
    await addMember(t, team.id, stays.id);
    await addMember(t, team.id, leaves.id);

    expectNoContent(await t.api.delete(`/v1/teams/${team.id}/members/${leaves.id}`));
    const got = expectJson<TeamJson>(await t.api.get(`/v1/teams/${team.id}`), 200);
    assert.deepEqual(ids(got.members), [stays.id]);
    expectProblem(await t.api.delete(`/v1/teams/${team.id}/members/${leaves.id}`), 404, {
      code: 'not_member',
    });
    expectProblem(await t.api.delete(`/v1/teams/${team.id}/members/${UNKNOWN_ID}`), 404);
    expectProblem(await t.api.delete(`/v1/teams/${UNKNOWN_ID}/members/${stays.id}`), 404, {
      code: 'team_not_found',
    });
    expectJson(await t.api.get(`/v1/agents/${leaves.id}`), 200);
  });

  it('accepts upper-case UUIDs in paths and bodies and answers with the canonical lower-case form', async () => {
    const t = await newTenant(env);
    const team = await createTeam(t, { name: 'Upper' });
    const agent = await buildAgent(t.ctx);
    const teamUrl = `/v1/teams/${team.id.toUpperCase()}`;
    expectJson(await t.api.get(teamUrl), 200);
    const member = await addMember(t, team.id.toUpperCase(), agent.id.toUpperCase());
    assert.equal(member.id, agent.id);
    expectProblem(await t.api.post(`${teamUrl}/members`, { user_id: agent.id.toUpperCase() }), 409, {
      code: 'already_member',
    });
    expectNoContent(await t.api.delete(`${teamUrl}/members/${agent.id.toUpperCase()}`));
    const bulk = await t.api.patch(`${teamUrl}/members`, { add: [agent.id.toUpperCase()] });
    assert.deepEqual(expectJson<BulkJson>(bulk, 200).results, [
      { id: agent.id, action: 'add', status: 'added' },
    ]);
    const got = expectJson<TeamJson>(await t.api.get(`/v1/teams/${team.id}`), 200);
    assert.deepEqual(ids(got.members), [agent.id]);
  });
});
