import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { buildAgent, buildOrg, buildTeam } from '../../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { outboxEvents } from '../../db/schema.js';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import { newId } from '../ids.js';
import { setTeamMembers, updateTeamMembers } from './team-members.js';
import { getTeam } from './teams.js';

async function rejectsWith(promise: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof DomainError, `expected a DomainError, got ${String(err)}`);
    assert.equal(err.code, code);
    if (message !== undefined) {
      assert.match(err.message, message);
    }
    return true;
  });
}

const memberIds = async (ctx: Ctx, teamId: string) =>
  (await getTeam(ctx, teamId)).members.map((m) => m.id).sort();

const eventCount = async (ctx: Ctx) =>
  (
    await ctx.db
      .select({ id: outboxEvents.id })
      .from(outboxEvents)
      .where(eq(outboxEvents.orgId, ctx.actor.orgId))
      .orderBy(asc(outboxEvents.id))
  ).length;

describe('team members with requireAll', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(async () => {
    await env.close();
  });

  it('fails the whole call on an unknown id, in either list, and changes nothing', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const [a, b] = [await buildAgent(ctx), await buildAgent(ctx)];
    await updateTeamMembers(ctx, team.id, { add: [a.id], remove: [] });
    const events = await eventCount(ctx);
    const unknown = newId();

    await rejectsWith(
      updateTeamMembers(ctx, team.id, { add: [b.id, unknown], remove: [] }, { requireAll: true }),
      'agent_not_found',
      new RegExp(unknown),
    );
    await rejectsWith(
      updateTeamMembers(ctx, team.id, { add: [b.id], remove: [a.id, unknown] }, { requireAll: true }),
      'agent_not_found',
    );
    assert.deepEqual(await memberIds(ctx, team.id), [a.id]);
    assert.equal(await eventCount(ctx), events, 'no event for a call that changed nothing');
  });

  it("counts another org's agent as unknown", async () => {
    const ctx = await buildOrg(env);
    const stranger = await buildAgent(await buildOrg(env));
    const team = await buildTeam(ctx);
    await rejectsWith(
      updateTeamMembers(ctx, team.id, { add: [stranger.id], remove: [] }, { requireAll: true }),
      'agent_not_found',
    );
  });

  it('treats members already in, or not in, the team as no error', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const [a, b] = [await buildAgent(ctx), await buildAgent(ctx)];
    await updateTeamMembers(ctx, team.id, { add: [a.id], remove: [] });
    const results = await updateTeamMembers(
      ctx,
      team.id,
      { add: [a.id, b.id, b.id.toUpperCase()], remove: [] },
      { requireAll: true },
    );
    assert.deepEqual(
      results.map((r) => r.status),
      ['duplicate', 'added', 'duplicate'],
    );
    const removed = await updateTeamMembers(
      ctx,
      team.id,
      { add: [], remove: [b.id, b.id] },
      { requireAll: true },
    );
    assert.deepEqual(
      removed.map((r) => r.status),
      ['removed', 'not_member'],
    );
    assert.deepEqual(await memberIds(ctx, team.id), [a.id]);
  });

  it('still answers an unknown team as team_not_found', async () => {
    const ctx = await buildOrg(env);
    const agent = await buildAgent(ctx);
    await rejectsWith(
      updateTeamMembers(ctx, newId(), { add: [agent.id], remove: [] }, { requireAll: true }),
      'team_not_found',
    );
  });
});

describe('setTeamMembers', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(async () => {
    await env.close();
  });

  it('makes the members exactly the ids given, keeping the priority of those that stay', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const [a, b, c] = [await buildAgent(ctx), await buildAgent(ctx), await buildAgent(ctx)];
    await updateTeamMembers(
      ctx,
      team.id,
      { add: [a.id, b.id], remove: [] },
      { priorities: new Map([[a.id, 3]]) },
    );
    await setTeamMembers(ctx, team.id, [a.id.toUpperCase(), c.id, c.id]);
    const members = (await getTeam(ctx, team.id)).members;
    assert.deepEqual(members.map((m) => m.id).sort(), [a.id, c.id].sort());
    assert.equal(members.find((m) => m.id === a.id)?.priority, 3);
    const events = await eventCount(ctx);
    await setTeamMembers(ctx, team.id, [c.id, a.id]);
    assert.equal(await eventCount(ctx), events, 'no event when nothing changes');
    await setTeamMembers(ctx, team.id, []);
    assert.deepEqual(await memberIds(ctx, team.id), []);
  });

  it("fails whole on an id that is no agent of the org, another org's included", async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const a = await buildAgent(ctx);
    const stranger = await buildAgent(await buildOrg(env));
    await setTeamMembers(ctx, team.id, [a.id]);
    await rejectsWith(setTeamMembers(ctx, team.id, [stranger.id]), 'agent_not_found');
    await rejectsWith(setTeamMembers(ctx, newId(), [a.id]), 'team_not_found');
    assert.deepEqual(await memberIds(ctx, team.id), [a.id]);
  });
});
