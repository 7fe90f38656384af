import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, asc, eq, like } from 'drizzle-orm';
import { actAs, buildAgent, buildOrg, buildTeam } from '../../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { outboxEvents } from '../../db/schema.js';
import { trashAgent } from '../agents/agent-lifecycle.js';
import { deleteAgent, disableAgent, updateAgent } from '../agents/agents.js';
import type { Ctx } from '../context.js';
import { updateOrg } from '../orgs/orgs.js';
import { getPresence, setAvailability, signOutDevice } from '../presence/presence.js';
import { createPresenceStatus, updatePresenceStatus } from '../presence/presence-statuses.js';
import { rejectsWith } from '../supervisors/supervisors-test-support.js';
import { archiveTeam, unarchiveTeam } from '../teams/team-details.js';
import { updateTeamMembers } from '../teams/team-members.js';
import { deleteTeam, updateTeam } from '../teams/teams.js';
import {
  closeConversation,
  getConversation,
  listConversations,
  transferConversation,
} from './conversations.js';
import { createConversation } from './create-conversation.js';
import { buildRoutedTeam, goOnline, loads, setMemberOrder } from './routing-test-support.js';

let env: TestEnv;

before(async () => {
  env = await createTestEnv();
});

after(async () => {
  await env.close();
});

const create = async (ctx: Ctx, input: Parameters<typeof createConversation>[1]) =>
  (await createConversation(ctx, input)).conversation;

async function conversationEvents(ctx: Ctx): Promise<string[]> {
  const rows = await ctx.db
    .select({ type: outboxEvents.type })
    .from(outboxEvents)
    .where(and(eq(outboxEvents.orgId, ctx.actor.orgId), like(outboxEvents.type, 'conversation.%')))
    .orderBy(asc(outboxEvents.id));
  return rows.map((r) => r.type);
}

describe('eligibility', () => {
  it('routes only to a member that is active, available, online, working the channel and has room', async () => {
    const ctx = await buildOrg(env);
    const { teamId, agentIds } = await buildRoutedTeam(ctx, { size: 7, capacity: 1 });
    const [offline, unavailable, away, disabled, noChannel, full, good] = agentIds as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const outsider = await buildAgent(ctx);
    await goOnline(ctx, outsider.id);
    await signOutDevice(ctx, offline, 'desk');
    await setAvailability(ctx, unavailable, { available: false });
    await setAvailability(ctx, away, { status: 'away' });
    await updateAgent(ctx, disabled, { status: 'disabled' });
    await setAvailability(ctx, noChannel, { channels: { chat: false } });
    await create(ctx, { agentId: full, channel: 'chat' });
    await setAvailability(ctx, good, { available: false });

    const waiting = await create(ctx, { teamId, channel: 'chat' });
    assert.equal(waiting.status, 'queued');
    assert.equal(waiting.assigneeId, null);

    // The one eligible agent becomes available: the queue drains to it at once.
    await setAvailability(ctx, good, { available: true });
    const assigned = await getConversation(ctx, waiting.id);
    assert.equal(assigned.status, 'assigned');
    assert.equal(assigned.assigneeId, good);
    assert.ok(assigned.assignedAt instanceof Date);
  });

  it('lets a channel-less conversation reach an agent that switched a channel off', async () => {
    const ctx = await buildOrg(env);
    const { teamId, agentIds } = await buildRoutedTeam(ctx, { size: 1 });
    await setAvailability(ctx, agentIds[0] ?? '', { channels: { chat: false } });
    assert.equal((await create(ctx, { teamId, channel: 'chat' })).status, 'queued');
    assert.equal((await create(ctx, { teamId })).assigneeId, agentIds[0]);
    assert.equal((await create(ctx, { teamId, channel: 'email' })).assigneeId, agentIds[0]);
  });

  it('counts custom statuses by their availability and drains when one becomes available', async () => {
    const ctx = await buildOrg(env);
    const { teamId, agentIds } = await buildRoutedTeam(ctx, { size: 1 });
    const agentId = agentIds[0] ?? '';
    await createPresenceStatus(ctx, { key: 'training', label: 'Training', available: false });
    await setAvailability(ctx, agentId, { status: 'training' });
    const waiting = await create(ctx, { teamId });
    assert.equal(waiting.status, 'queued');
    await updatePresenceStatus(ctx, 'training', { available: true });
    assert.equal((await getConversation(ctx, waiting.id)).assigneeId, agentId);
  });

  it('leaves the work of a manual team queued until someone assigns it', async () => {
    const ctx = await buildOrg(env);
    const { teamId, agentIds } = await buildRoutedTeam(ctx, { size: 2, mode: 'manual' });
    const waiting = await create(ctx, { teamId });
    assert.equal(waiting.status, 'queued');
    await setAvailability(ctx, agentIds[0] ?? '', { available: true, status: 'working' });
    assert.equal((await getConversation(ctx, waiting.id)).status, 'queued');
    const moved = await transferConversation(ctx, waiting.id, { agentId: agentIds[1] });
    assert.equal(moved.assigneeId, agentIds[1]);
    // Switching the team to least_busy routes its queue.
    const second = await create(ctx, { teamId });
    await updateTeam(ctx, teamId, { routing: 'least_busy' });
    assert.equal((await getConversation(ctx, second.id)).assigneeId, agentIds[0]);
  });
});

describe('modes', () => {
  it('least_busy spreads work by load, then by time since the last assignment', async () => {
    const ctx = await buildOrg(env);
    const { teamId, agentIds } = await buildRoutedTeam(ctx, { size: 3, capacity: 2 });
    const first: string[] = [];
    for (let i = 0; i < 3; i++) {
      first.push((await create(ctx, { teamId })).assigneeId ?? '');
    }
    assert.deepEqual([...first].sort(), [...agentIds].sort(), 'one each before anyone gets a second');
    const second: string[] = [];
    for (let i = 0; i < 3; i++) {
      second.push((await create(ctx, { teamId })).assigneeId ?? '');
    }
    assert.deepEqual(second, first, 'the second round follows the time of the first assignments');
    assert.equal((await create(ctx, { teamId })).status, 'queued');
  });

  it('round_robin follows member order from the last assignment, skipping the ineligible', async () => {
    const ctx = await buildOrg(env);
    const { teamId, agentIds } = await buildRoutedTeam(ctx, { size: 3, mode: 'round_robin', capacity: 5 });
    const order = [agentIds[2], agentIds[0], agentIds[1]] as string[];
    await setMemberOrder(ctx, teamId, order);
    const got: string[] = [];
    for (let i = 0; i < 4; i++) {
      got.push((await create(ctx, { teamId })).assigneeId ?? '');
    }
    assert.deepEqual(got, [order[0], order[1], order[2], order[0]]);
    await setAvailability(ctx, order[1] ?? '', { available: false });
    assert.equal((await create(ctx, { teamId })).assigneeId, order[2]);
    assert.equal((await create(ctx, { teamId })).assigneeId, order[0]);
  });
});

describe('the queue', () => {
  it('drains oldest, highest priority first when capacity is freed', async () => {
    const ctx = await buildOrg(env);
    const { teamId, agentIds } = await buildRoutedTeam(ctx, { size: 1, capacity: 1 });
    const held = await create(ctx, { teamId });
    const low = await create(ctx, { teamId, priority: 0 });
    const high = await create(ctx, { teamId, priority: 5 });
    const low2 = await create(ctx, { teamId, priority: 0 });
    assert.deepEqual([low.status, high.status, low2.status], ['queued', 'queued', 'queued']);
    await closeConversation(ctx, held.id);
    assert.equal((await getConversation(ctx, high.id)).assigneeId, agentIds[0]);
    await closeConversation(ctx, high.id);
    assert.equal((await getConversation(ctx, low.id)).assigneeId, agentIds[0]);
    assert.equal((await getConversation(ctx, low2.id)).status, 'queued');
  });

  it('drains when the org default capacity rises, and when a team takes work again', async () => {
    const ctx = await buildOrg(env);
    const { teamId, agentIds } = await buildRoutedTeam(ctx, { size: 1 });
    const agentId = agentIds[0] ?? '';
    // The agent inherits the org's capacity: one at a time.
    await updateTeam(ctx, teamId, { defaultMaxConcurrent: null });
    await updateOrg(ctx, ctx.actor.orgId, { defaultMaxConcurrent: 1 });
    const first = await create(ctx, { teamId });
    const second = await create(ctx, { teamId });
    assert.equal(first.assigneeId, agentId);
    assert.equal(second.status, 'queued');
    await updateOrg(ctx, ctx.actor.orgId, { defaultMaxConcurrent: 2 });
    assert.equal((await getConversation(ctx, second.id)).assigneeId, agentId);

    // A disabled or archived team takes no new work; enabling or restoring it drains its queue.
    await updateOrg(ctx, ctx.actor.orgId, { defaultMaxConcurrent: 4 });
    await updateTeam(ctx, teamId, { enabled: false });
    const third = await create(ctx, { teamId });
    assert.equal(third.status, 'queued');
    await updateTeam(ctx, teamId, { enabled: true });
    assert.equal((await getConversation(ctx, third.id)).assigneeId, agentId);
    await archiveTeam(ctx, teamId);
    const fourth = await create(ctx, { teamId });
    assert.equal(fourth.status, 'queued');
    await unarchiveTeam(ctx, teamId);
    assert.equal((await getConversation(ctx, fourth.id)).assigneeId, agentId);
  });

  it('drains when an agent comes online, joins the team, or gets more capacity', async () => {
    const ctx = await buildOrg(env);
    const { teamId, agentIds } = await buildRoutedTeam(ctx, { size: 1, capacity: 1, online: false });
    const agentId = agentIds[0] ?? '';
    const a = await create(ctx, { teamId });
    const b = await create(ctx, { teamId });
    const c = await create(ctx, { teamId });
    assert.equal(a.status, 'queued');
    await goOnline(ctx, agentId);
    assert.equal((await getConversation(ctx, a.id)).assigneeId, agentId);
    assert.equal((await getConversation(ctx, b.id)).status, 'queued');

    await updateAgent(ctx, agentId, { maxConcurrent: 2 });
    assert.equal((await getConversation(ctx, b.id)).assigneeId, agentId);

    const newcomer = await buildAgent(ctx);
    await goOnline(ctx, newcomer.id);
    await updateTeamMembers(ctx, teamId, { add: [newcomer.id], remove: [] });
    assert.equal((await getConversation(ctx, c.id)).assigneeId, newcomer.id);
    const view = await getPresence(ctx, agentId);
    assert.equal(view.activeConversations, 2);
    assert.equal(view.effectiveStatus, 'busy');
  });

  it('emits created, queued, assigned and closed in order', async () => {
    const ctx = await buildOrg(env);
    const { teamId, agentIds } = await buildRoutedTeam(ctx, { size: 1, capacity: 1, online: false });
    const conversation = await create(ctx, { teamId });
    await goOnline(ctx, agentIds[0] ?? '');
    await closeConversation(ctx, conversation.id);
    assert.deepEqual(await conversationEvents(ctx), [
      'conversation.created',
      'conversation.queued',
      'conversation.assigned',
      'conversation.closed',
    ]);
  });
});

describe('explicit assignment', () => {
  it('enforces capacity unless an admin or supervisor forces it', async () => {
    const ctx = await buildOrg(env);
    const agent = await buildAgent(ctx, { maxConcurrent: 1 });
    await create(ctx, { agentId: agent.id });
    await rejectsWith(createConversation(ctx, { agentId: agent.id }), 'agent_at_capacity');
    const { ctx: plain } = await actAs(ctx, 'agent');
    await rejectsWith(createConversation(plain, { agentId: agent.id, force: true }), 'forbidden');
    const { ctx: supervisor } = await actAs(ctx, 'supervisor');
    const forced = await create(supervisor, { agentId: agent.id, force: true });
    assert.equal(forced.assigneeId, agent.id);
    assert.equal((await loads(ctx)).get(agent.id), 2);
  });

  it('refuses a disabled agent and unknown ids', async () => {
    const ctx = await buildOrg(env);
    const agent = await buildAgent(ctx);
    await updateAgent(ctx, agent.id, { status: 'disabled' });
    await rejectsWith(createConversation(ctx, { agentId: agent.id }), 'conflict');
    await rejectsWith(
      createConversation(ctx, { agentId: '00000000-0000-7000-8000-000000000001' }),
      'agent_not_found',
    );
    await rejectsWith(
      createConversation(ctx, { teamId: '00000000-0000-7000-8000-000000000001' }),
      'team_not_found',
    );
  });

  it('returns the existing conversation for a repeated external id', async () => {
    const ctx = await buildOrg(env);
    const first = await createConversation(ctx, { externalId: 'ticket-1', channel: 'email' });
    const again = await createConversation(ctx, { externalId: 'ticket-1', channel: 'chat' });
    assert.equal(first.created, true);
    assert.equal(again.created, false);
    assert.equal(again.conversation.id, first.conversation.id);
    assert.equal(again.conversation.channel, 'email');
    const other = await buildOrg(env);
    assert.notEqual((await create(other, { externalId: 'ticket-1' })).id, first.conversation.id);
  });

  it('lets an agent close and transfer its own conversations only', async () => {
    const ctx = await buildOrg(env);
    const { ctx: self, agentId } = await actAs(ctx, 'agent');
    const mine = await create(ctx, { agentId });
    const theirs = await create(ctx, { agentId: (await buildAgent(ctx)).id });
    await rejectsWith(closeConversation(self, theirs.id), 'forbidden');
    await rejectsWith(createConversation(self, {}), 'forbidden');
    assert.equal((await closeConversation(self, mine.id)).status, 'closed');
    assert.equal(
      (await listConversations(self, { assigneeId: agentId }, { skip: 0, limit: 10, afterId: null })).items
        .length,
      1,
    );
  });
});

describe('transfers and removals', () => {
  it('transfers to another team, routing it there and draining the agent it left', async () => {
    const ctx = await buildOrg(env);
    const sales = await buildRoutedTeam(ctx, { size: 1, capacity: 1 });
    const support = await buildRoutedTeam(ctx, { size: 1, capacity: 1 });
    const moving = await create(ctx, { teamId: sales.teamId });
    const waiting = await create(ctx, { teamId: sales.teamId });
    assert.equal(waiting.status, 'queued');
    const moved = await transferConversation(ctx, moving.id, { teamId: support.teamId });
    assert.equal(moved.teamId, support.teamId);
    assert.equal(moved.assigneeId, support.agentIds[0]);
    assert.equal((await getConversation(ctx, waiting.id)).assigneeId, sales.agentIds[0]);
    const closed = await closeConversation(ctx, moved.id);
    await rejectsWith(transferConversation(ctx, closed.id, { teamId: sales.teamId }), 'conflict');
    await rejectsWith(transferConversation(ctx, waiting.id, {}), 'invalid_request');
  });

  it('requeues and reroutes the work of a deleted, disabled or trashed agent', async () => {
    for (const remove of [
      (ctx: Ctx, id: string) => deleteAgent(ctx, id),
      (ctx: Ctx, id: string) => disableAgent(ctx, id),
      (ctx: Ctx, id: string) => trashAgent(ctx, id).then(() => {}),
      (ctx: Ctx, id: string) => updateAgent(ctx, id, { status: 'disabled' }).then(() => {}),
    ]) {
      const ctx = await buildOrg(env);
      const { teamId, agentIds } = await buildRoutedTeam(ctx, { size: 2, capacity: 1, mode: 'round_robin' });
      const [leaving, staying] = agentIds as [string, string];
      await setMemberOrder(ctx, teamId, [leaving, staying]);
      const done = await create(ctx, { teamId });
      assert.equal(done.assigneeId, leaving);
      await closeConversation(ctx, done.id);
      const open = await create(ctx, { teamId });
      assert.equal(open.assigneeId, staying, 'round robin moved on');
      const other = await create(ctx, { teamId });
      assert.equal(other.assigneeId, leaving);
      await closeConversation(ctx, open.id);
      await remove(ctx, leaving);
      const rerouted = await getConversation(ctx, other.id);
      assert.equal(rerouted.status, 'assigned');
      assert.equal(rerouted.assigneeId, staying);
      assert.equal((await loads(ctx)).get(leaving), undefined);
    }
  });

  it('a deleted agent leaves its closed conversations without an assignee', async () => {
    const ctx = await buildOrg(env);
    const agent = await buildAgent(ctx);
    const conversation = await create(ctx, { agentId: agent.id });
    await closeConversation(ctx, conversation.id);
    await deleteAgent(ctx, agent.id);
    const closed = await getConversation(ctx, conversation.id);
    assert.equal(closed.status, 'closed');
    assert.equal(closed.assigneeId, null);
  });

  it('deleting a team unassigns its conversations from it and keeps them', async () => {
    const ctx = await buildOrg(env);
    const { teamId, agentIds } = await buildRoutedTeam(ctx, { size: 1, capacity: 1 });
    const assigned = await create(ctx, { teamId });
    const queued = await create(ctx, { teamId });
    await deleteTeam(ctx, teamId);
    const a = await getConversation(ctx, assigned.id);
    const q = await getConversation(ctx, queued.id);
    assert.deepEqual([a.teamId, a.status, a.assigneeId], [null, 'assigned', agentIds[0]]);
    assert.deepEqual([q.teamId, q.status], [null, 'queued']);
    // A team-less conversation waits for an explicit assignment.
    const other = await buildTeam(ctx);
    assert.equal((await transferConversation(ctx, q.id, { teamId: other.id })).status, 'queued');
  });
});
