import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildAgent, buildOrg } from '../../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { newId } from '../ids.js';
import {
  deleteSupervisor,
  deleteSupervisors,
  listAssignableAgents,
  listSupervisedAgents,
  listSupervisorCandidates,
  listSupervisors,
  updateSupervisorAgents,
} from './supervisors.js';
import {
  FIRST,
  insertAgents,
  rejectsWith,
  sorted,
  supervised,
  supervisorEvents,
} from './supervisors-test-support.js';

describe('supervisor assignments', () => {
  let env: TestEnv;

  before(async () => {
    env = await createTestEnv();
  });

  after(async () => {
    await env.close();
  });

  it('reports every status per id, in input order, and applies what can apply', async () => {
    const ctx = await buildOrg(env);
    const other = await buildOrg(env);
    const boss = (await buildAgent(ctx)).id;
    const [kept, fresh, leaving, outsider] = await insertAgents(ctx, 4);
    assert.ok(kept && fresh && leaving && outsider);
    const disabled = (await buildAgent(ctx, { status: 'disabled' })).id;
    const foreign = (await buildAgent(other)).id;
    const ghost = newId();
    const ghost2 = newId();
    await updateSupervisorAgents(ctx, boss, { add: [kept, leaving], remove: [] });

    const results = await updateSupervisorAgents(ctx, boss, {
      add: [fresh, kept, fresh, boss, disabled, ghost, foreign],
      remove: [leaving, outsider, leaving, ghost2],
    });
    assert.deepEqual(results, [
      { id: fresh, action: 'add', status: 'added' },
      { id: kept, action: 'add', status: 'duplicate' },
      { id: fresh, action: 'add', status: 'duplicate' },
      { id: boss, action: 'add', status: 'not_available' },
      { id: disabled, action: 'add', status: 'not_available' },
      { id: ghost, action: 'add', status: 'not_found' },
      { id: foreign, action: 'add', status: 'not_found' },
      { id: leaving, action: 'remove', status: 'removed' },
      { id: outsider, action: 'remove', status: 'not_member' },
      { id: leaving, action: 'remove', status: 'not_member' },
      { id: ghost2, action: 'remove', status: 'not_found' },
    ]);
    assert.deepEqual(await supervised(ctx, boss), sorted([kept, fresh]));
    const events = await supervisorEvents(ctx);
    assert.deepEqual(
      events.map((e) => [e.type, e.payload]),
      [
        ['supervisor.agents_added', { supervisor_id: boss, agent_ids: [kept, leaving] }],
        ['supervisor.agents_added', { supervisor_id: boss, agent_ids: [fresh] }],
        ['supervisor.agents_removed', { supervisor_id: boss, agent_ids: [leaving] }],
      ],
    );
  });

  it('matches upper-case ids to their agents', async () => {
    const ctx = await buildOrg(env);
    const boss = (await buildAgent(ctx)).id;
    const agent = (await buildAgent(ctx)).id;
    const results = await updateSupervisorAgents(ctx, boss.toUpperCase(), {
      add: [agent.toUpperCase(), agent],
      remove: [],
    });
    assert.deepEqual(
      results.map((r) => r.status),
      ['added', 'duplicate'],
    );
    assert.deepEqual(await supervised(ctx, boss), [agent]);
  });

  it('assigns 1000 agents in one call and one event, and refuses more or an id in both lists', async () => {
    const ctx = await buildOrg(env);
    const boss = (await buildAgent(ctx)).id;
    const ids = await insertAgents(ctx, 1000);
    const results = await updateSupervisorAgents(ctx, boss, { add: ids, remove: [] });
    assert.ok(results.every((r, i) => r.id === ids[i] && r.status === 'added'));
    const [supervisor] = (await listSupervisors(ctx, {}, FIRST)).items;
    assert.equal(supervisor?.agentCount, 1000);
    assert.equal((await supervisorEvents(ctx)).length, 1);
    await rejectsWith(
      updateSupervisorAgents(ctx, boss, { add: [...ids, newId()], remove: [] }),
      'invalid_request',
    );
    await rejectsWith(
      updateSupervisorAgents(ctx, boss, { add: [String(ids[0])], remove: [String(ids[0]).toUpperCase()] }),
      'invalid_request',
    );
    const removed = await updateSupervisorAgents(ctx, boss, { add: [], remove: ids });
    assert.ok(removed.every((r) => r.status === 'removed'));
    assert.deepEqual((await listSupervisors(ctx, {}, FIRST)).items, []);
  });

  it('answers unknown and foreign supervisors as agent_not_found, or not_found when one is required', async () => {
    const ctx = await buildOrg(env);
    const other = await buildOrg(env);
    const theirs = (await buildAgent(other)).id;
    const mine = (await buildAgent(ctx)).id;
    await updateSupervisorAgents(other, theirs, { add: [(await buildAgent(other)).id], remove: [] });
    for (const id of [theirs, newId()]) {
      await rejectsWith(updateSupervisorAgents(ctx, id, { add: [mine], remove: [] }), 'agent_not_found');
      await rejectsWith(listSupervisedAgents(ctx, id, {}, FIRST), 'agent_not_found');
      await rejectsWith(deleteSupervisor(ctx, id), 'agent_not_found');
      await rejectsWith(listSupervisedAgents(ctx, id, {}, FIRST, { requireSupervisor: true }), 'not_found');
    }
    await rejectsWith(listSupervisedAgents(ctx, mine, {}, FIRST, { requireSupervisor: true }), 'not_found');
    await rejectsWith(deleteSupervisor(ctx, mine, { requireSupervisor: true }), 'not_found');
    assert.deepEqual(await supervised(ctx, mine), []);
    await deleteSupervisors(ctx, { supervisorIds: [theirs] });
    assert.equal((await supervised(other, theirs)).length, 1, "another org's supervisor is left alone");
  });

  it('refuses to create an existing supervisor (requireNew) and to give a disabled one agents', async () => {
    const ctx = await buildOrg(env);
    const boss = (await buildAgent(ctx)).id;
    const agent = (await buildAgent(ctx)).id;
    await updateSupervisorAgents(ctx, boss, { add: [agent], remove: [] }, { requireNew: true });
    await rejectsWith(
      updateSupervisorAgents(
        ctx,
        boss,
        { add: [(await buildAgent(ctx)).id], remove: [] },
        { requireNew: true },
      ),
      'conflict',
    );
    const off = (await buildAgent(ctx, { status: 'disabled' })).id;
    await rejectsWith(updateSupervisorAgents(ctx, off, { add: [agent], remove: [] }), 'conflict');
    assert.deepEqual(await updateSupervisorAgents(ctx, off, { add: [], remove: [agent] }), [
      { id: agent, action: 'remove', status: 'not_member' },
    ]);
  });

  it('deletes one supervisor, some, or all, with one removal event per supervisor', async () => {
    const ctx = await buildOrg(env);
    const [a, b, c, x, y] = await insertAgents(ctx, 5);
    assert.ok(a && b && c && x && y);
    for (const boss of [a, b, c]) {
      await updateSupervisorAgents(ctx, boss, { add: [x, y], remove: [] });
    }
    await deleteSupervisor(ctx, a);
    await deleteSupervisor(ctx, a);
    await deleteSupervisors(ctx, { supervisorIds: [b, newId()] });
    assert.deepEqual(
      (await listSupervisors(ctx, {}, FIRST)).items.map((s) => s.id),
      [c],
    );
    await deleteSupervisors(ctx, 'all');
    assert.deepEqual((await listSupervisors(ctx, {}, FIRST)).items, []);
    const removals = (await supervisorEvents(ctx)).filter((e) => e.type === 'supervisor.agents_removed');
    assert.deepEqual(
      removals.map((e) => e.payload),
      [a, b, c].map((id) => ({ supervisor_id: id, agent_ids: sorted([x, y]) })),
    );
  });

  it('lists supervisors and candidates filtered by name and phone, sorted, in pages', async () => {
    const ctx = await buildOrg(env);
    const ann = await buildAgent(ctx, { fullName: 'Ann Zeta', phoneNumber: '+1 555 0100' });
    const bob = await buildAgent(ctx, { fullName: 'Bob Young', firstName: 'Bob', lastName: 'Young' });
    const cid = await buildAgent(ctx, { fullName: 'Cid Xu' });
    const off = await buildAgent(ctx, { fullName: 'Off Line', status: 'disabled' });
    await updateSupervisorAgents(ctx, ann.id, { add: [bob.id, cid.id], remove: [] });
    await updateSupervisorAgents(ctx, bob.id, { add: [cid.id], remove: [] });

    const all = (await listSupervisors(ctx, {}, FIRST)).items;
    assert.deepEqual(
      all.map((s) => [s.id, s.agentCount]),
      [
        [ann.id, 2],
        [bob.id, 1],
      ],
    );
    const byLast = await listSupervisors(ctx, { order: 'lastName' }, { skip: 0, limit: 1, afterId: null });
    assert.deepEqual(
      byLast.items.map((s) => s.id),
      [bob.id],
    );
    assert.notEqual(byLast.next, null);
    const second = await listSupervisors(ctx, { order: 'lastName' }, { skip: 1, limit: 1, afterId: null });
    assert.deepEqual(
      second.items.map((s) => s.id),
      [ann.id],
    );
    assert.deepEqual(
      (await listSupervisors(ctx, { name: 'zet' }, FIRST)).items.map((s) => s.id),
      [ann.id],
    );
    assert.deepEqual(
      (await listSupervisors(ctx, { phone: '0100' }, FIRST)).items.map((s) => s.id),
      [ann.id],
    );
    const order = (await listSupervisedAgents(ctx, ann.id, { order: 'firstName-desc' }, FIRST)).items;
    assert.deepEqual(
      order.map((a) => a.id),
      [cid.id, bob.id],
    );
    assert.deepEqual(
      (await listSupervisorCandidates(ctx, {}, FIRST)).items.map((a) => a.id),
      [cid.id],
      'not disabled, not a supervisor yet',
    );
    assert.deepEqual(
      (await listAssignableAgents(ctx, {}, FIRST)).items.map((a) => a.id),
      [ann.id, bob.id, cid.id],
    );
    assert.ok(!(await listAssignableAgents(ctx, { name: 'Off' }, FIRST)).items.some((a) => a.id === off.id));
  });
});
