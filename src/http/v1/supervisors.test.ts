import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Static } from 'typebox';
import { buildAgent, buildKey } from '../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import {
  allPages,
  client,
  expectJson,
  expectNoContent,
  expectProblem,
  ISO_UTC,
  newTenant,
  sorted,
  type Tenant,
  UNKNOWN_ID,
} from '../../../test/http.js';
import type { SupervisedAgent, SupervisedAgentsResult, Supervisor } from './supervisors.schemas.js';

type SupervisorJson = Static<typeof Supervisor>;
type SupervisedJson = Static<typeof SupervisedAgent>;
type ResultJson = Static<typeof SupervisedAgentsResult>;

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

async function agentIds(t: Tenant, count: number, overrides = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push((await buildAgent(t.ctx, overrides)).id);
  }
  return ids;
}

const patch = (t: Tenant, id: string, body: unknown) => t.api.patch(`/v1/supervisors/${id}/agents`, body);

describe('/v1/supervisors', () => {
  it('assigns and unassigns in bulk, reporting every status, and lists the result', async () => {
    const t = await newTenant(env);
    const [boss, kept, fresh, leaving, outsider] = await agentIds(t, 5);
    const [disabled] = await agentIds(t, 1, { status: 'disabled' });
    assert.ok(boss && kept && fresh && leaving && outsider && disabled);
    expectJson(await patch(t, boss, { add: [kept, leaving] }), 200);

    const body = expectJson<ResultJson>(
      await patch(t, boss, {
        add: [fresh, kept, boss, disabled, UNKNOWN_ID],
        remove: [leaving, outsider],
      }),
      200,
    );
    assert.deepEqual(body.results, [
      { id: fresh, action: 'add', status: 'added' },
      { id: kept, action: 'add', status: 'duplicate' },
      { id: boss, action: 'add', status: 'not_available' },
      { id: disabled, action: 'add', status: 'not_available' },
      { id: UNKNOWN_ID, action: 'add', status: 'not_found' },
      { id: leaving, action: 'remove', status: 'removed' },
      { id: outsider, action: 'remove', status: 'not_member' },
    ]);
    const agents = expectJson<SupervisedJson[]>(await t.api.get(`/v1/supervisors/${boss}/agents`), 200);
    assert.deepEqual(
      agents.map((a) => a.id),
      sorted([kept, fresh]),
    );
    assert.match(agents[0]?.assigned_at ?? '', ISO_UTC);
    const supervisors = expectJson<SupervisorJson[]>(await t.api.get('/v1/supervisors'), 200);
    assert.deepEqual(
      supervisors.map((s) => [s.id, s.agent_count]),
      [[boss, 2]],
    );
  });

  it('pages supervisors and their agents with Link headers', async () => {
    const t = await newTenant(env);
    const [a, b, c, x, y, z] = await agentIds(t, 6);
    assert.ok(a && b && c && x && y && z);
    for (const boss of [a, b, c]) {
      expectJson(await patch(t, boss, { add: [x, y, z] }), 200);
    }
    const pages = await allPages<SupervisorJson>(t.api, '/v1/supervisors?limit=2');
    assert.deepEqual(
      pages.map((p) => p.map((s) => s.id)),
      [[a, b], [c]],
    );
    const agentPages = await allPages<SupervisedJson>(t.api, `/v1/supervisors/${a}/agents?limit=2`);
    assert.deepEqual(
      agentPages.flat().map((s) => s.id),
      [x, y, z],
    );
  });

  it('deletes a supervisor: 204, every assignment gone, and again 204', async () => {
    const t = await newTenant(env);
    const [boss, agent] = await agentIds(t, 2);
    assert.ok(boss && agent);
    expectJson(await patch(t, boss, { add: [agent] }), 200);
    expectNoContent(await t.api.delete(`/v1/supervisors/${boss}`));
    assert.deepEqual(expectJson(await t.api.get(`/v1/supervisors/${boss}/agents`), 200), []);
    assert.deepEqual(expectJson(await t.api.get('/v1/supervisors'), 200), []);
    expectNoContent(await t.api.delete(`/v1/supervisors/${boss}`));
  });

  it('disabling an agent through PATCH /v1/agents ends its assignments both ways', async () => {
    const t = await newTenant(env);
    const [top, middle, agent] = await agentIds(t, 3);
    assert.ok(top && middle && agent);
    expectJson(await patch(t, top, { add: [middle] }), 200);
    expectJson(await patch(t, middle, { add: [agent] }), 200);
    expectJson(await t.api.patch(`/v1/agents/${middle}`, { status: 'disabled' }), 200);
    assert.deepEqual(expectJson(await t.api.get('/v1/supervisors'), 200), []);
  });

  it('answers unknown supervisors 404, malformed input 400, too many ids 400, both lists 400', async () => {
    const t = await newTenant(env);
    const [boss] = await agentIds(t, 1);
    assert.ok(boss);
    expectProblem(await t.api.get(`/v1/supervisors/${UNKNOWN_ID}/agents`), 404, { code: 'agent_not_found' });
    expectProblem(await patch(t, UNKNOWN_ID, { add: [boss] }), 404, { code: 'agent_not_found' });
    expectProblem(await t.api.delete(`/v1/supervisors/${UNKNOWN_ID}`), 404, { code: 'agent_not_found' });
    expectProblem(await t.api.get('/v1/supervisors/not-a-uuid/agents'), 400, { paths: ['path.id'] });
    expectProblem(await patch(t, boss, { add: ['nope'] }), 400, { paths: ['body.add.0'] });
    expectProblem(await patch(t, boss, { add: [], extra: true }), 400, { paths: ['body.extra'] });
    const many = Array.from({ length: 1001 }, () => UNKNOWN_ID);
    expectProblem(await patch(t, boss, { add: many }), 400, { code: 'invalid_request' });
    expectProblem(await patch(t, boss, { add: [UNKNOWN_ID], remove: [UNKNOWN_ID] }), 400, {
      paths: ['body.remove'],
    });
  });

  it('refuses agents to a disabled supervisor with 409', async () => {
    const t = await newTenant(env);
    const [off] = await agentIds(t, 1, { status: 'disabled' });
    const [agent] = await agentIds(t, 1);
    assert.ok(off && agent);
    expectProblem(await patch(t, off, { add: [agent] }), 409, { code: 'conflict' });
  });

  it('lets owners and admins assign, and agent or supervisor roles only read', async () => {
    const t = await newTenant(env);
    const [boss, agent] = await agentIds(t, 2);
    assert.ok(boss && agent);
    for (const role of ['agent', 'supervisor', 'admin'] as const) {
      const me = await buildAgent(t.ctx, { role });
      const { secret } = await buildKey(t.ctx, {
        scopes: ['supervisors:read', 'supervisors:write'],
        agentId: me.id,
      });
      const api = client(env.app, secret);
      expectJson(await api.get('/v1/supervisors'), 200);
      const res = await api.patch(`/v1/supervisors/${boss}/agents`, { add: [agent] });
      if (role === 'admin') {
        expectJson(res, 200);
      } else {
        expectProblem(res, 403, { code: 'forbidden' });
        expectProblem(await api.delete(`/v1/supervisors/${boss}`), 403, { code: 'forbidden' });
      }
    }
  });

  it("a supervisor whose role is agent reads its agents' presence with its own key", async () => {
    const t = await newTenant(env);
    const me = await buildAgent(t.ctx, { role: 'agent' });
    const [watched] = await agentIds(t, 1);
    assert.ok(watched);
    expectJson(await patch(t, me.id, { add: [watched] }), 200);
    const { secret } = await buildKey(t.ctx, { scopes: ['presence:read'], agentId: me.id });
    const view = expectJson<{ agent_id: string }>(
      await client(env.app, secret).get(`/v1/agents/${watched}/presence`),
      200,
    );
    assert.equal(view.agent_id, watched);
  });
});
