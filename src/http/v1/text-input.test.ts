import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/harness.js';
import { expectProblem, newTenant } from '../../../test/http.js';

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
