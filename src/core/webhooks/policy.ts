import { createHmac, randomBytes } from 'node:crypto';

/**
 * Waits before each attempt of one event, as Svix retries: at once, then after 5 s, 5 min, 30 min,
 * 2 h, 5 h, 10 h and 10 h (about 27.6 hours in all). After the last failed attempt the event is
 * given up (marked failed) and the endpoint goes on with the next one.
 */
export const RETRY_DELAYS_MS = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
] as const;

export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length;

/** An endpoint whose every attempt failed for this long is disabled. */
export const DISABLE_AFTER_MS = 5 * 24 * 3_600_000;

/** The longest wait a Retry-After header may ask for. */
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/** The previous secret keeps signing this long after a rotation. */
export const SECRET_OVERLAP_MS = 24 * 3_600_000;

/** How much of a response body the delivery log keeps. */
export const EXCERPT_CHARS = 1_000;

/**
 * What the delivery log keeps of an answer: its first EXCERPT_CHARS characters, as text
 * PostgreSQL can store. A NUL becomes U+FFFD, and a character the cut splits in two (half of a
 * surrogate pair, which JSON would carry as an escape PostgreSQL refuses) is left out.
 */
export function answerExcerpt(body: string): string {
  let excerpt = body.slice(0, EXCERPT_CHARS);
  const last = excerpt.charCodeAt(excerpt.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) {
    excerpt = excerpt.slice(0, -1);
  }
  return excerpt.replaceAll('\0', '\uFFFD');
}

export type AttemptResult =
  | { kind: 'response'; status: number; retryAfter: string | null; body: string; durationMs: number }
  | { kind: 'error'; error: string; durationMs: number };

/** What to do after an attempt. */
export type Verdict =
  | { outcome: 'succeeded' }
  /** 410 Gone: the receiver asks to stop; the endpoint is disabled and the event stays next. */
  | { outcome: 'gone' }
  | { outcome: 'retrying'; nextAt: Date }
  | { outcome: 'failed' };

/**
 * Judges attempt number `attempt` (1-based) of an event made at `now`: 2xx succeeds; 410 disables;
 * anything else (3xx included: redirects are not followed), a timeout or a connection error is
 * retried on the schedule, 429 and 503 after their Retry-After when given, until the attempts run out.
 */
export function judgeAttempt(result: AttemptResult, attempt: number, now: Date): Verdict {
  if (result.kind === 'response' && result.status >= 200 && result.status < 300) {
    return { outcome: 'succeeded' };
  }
  if (result.kind === 'response' && result.status === 410) {
    return { outcome: 'gone' };
  }
  if (attempt >= MAX_ATTEMPTS) {
    return { outcome: 'failed' };
  }
  let wait: number = RETRY_DELAYS_MS[attempt] ?? 0;
  if (result.kind === 'response' && (result.status === 429 || result.status === 503)) {
    const asked = parseRetryAfter(result.retryAfter, now);
    if (asked !== null) {
      wait = Math.min(asked, MAX_RETRY_AFTER_MS);
    }
  }
  return { outcome: 'retrying', nextAt: new Date(now.getTime() + wait) };
}

/** Milliseconds a Retry-After header asks to wait (seconds or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null) {
    return null;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return Number(trimmed) * 1000;
  }
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/** A new signing secret: `whsec_` and the base64 of 32 random bytes (Standard Webhooks). */
export function generateSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * The `webhook-signature` value of one attempt: `v1,<base64 HMAC-SHA256 of id.timestamp.body>` for
 * each secret, space-separated (two during a rotation's overlap).
 */
export function signatureHeader(
  secrets: string[],
  id: string,
  timestampSeconds: number,
  body: string,
): string {
  const content = `${id}.${timestampSeconds}.${body}`;
  return secrets
    .map((secret) => {
      const key = Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
      return `v1,${createHmac('sha256', key).update(content).digest('base64')}`;
    })
    .join(' ');
}

/** The JSON body of a delivery: the event as the event stream shows it. */
export function deliveryBody(event: {
  id: string;
  type: string;
  occurredAt: Date;
  orgId: string;
  data: Record<string, unknown>;
}): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    occurred_at: event.occurredAt.toISOString(),
    org_id: event.orgId,
    data: event.data,
  });
}
