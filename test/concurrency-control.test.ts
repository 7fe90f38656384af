import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from './harness.js';
import { expectJson, expectNoContent, expectProblem, newTenant, UNKNOWN_ID } from './http.js';

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

const ifMatch = (etag: string) => ({ 'if-match': etag });

describe('optimistic concurrency: ETag and If-Match', () => {
  it('teams: GET gives the ETag, a stale If-Match is 412 and changes nothing, members move the ETag', async () => {
    const t = await newTenant(env);
    const team = expectJson<{ id: string }>(await t.api.post('/v1/teams', { name: 'Versioned' }), 201);
    const url = `/v1/teams/${team.id}`;
    const read = await t.api.get(url);
    const etag = String(read.headers.etag);
    assert.match(etag, /^"\d+"$/);

    const changed = await t.api.patch(url, { description: 'first' }, ifMatch(etag));
    expectJson(changed, 200);
    const next = String(changed.headers.etag);
    assert.notEqual(next, etag);
    assert.equal((await t.api.get(url)).headers.etag, next, 'GET shows what PATCH returned');

    expectProblem(await t.api.patch(url, { description: 'lost update' }, ifMatch(etag)), 412, {
      code: 'precondition_failed',
    });
    expectProblem(await t.api.delete(url, ifMatch(etag)), 412, { code: 'precondition_failed' });
    assert.equal(expectJson<{ description: string }>(await t.api.get(url), 200).description, 'first');

    // A member joining is a change of the team.
    const agent = expectJson<{ id: string }>(
      await t.api.post('/v1/agents', { email: 'm@etag.test', full_name: 'M' }),
      201,
    );
    expectJson(await t.api.patch(`${url}/members`, { add: [agent.id] }), 200);
    const afterMembers = String((await t.api.get(url)).headers.etag);
    assert.notEqual(afterMembers, next);
    expectProblem(await t.api.patch(url, { description: 'x' }, ifMatch(next)), 412);

    expectNoContent(await t.api.delete(url, ifMatch(afterMembers)));
  });

  it('agents: the same rules', async () => {
    const t = await newTenant(env);
    const agent = expectJson<{ id: string }>(
      await t.api.post('/v1/agents', { email: 'a@etag.test', full_name: 'A' }),
      201,
    );
    const url = `/v1/agents/${agent.id}`;
    const etag = String((await t.api.get(url)).headers.etag);
    const renamed = await t.api.patch(url, { full_name: 'A. Renamed' }, ifMatch(etag));
    expectJson(renamed, 200);
    expectProblem(await t.api.patch(url, { full_name: 'Lost' }, ifMatch(etag)), 412, {
      code: 'precondition_failed',
    });
    expectProblem(await t.api.delete(url, ifMatch(etag)), 412);
    expectNoContent(await t.api.delete(url, ifMatch(String(renamed.headers.etag))));
  });

  it('If-Match: * and no header impose nothing; weak or malformed tags never match; unknown ids are 404', async () => {
    const t = await newTenant(env);
    const team = expectJson<{ id: string }>(await t.api.post('/v1/teams', { name: 'Tags' }), 201);
    const url = `/v1/teams/${team.id}`;
    const etag = String((await t.api.get(url)).headers.etag);
    expectProblem(await t.api.patch(url, { description: 'w' }, ifMatch(`W/${etag}`)), 412);
    expectProblem(await t.api.patch(url, { description: 'm' }, ifMatch('not-a-tag')), 412);
    expectJson(await t.api.patch(url, { description: 'list' }, ifMatch(`"999999", ${etag}`)), 200);
    expectJson(await t.api.patch(url, { description: 'star' }, ifMatch('*')), 200);
    expectJson(await t.api.patch(url, { description: 'none' }), 200);
    expectProblem(await t.api.patch(`/v1/teams/${UNKNOWN_ID}`, { description: 'x' }, ifMatch('"1"')), 404);
  });

  it('of 20 concurrent PATCHes holding one ETag, exactly one succeeds', async () => {
    const t = await newTenant(env);
    const team = expectJson<{ id: string }>(await t.api.post('/v1/teams', { name: 'Race' }), 201);
    const url = `/v1/teams/${team.id}`;
    const etag = String((await t.api.get(url)).headers.etag);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => t.api.patch(url, { description: `writer ${i}` }, ifMatch(etag))),
    );
    const statuses = results.map((r) => r.statusCode).sort();
    assert.deepEqual(statuses, [200, ...Array(19).fill(412)]);
    const winner = results.find((r) => r.statusCode === 200);
    assert.ok(winner);
    const { description } = winner.json() as { description: string };
    assert.equal(expectJson<{ description: string }>(await t.api.get(url), 200).description, description);
  });
});
