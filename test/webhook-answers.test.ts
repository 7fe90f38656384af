import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { WebhookDispatcher } from '../src/realtime/webhook-dispatcher.js';
import { createTestApp, type TestApp } from './harness.js';
import { expectJson, newTenant } from './http.js';
import { type Receiver, startReceiver, startTestSender, type TestSender } from './webhook-receiver.js';

// What a receiver answers is kept in the delivery log as an excerpt; whatever it holds, the log
// is saved and the endpoint moves on to its next event.

let env: TestApp;
let receiver: Receiver;
let sender: TestSender;
let dispatcher: WebhookDispatcher;

before(async () => {
  env = await createTestApp({ webhookAllowHosts: ['127.0.0.1'] });
  receiver = await startReceiver();
  sender = startTestSender(env, () => new Date());
  dispatcher = sender.dispatcher;
});

after(async () => {
  await sender.stop();
  await receiver.close();
  await env.close();
});

/** Sends two `team.created` events to a new endpoint answering `answer`; returns its delivery log. */
async function deliverTwo(path: string, answer: string) {
  const t = await newTenant(env);
  receiver.received.length = 0;
  receiver.answer = () => ({ status: 200, body: answer });
  const hook = expectJson<{ id: string }>(
    await t.api.post('/v1/webhooks', { url: `${receiver.base}${path}`, event_types: ['team.created'] }),
    201,
  );
  for (const name of ['First', 'Second']) {
    expectJson(await t.api.post('/v1/teams', { name }), 201);
  }
  // On PostgreSQL an event joins the feed once no older transaction is open on the server.
  const deadline = Date.now() + 10_000;
  while (receiver.received.length < 2 && Date.now() < deadline) {
    await dispatcher.runDue();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await dispatcher.idle();
  assert.deepEqual(
    receiver.received.map((r) => (JSON.parse(r.body) as { data: { name: string } }).data.name),
    ['First', 'Second'],
    "each event was sent once, in order: the first one's log was saved",
  );
  const log = expectJson<{ outcome: string; response_excerpt: string }[]>(
    await t.api.get(`/v1/webhooks/${hook.id}/deliveries`),
    200,
  );
  return log.map((d) => [d.outcome, d.response_excerpt]);
}

it('an answer holding NUL characters is logged (as U+FFFD) and the next event follows', async () => {
  const excerpt = 'ok\uFFFD\uFFFDdone';
  assert.deepEqual(await deliverTwo('/nul', 'ok\u0000\u0000done'), [
    ['succeeded', excerpt],
    ['succeeded', excerpt],
  ]);
});

it('an answer whose excerpt would split a character in two is logged without its half', async () => {
  // 999 characters, then an emoji (two UTF-16 units) across the 1,000-character cut.
  const excerpt = 'a'.repeat(999);
  assert.deepEqual(await deliverTwo('/split', `${excerpt}\u{1F600} and more`), [
    ['succeeded', excerpt],
    ['succeeded', excerpt],
  ]);
});
