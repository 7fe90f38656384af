import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import { buildAgent, buildKey, buildOrg } from '../../../../test/factories.js';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from '../../../../test/harness.js';
import { client, expectStatus, newTenant, send } from '../../../../test/http.js';
import { expectWebexError, personId, SUPERVISORS } from '../../../../test/webex.js';
import { updateSupervisorAgents } from '../../../core/supervisors/supervisors.js';
import { installWebexErrors } from './errors.js';
import { toWebexId } from './ids.js';

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

describe('Webex errors', () => {
  it('401 without a valid key, with WWW-Authenticate, whatever the orgId', async () => {
    for (const url of [SUPERVISORS, `${SUPERVISORS}?orgId=garbage`]) {
      const res = await send(env.app, { method: 'GET', url });
      expectWebexError(res, 401);
      assert.equal(res.headers['www-authenticate'], 'Bearer');
    }
    expectWebexError(await client(env.app, 'roster_sk_unknown').get(SUPERVISORS), 401);
  });

  it("403 names Webex's scope beside Roster's", async () => {
    const t = await newTenant(env);
    const { secret } = await buildKey(t.ctx, { scopes: ['supervisors:read'] });
    const body = expectWebexError(
      await client(env.app, secret).post(SUPERVISORS, { id: personId(t.orgId), agents: [{ id: t.orgId }] }),
      403,
    );
    assert.match(body.message, /supervisors:write.*spark-admin:telephony_config_write/);
  });

  it('404 for an unknown path, 405 with Allow for a known path and another method', async () => {
    const t = await newTenant(env);
    expectWebexError(await t.api.get('/v1/telephony/config/queues'), 404);
    const patch = await t.api.patch(SUPERVISORS, {});
    expectWebexError(patch, 405);
    assert.equal(patch.headers.allow, 'DELETE, GET, HEAD, POST');
    const post = await t.api.post(`${SUPERVISORS}/${personId(t.orgId)}`, {});
    expectWebexError(post, 405);
    assert.equal(post.headers.allow, 'DELETE, GET, HEAD, PUT');
  });

  it('400 for malformed JSON or a bad field, 415 for a body that is not JSON', async () => {
    const t = await newTenant(env);
    const malformed = await t.api.post(SUPERVISORS, '{"id":', { 'content-type': 'application/json' });
    expectWebexError(malformed, 400);
    const field = expectWebexError(await t.api.post(SUPERVISORS, { id: 5, agents: [] }), 400);
    assert.ok(
      field.errors.some((e) => e.description.startsWith('body.id')),
      JSON.stringify(field),
    );
    expectWebexError(await t.api.post(SUPERVISORS, 'id=1', { 'content-type': 'text/plain' }), 415);
  });

  it('429 keeps Retry-After (or sets one) and 500 hides the message, in the Webex body', async () => {
    const app = Fastify({ logger: false });
    await app.register(async (scope) => {
      installWebexErrors(scope);
      scope.get('/limited', async (_request, reply) => {
        reply.header('retry-after', '7');
        throw Object.assign(new Error('Rate limit exceeded'), { statusCode: 429 });
      });
      scope.get('/limited-bare', async () => {
        throw Object.assign(new Error('Rate limit exceeded'), { statusCode: 429 });
      });
      scope.get('/broken', async () => {
        throw new Error('secret detail');
      });
    });
    const limited = await app.inject({ method: 'GET', url: '/limited' });
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.headers['retry-after'], '7');
    assert.equal(limited.json().message, 'Rate limit exceeded');
    const bare = await app.inject({ method: 'GET', url: '/limited-bare' });
    assert.equal(bare.statusCode, 429);
    assert.equal(bare.headers['retry-after'], '1');
    const broken = await app.inject({ method: 'GET', url: '/broken' });
    assert.equal(broken.statusCode, 500);
    assert.doesNotMatch(broken.body, /secret detail/);
    assert.deepEqual(Object.keys(broken.json()).sort(), ['errors', 'message', 'trackingId']);
    await app.close();
  });
});

describe('Webex orgId', () => {
  it('selects the org for the master key, in UUID or base64 ORGANIZATION form', async () => {
    const ctx = await buildOrg(env);
    const boss = (await buildAgent(ctx)).id;
    await updateSupervisorAgents(ctx, boss, { add: [(await buildAgent(ctx)).id], remove: [] });
    const master = client(env.app, TEST_MASTER_KEY);
    for (const orgId of [ctx.actor.orgId, toWebexId('ORGANIZATION', ctx.actor.orgId)]) {
      const res = await master.get(`${SUPERVISORS}?orgId=${orgId}`);
      expectStatus(res, 200);
      assert.deepEqual(
        (res.json() as { supervisors: { id: string }[] }).supervisors.map((s) => s.id),
        [personId(boss)],
      );
    }
    expectStatus(await master.get(SUPERVISORS), 200);
  });

  it("must be the key's own org otherwise (404), and an org id (400)", async () => {
    const t = await newTenant(env);
    const other = await buildOrg(env);
    expectStatus(await t.api.get(`${SUPERVISORS}?orgId=${t.orgId}&hasCxEssentials=false`), 200);
    expectWebexError(await t.api.get(`${SUPERVISORS}?orgId=${other.actor.orgId}`), 404);
    expectWebexError(
      await t.api.get(`${SUPERVISORS}?orgId=${toWebexId('ORGANIZATION', other.actor.orgId)}`),
      404,
    );
    expectWebexError(await t.api.get(`${SUPERVISORS}?orgId=${personId(t.orgId)}`), 400);
    expectWebexError(await t.api.get(`${SUPERVISORS}?orgId=garbage`), 400);
  });
});
