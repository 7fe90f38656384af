import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { actAs, buildAgent, buildKey, buildOrg, buildTeam } from '../../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { outboxEvents } from '../../db/schema.js';
import { authenticate } from '../api-keys/authenticate.js';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import type { PageRequest } from '../paging.js';
import { listPresence } from '../presence/presence.js';
import { updateTeamMembers } from '../teams/team-members.js';
import { getTeam } from '../teams/teams.js';
import { createAgent, disableAgent, getAgent, listAgents, listAgentTeams, updateAgent } from './agents.js';

const FIRST_PAGE: PageRequest = { skip: 0, limit: 100, afterId: null };

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof DomainError, `expected a DomainError, got ${String(err)}`);
    assert.equal(err.code, code);
    return true;
  });
}

async function events(ctx: Ctx) {
  return ctx.db
    .select({ type: outboxEvents.type, payload: outboxEvents.payload })
    .from(outboxEvents)
    .where(eq(outboxEvents.orgId, ctx.actor.orgId))
    .orderBy(asc(outboxEvents.id));
}

const idsOf = async (ctx: Ctx, filter: Parameters<typeof listAgents>[1]) =>
  (await listAgents(ctx, filter, FIRST_PAGE)).items.map((a) => a.id).sort();

describe('agent profile fields, address filters and disabling', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(async () => {
    await env.close();
  });

  it('stores middle names, avatar, additional emails and phone numbers, empty by default', async () => {
    const ctx = await buildOrg(env);
    const plain = await buildAgent(ctx);
    assert.deepEqual(plain.middleNames, []);
    assert.equal(plain.avatarUrl, null);
    assert.deepEqual(plain.additionalEmails, []);
    assert.deepEqual(plain.additionalPhoneNumbers, []);

    const full = await createAgent(ctx, {
      email: 'alice@brown.test',
      fullName: 'Alice Brown',
      middleNames: ['Julia', 'May'],
      avatarUrl: 'https://cdn.example.test/alice.png',
      additionalEmails: ['alice@secondary.test'],
      additionalPhoneNumbers: ['+5566778899'],
    });
    assert.deepEqual(await getAgent(ctx, full.id), full);
    assert.deepEqual(full.middleNames, ['Julia', 'May']);

    const changed = await updateAgent(ctx, full.id, {
      middleNames: [],
      avatarUrl: null,
      additionalEmails: [],
    });
    assert.deepEqual(changed.middleNames, []);
    assert.equal(changed.avatarUrl, null);
    assert.deepEqual(changed.additionalEmails, []);
    assert.deepEqual(changed.additionalPhoneNumbers, ['+5566778899']);
  });

  it('lets an agent edit its own profile fields', async () => {
    const ctx = await buildOrg(env);
    const self = await actAs(ctx, 'agent');
    const changed = await updateAgent(self.ctx, self.agentId, {
      middleNames: ['Q'],
      avatarUrl: 'https://cdn.example.test/me.png',
      additionalPhoneNumbers: ['+100'],
    });
    assert.deepEqual(changed.middleNames, ['Q']);
  });

  it("lets an agent set its own capacity, not anyone else's, and not its own role", async () => {
    const ctx = await buildOrg(env);
    const self = await actAs(ctx, 'agent');
    const other = await buildAgent(ctx);
    assert.equal((await updateAgent(self.ctx, self.agentId, { maxConcurrent: 1 })).maxConcurrent, 1);
    assert.equal((await updateAgent(self.ctx, self.agentId, { maxConcurrent: null })).maxConcurrent, null);
    await rejectsWith(updateAgent(self.ctx, other.id, { maxConcurrent: 1 }), 'forbidden');
    await rejectsWith(updateAgent(self.ctx, self.agentId, { maxConcurrent: 9, role: 'admin' }), 'forbidden');
    assert.equal((await getAgent(ctx, self.agentId)).maxConcurrent, null);
  });

  it('keeps tag colours only for tags the agent carries', async () => {
    const ctx = await buildOrg(env);
    const agent = await createAgent(ctx, {
      email: 'tags@colour.test',
      fullName: 'Tag Colour',
      tags: ['vip', 'billing'],
      tagColors: { vip: 'gold', ghost: 'grey' },
    });
    assert.deepEqual(agent.tagColors, { vip: 'gold' });
    const recoloured = await updateAgent(ctx, agent.id, { tagColors: { billing: '#f00', vip: 'gold' } });
    assert.deepEqual(recoloured.tagColors, { billing: '#f00', vip: 'gold' });
    const retagged = await updateAgent(ctx, agent.id, { tags: ['billing'] });
    assert.deepEqual(retagged.tagColors, { billing: '#f00' });
    assert.deepEqual((await updateAgent(ctx, agent.id, { profileStatus: 'x' })).tagColors, {
      billing: '#f00',
    });
  });

  it('filters by email (primary or additional, any case) and by phone (primary or additional)', async () => {
    const ctx = await buildOrg(env);
    const a = await buildAgent(ctx, { email: 'Ann@Example.test', phoneNumber: '+111' });
    const b = await buildAgent(ctx, {
      additionalEmails: ['ann.alias@example.test'],
      additionalPhoneNumbers: ['+111'],
    });
    await buildAgent(ctx, { email: 'annex@example.test', phoneNumber: '+1111' });
    assert.deepEqual(await idsOf(ctx, { email: 'ann@example.test' }), [a.id]);
    assert.deepEqual(await idsOf(ctx, { email: 'ANN.ALIAS@example.test' }), [b.id]);
    assert.deepEqual(await idsOf(ctx, { phone: '+111' }), [a.id, b.id].sort());
    assert.deepEqual(await idsOf(ctx, { email: 'nobody@example.test' }), []);
    // The filter is an exact match, never a pattern.
    assert.deepEqual(await idsOf(ctx, { email: '%@example.test' }), []);
  });

  it('disables an agent, takes it out of every team, and leaves it readable by id', async () => {
    const ctx = await buildOrg(env);
    const agent = await buildAgent(ctx);
    const other = await buildAgent(ctx);
    const [t1, t2] = [await buildTeam(ctx), await buildTeam(ctx)];
    await updateTeamMembers(ctx, t1.id, { add: [agent.id, other.id], remove: [] });
    await updateTeamMembers(ctx, t2.id, { add: [agent.id], remove: [] });
    const before = (await events(ctx)).length;

    await disableAgent(ctx, agent.id);
    assert.equal((await getAgent(ctx, agent.id)).status, 'disabled');
    assert.deepEqual(
      (await getTeam(ctx, t1.id)).members.map((m) => m.id),
      [other.id],
    );
    assert.deepEqual((await getTeam(ctx, t2.id)).members, []);
    assert.deepEqual((await listAgentTeams(ctx, agent.id, FIRST_PAGE)).items, []);
    const emitted = (await events(ctx)).slice(before);
    const teamsChanged = emitted.pop() as { type: string; payload: { removed_team_ids: string[] } };
    assert.equal(teamsChanged.type, 'agent.teams_changed');
    assert.deepEqual([...teamsChanged.payload.removed_team_ids].sort(), [t1.id, t2.id].sort());
    assert.deepEqual(emitted, [
      { type: 'agent.updated', payload: { agent_id: agent.id, fields: ['status'] } },
      ...[t1.id, t2.id].sort().map((teamId) => ({
        type: 'team.members_removed',
        payload: { team_id: teamId, agent_ids: [agent.id] },
      })),
    ]);

    // Repeating it changes nothing and emits nothing.
    await disableAgent(ctx, agent.id);
    assert.equal((await events(ctx)).length, before + emitted.length + 1);
  });

  it('hides disabled agents from lists only when asked to', async () => {
    const ctx = await buildOrg(env);
    const kept = await buildAgent(ctx);
    const gone = await buildAgent(ctx);
    await disableAgent(ctx, gone.id);
    assert.deepEqual(await idsOf(ctx, {}), [kept.id, gone.id].sort());
    assert.deepEqual(await idsOf(ctx, { excludeDisabled: true }), [kept.id]);
    const presence = await listPresence(ctx, { excludeDisabled: true }, { limit: 50, afterId: null });
    assert.deepEqual(
      presence.items.map((v) => v.agentId),
      [kept.id],
    );
    assert.equal((await listPresence(ctx, {}, { limit: 50, afterId: null })).items.length, 2);
  });

  it("stops the disabled agent's keys; rejects unknown ids and roles that may not delete", async () => {
    const ctx = await buildOrg(env);
    const agent = await buildAgent(ctx, { role: 'admin' });
    const { secret } = await buildKey(ctx, { agentId: agent.id });
    await disableAgent(ctx, agent.id);
    await rejectsWith(
      authenticate(env.database.db, env.platform, { secret, orgId: null }, new Date()),
      'unauthenticated',
    );
    await rejectsWith(disableAgent(ctx, '00000000-0000-7000-8000-000000000001'), 'agent_not_found');
    const supervisor = await actAs(ctx, 'supervisor');
    await rejectsWith(disableAgent(supervisor.ctx, (await buildAgent(ctx)).id), 'forbidden');
    const admin = await actAs(ctx, 'admin');
    const owner = await buildAgent(ctx, { role: 'owner' });
    await rejectsWith(disableAgent(admin.ctx, owner.id), 'forbidden');
  });
});
