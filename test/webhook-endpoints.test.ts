import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createSender, EgressPolicy } from '../src/realtime/webhook-egress.js';
import { createTestApp, type TestApp } from './harness.js';
import { expectJson, expectNoContent, expectProblem, newTenant, type Tenant } from './http.js';
import { type Receiver, startReceiver } from './webhook-receiver.js';

let env: TestApp;
let receiver: Receiver;

before(async () => {
  // Only 127.0.0.1, as written, is allowed: every other loopback form must be refused.
  env = await createTestApp({ webhookAllowHosts: ['127.0.0.1'] });
  receiver = await startReceiver();
});

after(async () => {
  await receiver.close();
  await env.close();
});

async function createWebhook(t: Tenant) {
  return expectJson<{ id: string; secret: string }>(
    await t.api.post('/v1/webhooks', { url: `${receiver.base}/hook`, event_types: ['team.*'] }),
    201,
  );
}

describe('webhook endpoints and SSRF', () => {
  it('refuses non-public receivers not on the allow list, at creation and when sending', async () => {
    const t = await newTenant(env);
    const port = receiver.port;
    for (const url of [
      `http://127.0.0.2:${port}/hook`,
      `http://[::1]:${port}/hook`,
      `http://localhost:${port}/hook`,
      `ftp://127.0.0.1:${port}/hook`,
      'not a url',
    ]) {
      expectProblem(await t.api.post('/v1/webhooks', { url, event_types: ['team.*'] }), 400, {
        paths: ['body.url'],
      });
    }
    const hook = await createWebhook(t);
    expectProblem(await t.api.patch(`/v1/webhooks/${hook.id}`, { url: `http://localhost:${port}/x` }), 400, {
      paths: ['body.url'],
    });
    // At send time: a name is checked at connect time, after resolution; a literal before connecting.
    const send = createSender(new EgressPolicy(['127.0.0.1']));
    for (const url of [
      `http://localhost:${port}/sent`,
      `http://127.0.0.2:${port}/sent`,
      `http://[::1]:${port}/sent`,
    ]) {
      const result = await send({ url, headers: {}, body: '{}', timeoutMs: 2_000 });
      assert.equal(result.kind, 'error', url);
      assert.match(result.kind === 'error' ? result.error : '', /refused/);
    }
    assert.equal(
      receiver.received.filter((r) => r.path === '/sent').length,
      0,
      'nothing reached the receiver',
    );
    const ok = await send({ url: `${receiver.base}/sent`, headers: {}, body: '{}', timeoutMs: 2_000 });
    assert.equal(ok.kind === 'response' && ok.status, 204, 'the allowed host is reached');
  });

  it('validates event types naming the item, and answers 404 for another org and 403 without the scope', async () => {
    const t = await newTenant(env);
    const other = await newTenant(env);
    expectProblem(
      await t.api.post('/v1/webhooks', { url: `${receiver.base}/hook`, event_types: ['team.*', 'Bad Type'] }),
      400,
      { paths: ['body.event_types[1]'] },
    );
    expectProblem(await t.api.post('/v1/webhooks', { url: `${receiver.base}/hook`, event_types: [] }), 400);
    const theirs = await createWebhook(other);
    expectProblem(await t.api.get(`/v1/webhooks/${theirs.id}`), 404);
    expectProblem(await t.api.patch(`/v1/webhooks/${theirs.id}`, { enabled: false }), 404);
    expectProblem(await t.api.delete(`/v1/webhooks/${theirs.id}`), 404);
    expectProblem(await t.api.get(`/v1/webhooks/${theirs.id}/deliveries`), 404);
    expectProblem(await t.api.post(`/v1/webhooks/${theirs.id}/test`), 404);
    const mine = await createWebhook(t);
    expectNoContent(await t.api.delete(`/v1/webhooks/${mine.id}`));
    expectProblem(await t.api.get(`/v1/webhooks/${mine.id}`), 404);
  });
});

describe('the webhook sender', () => {
  it('gives up on a receiver that never answers once the attempt times out, and stays refusing', async () => {
    const silent = createServer(() => {
      // Accepts the request and never answers it.
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const send = createSender(new EgressPolicy(['127.0.0.1']));
      for (let i = 0; i < 2; i++) {
        const started = performance.now();
        const result = await send({
          url: `http://127.0.0.1:${port}/slow`,
          headers: {},
          body: '{}',
          timeoutMs: 300,
        });
        assert.deepEqual(result.kind === 'error' && result.error, 'timed out after 300 ms');
        assert.ok(performance.now() - started >= 290, 'not before the timeout');
        // The same refused URL, judged once and remembered, is refused again.
        const refused = await send({
          url: `http://127.0.0.2:${port}/x`,
          headers: {},
          body: '{}',
          timeoutMs: 300,
        });
        assert.match(refused.kind === 'error' ? refused.error : '', /^refused: 127\.0\.0\.2/);
      }
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
