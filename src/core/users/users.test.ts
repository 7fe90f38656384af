import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actAs, buildAgent, buildOrg, buildTeam } from '../../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { inviteAgent, restoreAgent, trashAgent } from '../agents/agent-lifecycle.js';
import { getAgent, updateAgent } from '../agents/agents.js';
import { addTeamMember, listTeamMembers } from '../teams/team-members.js';

const email = () => `person-${Math.random().toString(36).slice(2)}@example.com`;

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<void> {
  await assert.rejects(promise, (err: { code?: string }) => err.code === code);
}

describe('users: one person, one agent per org', () => {
  let env: TestEnv;

  before(async () => {
    env = await createTestEnv();
  });

  after(async () => {
    await env.close();
  });

  it('links the same email in two orgs (any case) to one user, with two agent ids', async () => {
    const address = email();
    const a = await buildAgent(await buildOrg(env), { email: address });
    const b = await buildAgent(await buildOrg(env), { email: address.toUpperCase() });
    assert.notEqual(a.id, b.id);
    assert.equal(a.userId, b.userId);
    const other = await buildAgent(await buildOrg(env));
    assert.notEqual(other.userId, a.userId);
  });

  it('relinks an agent whose email changes to the user of the new email', async () => {
    const ctx = await buildOrg(env);
    const address = email();
    const known = await buildAgent(await buildOrg(env), { email: address });
    const agent = await buildAgent(ctx);
    const moved = await updateAgent(ctx, agent.id, { email: address });
    assert.equal(moved.userId, known.userId);
    const renamed = await updateAgent(ctx, agent.id, { fullName: 'Only the name' });
    assert.equal(renamed.userId, known.userId);
  });

  it('records the user of the creating agent in created_by, null for org-level keys', async () => {
    const ctx = await buildOrg(env);
    const admin = await actAs(ctx, 'admin');
    const adminRow = await getAgent(ctx, admin.agentId);
    assert.equal(adminRow.createdBy, null);
    const made = await buildAgent(admin.ctx);
    assert.equal(made.createdBy, adminRow.userId);
  });
});

describe('trash and restore', () => {
  let env: TestEnv;

  before(async () => {
    env = await createTestEnv();
  });

  after(async () => {
    await env.close();
  });

  it('trashes an agent out of every team; restore takes it out of the trash only', async () => {
    const ctx = await buildOrg(env);
    const team = await buildTeam(ctx);
    const agent = await buildAgent(ctx);
    await addTeamMember(ctx, team.id, agent.id);
    const trashed = await trashAgent(ctx, agent.id);
    assert.ok(trashed.trashedAt instanceof Date);
    const members = await listTeamMembers(ctx, team.id, { skip: 0, limit: 10, afterId: null });
    assert.deepEqual(members.items, []);
    const restored = await restoreAgent(ctx, agent.id);
    assert.equal(restored.trashedAt, null);
    await rejectsWith(restoreAgent(ctx, agent.id), 'conflict');
    const agentRole = await actAs(ctx, 'agent');
    await rejectsWith(trashAgent(agentRole.ctx, agent.id), 'forbidden');
  });
});

describe('inviteAgent', () => {
  let env: TestEnv;

  before(async () => {
    env = await createTestEnv();
  });

  after(async () => {
    await env.close();
  });

  it('makes a registered person an active agent, and an unknown email a pending one', async () => {
    const ctx = await buildOrg(env);
    const address = email();
    const elsewhere = await buildAgent(await buildOrg(env), { email: address, fullName: 'Known Person' });
    const joined = await inviteAgent(ctx, { email: address, role: 'supervisor' });
    assert.equal(joined.outcome, 'joined');
    assert.equal(joined.agent.status, 'active');
    assert.equal(joined.agent.role, 'supervisor');
    assert.equal(joined.agent.userId, elsewhere.userId);
    assert.equal(joined.agent.fullName, 'Known Person');

    const pending = await inviteAgent(ctx, { email: email(), role: 'agent', available: false });
    assert.equal(pending.outcome, 'pending');
    assert.equal(pending.agent.status, 'invited');
    assert.equal(pending.agent.available, false);
    const again = await inviteAgent(ctx, { email: pending.agent.email, role: 'agent' });
    assert.equal(again.outcome, 'pending');
    // A person with only a pending invitation is not registered: another org's invite is pending too.
    const second = await inviteAgent(await buildOrg(env), { email: pending.agent.email, role: 'agent' });
    assert.equal(second.outcome, 'pending');
    const activated = await updateAgent(ctx, pending.agent.id, { status: 'active' });
    assert.equal(activated.status, 'active');
  });

  it('refuses self and active members, restores disabled and trashed ones', async () => {
    const ctx = await buildOrg(env);
    const admin = await actAs(ctx, 'admin');
    const self = await getAgent(ctx, admin.agentId);
    await rejectsWith(
      inviteAgent(admin.ctx, { email: self.email.toUpperCase(), role: 'agent' }),
      'invite_self',
    );
    const member = await buildAgent(ctx);
    await rejectsWith(inviteAgent(admin.ctx, { email: member.email, role: 'agent' }), 'already_member');
    await trashAgent(ctx, member.id);
    const back = await inviteAgent(admin.ctx, { email: member.email, role: 'admin' });
    assert.equal(back.outcome, 'restored');
    assert.equal(back.agent.trashedAt, null);
    assert.equal(back.agent.role, 'admin');
    assert.equal(back.agent.id, member.id);
    await updateAgent(ctx, member.id, { status: 'disabled' });
    const again = await inviteAgent(admin.ctx, { email: member.email, role: 'agent' });
    assert.equal(again.outcome, 'restored');
    assert.equal(again.agent.status, 'active');
    const plain = await actAs(ctx, 'agent');
    await rejectsWith(inviteAgent(plain.ctx, { email: email(), role: 'agent' }), 'forbidden');
  });
});
