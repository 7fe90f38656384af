import type { PublishedEvent } from '../core/events/bus.js';
import { matchesType } from '../core/events/event-filter.js';
import { newId } from '../core/ids.js';
import {
  type AttemptResult,
  DISABLE_AFTER_MS,
  deliveryBody,
  judgeAttempt,
  signatureHeader,
  type Verdict,
} from '../core/webhooks/policy.js';
import { SecretBox } from '../core/webhooks/secret-box.js';
import type { EndpointProgress } from '../core/webhooks/webhooks.repo.js';
import type { WebhookDeliveryRow, WebhookEndpointRow } from '../db/schema.js';
import { recordFeedDelivery, recordWebhookDelivery } from '../observability/metrics.js';
import type { AppTracing } from '../observability/tracing.js';
import type { SendRequest } from './webhook-egress.js';

const PLAIN = new SecretBox();

export interface SendOptions {
  send: (request: SendRequest) => Promise<AttemptResult>;
  /** Opens sealed signing secrets; absent: secrets are stored plain. */
  secrets?: SecretBox;
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
  const stored = [endpoint.secret];
  if (endpoint.previousSecret !== null && (endpoint.previousSecretUntil?.getTime() ?? 0) > now.getTime()) {
    stored.push(endpoint.previousSecret);
  }
  const box = options.secrets ?? PLAIN;
  let secrets: string[];
  try {
    secrets = stored.map((s) => box.open(s, endpoint.id));
  } catch (err) {
    // Nothing is sent unsigned: the attempt fails, visibly in the delivery log, and is retried.
    return { kind: 'error', error: err instanceof Error ? err.message : String(err), durationMs: 0 };
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

/**
 * One attempt, judged and recorded: the delivery log's row (not yet saved) and what to do next.
 * `once` (a redelivery, a test event) is never retried; otherwise `attempt` sets the next retry.
 */
export async function attemptDelivery(
  options: SendOptions & { now: () => Date },
  endpoint: WebhookEndpointRow,
  event: Omit<PublishedEvent, 'xid'>,
  attempt: number,
  trigger: string,
  once: boolean,
): Promise<{ row: WebhookDeliveryRow; verdict: Verdict }> {
  const now = options.now();
  const result = await sendSigned(options, endpoint, event, now);
  const judged = judgeAttempt(result, once ? Number.MAX_SAFE_INTEGER : attempt, options.now());
  const verdict: Verdict = once && judged.outcome === 'failed' ? { outcome: 'failed' } : judged;
  const row: WebhookDeliveryRow = {
    id: newId(),
    orgId: endpoint.orgId,
    endpointId: endpoint.id,
    eventId: event.id,
    eventType: event.type,
    attempt,
    trigger,
    outcome: verdict.outcome === 'gone' ? 'failed' : verdict.outcome,
    statusCode: result.kind === 'response' ? result.status : null,
    durationMs: result.durationMs,
    responseExcerpt: result.kind === 'response' ? result.body : null,
    error:
      result.kind === 'error'
        ? result.error
        : verdict.outcome === 'gone'
          ? 'the receiver answered 410 Gone: the endpoint is disabled'
          : null,
    nextRetryAt: verdict.outcome === 'retrying' ? verdict.nextAt : null,
    createdAt: now,
  };
  // Metrics: every attempt by outcome ('dead' once an event is given up), and for a success of
  // the feed's own order the time from the event's commit to its receipt.
  recordWebhookDelivery(
    verdict.outcome === 'succeeded' ? 'success' : verdict.outcome === 'retrying' ? 'failure' : 'dead',
  );
  if (verdict.outcome === 'succeeded' && trigger === 'feed') {
    recordFeedDelivery('webhooks', event.occurredAt);
  }
  return { row, verdict };
}

/** Why a page's sending stopped before its end: a retry is due later, 410 Gone, or failing too long. */
export type Halt = 'retry' | 'gone' | 'failing' | null;

/**
 * Sends a page of the endpoint's feed (read from its cursor) in order: each event once the one
 * before succeeded or was given up; events of types the endpoint does not take are passed over.
 * Returns where the endpoint's progress stands after it, the attempts to log, and why it stopped
 * before the page's end (null: it did not). Nothing is saved here.
 */
export async function deliverPage(
  options: SendOptions & { now: () => Date },
  endpoint: WebhookEndpointRow,
  events: readonly PublishedEvent[],
): Promise<{ progress: EndpointProgress; attempts: WebhookDeliveryRow[]; halt: Halt }> {
  const progress: EndpointProgress = {
    cursorXid: endpoint.cursorXid,
    cursorId: endpoint.cursorId,
    headEventId: endpoint.headEventId,
    headAttempts: endpoint.headAttempts,
    headNextAt: endpoint.headNextAt,
    failingSince: endpoint.failingSince,
  };
  const attempts: WebhookDeliveryRow[] = [];
  let halt: Halt = null;
  for (const event of events) {
    const advance = () =>
      Object.assign(progress, {
        cursorXid: event.xid ?? progress.cursorXid,
        cursorId: event.id,
        headEventId: null,
        headAttempts: 0,
        headNextAt: null,
      });
    if (!matchesType(endpoint.eventTypes, event.type)) {
      advance();
      continue;
    }
    const attempt = progress.headEventId === event.id ? progress.headAttempts + 1 : 1;
    const { row: logged, verdict } = await attemptDelivery(options, endpoint, event, attempt, 'feed', false);
    attempts.push(logged);
    const now = options.now();
    if (verdict.outcome === 'succeeded') {
      advance();
      progress.failingSince = null;
      continue;
    }
    progress.failingSince ??= now;
    if (verdict.outcome === 'gone') {
      halt = 'gone';
    } else if (verdict.outcome === 'retrying') {
      Object.assign(progress, {
        headEventId: event.id,
        headAttempts: attempt,
        headNextAt: verdict.nextAt,
      });
      halt = 'retry';
    } else {
      advance();
    }
    if (halt !== 'gone' && now.getTime() - progress.failingSince.getTime() >= DISABLE_AFTER_MS) {
      halt = 'failing';
    }
    if (halt !== null) {
      break;
    }
  }
  return { progress, attempts, halt };
}
