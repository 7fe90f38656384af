import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { type AuditRecord, auditRecords, eventPayloadOf, recordOf } from './audit.js';
import { buildAgent, buildKey } from './factories.js';
import { createTestApp, type TestApp } from './harness.js';
import { client, expectNoContent, expectStatus, newTenant, sorted } from './http.js';
import { departmentBody, expectSuccess, newRocketChatTenant, rocketChatClient } from './rocketchat.js';
import { expectOk, newTiledeskTenant, tiledeskClient } from './tiledesk.js';
import { personId, SUPERVISORS } from './webex.js';

// Audit on every dialect's writes: test/audit-log.test.ts covers /v1 and Dixa, this file the others.

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

/** Asserts who and through what a record says made the change. */
function assertSource(
  record: AuditRecord,
  dialect: string,
  actor: { type: string; key_id: string; agent_id: string | null },
  target: { type: string; id: string },
): void {
  assert.deepEqual(
    { dialect: record.dialect, actor: record.actor, target: record.target },
    { dialect, actor, target },
    record.action,
  );
  assert.ok(record.request_id.length > 0 && record.ip.length > 0, 'request id and address');
}

describe('the audit log of the vendor dialects', () => {
  it('Tiledesk: a teammate update through /v3 is audited with the acting teammate, before and after', async () => {
    const t = await newTiledeskTenant(env);
    const admin = await buildAgent(t.ctx, { role: 'admin' });
    const key = await buildKey(t.ctx, { scopes: ['*'], agentId: admin.id });
    const teammate = await buildAgent(t.ctx, { role: 'agent' });
    expectOk(
      await tiledeskClient(env.app, key.secret).put(`${t.base}/${teammate.id}`, {
        role: 'supervisor',
        max_assigned_chat: 3,
        user_available: false,
      }),
    );

    const records = await auditRecords(client(env.app, t.key), `target_id=${teammate.id}`);
    assert.deepEqual(
      records.map((r) => r.action),
      ['agent.updated', 'agent.capacity_changed', 'agent.availability_changed'],
    );
    const actor = { type: 'agent', key_id: key.row.id, agent_id: admin.id };
    for (const record of records) {
      assertSource(record, 'tiledesk', actor, { type: 'agent', id: teammate.id });
    }
    const updated = recordOf(records, 'agent.updated');
    assert.deepEqual(updated.changes, { role: ['agent', 'supervisor'], max_concurrent: [null, 3] });
    const event = (await eventPayloadOf(env, t.orgId, updated)) as { fields: string[] };
    assert.deepEqual(sorted(event.fields), ['max_concurrent', 'role'], 'the event still names the fields');
    assert.deepEqual(recordOf(records, 'agent.availability_changed').changes, { available: [true, false] });
  });

  it('Webex: supervisor assignments are audited as the supervised agents before and after', async () => {
    const t = await newTenant(env);
    const key = await buildKey(t.ctx, { scopes: ['*'] });
    const api = client(env.app, key.secret);
    const supervisor = (await buildAgent(t.ctx)).id;
    const [a, b, c] = [
      (await buildAgent(t.ctx)).id,
      (await buildAgent(t.ctx)).id,
      (await buildAgent(t.ctx)).id,
    ];
    const created = await api.post(SUPERVISORS, {
      id: personId(supervisor),
      agents: [{ id: personId(a) }, { id: personId(b) }],
    });
    expectStatus(created, 201);
    expectNoContent(
      await api.put(`${SUPERVISORS}/${personId(supervisor)}`, {
        agents: [
          { id: personId(a), action: 'DELETE' },
          { id: personId(c), action: 'ADD' },
        ],
      }),
    );
    expectNoContent(await api.delete(`${SUPERVISORS}/${personId(supervisor)}`));

    const records = await auditRecords(client(env.app, t.key), `target_id=${supervisor}`);
    const actor = { type: 'key', key_id: key.row.id, agent_id: null };
    for (const record of records) {
      assertSource(record, 'webex', actor, { type: 'supervisor', id: supervisor });
    }
    assert.deepEqual(
      records.map((r) => [r.action, r.changes]),
      [
        ['supervisor.agents_added', { agent_ids: [[], sorted([a, b])] }],
        ['supervisor.agents_added', { agent_ids: [sorted([a, b]), sorted([a, b, c])] }],
        ['supervisor.agents_removed', { agent_ids: [sorted([a, b, c]), sorted([b, c])] }],
        ['supervisor.agents_removed', { agent_ids: [sorted([b, c]), []] }],
      ],
    );
    assert.deepEqual(
      await eventPayloadOf(env, t.orgId, records[2] as AuditRecord),
      { supervisor_id: supervisor, agent_ids: [a] },
      'the event names the agents removed, as before',
    );
  });

  it('Rocket.Chat: a department update and an agent status are audited with the acting agent', async () => {
    const t = await newRocketChatTenant(env);
    const manager = await buildAgent(t.ctx, { role: 'admin', username: 'manager' });
    const key = await buildKey(t.ctx, { scopes: ['*'], agentId: manager.id });
    const api = rocketChatClient(env.app, key.secret, manager.id);
    const kim = await buildAgent(t.ctx, { username: 'kim' });
    const body = departmentBody('Support', { email: 'support@example.com' });
    const department = expectSuccess<{ department: { _id: string } }>(
      await api.post('department', { ...body, agents: [{ agentId: kim.id, username: 'kim', order: 1 }] }),
    ).department;
    expectSuccess(
      await api.put(`department/${department._id}`, {
        department: { ...body.department, name: 'Support desk', enabled: false },
        agents: [{ agentId: kim.id, username: 'kim', order: 5 }],
      }),
    );
    expectSuccess(await api.post('agent.status', { status: 'not-available' }));

    const reader = client(env.app, (await buildKey(t.ctx, { scopes: ['audit:read'] })).secret);
    const actor = { type: 'agent', key_id: key.row.id, agent_id: manager.id };
    const ofTeam = await auditRecords(reader, `target_id=${department._id}`);
    for (const record of ofTeam) {
      assertSource(record, 'rocketchat', actor, { type: 'team', id: department._id });
    }
    assert.deepEqual(recordOf(ofTeam, 'team.updated').changes, {
      name: ['Support', 'Support desk'],
      enabled: [true, false],
    });
    assert.deepEqual(recordOf(ofTeam, 'team.members_updated').changes, {
      priority: [{ [kim.id]: 1 }, { [kim.id]: 5 }],
    });
    const status = recordOf(
      await auditRecords(reader, `target_id=${manager.id}`),
      'agent.availability_changed',
    );
    assertSource(status, 'rocketchat', actor, { type: 'agent', id: manager.id });
    assert.deepEqual(status.changes, { available: [true, false] });
  });
});
