import assert from 'node:assert/strict';
import { after, before, beforeEach } from 'node:test';
import type { WebhookDispatcher } from '../src/realtime/webhook-dispatcher.js';
import { createTestApp, type TestApp } from './harness.js';
import { expectJson, type Tenant } from './http.js';
import { type Receiver, startReceiver, startTestSender, type TestSender } from './webhook-receiver.js';

/*
 * What the webhook delivery tests share: an app allowing 127.0.0.1 as a receiver, a receiver, and
 * a sender on a clock the tests move by hand. `useWebhookFixture()` at a test file's top level sets
 * them up for the file (each test file runs in a process of its own).
 */

export const HOUR = 3_600_000;
export let env: TestApp;
export let receiver: Receiver;
export let dispatcher: WebhookDispatcher;
let sender: TestSender;
/** The dispatcher's clock: tests move it by hand. */
let clock = Date.now();

/** The sender's clock now, in ms. */
export const clockNow = () => clock;
/** Sets the sender's clock (ms). */
export const setClock = (ms: number) => {
  clock = ms;
};

export function useWebhookFixture(): void {
  before(async () => {
    env = await createTestApp({ webhookAllowHosts: ['127.0.0.1'] });
    receiver = await startReceiver();
    sender = startTestSender(env, () => new Date(clock));
    dispatcher = sender.dispatcher;
  });

  beforeEach(() => {
    receiver.received.length = 0;
    receiver.answer = () => ({ status: 204 });
  });

  after(async () => {
    await sender.stop();
    await receiver.close();
    await env.close();
  });
}

/** Each org's endpoint has a path of its own: endpoints of earlier tests may still be retrying. */
export const pathOf = (t: Tenant) => `/hook/${t.orgId}`;
let current = '';

export async function createWebhook(t: Tenant, eventTypes = ['team.*']) {
  current = pathOf(t);
  return expectJson<{ id: string; secret: string; enabled: boolean }>(
    await t.api.post('/v1/webhooks', { url: `${receiver.base}${pathOf(t)}`, event_types: eventTypes }),
    201,
  );
}

/** Answers requests to the current test's endpoint with `fn`, any other with 204. */
export function answer(fn: () => { status: number; headers?: Record<string, string> }): void {
  const path = current;
  receiver.answer = (r) => (r.path === path ? fn() : { status: 204 });
}

export const createTeam = async (t: Tenant, name: string) =>
  expectJson<{ id: string }>(await t.api.post('/v1/teams', { name }), 201);

/** Runs the dispatcher until it has nothing left to do now. */
export async function deliverDue(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await dispatcher.runDue();
  }
}

export const received = (path = current) => receiver.received.filter((r) => r.path === path);

/**
 * Delivers until `count` requests have arrived (the clock standing still): on PostgreSQL an event
 * joins the feed once no older transaction is open on the server, other test files' included.
 */
export async function deliverUntil(count: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (received().length < count && Date.now() < deadline) {
    await deliverDue();
    if (received().length < count) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  // The receiver records a request before answering it: the sender may still be judging and
  // logging the last attempt (a 410's disabling, the metrics) when the count is reached.
  await dispatcher.idle();
}
/** Asserts how many requests the current endpoint received; a failure shows the endpoint's delivery log. */
export async function assertReceived(
  t: Tenant,
  hookId: string,
  count: number,
  message: string,
): Promise<void> {
  if (received().length !== count) {
    const log = await t.api.get(`/v1/webhooks/${hookId}/deliveries?limit=100`);
    assert.fail(`${message}: ${received().length} requests, not ${count}; delivery log ${log.body}`);
  }
}

export const payloadOf = (r: { body: string }) =>
  JSON.parse(r.body) as { id: string; type: string; org_id: string; data: Record<string, unknown> };
