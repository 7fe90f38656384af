/** The /v1 conventions (paging, errors, ids, times), shown on /v1/teams. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildTeam } from '../../../test/factories.js';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from '../../../test/harness.js';
import {
  allPages,
  client,
  defined,
  expectJson,
  expectProblem,
  ids,
  newTenant,
  nextLink,
  sorted,
  UUID_V7,
} from '../../../test/http.js';
import { createTeam, type SummaryJson } from './teams-test-support.js';

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

describe('/v1 conventions, shown on /v1/teams', () => {
  it('limit defaults to 50 and is at most 100', async () => {
    const t = await newTenant(env);
    for (let i = 0; i < 51; i++) {
      await buildTeam(t.ctx);
    }
    const res = await t.api.get('/v1/teams');
    assert.equal(expectJson<SummaryJson[]>(res, 200).length, 50);
    const rest = defined(nextLink(res), 'Link rel="next"');
    const last = await t.api.get(rest);
    assert.equal(expectJson<SummaryJson[]>(last, 200).length, 1);
    assert.equal(nextLink(last), null);

    assert.equal(expectJson<SummaryJson[]>(await t.api.get('/v1/teams?limit=100'), 200).length, 51);
    expectProblem(await t.api.get('/v1/teams?limit=101'), 400, {
      code: 'invalid_request',
      paths: ['query.limit'],
    });
    expectProblem(await t.api.get('/v1/teams?limit=0'), 400, { paths: ['query.limit'] });
    expectProblem(await t.api.get('/v1/teams?limit=ten'), 400, { paths: ['query.limit'] });
    expectProblem(await t.api.get('/v1/teams?skip=-1'), 400, { paths: ['query.skip'] });
  });

  it('skip skips, and Link rel="next" leads through every page without overlap', async () => {
    const t = await newTenant(env);
    const created = [];
    for (let i = 0; i < 5; i++) {
      created.push(await buildTeam(t.ctx));
    }
    const all = sorted(ids(created));

    const skipped = expectJson<SummaryJson[]>(await t.api.get('/v1/teams?skip=2&limit=2'), 200);
    assert.deepEqual(ids(skipped), all.slice(2, 4));
    assert.deepEqual(ids(expectJson<SummaryJson[]>(await t.api.get('/v1/teams?skip=5'), 200)), []);

    const full = await t.api.get('/v1/teams?limit=5');
    assert.equal(expectJson<SummaryJson[]>(full, 200).length, 5);
    assert.equal(nextLink(full), null, 'no Link when no more rows exist');

    const pages = await allPages<SummaryJson>(t.api, '/v1/teams?limit=2');
    assert.deepEqual(
      pages.map((p) => ids(p)),
      [all.slice(0, 2), all.slice(2, 4), all.slice(4)],
    );

    const fromSkip = await t.api.get('/v1/teams?skip=1&limit=2');
    const link = defined(nextLink(fromSkip));
    assert.ok(!link.includes('skip='), `the next page does not skip again: ${link}`);
    assert.deepEqual(ids(expectJson<SummaryJson[]>(await t.api.get(link), 200)), all.slice(3, 5));

    expectProblem(await t.api.get('/v1/teams?after=not-a-cursor'), 400, { paths: ['query.after'] });
  });

  it('the master key keeps its org_id when following Link', async () => {
    const t = await newTenant(env);
    const created = [];
    for (let i = 0; i < 3; i++) {
      created.push(await buildTeam(t.ctx));
    }
    await buildTeam(env.masterCtx);
    const master = client(env.app, TEST_MASTER_KEY);
    const pages = await allPages<SummaryJson>(master, `/v1/teams?org_id=${t.orgId}&limit=2`);
    assert.deepEqual(ids(pages.flat()), sorted(ids(created)));
  });

  it('answers 400 for a path id that is not a UUID, naming it', async () => {
    const t = await newTenant(env);
    const team = await createTeam(t, { name: 'Paths' });
    expectProblem(await t.api.get('/v1/teams/123'), 400, { code: 'invalid_request', paths: ['path.id'] });
    expectProblem(await t.api.patch('/v1/teams/not-a-uuid', { name: 'x' }), 400, { paths: ['path.id'] });
    expectProblem(await t.api.delete(`/v1/teams/${team.id}/members/bob`), 400, { paths: ['path.agent_id'] });
  });

  it('answers 400 naming the field for unknown, mistyped and missing fields', async () => {
    const t = await newTenant(env);
    const team = await createTeam(t, { name: 'Bodies' });
    expectProblem(await t.api.post('/v1/teams', { name: 'A', colour: 'red' }), 400, {
      code: 'invalid_request',
      paths: ['body.colour'],
    });
    expectProblem(await t.api.post('/v1/teams', { name: 5 }), 400, { paths: ['body.name'] });
    expectProblem(await t.api.post('/v1/teams', { name: 'A', description: ['a'] }), 400, {
      paths: ['body.description'],
    });
    expectProblem(await t.api.post('/v1/teams', { description: 'no name' }), 400, { paths: ['body.name'] });
    expectProblem(await t.api.post(`/v1/teams/${team.id}/members`, {}), 400, { paths: ['body.agent_id'] });
    expectProblem(await t.api.post(`/v1/teams/${team.id}/members`, { user_id: 'bob' }), 400, {
      paths: ['body.user_id'],
    });
    expectProblem(await t.api.patch(`/v1/teams/${team.id}/members`, { add: 'x' }), 400, {
      paths: ['body.add'],
    });
    expectProblem(await t.api.get('/v1/teams?colour=red'), 400, { paths: ['query.colour'] });
    assert.deepEqual(ids(expectJson<SummaryJson[]>(await t.api.get('/v1/teams'), 200)), [team.id]);
  });

  it('answers 415 to a body that is not JSON, 413 over 1 MiB, 400 to malformed JSON', async () => {
    const t = await newTenant(env);
    expectProblem(await t.api.post('/v1/teams', 'name=Text', { 'content-type': 'text/plain' }), 415, {
      code: 'unsupported_media_type',
    });
    expectProblem(
      await t.api.post('/v1/teams', 'name=Form', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      { code: 'unsupported_media_type' },
    );
    const big = JSON.stringify({ name: 'Big', description: 'x'.repeat(1024 * 1024) });
    expectProblem(await t.api.post('/v1/teams', big, { 'content-type': 'application/json' }), 413, {
      code: 'payload_too_large',
    });
    expectProblem(
      await t.api.post('/v1/teams', '{"name": "Broken"', { 'content-type': 'application/json' }),
      400,
      {
        code: 'invalid_request',
      },
    );
    assert.deepEqual(expectJson<SummaryJson[]>(await t.api.get('/v1/teams'), 200), []);
  });

  it('answers 404 problem+json for an unknown /v1 path', async () => {
    const t = await newTenant(env);
    expectProblem(await t.api.get('/v1/nowhere'), 404, { code: 'not_found' });
  });

  it('puts the X-Request-Id header into every error and echoes an incoming one', async () => {
    const t = await newTenant(env);
    const generated = await t.api.get('/v1/teams/123');
    const problem = expectProblem(generated, 400);
    assert.match(problem.request_id, UUID_V7);

    const given = await t.api.get('/v1/teams/123', { 'x-request-id': 'trace-abc.123' });
    assert.equal(given.headers['x-request-id'], 'trace-abc.123');
    assert.equal(expectProblem(given, 400).request_id, 'trace-abc.123');

    const unauth = await client(env.app, null).get('/v1/teams', { 'x-request-id': 'trace-unauth' });
    assert.equal(expectProblem(unauth, 401, { code: 'unauthenticated' }).request_id, 'trace-unauth');

    const ok = await t.api.get('/v1/teams', { 'x-request-id': 'trace-ok' });
    expectJson(ok, 200);
    assert.equal(ok.headers['x-request-id'], 'trace-ok');

    const unsafe = await t.api.get('/v1/teams', { 'x-request-id': 'has spaces<script>' });
    assert.notEqual(unsafe.headers['x-request-id'], 'has spaces<script>');
    assert.match(String(unsafe.headers['x-request-id']), UUID_V7);
  });
});
