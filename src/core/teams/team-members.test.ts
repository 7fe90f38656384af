import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildAgent, buildOrg, buildTeam } from '../../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { teamMembers } from '../../db/schema.js';
import { newId } from '../ids.js';
import {
  addTeamMember,
  listTeamMembers,
  removeTeamMember,
  setMemberPriority,
  updateTeamMembers,
} from './team-members.js';
import { memberIds, membershipEvents, rejectsWith, sorted } from './team-members-test-support.js';

describe('team members', () => {
  let env: TestEnv;

  before(async () => {
    env = await createTestEnv();
  });

  after(async () => {
    await env.close();
  });

  it('adds one agent and returns it as a member', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const agent = await buildAgent(ctx);
    const member = await addTeamMember(ctx, team.id, agent.id);
    assert.deepEqual(member, {
      id: agent.id,
      email: agent.email,
      fullName: agent.fullName,
      phoneNumber: agent.phoneNumber,
      priority: 0,
    });
    assert.deepEqual(await memberIds(ctx, team.id), [agent.id]);
  });

  it('rejects adding a member twice with already_member', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const agent = await buildAgent(ctx);
    await addTeamMember(ctx, team.id, agent.id);
    await rejectsWith(addTeamMember(ctx, team.id, agent.id), 'already_member');
    assert.deepEqual(await memberIds(ctx, team.id), [agent.id]);
  });

  it('moves a member to a new priority, and refuses one who is not a member without adding it', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const [member, stranger] = [await buildAgent(ctx), await buildAgent(ctx)];
    await addTeamMember(ctx, team.id, member.id, 1);
    const moved = await setMemberPriority(ctx, team.id, member.id, -3);
    assert.equal(moved.priority, -3);
    const updates = (await membershipEvents(ctx, team.id)).filter((e) => e.type === 'team.members_updated');
    assert.deepEqual(updates.at(-1)?.payload.agent_ids, [member.id]);
    const eventsBefore = await membershipEvents(ctx, team.id);
    await rejectsWith(setMemberPriority(ctx, team.id, stranger.id, 5), 'not_member');
    assert.deepEqual(await memberIds(ctx, team.id), [member.id], 'the stranger was not added');
    assert.deepEqual(await membershipEvents(ctx, team.id), eventsBefore);
  });

  it('changes nothing when adding a member twice, even with a new priority', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const agent = await buildAgent(ctx);
    await addTeamMember(ctx, team.id, agent.id, 2);
    const eventsBefore = await membershipEvents(ctx, team.id);
    await rejectsWith(addTeamMember(ctx, team.id, agent.id, 7), 'already_member');
    const [member] = await ctx.db
      .select({ priority: teamMembers.priority })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, team.id), eq(teamMembers.agentId, agent.id)));
    assert.equal(member?.priority, 2, 'the refused request left the priority alone');
    assert.deepEqual(await membershipEvents(ctx, team.id), eventsBefore, 'and announced nothing');
  });

  it('rejects an unknown agent with agent_not_found', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    await rejectsWith(addTeamMember(ctx, team.id, newId()), 'agent_not_found');
    assert.deepEqual(await memberIds(ctx, team.id), []);
  });

  it("answers another org's agent as agent_not_found and another org's team as team_not_found", async () => {
    const ctx = await buildOrg(env);
    const other = await buildOrg(env);
    const team = await buildTeam(ctx);
    const theirAgent = await buildAgent(other);
    const theirTeam = await buildTeam(other);
    const mine = await buildAgent(ctx);
    await rejectsWith(addTeamMember(ctx, team.id, theirAgent.id), 'agent_not_found');
    await rejectsWith(addTeamMember(ctx, theirTeam.id, mine.id), 'team_not_found');
    await rejectsWith(removeTeamMember(ctx, theirTeam.id, mine.id), 'team_not_found');
    await rejectsWith(updateTeamMembers(ctx, theirTeam.id, { add: [mine.id], remove: [] }), 'team_not_found');
    await rejectsWith(
      listTeamMembers(ctx, theirTeam.id, { skip: 0, limit: 10, afterId: null }),
      'team_not_found',
    );
    assert.deepEqual(await updateTeamMembers(ctx, team.id, { add: [theirAgent.id], remove: [] }), [
      { id: theirAgent.id, action: 'add', status: 'not_found' },
    ]);
    assert.deepEqual(await memberIds(ctx, team.id), []);
    assert.deepEqual(await memberIds(other, theirTeam.id), []);
  });

  it('removes a member, and rejects removing a non-member with not_member', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const agent = await buildAgent(ctx);
    const bystander = await buildAgent(ctx);
    await addTeamMember(ctx, team.id, agent.id);
    await addTeamMember(ctx, team.id, bystander.id);
    await removeTeamMember(ctx, team.id, agent.id);
    assert.deepEqual(await memberIds(ctx, team.id), [bystander.id]);
    await rejectsWith(removeTeamMember(ctx, team.id, agent.id), 'not_member');
    await rejectsWith(removeTeamMember(ctx, team.id, newId()), 'not_member');
    assert.deepEqual(await memberIds(ctx, team.id), [bystander.id]);
  });

  it('reports added, removed, duplicate, not_member and not_found per id, in input order', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const [member, outsider, newcomer, leaving] = await Promise.all([
      buildAgent(ctx),
      buildAgent(ctx),
      buildAgent(ctx),
      buildAgent(ctx),
    ]).then((list) => list.map((a) => a.id));
    assert.ok(member && outsider && newcomer && leaving);
    await updateTeamMembers(ctx, team.id, { add: [member, leaving], remove: [] });
    const ghost = newId();
    const ghost2 = newId();

    const results = await updateTeamMembers(ctx, team.id, {
      add: [newcomer, member, ghost],
      remove: [leaving, outsider, ghost2],
    });
    assert.deepEqual(results, [
      { id: newcomer, action: 'add', status: 'added' },
      { id: member, action: 'add', status: 'duplicate' },
      { id: ghost, action: 'add', status: 'not_found' },
      { id: leaving, action: 'remove', status: 'removed' },
      { id: outsider, action: 'remove', status: 'not_member' },
      { id: ghost2, action: 'remove', status: 'not_found' },
    ]);
    assert.deepEqual(await memberIds(ctx, team.id), sorted([member, newcomer]));
  });

  it('reports a repeated id in one list as duplicate (add) or not_member (remove) after the first', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const a = (await buildAgent(ctx)).id;
    const b = (await buildAgent(ctx)).id;
    await updateTeamMembers(ctx, team.id, { add: [b], remove: [] });
    const ghost = newId();
    const results = await updateTeamMembers(ctx, team.id, { add: [a, a, ghost, ghost], remove: [b, b] });
    assert.deepEqual(
      results.map((r) => r.status),
      ['added', 'duplicate', 'not_found', 'not_found', 'removed', 'not_member'],
    );
    assert.deepEqual(await memberIds(ctx, team.id), [a]);
    const events = await membershipEvents(ctx, team.id);
    assert.deepEqual(events.at(-2)?.payload.agent_ids, [a], 'a repeated id is added once');
    assert.deepEqual(events.at(-1)?.payload.agent_ids, [b]);
  });

  it('matches an upper-case agent id to its agent (uuids are case-insensitive)', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const a = (await buildAgent(ctx)).id;
    const b = (await buildAgent(ctx)).id;
    const upper = a.toUpperCase();
    assert.deepEqual(await updateTeamMembers(ctx, team.id, { add: [upper, a], remove: [] }), [
      { id: upper, action: 'add', status: 'added' },
      { id: a, action: 'add', status: 'duplicate' },
    ]);
    const member = await addTeamMember(ctx, team.id, b.toUpperCase());
    assert.equal(member.id, b);
    await rejectsWith(addTeamMember(ctx, team.id, b.toUpperCase()), 'already_member');
    assert.deepEqual(await memberIds(ctx, team.id), sorted([a, b]));
    assert.deepEqual(
      (await membershipEvents(ctx, team.id)).map((e) => e.payload.agent_ids),
      [[a], [b]],
    );
    await rejectsWith(updateTeamMembers(ctx, team.id, { add: [a], remove: [upper] }), 'invalid_request');
    await removeTeamMember(ctx, team.id, upper);
    assert.deepEqual(await memberIds(ctx, team.id), [b]);
  });

  it('rejects an id in both lists with invalid_request and changes nothing', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const a = (await buildAgent(ctx)).id;
    const b = (await buildAgent(ctx)).id;
    const err = await rejectsWith(
      updateTeamMembers(ctx, team.id, { add: [a, b], remove: [b] }),
      'invalid_request',
    );
    assert.deepEqual(
      err.fieldErrors.map((f) => f.path),
      ['body.remove'],
    );
    assert.deepEqual(await memberIds(ctx, team.id), []);
    assert.deepEqual(await membershipEvents(ctx, team.id), []);
  });
});
