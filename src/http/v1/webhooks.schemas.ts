import { Type } from 'typebox';
import type { WebhookDeliveryRow, WebhookEndpointRow } from '../../db/schema.js';
import { IdParams, Nullable, Timestamp, Uuid } from './common.schemas.js';

const eventTypes = Type.Array(
  Type.String({
    minLength: 1,
    maxLength: 200,
    description: 'An event type, or a prefix pattern like team.*',
  }),
  {
    minItems: 1,
    maxItems: 50,
    description: 'Event types to receive; an item ending in .* matches a prefix, * all',
  },
);
const url = Type.String({
  minLength: 1,
  maxLength: 2000,
  description: 'http(s) URL the events are POSTed to; non-public addresses are refused unless allowed',
});
const description = Nullable(Type.String({ maxLength: 1000, description: 'A note for people' }));

const webhookProperties = {
  id: Uuid('Webhook id'),
  url: Type.String({ description: 'Receiver URL' }),
  description,
  event_types: Type.Array(Type.String()),
  enabled: Type.Boolean({ description: 'False when turned off by hand or disabled (see disabled_reason)' }),
  disabled_reason: Nullable(
    Type.String({ description: 'gone (the receiver answered 410), failing (5 days of failures), or null' }),
  ),
  created_at: Timestamp('Creation timestamp'),
  updated_at: Timestamp('Last change'),
};
export const Webhook = Type.Object(webhookProperties);
export const WebhookWithSecret = Type.Object({
  ...webhookProperties,
  secret: Type.String({
    description: 'Signing secret (whsec_...). Shown in this response only: store it now',
  }),
});

export const CreateWebhookBody = Type.Object(
  {
    url,
    event_types: eventTypes,
    description: Type.Optional(description),
    enabled: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);

export const UpdateWebhookBody = Type.Object(
  {
    url: Type.Optional(url),
    event_types: Type.Optional(eventTypes),
    description: Type.Optional(description),
    enabled: Type.Optional(Type.Boolean({ description: 'true re-enables a disabled endpoint' })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const WebhookParams = IdParams('The webhook ID');
export const DeliveryParams = Type.Object(
  { id: Uuid('The webhook ID'), delivery_id: Uuid('The delivery ID') },
  { additionalProperties: false },
);

export const Delivery = Type.Object({
  id: Uuid('Delivery (attempt) id'),
  event_id: Uuid('Event id, the webhook-id header'),
  event_type: Type.String(),
  attempt: Type.Integer({ description: 'Attempt number for this event (1 = first)' }),
  trigger: Type.String({ description: 'feed, redeliver, recover or test' }),
  outcome: Type.String({ description: 'succeeded, retrying or failed (given up)' }),
  status_code: Type.Union([Type.Integer(), Type.Null()], {
    description: 'HTTP status, null without an answer',
  }),
  duration_ms: Type.Integer(),
  response_excerpt: Nullable(Type.String({ description: 'Start of the response body (1,000 characters)' })),
  error: Nullable(Type.String({ description: 'Why there was no usable answer (timeout, refused, reset)' })),
  next_retry_at: Nullable(Timestamp('When the next attempt is due, while retrying')),
  created_at: Timestamp('When the attempt was made'),
});

export const RecoverBody = Type.Object(
  {
    since: Timestamp('Resend every event given up since this time'),
    until: Type.Optional(Timestamp('... and until this time (default: now)')),
  },
  { additionalProperties: false },
);

export const Queued = Type.Object({ queued: Type.Integer({ description: 'Events queued for sending' }) });
export const TestQueued = Type.Object({ event_id: Uuid('Id of the webhook.test event queued') });

export const presentWebhook = (row: WebhookEndpointRow) => ({
  id: row.id,
  url: row.url,
  description: row.description,
  event_types: row.eventTypes,
  enabled: row.enabled,
  disabled_reason: row.disabledReason,
  created_at: row.createdAt.toISOString(),
  updated_at: row.updatedAt.toISOString(),
});

export const presentDelivery = (row: WebhookDeliveryRow) => ({
  id: row.id,
  event_id: row.eventId,
  event_type: row.eventType,
  attempt: row.attempt,
  trigger: row.trigger,
  outcome: row.outcome,
  status_code: row.statusCode,
  duration_ms: row.durationMs,
  response_excerpt: row.responseExcerpt,
  error: row.error,
  next_retry_at: row.nextRetryAt?.toISOString() ?? null,
  created_at: row.createdAt.toISOString(),
});
