import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { expectJson, newTenant } from './http.js';
import {
  clockNow,
  createTeam,
  createWebhook,
  deliverUntil,
  dispatcher,
  env,
  HOUR,
  payloadOf,
  received,
  receiver,
  setClock,
  useWebhookFixture,
} from './webhook-fixture.js';

useWebhookFixture();

describe('webhook signatures', () => {
  it('every delivery verifies with the standardwebhooks package, and the secret is shown once', async () => {
    const t = await newTenant(env);
    const hook = await createWebhook(t);
    assert.match(hook.secret, /^whsec_[A-Za-z0-9+/]{43}=$/);
    const listed = expectJson<Record<string, unknown>[]>(await t.api.get('/v1/webhooks'), 200);
    assert.equal(listed.length, 1);
    assert.equal('secret' in (listed[0] ?? {}), false, 'the list never shows the secret');
    const got = expectJson<Record<string, unknown>>(await t.api.get(`/v1/webhooks/${hook.id}`), 200);
    assert.equal('secret' in got, false);

    const team = await createTeam(t, 'Signed');
    await deliverUntil(1);
    const [delivery] = received();
    assert.ok(delivery, 'one delivery');
    const verified = new Webhook(hook.secret).verify(delivery.body, delivery.headers) as {
      id: string;
      type: string;
      data: { team_id: string };
      org_id: string;
    };
    assert.equal(verified.type, 'team.created');
    assert.equal(verified.data.team_id, team.id);
    assert.equal(verified.org_id, t.orgId);
    assert.equal(delivery.headers['webhook-id'], verified.id);
    assert.equal(delivery.headers['content-type'], 'application/json');
    assert.throws(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(delivery.body, delivery.headers),
    );
  });

  it('after a rotation, deliveries carry both signatures for 24 hours, each verifying', async () => {
    const t = await newTenant(env);
    const hook = await createWebhook(t);
    const rotated = expectJson<{ secret: string }>(
      await t.api.post(`/v1/webhooks/${hook.id}/rotate-secret`),
      200,
    );
    assert.notEqual(rotated.secret, hook.secret);
    await createTeam(t, 'Rotated');
    await deliverUntil(1);
    const [delivery] = received();
    assert.ok(delivery);
    assert.equal(delivery.headers['webhook-signature']?.split(' ').length, 2);
    for (const secret of [hook.secret, rotated.secret]) {
      assert.equal(
        (new Webhook(secret).verify(delivery.body, delivery.headers) as { type: string }).type,
        'team.created',
      );
    }
    setClock(clockNow() + 25 * HOUR);
    receiver.received.length = 0;
    await createTeam(t, 'After overlap');
    await deliverUntil(1);
    const [later] = received();
    assert.ok(later);
    assert.equal(later.headers['webhook-signature']?.split(' ').length, 1);
    assert.throws(() => new Webhook(hook.secret).verify(later.body, later.headers));
    new Webhook(rotated.secret).verify(later.body, later.headers);
  });
});

describe('a sender holding an endpoint', () => {
  it('signs with a rotated secret from its next delivery on, without waiting for its next claim', async () => {
    const t = await newTenant(env);
    const hook = await createWebhook(t);
    await createTeam(t, 'Before');
    await deliverUntil(1);
    const rotated = expectJson<{ secret: string }>(
      await t.api.post(`/v1/webhooks/${hook.id}/rotate-secret`),
      200,
    );
    // No runDue from here: the event wakes the sender, which has not claimed anything since.
    await createTeam(t, 'After');
    for (const deadline = Date.now() + 10_000; received().length < 2 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // The receiver has the request before the sender has its answer: let the sender finish (its
    // metrics and progress), or they would land in the next test.
    await dispatcher.idle();
    const after = received()[1];
    assert.ok(after, 'the event woke the sender');
    assert.equal(payloadOf(after).data.name, 'After');
    // The new secret signs (the test's clock is past the old one's overlap, set by the API's clock).
    new Webhook(rotated.secret).verify(after.body, after.headers);
  });
});
