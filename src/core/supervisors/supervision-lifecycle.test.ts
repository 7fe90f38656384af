import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { actAs, buildAgent, buildOrg } from '../../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { agents, supervisorAgents } from '../../db/schema.js';
import { deleteAgent, disableAgent, updateAgent } from '../agents/agents.js';
import { getPresence } from '../presence/presence.js';
import { listSupervisors, updateSupervisorAgents } from './supervisors.js';
import {
  FIRST,
  insertAgents,
  rejectsWith,
  sorted,
  supervised,
  supervisorEvents,
} from './supervisors-test-support.js';

describe('supervision when agents change', () => {
  let env: TestEnv;

  before(async () => {
    env = await createTestEnv();
  });

  after(async () => {
    await env.close();
  });

  /** An org where `middle` supervises two agents and is supervised by `top`. */
  async function chain() {
    const ctx = await buildOrg(env);
    const [top, middle, left, right] = await insertAgents(ctx, 4);
    assert.ok(top && middle && left && right);
    await updateSupervisorAgents(ctx, top, { add: [middle, left], remove: [] });
    await updateSupervisorAgents(ctx, middle, { add: [left, right], remove: [] });
    return { ctx, top, middle, left, right };
  }

  const removals = async (ctx: Parameters<typeof supervisorEvents>[0]) =>
    (await supervisorEvents(ctx)).filter((e) => e.type === 'supervisor.agents_removed').map((e) => e.payload);

  it('disabling an agent through an update ends its assignments both ways, with events', async () => {
    const { ctx, top, middle, left, right } = await chain();
    await updateAgent(ctx, middle, { status: 'disabled' });
    assert.deepEqual(await supervised(ctx, top), [left]);
    assert.deepEqual(await supervised(ctx, middle), []);
    // One event per supervisor, in supervisor-id order (top's id is the older).
    assert.deepEqual(await removals(ctx), [
      { supervisor_id: top, agent_ids: [middle] },
      { supervisor_id: middle, agent_ids: sorted([left, right]) },
    ]);
    await updateAgent(ctx, middle, { status: 'active' });
    assert.deepEqual(await supervised(ctx, middle), [], 're-enabling restores nothing');
    await updateAgent(ctx, left, { fullName: 'Renamed' });
    assert.deepEqual(await supervised(ctx, top), [left], 'other updates leave assignments alone');
  });

  it('disabling an agent (vendor removal) ends its assignments both ways', async () => {
    const { ctx, top, middle, left } = await chain();
    await disableAgent(ctx, middle);
    assert.deepEqual(await supervised(ctx, top), [left]);
    assert.deepEqual(await supervised(ctx, middle), []);
  });

  it('deleting an agent ends its assignments both ways and reports them', async () => {
    const { ctx, top, middle, left } = await chain();
    await deleteAgent(ctx, middle);
    assert.deepEqual(await supervised(ctx, top), [left]);
    assert.equal((await removals(ctx)).length, 2);
    assert.deepEqual(
      (await listSupervisors(ctx, {}, FIRST)).items.map((s) => [s.id, s.agentCount]),
      [[top, 1]],
    );
  });

  it('the foreign keys drop assignments of a deleted row either way', async () => {
    const { ctx, top, middle } = await chain();
    await ctx.db.delete(agents).where(inArray(agents.id, [top, middle]));
    const left = await ctx.db
      .select()
      .from(supervisorAgents)
      .where(eq(supervisorAgents.orgId, ctx.actor.orgId));
    assert.deepEqual(left, []);
  });

  it('a disable racing an assignment never leaves a disabled agent assigned', async () => {
    const ctx = await buildOrg(env);
    const boss = (await buildAgent(ctx)).id;
    const ids = await insertAgents(ctx, 8);
    await Promise.all(
      ids.flatMap((id) => [
        updateSupervisorAgents(ctx, boss, { add: [id], remove: [] }),
        updateAgent(ctx, id, { status: 'disabled' }),
      ]),
    );
    const rows = await ctx.db
      .select({ id: supervisorAgents.agentId })
      .from(supervisorAgents)
      .innerJoin(
        agents,
        and(eq(agents.orgId, supervisorAgents.orgId), eq(agents.id, supervisorAgents.agentId)),
      )
      .where(and(eq(supervisorAgents.orgId, ctx.actor.orgId), eq(agents.status, 'disabled')));
    assert.deepEqual(rows, []);
  });

  it('only owners and admins assign; every role reads', async () => {
    const ctx = await buildOrg(env);
    const [boss, agent] = await insertAgents(ctx, 2);
    assert.ok(boss && agent);
    for (const role of ['agent', 'supervisor'] as const) {
      const actor = (await actAs(ctx, role)).ctx;
      await rejectsWith(updateSupervisorAgents(actor, boss, { add: [agent], remove: [] }), 'forbidden');
      assert.deepEqual((await listSupervisors(actor, {}, FIRST)).items, []);
    }
    const admin = (await actAs(ctx, 'admin')).ctx;
    await updateSupervisorAgents(admin, boss, { add: [agent], remove: [] });
    assert.deepEqual(await supervised(ctx, boss), [agent]);
  });

  it('a supervisor whose role is agent reads the presence of its agents with its own key', async () => {
    const ctx = await buildOrg(env);
    const { ctx: me, agentId } = await actAs(ctx, 'agent', ['presence:read']);
    const watched = (await buildAgent(ctx)).id;
    await updateSupervisorAgents(ctx, agentId, { add: [watched], remove: [] });
    const view = await getPresence(me, watched);
    assert.equal(view.agentId, watched);
    assert.equal(view.connection, 'offline');
  });
});
