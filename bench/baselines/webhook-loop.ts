/**
 * Baseline for the webhooks scenario: a bare delivery loop. For each endpoint, one loop reads the
 * org's events after its cursor the way Roster's feed does (from the view `outbox_events`, which
 * gives a group row back as its events, in `(xid, id)` order, only below the xmin of the reading
 * statement's snapshot, 100 a page), and POSTs each event whose type
 * the endpoint takes, one after another, with the body and Standard Webhooks headers Roster sends
 * (`v1,` base64 HMAC-SHA256 of `id.timestamp.body`, node:crypto as Roster signs). The endpoints'
 * loops run concurrently over a pool of as many connections as Roster's, and POST through a
 * keep-alive `node:http` agent as Roster's sender does. Nothing else: the cursor stays in memory,
 * no delivery log, no leases, no retries (a non-2xx answer ends the run with an error). An idle
 * loop reads again after `pollMs`: it has no commit announcements to wake it.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';

export interface LoopEndpoint {
  url: string;
  /** The `whsec_...` signing secret. */
  secret: string;
  /** Exact event types (the scenario's endpoints use no patterns). */
  eventTypes: string[];
}

/** A place in the feed: the writing transaction's id (xid8 as text) and the event's id. */
export interface FeedCursor {
  xid: string;
  id: string;
}

interface OutboxRow {
  id: string;
  org_id: string;
  type: string;
  payload: Record<string, unknown>;
  created_at: Date;
  xid: string;
}

const PAGE = 100;

const READ = {
  name: 'webhook-loop-read',
  text: `SELECT id, org_id, type, payload, created_at, xid::text AS xid FROM outbox_events
         WHERE org_id = $1 AND (xid, row_id) > ($2::xid8, $3::uuid) AND (xid, id) > ($2::xid8, $3::uuid)
           AND xid < pg_snapshot_xmin(pg_current_snapshot())
         ORDER BY outbox_events.xid, outbox_events.row_id, outbox_events.n LIMIT ${PAGE}`,
};

/** The body Roster sends for an event (src/core/webhooks/policy.ts `deliveryBody`). */
export function bodyOf(row: OutboxRow): string {
  return JSON.stringify({
    id: row.id,
    type: row.type,
    occurred_at: row.created_at.toISOString(),
    org_id: row.org_id,
    data: row.payload,
  });
}

/** `webhook-signature` per Standard Webhooks: `v1,` and the base64 HMAC-SHA256 of `id.timestamp.body`. */
export function sign(key: Buffer, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

export const secretKey = (secret: string) =>
  Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');

function post(agent: http.Agent, url: URL, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      agent,
      headers: { ...headers, 'content-length': Buffer.byteLength(body).toString() },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Delivers the org's feed after `from` to every endpoint until `stop()` is true when a loop finds
 * nothing more to read (for a backlog: `() => true`, each loop ends once it has read everything).
 * Returns the number of deliveries made.
 */
export async function bareWebhookLoop(options: {
  url: string;
  orgId: string;
  endpoints: LoopEndpoint[];
  from: FeedCursor;
  /** Pooled connections, as Roster's pool has. */
  connections: number;
  pollMs: number;
  stop: () => boolean;
}): Promise<number> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.connections });
  // As Roster's sender: keep-alive, at most 16 sockets per receiver host.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  let sent = 0;
  try {
    await Promise.all(
      options.endpoints.map(async (endpoint) => {
        const url = new URL(endpoint.url);
        const key = secretKey(endpoint.secret);
        const types = new Set(endpoint.eventTypes);
        let cursor = options.from;
        for (;;) {
          const { rows } = await pool.query<OutboxRow>({
            ...READ,
            values: [options.orgId, cursor.xid, cursor.id],
          });
          if (rows.length === 0) {
            if (options.stop()) {
              return;
            }
            await new Promise((resolve) => setTimeout(resolve, options.pollMs));
            continue;
          }
          for (const row of rows) {
            if (types.has(row.type)) {
              const body = bodyOf(row);
              const timestamp = Math.floor(Date.now() / 1000);
              const status = await post(
                agent,
                url,
                {
                  'content-type': 'application/json',
                  'user-agent': 'Roster-Bench-Loop/1',
                  'webhook-id': row.id,
                  'webhook-timestamp': String(timestamp),
                  'webhook-signature': sign(key, row.id, timestamp, body),
                },
                body,
              );
              if (status < 200 || status >= 300) {
                throw new Error(`webhook loop: ${endpoint.url} answered ${status}`);
              }
              sent++;
            }
            cursor = { xid: row.xid, id: row.id };
          }
        }
      }),
    );
  } finally {
    agent.destroy();
    await pool.end();
  }
  return sent;
}
