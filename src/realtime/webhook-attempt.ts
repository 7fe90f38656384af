import type { PublishedEvent } from '../core/events/bus.js';
import { type AttemptResult, deliveryBody, signatureHeader } from '../core/webhooks/policy.js';
import type { WebhookEndpointRow } from '../db/schema.js';
import type { AppTracing } from '../observability/tracing.js';
import type { SendRequest } from './webhook-egress.js';

export interface SendOptions {
  send: (request: SendRequest) => Promise<AttemptResult>;
  timeoutMs: number;
  trace?: AppTracing['outgoing'];
}

/**
 * One delivery attempt of `event` to `endpoint`: the Standard Webhooks headers, signed with the
 * endpoint's secret (and its previous one while a rotation's overlap lasts), and with tracing on
 * a client span whose `traceparent` the request carries.
 */
export async function sendSigned(
  options: SendOptions,
  endpoint: WebhookEndpointRow,
  event: Omit<PublishedEvent, 'xid'>,
  now: Date,
): Promise<AttemptResult> {
  const secrets = [endpoint.secret];
  if (endpoint.previousSecret !== null && (endpoint.previousSecretUntil?.getTime() ?? 0) > now.getTime()) {
    secrets.push(endpoint.previousSecret);
  }
  const body = deliveryBody(event);
  // The signature's timestamp is the wall clock's: receivers compare it with theirs.
  const timestamp = Math.floor(Date.now() / 1000);
  const send = (traceHeaders: Record<string, string>) =>
    options.send({
      url: endpoint.url,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Roster-Webhooks/1',
        'webhook-id': event.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signatureHeader(secrets, event.id, timestamp, body),
        ...traceHeaders,
      },
      body,
      timeoutMs: options.timeoutMs,
    });
  if (options.trace === undefined) {
    return send({});
  }
  const attributes = {
    'http.request.method': 'POST',
    'roster.webhook.id': endpoint.id,
    'roster.event.type': event.type,
  };
  return options.trace('POST webhook', attributes, async (headers, set) => {
    const outcome = await send(headers);
    if (outcome.kind === 'response') {
      set('http.response.status_code', outcome.status);
    }
    return outcome;
  });
}
