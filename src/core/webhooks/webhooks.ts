import type { WebhookDeliveryRow, WebhookEndpointRow } from '../../db/schema.js';
import { assertCan } from '../access.js';
import { REDACTED, recordAudit } from '../audit/audit.js';
import { type Ctx, inTransaction } from '../context.js';
import { DomainError, ERRORS, ErrorCode, found } from '../errors.js';
import { parseTypePatterns } from '../events/event-filter.js';
import { emitEvent } from '../events/events.js';
import { findOutboxEvent } from '../events/events.repo.js';
import { newId } from '../ids.js';
import { type Page, type PageRequest, toPage } from '../paging.js';
import { generateSigningSecret, SECRET_OVERLAP_MS } from './policy.js';
import type { SecretBox } from './secret-box.js';
import {
  deleteEndpoint,
  enqueueSends,
  failedDeliveriesBetween,
  findDelivery,
  findEndpoint,
  insertEndpoint,
  listDeliveries,
  listEndpoints,
  type QueuedSend,
  updateEndpoint,
} from './webhooks.repo.js';

/** Checks a receiver URL against the egress policy: null when allowed, else why not. */
export type UrlCheck = (url: string) => Promise<string | null>;

export interface WebhookInput {
  url: string;
  eventTypes: string[];
  description?: string | null;
  enabled?: boolean;
}

export const webhookNotFound = (id: string) => new DomainError(ErrorCode.NotFound, `Webhook ${id} not found`);
const deliveryNotFound = (id: string) => new DomainError(ErrorCode.NotFound, `Delivery ${id} not found`);

function checkTypes(types: string[]): string[] {
  types.forEach((t, i) => {
    parseTypePatterns(t, `body.event_types[${i}]`);
  });
  return [...new Set(types)];
}

async function checkUrl(check: UrlCheck, url: string): Promise<void> {
  const why = await check(url);
  if (why !== null) {
    throw ERRORS.invalid('body.url', why);
  }
}

/** Creates an endpoint and returns it with its signing secret, shown this once. */
export async function createWebhook(
  ctx: Ctx,
  input: WebhookInput,
  check: UrlCheck,
  box: SecretBox,
): Promise<{ row: WebhookEndpointRow; secret: string }> {
  assertCan(ctx.actor, 'webhook.manage');
  const eventTypes = checkTypes(input.eventTypes);
  await checkUrl(check, input.url);
  const now = ctx.now();
  const id = newId();
  const secret = generateSigningSecret();
  const row = await inTransaction(ctx, async (tx) => {
    const created = await insertEndpoint(tx.db, {
      id,
      orgId: tx.actor.orgId,
      url: input.url,
      description: input.description ?? null,
      eventTypes,
      enabled: input.enabled ?? true,
      secret: box.seal(secret, id),
      createdAt: now,
      updatedAt: now,
    });
    await recordAudit(
      tx,
      'webhook.created',
      { type: 'webhook', id: created.id },
      {
        url: [null, created.url],
        event_types: [null, created.eventTypes],
        description: [null, created.description],
        enabled: [null, created.enabled],
        secret: [null, REDACTED],
      },
    );
    return created;
  });
  return { row, secret };
}

export async function getWebhook(ctx: Ctx, id: string): Promise<WebhookEndpointRow> {
  assertCan(ctx.actor, 'webhook.manage');
  return found(await findEndpoint(ctx.db, ctx.actor.orgId, id), () => webhookNotFound(id));
}

export async function listWebhooks(ctx: Ctx, page: PageRequest): Promise<Page<WebhookEndpointRow>> {
  assertCan(ctx.actor, 'webhook.manage');
  const rows = await listEndpoints(ctx.db, ctx.actor.orgId, page.afterId, page.skip, page.limit + 1);
  return toPage(rows, page.limit, (r) => r.id);
}

/** Changes an endpoint; enabling a disabled one sends its pending event again at once. */
export async function updateWebhook(
  ctx: Ctx,
  id: string,
  input: Partial<WebhookInput>,
  check: UrlCheck,
): Promise<WebhookEndpointRow> {
  const current = await getWebhook(ctx, id);
  const patch: Partial<WebhookEndpointRow> = { updatedAt: ctx.now() };
  if (input.url !== undefined) {
    await checkUrl(check, input.url);
    patch.url = input.url;
  }
  if (input.eventTypes !== undefined) {
    patch.eventTypes = checkTypes(input.eventTypes);
  }
  if (input.description !== undefined) {
    patch.description = input.description;
  }
  if (input.enabled !== undefined) {
    patch.enabled = input.enabled;
    if (input.enabled && !current.enabled) {
      Object.assign(patch, { disabledReason: null, failingSince: null, headNextAt: null });
    }
  }
  return inTransaction(ctx, async (tx) => {
    const row = found(await updateEndpoint(tx.db, tx.actor.orgId, id, patch), () => webhookNotFound(id));
    const changes: Record<string, [unknown, unknown]> = {};
    for (const [field, column] of [
      ['url', 'url'],
      ['event_types', 'eventTypes'],
      ['description', 'description'],
      ['enabled', 'enabled'],
    ] as const) {
      if (JSON.stringify(current[column]) !== JSON.stringify(row[column])) {
        changes[field] = [current[column], row[column]];
      }
    }
    await recordAudit(tx, 'webhook.updated', { type: 'webhook', id }, changes);
    return row;
  });
}

export async function deleteWebhook(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'webhook.manage');
  await inTransaction(ctx, async (tx) => {
    const deleted = found(await deleteEndpoint(tx.db, tx.actor.orgId, id), () => webhookNotFound(id));
    await recordAudit(
      tx,
      'webhook.deleted',
      { type: 'webhook', id },
      {
        url: [deleted.url, null],
        event_types: [deleted.eventTypes, null],
        description: [deleted.description, null],
        enabled: [deleted.enabled, null],
        secret: [REDACTED, null],
      },
    );
  });
}

/** A new secret, shown once; the previous one keeps signing alongside it for 24 hours. */
export async function rotateWebhookSecret(
  ctx: Ctx,
  id: string,
  box: SecretBox,
): Promise<{ row: WebhookEndpointRow; secret: string }> {
  const current = await getWebhook(ctx, id);
  const now = ctx.now();
  const secret = generateSigningSecret();
  const row = await inTransaction(ctx, async (tx) => {
    const rotated = await updateEndpoint(tx.db, tx.actor.orgId, id, {
      secret: box.seal(secret, id),
      previousSecret: current.secret,
      previousSecretUntil: new Date(now.getTime() + SECRET_OVERLAP_MS),
      updatedAt: now,
    });
    await recordAudit(
      tx,
      'webhook.secret_rotated',
      { type: 'webhook', id },
      { secret: [REDACTED, REDACTED] },
    );
    return rotated;
  });
  return { row: found(row, () => webhookNotFound(id)), secret };
}

export async function listWebhookDeliveries(
  ctx: Ctx,
  id: string,
  page: PageRequest,
  outcome: string | null,
): Promise<Page<WebhookDeliveryRow>> {
  await getWebhook(ctx, id);
  const rows = await listDeliveries(ctx.db, ctx.actor.orgId, id, page.afterId, page.limit + 1, outcome);
  return toPage(rows, page.limit, (r) => r.id);
}

const queued = (
  ctx: Ctx,
  endpoint: WebhookEndpointRow,
  trigger: string,
  event: Omit<QueuedSend, 'id' | 'orgId' | 'endpointId' | 'trigger' | 'createdAt'>,
): QueuedSend => ({
  id: newId(),
  orgId: endpoint.orgId,
  endpointId: endpoint.id,
  trigger,
  createdAt: ctx.now(),
  ...event,
});

/** Sends the event of a logged delivery again (same `webhook-id`), outside the feed's order. */
export async function redeliver(ctx: Ctx, id: string, deliveryId: string): Promise<void> {
  const endpoint = await getWebhook(ctx, id);
  const delivery = found(await findDelivery(ctx.db, ctx.actor.orgId, id, deliveryId), () =>
    deliveryNotFound(deliveryId),
  );
  const event = await findOutboxEvent(ctx.db, ctx.actor.orgId, delivery.eventId);
  if (event === null) {
    throw new DomainError(ErrorCode.Conflict, `The event of delivery ${deliveryId} is past retention`);
  }
  await enqueueSends(ctx.db, [
    queued(ctx, endpoint, 'redeliver', {
      eventId: event.id,
      eventType: event.type,
      payload: event.data,
      occurredAt: event.occurredAt,
    }),
  ]);
}

/** Sends again every event given up between `since` and `until` (default now); returns how many. */
export async function recover(ctx: Ctx, id: string, since: Date, until: Date | null): Promise<number> {
  const endpoint = await getWebhook(ctx, id);
  const failed = await failedDeliveriesBetween(ctx.db, ctx.actor.orgId, id, since, until ?? ctx.now());
  const seen = new Set<string>();
  const sends: QueuedSend[] = [];
  for (const delivery of failed) {
    if (seen.has(delivery.eventId)) {
      continue;
    }
    seen.add(delivery.eventId);
    const event = await findOutboxEvent(ctx.db, ctx.actor.orgId, delivery.eventId);
    if (event !== null) {
      sends.push(
        queued(ctx, endpoint, 'recover', {
          eventId: event.id,
          eventType: event.type,
          payload: event.data,
          occurredAt: event.occurredAt,
        }),
      );
    }
  }
  await enqueueSends(ctx.db, sends);
  return sends.length;
}

/** Queues a `webhook.test` event for the endpoint; returns its id. */
export async function sendTest(ctx: Ctx, id: string): Promise<string> {
  const endpoint = await getWebhook(ctx, id);
  const eventId = newId();
  await enqueueSends(ctx.db, [
    queued(ctx, endpoint, 'test', {
      eventId,
      eventType: 'webhook.test',
      payload: { webhook_id: id },
      occurredAt: ctx.now(),
    }),
  ]);
  return eventId;
}

/** Disables an endpoint for `reason`, announcing it as a `webhook.disabled` event in the same transaction. */
export async function disableWebhook(
  ctx: Ctx,
  endpoint: WebhookEndpointRow,
  reason: 'gone' | 'failing',
): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    await updateEndpoint(tx.db, endpoint.orgId, endpoint.id, {
      enabled: false,
      disabledReason: reason,
      leaseOwner: null,
      leaseUntil: null,
      updatedAt: tx.now(),
    });
    await emitEvent(tx, 'webhook.disabled', { webhook_id: endpoint.id, reason }, endpoint.orgId);
  });
}
