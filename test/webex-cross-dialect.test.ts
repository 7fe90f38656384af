import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildAgent } from './factories.js';
import { createTestApp, type TestApp } from './harness.js';
import { expectJson, expectNoContent, expectProblem, expectStatus, newTenant, sorted } from './http.js';
import { expectWebexError, personId, SUPERVISORS } from './webex.js';

/**
 * The Webex dialect and the native API share the /v1 prefix and one core: what one does, the
 * other sees; and neither's error body, 404 or validation leaks into the other.
 */

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

describe('Webex and /v1: one set of supervisor assignments', () => {
  it('assignments made through Webex are visible in /v1, and the other way round', async () => {
    const t = await newTenant(env);
    const boss = (await buildAgent(t.ctx)).id;
    const [a, b] = [(await buildAgent(t.ctx)).id, (await buildAgent(t.ctx)).id];
    expectStatus(await t.api.post(SUPERVISORS, { id: personId(boss), agents: [{ id: personId(a) }] }), 201);
    const listed = expectJson<{ id: string; agent_count: number }[]>(await t.api.get('/v1/supervisors'), 200);
    assert.deepEqual(
      listed.map((s) => [s.id, s.agent_count]),
      [[boss, 1]],
    );
    expectJson(await t.api.patch(`/v1/supervisors/${boss}/agents`, { add: [b] }), 200);
    const detail = await t.api.get(`${SUPERVISORS}/${boss}`);
    expectStatus(detail, 200);
    assert.deepEqual(
      sorted((detail.json() as { agents: { id: string }[] }).agents.map((x) => x.id)),
      sorted([personId(a), personId(b)]),
    );
    const dup = await t.api.put(`${SUPERVISORS}/${personId(boss)}`, { agents: [{ id: b, action: 'ADD' }] });
    expectStatus(dup, 206);
    assert.equal(
      (dup.json() as { supervisorAgentStatus: { message: string }[] }).supervisorAgentStatus[0]?.message,
      `[Error 6612] Agent ${b} is already assigned to the supervisor.`,
    );
  });

  it('disabling or deleting an agent in /v1 takes it out of Webex supervision both ways', async () => {
    const t = await newTenant(env);
    const [top, middle, leaf] = [
      (await buildAgent(t.ctx)).id,
      (await buildAgent(t.ctx)).id,
      (await buildAgent(t.ctx)).id,
    ];
    expectStatus(await t.api.post(SUPERVISORS, { id: top, agents: [{ id: middle }, { id: leaf }] }), 201);
    expectStatus(await t.api.post(SUPERVISORS, { id: middle, agents: [{ id: leaf }] }), 201);
    expectJson(await t.api.patch(`/v1/agents/${middle}`, { status: 'disabled' }), 200);
    expectWebexError(await t.api.get(`${SUPERVISORS}/${personId(middle)}`), 404);
    const topDetail = await t.api.get(`${SUPERVISORS}/${personId(top)}`);
    assert.deepEqual(
      (topDetail.json() as { agents: { id: string }[] }).agents.map((x) => x.id),
      [personId(leaf)],
    );
    expectNoContent(await t.api.delete(`/v1/agents/${leaf}`));
    expectWebexError(await t.api.get(`${SUPERVISORS}/${personId(top)}`), 404);
    assert.deepEqual(expectJson(await t.api.get('/v1/supervisors'), 200), []);
  });
});

describe('Webex and /v1: errors stay in their dialect', () => {
  it('a 404 under /v1 is a problem+json, under /v1/telephony/config a Webex error', async () => {
    const t = await newTenant(env);
    expectProblem(await t.api.get('/v1/nope'), 404, { code: 'not_found' });
    expectProblem(await t.api.get('/v1/telephony/nope'), 404, { code: 'not_found' });
    expectProblem(await t.api.get('/v1/supervisors/01a20193-ff99-73e9-9336-0ee261bac31b/agents'), 404, {
      code: 'agent_not_found',
    });
    expectWebexError(await t.api.get('/v1/telephony/config/nope'), 404);
    expectWebexError(await t.api.get(`${SUPERVISORS}/01a20193-ff99-73e9-9336-0ee261bac31b`), 404);
  });

  it('a 400 under /v1 is a problem+json, under /v1/telephony/config a Webex error', async () => {
    const t = await newTenant(env);
    const boss = (await buildAgent(t.ctx)).id;
    expectProblem(await t.api.patch(`/v1/supervisors/${boss}/agents`, { add: 'x' }), 400, {
      paths: ['body.add'],
    });
    expectProblem(await t.api.get('/v1/supervisors?limit=1000'), 400, { paths: ['query.limit'] });
    const webex = expectWebexError(await t.api.put(`${SUPERVISORS}/${personId(boss)}`, { agents: 'x' }), 400);
    assert.ok(
      webex.errors.some((e) => e.description.startsWith('body.agents')),
      JSON.stringify(webex),
    );
    expectWebexError(await t.api.get(`${SUPERVISORS}?max=1001`), 400);
  });

  it('a 401 in each dialect carries its own body', async () => {
    const none = { method: 'GET' as const, url: '/v1/supervisors' };
    expectProblem(await env.app.inject(none), 401, { code: 'unauthenticated' });
    expectWebexError(await env.app.inject({ method: 'GET', url: SUPERVISORS }), 401);
  });
});
