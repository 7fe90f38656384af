import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listOrgFeedAfter, NIL_ID } from '../src/core/events/events.repo.js';
import { createTestApp, feedSettled, type TestApp } from './harness.js';
import { expectJson, newTenant, type Tenant } from './http.js';

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

async function eventsOf(t: Tenant, type: string): Promise<Record<string, unknown>[]> {
  await feedSettled(env.database.db);
  const events = await listOrgFeedAfter(env.database.db, t.orgId, { xid: '0', id: NIL_ID }, 1000);
  return events.filter((e) => e.type === type).map((e) => e.data);
}

describe('agent events modelled on Zendesk agent availability events', () => {
  it('agent.capacity_changed when the capacity moves, agent.teams_changed when teams change', async () => {
    const t = await newTenant(env);
    const agent = expectJson<{ id: string }>(
      await t.api.post('/v1/agents', { email: 'cap@example.com', full_name: 'Cap' }),
      201,
    );
    expectJson(await t.api.patch(`/v1/agents/${agent.id}`, { max_concurrent: 3 }), 200);
    expectJson(await t.api.patch(`/v1/agents/${agent.id}`, { max_concurrent: 3 }), 200);
    expectJson(await t.api.patch(`/v1/agents/${agent.id}`, { max_concurrent: 1 }), 200);
    assert.deepEqual(await eventsOf(t, 'agent.capacity_changed'), [
      { agent_id: agent.id, previous_max_concurrent: null, max_concurrent: 3 },
      { agent_id: agent.id, previous_max_concurrent: 3, max_concurrent: 1 },
    ]);
    const team = expectJson<{ id: string }>(await t.api.post('/v1/teams', { name: 'Teams changed' }), 201);
    expectJson(await t.api.patch(`/v1/teams/${team.id}/members`, { add: [agent.id] }), 200);
    expectJson(await t.api.patch(`/v1/teams/${team.id}/members`, { remove: [agent.id] }), 200);
    assert.deepEqual(await eventsOf(t, 'agent.teams_changed'), [
      { agent_id: agent.id, added_team_ids: [team.id], removed_team_ids: [] },
      { agent_id: agent.id, added_team_ids: [], removed_team_ids: [team.id] },
    ]);
  });

  it('presence and availability events carry the previous and the new effective status', async () => {
    const t = await newTenant(env);
    const agent = expectJson<{ id: string }>(
      await t.api.post('/v1/agents', { email: 'eff@example.com', full_name: 'Eff' }),
      201,
    );
    const beat = await t.api.post(`/v1/agents/${agent.id}/presence/heartbeat`, { device_id: 'd1' });
    assert.equal(beat.statusCode, 204);
    expectJson(await t.api.put(`/v1/agents/${agent.id}/availability`, { available: false }), 200);
    const [online] = await eventsOf(t, 'agent.presence_changed');
    assert.deepEqual([online?.previous_effective_status, online?.effective_status], ['offline', 'available']);
    const [away] = await eventsOf(t, 'agent.availability_changed');
    assert.deepEqual([away?.previous_effective_status, away?.effective_status], ['available', 'away']);
  });
});
