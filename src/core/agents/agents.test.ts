import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { actAs, buildAgent, buildKey, buildOrg, buildTeam } from '../../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { apiKeys, outboxEvents, teamMembers } from '../../db/schema.js';
import { authenticate } from '../api-keys/authenticate.js';
import type { Ctx } from '../context.js';
import { DomainError } from '../errors.js';
import { isUuid, newId } from '../ids.js';
import { decodeCursor, type PageRequest } from '../paging.js';
import { updateTeamMembers } from '../teams/team-members.js';
import { getTeam } from '../teams/teams.js';
import { createAgent, deleteAgent, getAgent, listAgents, listAgentTeams, updateAgent } from './agents.js';

const FIRST_PAGE: PageRequest = { skip: 0, limit: 100, afterId: null };

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof DomainError, `expected a DomainError, got ${String(err)}`);
    assert.equal(err.code, code);
    return true;
  });
}

async function agentEvents(ctx: Ctx) {
  const rows = await ctx.db
    .select({ type: outboxEvents.type, payload: outboxEvents.payload })
    .from(outboxEvents)
    .where(eq(outboxEvents.orgId, ctx.actor.orgId))
    .orderBy(asc(outboxEvents.id));
  return rows.filter((r) => r.type.startsWith('agent.'));
}

const sorted = (ids: Iterable<string>) => [...ids].sort();

describe('agents', () => {
  let env: TestEnv;

  before(async () => {
    env = await createTestEnv();
  });

  after(async () => {
    await env.close();
  });

  it('creates an agent with role agent and status active by default', async () => {
    const ctx = await buildOrg(env);
    const agent = await createAgent(ctx, { email: 'Ann@Example.com', fullName: 'Ann Lee' });
    assert.ok(isUuid(agent.id));
    assert.equal(agent.orgId, ctx.actor.orgId);
    assert.equal(agent.email, 'Ann@Example.com');
    assert.equal(agent.fullName, 'Ann Lee');
    assert.equal(agent.role, 'agent');
    assert.equal(agent.status, 'active');
    assert.equal(agent.username, null);
    assert.equal(agent.maxConcurrent, null);
    assert.deepEqual(agent.attributes, {});
    assert.deepEqual(agent.tags, []);
    const read = await getAgent(ctx, agent.id);
    assert.equal(read.role, 'agent');
    assert.equal(read.status, 'active');
    assert.deepEqual(read.tags, []);
    assert.deepEqual(await agentEvents(ctx), [
      { type: 'agent.created', payload: { agent_id: agent.id, team_ids: [] } },
    ]);
  });

  it('stores every optional field', async () => {
    const ctx = await buildOrg(env);
    const agent = await buildAgent(ctx, {
      role: 'supervisor',
      status: 'invited',
      username: 'sup',
      firstName: 'Sue',
      lastName: 'Pervisor',
      phoneNumber: '+15550100',
      maxConcurrent: 3,
      attributes: { language: 'fr' },
      tags: ['vip', 'billing'],
    });
    const read = await getAgent(ctx, agent.id);
    assert.equal(read.role, 'supervisor');
    assert.equal(read.status, 'invited');
    assert.equal(read.username, 'sup');
    assert.equal(read.firstName, 'Sue');
    assert.equal(read.lastName, 'Pervisor');
    assert.equal(read.phoneNumber, '+15550100');
    assert.equal(read.maxConcurrent, 3);
    assert.deepEqual(read.attributes, { language: 'fr' });
    assert.deepEqual(read.tags, ['vip', 'billing']);
  });

  it('rejects a taken email in any letter case, within the org only', async () => {
    const ctx = await buildOrg(env);
    const other = await buildOrg(env);
    await buildAgent(ctx, { email: 'dup@example.com' });
    await rejectsWith(buildAgent(ctx, { email: 'DUP@example.com' }), 'agent_email_taken');
    await rejectsWith(buildAgent(ctx, { email: 'dup@example.com' }), 'agent_email_taken');
    assert.equal((await listAgents(ctx, {}, FIRST_PAGE)).items.length, 1);
    const theirs = await buildAgent(other, { email: 'Dup@Example.com' });
    assert.equal(theirs.email, 'Dup@Example.com');

    const second = await buildAgent(ctx);
    await rejectsWith(updateAgent(ctx, second.id, { email: 'dUp@example.COM' }), 'agent_email_taken');
    assert.equal((await getAgent(ctx, second.id)).email, second.email);
  });

  it('rejects a taken username in any letter case, within the org only, and allows many without one', async () => {
    const ctx = await buildOrg(env);
    const other = await buildOrg(env);
    await buildAgent(ctx, { username: 'jdoe' });
    await rejectsWith(buildAgent(ctx, { username: 'JDoe' }), 'agent_username_taken');
    await buildAgent(other, { username: 'jdoe' });
    await buildAgent(ctx);
    await buildAgent(ctx, { username: null });
    const second = await buildAgent(ctx, { username: 'other' });
    await rejectsWith(updateAgent(ctx, second.id, { username: 'JDOE' }), 'agent_username_taken');
    assert.equal((await getAgent(ctx, second.id)).username, 'other');
  });

  it("answers another org's agent id as agent_not_found", async () => {
    const ctx = await buildOrg(env);
    const other = await buildOrg(env);
    const theirs = await buildAgent(other);
    await rejectsWith(getAgent(ctx, theirs.id), 'agent_not_found');
    await rejectsWith(updateAgent(ctx, theirs.id, { fullName: 'Hijacked' }), 'agent_not_found');
    await rejectsWith(deleteAgent(ctx, theirs.id), 'agent_not_found');
    await rejectsWith(listAgentTeams(ctx, theirs.id, FIRST_PAGE), 'agent_not_found');
    assert.equal((await getAgent(other, theirs.id)).fullName, theirs.fullName);
  });

  it('updates an agent, moves updated_at and records the changed fields', async () => {
    const ctx = await buildOrg(env);
    const agent = await createAgent(
      { ...ctx, now: () => new Date('2024-01-01T00:00:00Z') },
      { email: 'u@example.com', fullName: 'U' },
    );
    const updated = await updateAgent({ ...ctx, now: () => new Date('2024-02-01T00:00:00Z') }, agent.id, {
      fullName: 'Ursula',
      status: 'disabled',
    });
    assert.equal(updated.fullName, 'Ursula');
    assert.equal(updated.status, 'disabled');
    assert.equal(updated.email, 'u@example.com');
    assert.equal(updated.updatedAt.toISOString(), '2024-02-01T00:00:00.000Z');
    assert.equal(updated.createdAt.toISOString(), '2024-01-01T00:00:00.000Z');
    assert.deepEqual((await agentEvents(ctx)).at(-1), {
      type: 'agent.updated',
      payload: { agent_id: agent.id, fields: ['full_name', 'status'] },
    });
  });

  it('list: filters by role and status', async () => {
    const ctx = await buildOrg(env);
    const admin = await buildAgent(ctx, { role: 'admin' });
    const supervisor = await buildAgent(ctx, { role: 'supervisor', status: 'disabled' });
    const agent = await buildAgent(ctx, { status: 'invited' });
    const ids = async (filter: Parameters<typeof listAgents>[1]) =>
      sorted((await listAgents(ctx, filter, FIRST_PAGE)).items.map((a) => a.id));
    assert.deepEqual(await ids({}), sorted([admin.id, supervisor.id, agent.id]));
    assert.deepEqual(await ids({ role: 'admin' }), [admin.id]);
    assert.deepEqual(await ids({ role: 'owner' }), []);
    assert.deepEqual(await ids({ status: 'disabled' }), [supervisor.id]);
    assert.deepEqual(await ids({ status: 'invited', role: 'agent' }), [agent.id]);
    assert.deepEqual(await ids({ status: 'invited', role: 'admin' }), []);
  });

  it('list: filters by team', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const otherTeam = await buildTeam(ctx);
    const [a, b, c] = [await buildAgent(ctx), await buildAgent(ctx), await buildAgent(ctx)];
    await updateTeamMembers(ctx, team.id, { add: [a.id, b.id], remove: [] });
    await updateTeamMembers(ctx, otherTeam.id, { add: [c.id], remove: [] });
    const page = await listAgents(ctx, { teamId: team.id }, FIRST_PAGE);
    assert.deepEqual(sorted(page.items.map((x) => x.id)), sorted([a.id, b.id]));
    assert.deepEqual((await listAgents(ctx, { teamId: newId() }, FIRST_PAGE)).items, []);
  });

  it('list: matches q case-insensitively against the full name or the email, literally', async () => {
    const ctx = await buildOrg(env);
    const byName = await buildAgent(ctx, { fullName: 'Maria Gonzalez', email: 'mg@example.com' });
    const byEmail = await buildAgent(ctx, { fullName: 'Someone', email: 'gonzalez.p@example.com' });
    await buildAgent(ctx, { fullName: 'Nobody', email: 'nobody@example.com' });
    const percent = await buildAgent(ctx, { fullName: '100% Sure', email: 'sure@example.com' });
    const q = async (text: string) =>
      sorted((await listAgents(ctx, { q: text }, FIRST_PAGE)).items.map((a) => a.id));
    assert.deepEqual(await q('GONZALEZ'), sorted([byName.id, byEmail.id]));
    assert.deepEqual(await q('maria'), [byName.id]);
    assert.deepEqual(await q('%'), [percent.id], 'a % in q is matched literally');
    assert.deepEqual(await q('zzz'), []);
  });

  it('list: pages with a keyset cursor and reports the next page', async () => {
    const ctx = await buildOrg(env);
    const created: string[] = [];
    for (let i = 0; i < 5; i++) {
      created.push((await buildAgent(ctx)).id);
    }
    const all = sorted(created);
    const first = await listAgents(ctx, {}, { skip: 0, limit: 2, afterId: null });
    assert.deepEqual(
      first.items.map((a) => a.id),
      all.slice(0, 2),
    );
    assert.ok(first.next !== null);
    const second = await listAgents(ctx, {}, { skip: 0, limit: 2, afterId: decodeCursor(first.next) });
    assert.deepEqual(
      second.items.map((a) => a.id),
      all.slice(2, 4),
    );
    assert.ok(second.next !== null);
    const third = await listAgents(ctx, {}, { skip: 0, limit: 2, afterId: decodeCursor(second.next) });
    assert.deepEqual(
      third.items.map((a) => a.id),
      all.slice(4),
    );
    assert.equal(third.next, null);
    const skipped = await listAgents(ctx, {}, { skip: 3, limit: 10, afterId: null });
    assert.deepEqual(
      skipped.items.map((a) => a.id),
      all.slice(3),
    );
  });

  it('deletes an agent, removing it from every team and deleting its API keys', async () => {
    const ctx = await buildOrg(env);
    const agent = await buildAgent(ctx);
    const stays = await buildAgent(ctx);
    const teams = [await buildTeam(ctx), await buildTeam(ctx)];
    for (const team of teams) {
      await updateTeamMembers(ctx, team.id, { add: [agent.id, stays.id], remove: [] });
    }
    assert.deepEqual(
      sorted((await listAgentTeams(ctx, agent.id, FIRST_PAGE)).items.map((t) => t.id)),
      sorted(teams.map((t) => t.id)),
    );
    const key = await buildKey(ctx, { agentId: agent.id, scopes: ['teams:read'] });
    const keptKey = await buildKey(ctx, { agentId: stays.id, scopes: ['teams:read'] });

    await deleteAgent(ctx, agent.id);

    await rejectsWith(getAgent(ctx, agent.id), 'agent_not_found');
    for (const team of teams) {
      assert.deepEqual(
        (await getTeam(ctx, team.id)).members.map((m) => m.id),
        [stays.id],
      );
    }
    assert.deepEqual(await ctx.db.select().from(teamMembers).where(eq(teamMembers.agentId, agent.id)), []);
    assert.deepEqual(await ctx.db.select().from(apiKeys).where(eq(apiKeys.agentId, agent.id)), []);
    assert.equal((await ctx.db.select().from(apiKeys).where(eq(apiKeys.id, keptKey.row.id))).length, 1);
    await rejectsWith(
      authenticate(ctx.db, env.platform, { secret: key.secret, orgId: null }, new Date()),
      'unauthenticated',
    );
    const deleted = (await agentEvents(ctx)).at(-1);
    assert.equal(deleted?.type, 'agent.deleted');
    assert.equal(deleted?.payload.agent_id, agent.id);
    assert.deepEqual(sorted(deleted?.payload.team_ids as string[]), sorted(teams.map((t) => t.id)));
    await rejectsWith(deleteAgent(ctx, agent.id), 'agent_not_found');
  });

  it('self-edit: lets an agent-role actor change its own profile', async () => {
    const ctx = await buildOrg(env);
    const { ctx: self, agentId } = await actAs(ctx, 'agent');
    const updated = await updateAgent(self, agentId, { fullName: 'New Me', tags: ['night'] });
    assert.equal(updated.fullName, 'New Me');
    assert.equal((await getAgent(ctx, agentId)).fullName, 'New Me');
    assert.deepEqual((await getAgent(ctx, agentId)).tags, ['night']);
  });

  it('self-edit: forbids an agent-role actor to change its own role, status or email', async () => {
    const ctx = await buildOrg(env);
    const { ctx: self, agentId } = await actAs(ctx, 'agent');
    await rejectsWith(updateAgent(self, agentId, { role: 'admin' }), 'forbidden');
    await rejectsWith(updateAgent(self, agentId, { fullName: 'Sneaky', role: 'owner' }), 'forbidden');
    await rejectsWith(updateAgent(self, agentId, { status: 'active' }), 'forbidden');
    await rejectsWith(updateAgent(self, agentId, { email: 'new@example.com' }), 'forbidden');
    const read = await getAgent(ctx, agentId);
    assert.equal(read.role, 'agent');
    assert.notEqual(read.fullName, 'Sneaky');
  });

  it('self-edit: forbids an agent-role actor to edit another agent, create or delete agents', async () => {
    const ctx = await buildOrg(env);
    const { ctx: self } = await actAs(ctx, 'agent');
    const other = await buildAgent(ctx);
    await rejectsWith(updateAgent(self, other.id, { fullName: 'Renamed' }), 'forbidden');
    await rejectsWith(buildAgent(self), 'forbidden');
    await rejectsWith(deleteAgent(self, other.id), 'forbidden');
    assert.equal((await getAgent(ctx, other.id)).fullName, other.fullName);
  });

  it('self-edit: lets a supervisor edit itself but not others', async () => {
    const ctx = await buildOrg(env);
    const { ctx: self, agentId } = await actAs(ctx, 'supervisor');
    const other = await buildAgent(ctx);
    assert.equal((await updateAgent(self, agentId, { fullName: 'Boss' })).fullName, 'Boss');
    await rejectsWith(updateAgent(self, other.id, { fullName: 'Renamed' }), 'forbidden');
    await rejectsWith(buildAgent(self), 'forbidden');
  });

  it('owners: forbids an admin to create an owner, but lets an owner do it', async () => {
    const ctx = await buildOrg(env);
    const { ctx: admin } = await actAs(ctx, 'admin');
    const { ctx: owner } = await actAs(ctx, 'owner');
    await rejectsWith(buildAgent(admin, { role: 'owner', email: 'o1@example.com' }), 'forbidden');
    assert.equal(
      (await listAgents(ctx, { role: 'owner' }, FIRST_PAGE)).items.length,
      1,
      'only the acting owner',
    );
    const created = await buildAgent(owner, { role: 'owner', email: 'o1@example.com' });
    assert.equal(created.role, 'owner');
    const made = await buildAgent(admin, { role: 'admin' });
    assert.equal(made.role, 'admin', 'an admin may create non-owners');
  });

  it('owners: forbids an admin to promote to owner, demote or delete an owner', async () => {
    const ctx = await buildOrg(env);
    const { ctx: admin } = await actAs(ctx, 'admin');
    const owner = await buildAgent(ctx, { role: 'owner' });
    const agent = await buildAgent(ctx);
    await rejectsWith(updateAgent(admin, agent.id, { role: 'owner' }), 'forbidden');
    await rejectsWith(updateAgent(admin, owner.id, { role: 'agent' }), 'forbidden');
    await rejectsWith(deleteAgent(admin, owner.id), 'forbidden');
    assert.equal((await getAgent(ctx, agent.id)).role, 'agent');
    assert.equal((await getAgent(ctx, owner.id)).role, 'owner');
    assert.equal((await updateAgent(admin, agent.id, { role: 'supervisor' })).role, 'supervisor');
  });
});
