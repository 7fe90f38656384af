import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { listOrgFeedAfter, NIL_ID } from '../src/core/events/events.repo.js';
import { feedDeliveryLag, webhookDeliveries } from '../src/observability/metrics.js';
import { feedSettled } from './harness.js';
import { expectJson, expectNoContent, newTenant } from './http.js';
import {
  answer,
  assertReceived,
  clockNow,
  createTeam,
  createWebhook,
  deliverDue,
  deliverUntil,
  env,
  HOUR,
  payloadOf,
  received,
  receiver,
  setClock,
  useWebhookFixture,
} from './webhook-fixture.js';

useWebhookFixture();

describe('webhook delivery', () => {
  it("sends the endpoint's event types only, one at a time, in feed order", async () => {
    const t = await newTenant(env);
    await createWebhook(t, ['team.created', 'team.deleted']);
    const successes = async () =>
      (await webhookDeliveries.get()).values.find((v) => v.labels.outcome === 'success')?.value ?? 0;
    const lagged = async () =>
      (await feedDeliveryLag.get()).values.find(
        (v) => v.metricName === 'roster_feed_delivery_lag_seconds_count' && v.labels.consumer === 'webhooks',
      )?.value ?? 0;
    const [successesBefore, laggedBefore] = [await successes(), await lagged()];
    const names = Array.from({ length: 12 }, (_, i) => `Ordered ${i}`);
    const teams = await Promise.all(names.map((n) => createTeam(t, n)));
    await t.api.post('/v1/agents', { email: 'not-sent@example.com', full_name: 'Not Sent' });
    await t.api.patch(`/v1/teams/${teams[0]?.id}`, { description: 'not sent either' });
    expectNoContent(await t.api.delete(`/v1/teams/${teams[1]?.id}`));
    await deliverUntil(13);
    const feedOrder = (await listOrgFeedAfter(env.database.db, t.orgId, { xid: '0', id: NIL_ID }, 1000))
      .filter((e) => e.type === 'team.created' || e.type === 'team.deleted')
      .map((e) => e.id);
    assert.deepEqual(
      received().map((r) => r.headers['webhook-id']),
      feedOrder,
    );
    assert.equal(feedOrder.length, 13);
    // The metrics saw each delivery: counted a success, and its lag from commit observed.
    assert.equal((await successes()) - successesBefore, 13);
    assert.equal((await lagged()) - laggedBefore, 13);
  });

  it('`*` sends every event type', async () => {
    const t = await newTenant(env);
    await createWebhook(t, ['*']);
    await createTeam(t, 'Everything');
    await t.api.post('/v1/agents', { email: 'everything@example.com', full_name: 'Every Thing' });
    await deliverUntil(2);
    // The org's events from before the endpoint existed (its key, the endpoint's own creation)
    // are not sent; every one after it is, whatever its type.
    const feed = await listOrgFeedAfter(env.database.db, t.orgId, { xid: '0', id: NIL_ID }, 1000);
    const since = feed.slice(-2);
    assert.deepEqual(
      since.map((e) => e.type),
      ['team.created', 'agent.created'],
    );
    assert.deepEqual(
      received().map((r) => r.headers['webhook-id']),
      since.map((e) => e.id),
    );
  });

  it('retries on the schedule (0, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), holding the next event back, then gives up', async () => {
    const t = await newTenant(env);
    const hook = await createWebhook(t);
    answer(() => ({ status: 500 }));
    const start = clockNow();
    await createTeam(t, 'Retried');
    await createTeam(t, 'Held back');
    const schedule = [0, 5_000, 300_000, 1_800_000, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR];
    let due = start;
    for (const [i, wait] of schedule.entries()) {
      due += wait;
      if (wait > 0) {
        setClock(due - 1);
        await deliverDue();
        assert.equal(received().length, i, `attempt ${i + 1} not before it is due`);
      }
      setClock(due);
      // Once the first event is given up, the next one goes at once.
      const expected = i + 1 === schedule.length ? i + 2 : i + 1;
      await deliverUntil(expected);
      assert.equal(received().length, expected, `attempt ${i + 1} when due`);
    }
    const attempts = received().slice(0, schedule.length);
    const ids = new Set(attempts.map((r) => r.headers['webhook-id']));
    const bodies = new Set(attempts.map((r) => r.body));
    assert.equal(ids.size, 1, 'the same webhook-id on every retry');
    assert.equal(bodies.size, 1, 'the same body on every retry');
    assert.equal(payloadOf(received()[0] as never).data.name, 'Retried');

    const log = expectJson<
      { attempt: number; outcome: string; status_code: number; next_retry_at: string | null }[]
    >(await t.api.get(`/v1/webhooks/${hook.id}/deliveries?limit=100`), 200);
    assert.equal(log.length, 9, 'eight attempts of the first event, one of the second');
    const first = log
      .filter((d) => d.attempt >= 1)
      .slice(1)
      .reverse();
    assert.deepEqual(
      first.map((d) => d.outcome),
      ['retrying', 'retrying', 'retrying', 'retrying', 'retrying', 'retrying', 'retrying', 'failed'],
    );
    assert.equal(first[0]?.status_code, 500);
    assert.equal(first[0]?.next_retry_at, new Date(start + 5_000).toISOString());
    assert.equal(
      payloadOf(received()[8] as never).data.name,
      'Held back',
      'the next event goes once the first is given up',
    );
    const failed = expectJson<unknown[]>(
      await t.api.get(`/v1/webhooks/${hook.id}/deliveries?outcome=failed`),
      200,
    );
    assert.equal(failed.length, 1);
    answer(() => ({ status: 204 }));
  });

  it('honours Retry-After on 429 and 503, and counts a redirect as a failure without following it', async () => {
    const t = await newTenant(env);
    const hook = await createWebhook(t);
    const answers: { status: number; headers?: Record<string, string> }[] = [
      { status: 429, headers: { 'retry-after': '120' } },
      { status: 503, headers: { 'retry-after': '7' } },
      { status: 302, headers: { location: `${receiver.base}/elsewhere` } },
      { status: 200 },
    ];
    answer(() => answers.shift() ?? { status: 204 });
    const start = clockNow();
    await createTeam(t, 'Throttled');
    await deliverUntil(1);
    setClock(start + 119_000);
    await deliverDue();
    await assertReceived(t, hook.id, 1, 'Retry-After: 120 is honoured');
    setClock(start + 120_000);
    await deliverDue();
    await assertReceived(t, hook.id, 2, 'the second attempt, 120 s on');
    setClock(clockNow() + 7_000);
    await deliverDue();
    await assertReceived(t, hook.id, 3, 'the third attempt, 7 s on');
    assert.equal(
      receiver.received.filter((r) => r.path === '/elsewhere').length,
      0,
      'the redirect is not followed',
    );
    // The third attempt failed without a Retry-After: the fourth waits 30 minutes, as scheduled.
    setClock(clockNow() + 1_800_000);
    await deliverDue();
    await assertReceived(t, hook.id, 4, 'the fourth attempt, 30 minutes on');
    const log = expectJson<{ status_code: number; outcome: string }[]>(
      await t.api.get(`/v1/webhooks/${hook.id}/deliveries`),
      200,
    );
    assert.deepEqual(
      log.map((d) => [d.status_code, d.outcome]),
      [
        [200, 'succeeded'],
        [302, 'retrying'],
        [503, 'retrying'],
        [429, 'retrying'],
      ],
    );
  });

  it('410 Gone disables the endpoint at once, as a webhook.disabled event; enabling it resumes', async () => {
    const t = await newTenant(env);
    const hook = await createWebhook(t);
    answer(() => ({ status: 410 }));
    await createTeam(t, 'Gone');
    await deliverUntil(1);
    const disabled = expectJson<{ enabled: boolean; disabled_reason: string }>(
      await t.api.get(`/v1/webhooks/${hook.id}`),
      200,
    );
    assert.deepEqual([disabled.enabled, disabled.disabled_reason], [false, 'gone']);
    await feedSettled(env.database.db);
    const events = await listOrgFeedAfter(env.database.db, t.orgId, { xid: '0', id: NIL_ID }, 100);
    assert.deepEqual(
      events.filter((e) => e.type === 'webhook.disabled').map((e) => e.data),
      [{ webhook_id: hook.id, reason: 'gone' }],
    );
    answer(() => ({ status: 204 }));
    await createTeam(t, 'While disabled');
    await deliverDue();
    assert.equal(received().length, 1, 'a disabled endpoint receives nothing');
    expectJson(await t.api.patch(`/v1/webhooks/${hook.id}`, { enabled: true }), 200);
    await deliverUntil(3);
    assert.deepEqual(
      received().map((r) => payloadOf(r).data.name),
      ['Gone', 'Gone', 'While disabled'],
    );
  });

  it('disables an endpoint after 5 days of failing every attempt', async () => {
    const t = await newTenant(env);
    const hook = await createWebhook(t);
    answer(() => ({ status: 500 }));
    await createTeam(t, 'Day 0');
    await deliverUntil(1);
    for (let hours = 0; hours < 40; hours += 1) {
      setClock(clockNow() + HOUR);
      await deliverDue();
    }
    assert.equal(received().length, 8, 'the first event was given up');
    const enabled = expectJson<{ enabled: boolean }>(await t.api.get(`/v1/webhooks/${hook.id}`), 200);
    assert.equal(enabled.enabled, true, 'not yet: 40 hours');
    setClock(clockNow() + 4 * 24 * HOUR);
    await createTeam(t, 'Day 5');
    await deliverUntil(9);
    assert.equal(received().length, 9, 'the event of day 5 was tried');
    const disabled = expectJson<{ enabled: boolean; disabled_reason: string }>(
      await t.api.get(`/v1/webhooks/${hook.id}`),
      200,
    );
    assert.deepEqual([disabled.enabled, disabled.disabled_reason], [false, 'failing']);
  });

  it('redelivers one delivery, recovers what failed since a time, and sends a test event', async () => {
    const t = await newTenant(env);
    const hook = await createWebhook(t);
    await createTeam(t, 'Once');
    await deliverUntil(1);
    const [first] = expectJson<{ id: string; event_id: string }[]>(
      await t.api.get(`/v1/webhooks/${hook.id}/deliveries`),
      200,
    );
    assert.ok(first);
    expectJson(await t.api.post(`/v1/webhooks/${hook.id}/deliveries/${first.id}/redeliver`), 202);
    const test = expectJson<{ event_id: string }>(await t.api.post(`/v1/webhooks/${hook.id}/test`), 202);
    await deliverUntil(3);
    assert.deepEqual(
      received().map((r) => r.headers['webhook-id']),
      [first.event_id, first.event_id, test.event_id],
    );
    const testBody = new Webhook(hook.secret).verify(
      received()[2]?.body ?? '',
      received()[2]?.headers ?? {},
    ) as {
      type: string;
      data: unknown;
    };
    assert.equal(testBody.type, 'webhook.test');
    assert.deepEqual(testBody.data, { webhook_id: hook.id });

    answer(() => ({ status: 400 }));
    const since = new Date(clockNow()).toISOString();
    await createTeam(t, 'Lost');
    await deliverUntil(4);
    for (let i = 0; i < 10; i++) {
      setClock(clockNow() + 11 * HOUR);
      await deliverDue();
    }
    answer(() => ({ status: 204 }));
    receiver.received.length = 0;
    const recovered = expectJson<{ queued: number }>(
      // The dispatcher's clock ran ahead of the API's: say until when.
      await t.api.post(`/v1/webhooks/${hook.id}/recover`, {
        since,
        until: new Date(clockNow()).toISOString(),
      }),
      202,
    );
    assert.equal(recovered.queued, 1);
    await deliverUntil(1);
    assert.deepEqual(
      received().map((r) => payloadOf(r).data.name),
      ['Lost'],
    );
    const log = expectJson<{ trigger: string }[]>(
      await t.api.get(`/v1/webhooks/${hook.id}/deliveries?limit=2`),
      200,
    );
    assert.equal(log[0]?.trigger, 'recover');
  });
});
