import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../src/db/client.js';
import { auditRecords, eventPayloadOf, type AuditRecord as Record, recordOf } from './audit.js';
import { actAs, buildKey } from './factories.js';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from './harness.js';
import { client, expectJson, expectNoContent, expectProblem, ISO_UTC, newTenant, send } from './http.js';

let env: TestApp;
before(async () => {
  env = await createTestApp({ webhookAllowHosts: ['127.0.0.1'] });
});
after(async () => {
  await env.close();
});

describe('the audit log', () => {
  it('records each change made through /v1 and through Dixa, with actor, target and request', async () => {
    const t = await newTenant(env);
    const made = await send(env.app, {
      method: 'POST',
      url: '/v1/teams',
      body: { name: 'Audited' },
      headers: {
        authorization: `Bearer ${t.key}`,
        'user-agent': 'audit-test/1',
        'x-request-id': 'req-audit-1',
      },
    });
    const team = expectJson<{ id: string }>(made, 201);
    const dixa = await send(env.app, {
      method: 'POST',
      url: '/beta/teams',
      body: { name: 'Through Dixa' },
      headers: { authorization: t.key },
    });
    assert.equal(dixa.statusCode, 201, dixa.body);
    const hook = expectJson<{ id: string }>(
      await t.api.post('/v1/webhooks', { url: 'http://127.0.0.1:9/audit', event_types: ['*'] }),
      201,
    );

    const log = expectJson<Record[]>(await t.api.get('/v1/audit-log'), 200);
    const created = log.find((r) => r.target.id === team.id);
    assert.ok(created, 'the team creation is audited');
    assert.equal(created.action, 'team.created');
    assert.equal(created.actor.type, 'key');
    assert.ok(created.actor.key_id);
    assert.deepEqual(
      [created.request_id, created.user_agent, created.dialect, created.target.type],
      ['req-audit-1', 'audit-test/1', 'v1', 'team'],
    );
    assert.ok(created.ip.length > 0);
    const viaDixa = log.find((r) => r.action === 'team.created' && r.dialect === 'dixa');
    assert.ok(viaDixa, 'a change through Dixa is audited as such');
    const webhook = log.find((r) => r.action === 'webhook.created');
    assert.equal(webhook?.target.id, hook.id);
    assert.deepEqual(webhook?.changes?.secret, [null, '[redacted]'], 'the secret is redacted');
    assert.equal(JSON.stringify(log).includes('whsec_'), false, 'no secret anywhere in the log');
  });

  it('records an update as each changed field before and after; the event keeps its own payload', async () => {
    const t = await newTenant(env);
    const agent = expectJson<{ id: string }>(
      await t.api.post('/v1/agents', { email: 'before@example.com', full_name: 'Before' }),
      201,
    );
    expectJson(
      await t.api.patch(`/v1/agents/${agent.id}`, {
        full_name: 'After',
        max_concurrent: 4,
        email: 'before@example.com',
      }),
      200,
    );
    expectJson(
      await t.api.post('/v1/presence-statuses', { key: 'lunch', label: 'Lunch', available: false }),
      201,
    );
    expectJson(await t.api.patch('/v1/presence-statuses/lunch', { label: 'Lunch break' }), 200);
    expectJson(await t.api.put(`/v1/agents/${agent.id}/availability`, { status: 'lunch' }), 200);

    const ofAgent = await auditRecords(t.api, `target_id=${agent.id}`);
    assert.deepEqual(
      ofAgent.map((r) => r.action),
      ['agent.created', 'agent.updated', 'agent.capacity_changed', 'agent.availability_changed'],
    );
    const created = recordOf(ofAgent, 'agent.created');
    assert.deepEqual(
      created.changes,
      { agent_id: agent.id, team_ids: [] },
      'a creation keeps the event payload',
    );
    const updated = recordOf(ofAgent, 'agent.updated');
    assert.deepEqual(
      updated.changes,
      { full_name: ['Before', 'After'], max_concurrent: [null, 4] },
      'only what changed (the email named with its own value did not)',
    );
    const event = (await eventPayloadOf(env, t.orgId, updated)) as { agent_id: string; fields: string[] };
    assert.deepEqual(
      [event.agent_id, [...event.fields].sort()],
      [agent.id, ['email', 'full_name', 'max_concurrent']],
      'the event sent to SSE and webhooks is unchanged: the fields named',
    );
    assert.deepEqual(recordOf(ofAgent, 'agent.capacity_changed').changes, { max_concurrent: [null, 4] });
    assert.deepEqual(recordOf(ofAgent, 'agent.availability_changed').changes, {
      status: ['working', 'lunch'],
    });
    const status = recordOf(await auditRecords(t.api, 'target_id=lunch'), 'presence_status.updated');
    assert.deepEqual(
      [status.target, status.changes],
      [{ type: 'presence_status', id: 'lunch' }, { label: ['Lunch', 'Lunch break'] }],
    );
    assert.deepEqual(await eventPayloadOf(env, t.orgId, status), { key: 'lunch', available: false });
  });

  it('records each agent a bulk call updates with its changed fields before and after', async () => {
    const t = await newTenant(env);
    const agent = expectJson<{ id: string }>(
      await t.api.post('/v1/agents', { email: 'bulk@example.com', full_name: 'Single', tags: ['a'] }),
      201,
    );
    expectJson(
      await t.api.post('/v1/agents/bulk', {
        agents: [{ email: 'BULK@example.com', full_name: 'Bulk', tags: ['a', 'vip'], role: 'agent' }],
        update: true,
      }),
      200,
    );
    const updated = recordOf(await auditRecords(t.api, `target_id=${agent.id}`), 'agent.updated');
    assert.deepEqual(updated.changes, { full_name: ['Single', 'Bulk'], tags: [['a'], ['a', 'vip']] });
  });

  it('records each agent of a bulk creation, though their events share one outbox row', async () => {
    const t = await newTenant(env);
    const agents = Array.from({ length: 25 }, (_, i) => ({
      email: `many${i}@example.com`,
      full_name: `M ${i}`,
    }));
    expectJson(await t.api.post('/v1/agents/bulk', { agents }), 200);
    const created = await auditRecords(t.api, 'action=agent.created');
    assert.equal(created.length, 25);
    assert.equal(new Set(created.map((r) => r.target.id)).size, 25, 'a record per agent');
    for (const record of created) {
      assert.deepEqual(await eventPayloadOf(env, t.orgId, record), {
        agent_id: record.target.id,
        team_ids: [],
      });
    }
    const [stored] = rowsOf<{ n: number }>(
      await env.database.db.execute(sql`
        SELECT group_size AS n FROM outbox
        WHERE org_id = ${t.orgId}::uuid AND type = 'agent.created'`),
    );
    assert.equal(stored?.n, 25, 'one group row');
  });

  it('records presence transitions of a heartbeat and a sign-out as the calling agent', async () => {
    const t = await newTenant(env);
    const { ctx, agentId } = await actAs(t.ctx, 'agent');
    const key = await buildKey(ctx, { scopes: ['presence:write'], agentId });
    const own = client(env.app, key.secret);
    expectNoContent(await own.post(`/v1/agents/${agentId}/presence/heartbeat`, { device_id: 'desk' }));
    expectNoContent(await own.delete(`/v1/agents/${agentId}/presence/devices/desk`));
    const records = await auditRecords(t.api, `target_id=${agentId}&action=agent.presence_changed`);
    assert.deepEqual(
      records.map((r) => [r.actor, r.changes]),
      [
        [
          { type: 'agent', key_id: key.row.id, agent_id: agentId },
          { connection: ['offline', 'online'], effective_status: ['offline', 'available'] },
        ],
        [
          { type: 'agent', key_id: key.row.id, agent_id: agentId },
          { connection: ['online', 'offline'], effective_status: ['available', 'offline'] },
        ],
      ],
    );
  });

  it('records team, org, conversation and webhook updates before and after, and deletions', async () => {
    const t = await newTenant(env);
    const team = expectJson<{ id: string }>(await t.api.post('/v1/teams', { name: 'Old name' }), 201);
    const other = expectJson<{ id: string }>(await t.api.post('/v1/teams', { name: 'Other' }), 201);
    const archived = expectJson<{ archived_at: string }>(
      await t.api.patch(`/v1/teams/${team.id}`, { name: 'New name', description: 'Desk', archived: true }),
      200,
    );
    expectJson(await t.api.patch(`/v1/teams/${team.id}`, { archived: false }), 200);
    const conversation = expectJson<{ id: string }>(
      await t.api.post('/v1/conversations', { team_id: team.id }),
      201,
    );
    expectJson(await t.api.post(`/v1/conversations/${conversation.id}/transfer`, { team_id: other.id }), 200);
    expectNoContent(await t.api.delete(`/v1/teams/${team.id}`));

    const ofTeam = await auditRecords(t.api, `target_id=${team.id}`);
    assert.deepEqual(recordOf(ofTeam, 'team.updated').changes, {
      name: ['Old name', 'New name'],
      description: [null, 'Desk'],
    });
    assert.match(archived.archived_at, ISO_UTC);
    const at = new Date(archived.archived_at).toISOString();
    assert.deepEqual(recordOf(ofTeam, 'team.archived').changes, { archived_at: [null, at] });
    assert.deepEqual(recordOf(ofTeam, 'team.unarchived').changes, { archived_at: [at, null] });
    assert.deepEqual(
      recordOf(ofTeam, 'team.deleted').changes,
      { team_id: team.id },
      'a deletion: the payload',
    );
    const transferred = recordOf(
      await auditRecords(t.api, `target_id=${conversation.id}`),
      'conversation.transferred',
    );
    assert.deepEqual(transferred.changes, { team_id: [team.id, other.id] });

    const master = client(env.app, TEST_MASTER_KEY);
    const orgName = expectJson<{ name: string }>(await master.get(`/v1/orgs/${t.orgId}`), 200).name;
    expectJson(await master.patch(`/v1/orgs/${t.orgId}`, { name: 'Renamed org' }), 200);
    const org = recordOf(await auditRecords(t.api, `target_id=${t.orgId}`), 'org.updated');
    assert.deepEqual([org.actor.type, org.changes], ['master', { name: [orgName, 'Renamed org'] }]);

    const url = 'http://127.0.0.1:9/changes';
    const hook = expectJson<{ id: string }>(
      await t.api.post('/v1/webhooks', { url, event_types: ['team.*'] }),
      201,
    );
    expectJson(
      await t.api.patch(`/v1/webhooks/${hook.id}`, { description: 'Desk hook', enabled: false }),
      200,
    );
    expectJson(await t.api.post(`/v1/webhooks/${hook.id}/rotate-secret`), 200);
    expectNoContent(await t.api.delete(`/v1/webhooks/${hook.id}`));
    const ofHook = await auditRecords(t.api, `target_id=${hook.id}`);
    assert.deepEqual(recordOf(ofHook, 'webhook.updated').changes, {
      description: [null, 'Desk hook'],
      enabled: [true, false],
    });
    assert.deepEqual(recordOf(ofHook, 'webhook.secret_rotated').changes, {
      secret: ['[redacted]', '[redacted]'],
    });
    assert.deepEqual(recordOf(ofHook, 'webhook.deleted').changes, {
      url: [url, null],
      event_types: [['team.*'], null],
      description: ['Desk hook', null],
      enabled: [false, null],
      secret: ['[redacted]', null],
    });
    assert.equal(JSON.stringify(ofHook).includes('whsec_'), false, 'no secret anywhere');
  });

  it('filters by action, target and actor, pages by keyset, and exports NDJSON', async () => {
    const t = await newTenant(env);
    for (let i = 0; i < 5; i++) {
      expectJson(await t.api.post('/v1/teams', { name: `Paged ${i}` }), 201);
    }
    const other = await buildKey(t.ctx, { scopes: ['*'] });
    expectJson(await client(env.app, other.secret).post('/v1/teams', { name: 'By the other key' }), 201);

    const page1 = await t.api.get('/v1/audit-log?action=team.created&limit=4');
    const first = expectJson<Record[]>(page1, 200);
    assert.equal(first.length, 4);
    const next = String(page1.headers.link).match(/<([^>]+)>; rel="next"/)?.[1];
    assert.ok(next, 'a next page');
    const second = expectJson<Record[]>(await t.api.get(next), 200);
    assert.equal(second.length, 2);
    const ids = [...first, ...second].map((r) => r.id);
    assert.deepEqual(ids, [...ids].sort().reverse(), 'newest first, no record twice');

    const byOther = expectJson<Record[]>(await t.api.get(`/v1/audit-log?actor_id=${other.row.id}`), 200);
    assert.deepEqual(
      byOther.map((r) => r.action),
      ['team.created'],
    );
    const target = byOther[0]?.target.id;
    const byTarget = expectJson<Record[]>(await t.api.get(`/v1/audit-log?target_id=${target}`), 200);
    assert.equal(byTarget.length, 1);
    const future = expectJson<Record[]>(
      await t.api.get(`/v1/audit-log?since=${new Date(Date.now() + 60_000).toISOString()}`),
      200,
    );
    assert.equal(future.length, 0);

    const exported = await t.api.get('/v1/audit-log/export?action=team.created');
    assert.equal(exported.statusCode, 200);
    assert.match(String(exported.headers['content-type']), /^application\/x-ndjson/);
    const lines = exported.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record);
    assert.equal(lines.length, 6);
    assert.deepEqual(
      lines.map((r) => r.id),
      [...ids].reverse(),
      'oldest first',
    );
  });

  it('is for owners and admins: an agent or supervisor key gets 403, another org sees nothing', async () => {
    const t = await newTenant(env);
    expectJson(await t.api.post('/v1/teams', { name: 'Private' }), 201);
    for (const role of ['agent', 'supervisor'] as const) {
      const { ctx, agentId } = await actAs(t.ctx, role);
      const key = await buildKey(ctx, { scopes: ['audit:read'], agentId });
      expectProblem(await client(env.app, key.secret).get('/v1/audit-log'), 403);
      expectProblem(await client(env.app, key.secret).get('/v1/audit-log/export'), 403);
    }
    const { ctx, agentId } = await actAs(t.ctx, 'admin');
    const admin = await buildKey(ctx, { scopes: ['audit:read'], agentId });
    assert.ok(expectJson<Record[]>(await client(env.app, admin.secret).get('/v1/audit-log'), 200).length > 0);
    const stranger = await newTenant(env);
    const theirs = expectJson<Record[]>(await stranger.api.get('/v1/audit-log'), 200);
    assert.equal(
      theirs.some((r) => r.action === 'team.created'),
      false,
    );
    const noScope = await buildKey(t.ctx, { scopes: ['teams:read'] });
    expectProblem(await client(env.app, noScope.secret).get('/v1/audit-log'), 403);
  });
});
