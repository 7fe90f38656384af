import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { expectJson, expectProblem, newTenant } from '../../../test/http.js';

/** Text the database cannot store is a client error naming the field, never a 500. */

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

describe('/v1 text holding NUL', () => {
  it('is refused with 400 naming the field, in bodies, nested values, keys and queries', async () => {
    const t = await newTenant(env);
    expectProblem(await t.api.post('/v1/teams', { name: 'Team\u0000A' }), 400, { paths: ['body.name'] });
    expectProblem(
      await t.api.post('/v1/agents', { email: 'a@b.org', full_name: 'A', tags: ['ok', 'n\u0000'] }),
      400,
      { paths: ['body.tags.1'] },
    );
    expectProblem(
      await t.api.post('/v1/agents', { email: 'a@b.org', full_name: 'A', attributes: { 'k\u0000': 1 } }),
      400,
      { paths: ['body.attributes.k\u0000'] },
    );
    expectProblem(await t.api.get('/v1/agents?q=%00'), 400, { paths: ['query.q'] });
  });
});

describe('/v1 input the database could not take', () => {
  it('refuses lone surrogates, nesting deeper than 32 levels and urn:uuid ids with 400 naming the field', async () => {
    const t = await newTenant(env);
    // Valid JSON, but no well-formed Unicode: PostgreSQL would refuse it.
    const lone = '{"name":"Team \\udfff"}';
    const res = await env.app.inject({
      method: 'POST',
      url: '/v1/teams',
      headers: { authorization: `Bearer ${t.key}`, 'content-type': 'application/json' },
      payload: lone,
    });
    expectProblem(res, 400, { paths: ['body.name'] });
    expectJson(await t.api.post('/v1/teams', { name: 'Team 😀' }), 201);

    // Written as text: JSON.stringify itself would overflow the stack on it.
    const deep = `{"email":"d@b.org","full_name":"D","attributes":${'{"a":'.repeat(10_000)}{}${'}'.repeat(10_000)}}`;
    const nested = await env.app.inject({
      method: 'POST',
      url: '/v1/agents',
      headers: { authorization: `Bearer ${t.key}`, 'content-type': 'application/json' },
      payload: deep,
    });
    const problem = expectProblem(nested, 400);
    assert.match(problem.detail, /nested too deeply/);
    let shallow: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 20; i++) {
      shallow = { a: shallow };
    }
    expectJson(
      await t.api.post('/v1/agents', { email: 's@b.org', full_name: 'S', attributes: shallow }),
      201,
    );

    expectProblem(await t.api.get('/v1/agents/urn:uuid:01a20262-ff63-70e7-8fa4-9c88ece0158a'), 400, {
      paths: ['path.id'],
    });
    expectProblem(await t.api.get('/v1/agents?skip=1e300'), 400, { paths: ['query.skip'] });
  });

  it('answers a path that is not valid UTF-8, or an over-long path id, in the dialect shape', async () => {
    const t = await newTenant(env);
    const bad = await t.api.get('/v1/orgs/%ED%A0%80');
    expectProblem(bad, 400, { code: 'invalid_request' });
    expectProblem(await t.api.get(`/v1/agents/${'a'.repeat(500)}`), 400, { paths: ['path.id'] });
    // Refused before routing, each in the shape of the dialect the path belongs to.
    const shapes: [path: string, keys: string[]][] = [
      ['/beta/teams/%ED%A0%80', ['message']],
      ['/v3/%ED%A0%80/project_users', ['msg', 'success']],
      ['/v1/telephony/config/%ED%A0%80', ['errors', 'message', 'trackingId']],
      ['/api/v1/livechat/%ED%A0%80', ['error', 'errorType', 'success']],
      ['/not-a-dialect/%ED%A0%80', ['code', 'detail', 'errors', 'request_id', 'status', 'title', 'type']],
    ];
    for (const [path, keys] of shapes) {
      const response = await t.api.get(path);
      assert.equal(response.statusCode, 400, path);
      assert.deepEqual(Object.keys(response.json()).sort(), keys, path);
      assert.ok(response.headers['x-request-id'], path);
    }
  });
});
