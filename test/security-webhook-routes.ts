/**
 * The /v1 webhook and audit-log routes in the security contract (test/security.test.ts): their
 * scope, the status of a sample request with a key holding only that scope, and the sample.
 */
import type { Scope } from '../src/core/access.js';
import type { Ctx } from '../src/core/context.js';
import { listOrgFeedAfter, NIL_ID } from '../src/core/events/events.repo.js';
import { newId } from '../src/core/ids.js';
import { SecretBox } from '../src/core/webhooks/secret-box.js';
import { createWebhook } from '../src/core/webhooks/webhooks.js';
import { webhookDeliveries } from '../src/db/schema.js';

export interface WebhookFixture {
  webhookId: string;
  deliveryId: string;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** A receiver on loopback that nothing sends to in these tests (no dispatcher runs). */
const URL = 'http://127.0.0.1:9/contract';

export const WEBHOOK_ROUTES: {
  method: Method;
  path: string;
  scope: Scope;
  ok: number;
  sample: (f: WebhookFixture) => { url: string; body?: unknown };
}[] = [
  {
    method: 'POST',
    path: '/v1/webhooks',
    scope: 'webhooks:write',
    ok: 201,
    sample: () => ({ url: '/v1/webhooks', body: { url: URL, event_types: ['team.*'] } }),
  },
  {
    method: 'GET',
    path: '/v1/webhooks',
    scope: 'webhooks:read',
    ok: 200,
    sample: () => ({ url: '/v1/webhooks' }),
  },
  {
    method: 'GET',
    path: '/v1/webhooks/{id}',
    scope: 'webhooks:read',
    ok: 200,
    sample: (f) => ({ url: `/v1/webhooks/${f.webhookId}` }),
  },
  {
    method: 'PATCH',
    path: '/v1/webhooks/{id}',
    scope: 'webhooks:write',
    ok: 200,
    sample: (f) => ({ url: `/v1/webhooks/${f.webhookId}`, body: { description: 'changed' } }),
  },
  {
    method: 'DELETE',
    path: '/v1/webhooks/{id}',
    scope: 'webhooks:write',
    ok: 204,
    sample: (f) => ({ url: `/v1/webhooks/${f.webhookId}` }),
  },
  {
    method: 'POST',
    path: '/v1/webhooks/{id}/rotate-secret',
    scope: 'webhooks:write',
    ok: 200,
    sample: (f) => ({ url: `/v1/webhooks/${f.webhookId}/rotate-secret` }),
  },
  {
    method: 'GET',
    path: '/v1/webhooks/{id}/deliveries',
    scope: 'webhooks:read',
    ok: 200,
    sample: (f) => ({ url: `/v1/webhooks/${f.webhookId}/deliveries` }),
  },
  {
    method: 'POST',
    path: '/v1/webhooks/{id}/deliveries/{delivery_id}/redeliver',
    scope: 'webhooks:write',
    ok: 202,
    sample: (f) => ({ url: `/v1/webhooks/${f.webhookId}/deliveries/${f.deliveryId}/redeliver` }),
  },
  {
    method: 'POST',
    path: '/v1/webhooks/{id}/recover',
    scope: 'webhooks:write',
    ok: 202,
    sample: (f) => ({
      url: `/v1/webhooks/${f.webhookId}/recover`,
      body: { since: new Date(Date.now() - 3_600_000).toISOString() },
    }),
  },
  {
    method: 'POST',
    path: '/v1/webhooks/{id}/test',
    scope: 'webhooks:write',
    ok: 202,
    sample: (f) => ({ url: `/v1/webhooks/${f.webhookId}/test` }),
  },
  {
    method: 'GET',
    path: '/v1/audit-log',
    scope: 'audit:read',
    ok: 200,
    sample: () => ({ url: '/v1/audit-log' }),
  },
  {
    method: 'GET',
    path: '/v1/audit-log/export',
    scope: 'audit:read',
    ok: 200,
    sample: () => ({ url: '/v1/audit-log/export' }),
  },
];

/** A webhook of the org of `ctx` with one logged (failed) delivery of one of its events. */
export async function buildWebhookFixture(ctx: Ctx): Promise<WebhookFixture> {
  const { row } = await createWebhook(
    ctx,
    { url: URL, eventTypes: ['team.*'] },
    async () => null,
    new SecretBox(),
  );
  // The feed trails transactions still open anywhere on the server (another test file's too): on
  // PostgreSQL the org's events may take a moment to join it.
  const deadline = Date.now() + 60_000;
  let [event] = await listOrgFeedAfter(ctx.db, ctx.actor.orgId, { xid: '0', id: NIL_ID }, 1);
  while (event === undefined && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    [event] = await listOrgFeedAfter(ctx.db, ctx.actor.orgId, { xid: '0', id: NIL_ID }, 1);
  }
  if (event === undefined) {
    throw new Error('the fixture org has no event');
  }
  const deliveryId = newId();
  await ctx.db.insert(webhookDeliveries).values({
    id: deliveryId,
    orgId: ctx.actor.orgId,
    endpointId: row.id,
    eventId: event.id,
    eventType: event.type,
    attempt: 8,
    trigger: 'feed',
    outcome: 'failed',
    statusCode: 500,
    durationMs: 3,
    responseExcerpt: null,
    error: null,
    nextRetryAt: null,
    createdAt: new Date(),
  });
  return { webhookId: row.id, deliveryId };
}
