import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actAs, buildAgent, buildKey } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { client, expectJson, expectProblem, newTenant, nextLink, UNKNOWN_ID } from '../../../test/http.js';
import { buildRoutedTeam } from '../../core/routing/routing-test-support.js';

let env: TestApp;

before(async () => {
  env = await createTestApp();
});

after(async () => {
  await env.close();
});

interface Conversation {
  id: string;
  team_id: string | null;
  assignee_id: string | null;
  status: string;
  channel: string | null;
  external_id: string | null;
  priority: number;
  metadata: Record<string, unknown>;
  assigned_at: string | null;
  closed_at: string | null;
}

interface PresenceView {
  active_conversations: number;
  capacity: number;
  effective_status: string;
}

describe('/v1/conversations', () => {
  it('routes at once, queues when nobody has room, and drains on close', async () => {
    const t = await newTenant(env);
    const { teamId, agentIds } = await buildRoutedTeam(t.ctx, { size: 1, capacity: 1 });
    const agentId = agentIds[0] ?? '';
    const first = expectJson<Conversation>(
      await t.api.post('/v1/conversations', {
        team_id: teamId,
        channel: 'chat',
        metadata: { topic: 'refund' },
      }),
      201,
    );
    assert.equal(first.status, 'assigned');
    assert.equal(first.assignee_id, agentId);
    assert.deepEqual(first.metadata, { topic: 'refund' });
    const second = expectJson<Conversation>(await t.api.post('/v1/conversations', { team_id: teamId }), 201);
    assert.deepEqual([second.status, second.assignee_id, second.assigned_at], ['queued', null, null]);

    const presence = expectJson<PresenceView>(await t.api.get(`/v1/agents/${agentId}/presence`), 200);
    assert.deepEqual(
      [presence.active_conversations, presence.capacity, presence.effective_status],
      [1, 1, 'busy'],
    );
    const teammate = expectJson<{ number_assigned_requests: number; isBusy: boolean }>(
      await t.api.get(`/v3/${t.orgId}/project_users/${agentId}`),
      200,
    );
    assert.deepEqual([teammate.number_assigned_requests, teammate.isBusy], [1, true]);

    const closed = expectJson<Conversation>(
      await t.api.patch(`/v1/conversations/${first.id}`, { status: 'closed' }),
      200,
    );
    assert.equal(closed.status, 'closed');
    assert.equal(closed.assignee_id, agentId);
    assert.ok(closed.closed_at);
    const drained = expectJson<Conversation>(await t.api.get(`/v1/conversations/${second.id}`), 200);
    assert.equal(drained.assignee_id, agentId);

    const queue = expectJson<Conversation[]>(
      await t.api.get(`/v1/conversations?status=assigned&team_id=${teamId}`),
      200,
    );
    assert.deepEqual(
      queue.map((c) => c.id),
      [second.id],
    );
  });

  it('answers 200 with the existing conversation for a repeated external_id', async () => {
    const t = await newTenant(env);
    const body = { external_id: 'zendesk-42', channel: 'Email' };
    const created = expectJson<Conversation>(await t.api.post('/v1/conversations', body), 201);
    const again = expectJson<Conversation>(
      await t.api.post('/v1/conversations', { ...body, priority: 9 }),
      200,
    );
    assert.equal(again.id, created.id);
    assert.equal(again.priority, 0);
  });

  it('assigns to agent_id, enforcing capacity unless forced', async () => {
    const t = await newTenant(env);
    const agent = await buildAgent(t.ctx, { maxConcurrent: 1 });
    expectJson(await t.api.post('/v1/conversations', { agent_id: agent.id }), 201);
    expectProblem(await t.api.post('/v1/conversations', { agent_id: agent.id }), 409, {
      code: 'agent_at_capacity',
      paths: ['body.agent_id'],
    });
    const { ctx: agentCtx } = await actAs(t.ctx, 'agent', ['conversations:write']);
    const bound = await buildKey(t.ctx, {
      scopes: ['conversations:write'],
      agentId: agentCtx.actor.agent?.id,
    });
    expectProblem(
      await client(env.app, bound.secret).post('/v1/conversations', { agent_id: agent.id, force: true }),
      403,
    );
    const forced = expectJson<Conversation>(
      await t.api.post('/v1/conversations', { agent_id: agent.id, force: true }),
      201,
    );
    assert.equal(forced.assignee_id, agent.id);
  });

  it('transfers to a team or an agent', async () => {
    const t = await newTenant(env);
    const a = await buildRoutedTeam(t.ctx, { size: 1 });
    const b = await buildRoutedTeam(t.ctx, { size: 1 });
    const c = expectJson<Conversation>(await t.api.post('/v1/conversations', { team_id: a.teamId }), 201);
    const moved = expectJson<Conversation>(
      await t.api.post(`/v1/conversations/${c.id}/transfer`, { team_id: b.teamId }),
      200,
    );
    assert.deepEqual([moved.team_id, moved.assignee_id], [b.teamId, b.agentIds[0]]);
    const direct = expectJson<Conversation>(
      await t.api.post(`/v1/conversations/${c.id}/transfer`, { agent_id: a.agentIds[0] }),
      200,
    );
    assert.deepEqual([direct.team_id, direct.assignee_id], [b.teamId, a.agentIds[0]]);
    expectProblem(await t.api.post(`/v1/conversations/${c.id}/transfer`, {}), 400, {
      code: 'invalid_request',
    });
    expectProblem(await t.api.post(`/v1/conversations/${c.id}/transfer`, { team_id: UNKNOWN_ID }), 404, {
      code: 'team_not_found',
    });
  });

  it('validates input and pages lists', async () => {
    const t = await newTenant(env);
    expectProblem(await t.api.post('/v1/conversations', { priority: 'high' }), 400, {
      paths: ['body.priority'],
    });
    expectProblem(await t.api.patch(`/v1/conversations/${UNKNOWN_ID}`, { status: 'open' }), 400);
    expectProblem(await t.api.get(`/v1/conversations/${UNKNOWN_ID}`), 404, {
      code: 'conversation_not_found',
    });
    expectProblem(await t.api.post('/v1/conversations', { team_id: UNKNOWN_ID }), 404, {
      code: 'team_not_found',
    });
    for (let i = 0; i < 3; i++) {
      expectJson(await t.api.post('/v1/conversations', { channel: 'chat' }), 201);
    }
    const res = await t.api.get('/v1/conversations?limit=2&channel=chat');
    assert.equal(expectJson<Conversation[]>(res, 200).length, 2);
    const next = nextLink(res);
    assert.ok(next);
    assert.equal(expectJson<Conversation[]>(await t.api.get(next), 200).length, 1);
  });

  it('sets and shows the routing mode of a team', async () => {
    const t = await newTenant(env);
    const team = expectJson<{ id: string; routing: string }>(
      await t.api.post('/v1/teams', {
        name: 'Escalations',
        routing: 'round_robin',
        default_max_concurrent: 3,
      }),
      201,
    );
    assert.equal(team.routing, 'round_robin');
    const patched = expectJson<{ routing: string }>(
      await t.api.patch(`/v1/teams/${team.id}`, { routing: 'manual' }),
      200,
    );
    assert.equal(patched.routing, 'manual');
    const listed = expectJson<{ routing: string }[]>(await t.api.get('/v1/teams'), 200);
    assert.deepEqual(
      listed.map((x) => x.routing),
      ['manual'],
    );
    expectProblem(await t.api.patch(`/v1/teams/${team.id}`, { routing: 'random' }), 400, {
      paths: ['body.routing'],
    });
    const plain = expectJson<{ routing: string }>(await t.api.post('/v1/teams', { name: 'Default' }), 201);
    assert.equal(plain.routing, 'least_busy');
  });
});
