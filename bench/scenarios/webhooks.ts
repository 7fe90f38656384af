/**
 * webhooks. Webhook delivery to 10 endpoints of one org on a local receiver (issue 22 §4), against
 * a bare loop that reads the same outbox rows in the same order and POSTs the same signed bodies
 * (bench/baselines/webhook-loop.ts).
 *
 * - Throughput: EVENTS `agent.created` events are committed first (bulk creates) while the 10
 *   endpoints are disabled; then they are enabled, and the figure is deliveries/s from the first
 *   delivery received to the last (EVENTS x 10). The bare loop delivers the same rows, from
 *   the same position, to paths of its own; the two go first in turn, pair by pair, after a
 *   warm-up pair that is checked but not counted. (Measuring from the first receipt leaves out
 *   the up to 1 s Roster takes to claim an endpoint just enabled.)
 * - Latency: availability changes (`PUT /v1/agents/{id}/availability`, one event each) at half the
 *   throughput goal, 1,000 deliveries/s (100 events/s, each to 10 endpoints), for SECONDS;
 *   p50/p99 from each event's `occurred_at`, stamped in the writing transaction just before its
 *   commit, to its receipt. The bare loop's run produces the same changes, through Roster, in a
 *   second org where Roster has no endpoints.
 *
 * The receiver checks every delivery's signature (node:crypto, and the first of each endpoint per
 * run with the `standardwebhooks` package) and that every endpoint received the org's matching
 * outbox rows after the run's start position and nothing else; for the throughput runs also that
 * the bare loop's bodies are Roster's, byte for byte. Each event's first delivery counts for the
 * figures. Deliveries repeated or out of `(xid, id)` order are counted: for Roster they are a
 * figure of their own (goal 0); the bare loop must have none.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { bareWebhookLoop, type FeedCursor, type LoopEndpoint } from '../baselines/webhook-loop.js';
import { tenant } from '../data.js';
import {
  api,
  databaseEnv,
  freshDatabase,
  inTurn,
  must,
  POOL_SIZE,
  paced,
  percentile,
  sleep,
  spread,
  startRoster,
} from '../lib.js';
import { one, record } from '../report.js';
import type { Bench, Scenario, Tenant } from '../scenario.js';
import { PAIRS, QUICK, SECONDS } from '../settings.js';
import {
  type Anomalies,
  allReceived,
  checkBare,
  checkRun,
  type Delivery,
  type Received,
  Receiver,
} from '../webhook-receiver.js';

const ENDPOINTS = 10;
/** The throughput goal is 2,000 deliveries/s; latency is measured at half of it (issue 22 §4). */
const LATENCY_DELIVERIES_PER_SECOND = 1_000;
/** Events of a throughput run; each goes to every endpoint. */
const EVENTS = QUICK ? 200 : 2_000;
/** Agents whose availability the latency runs toggle, per org. */
const AGENTS = 500;
const EVENT_TYPES = ['agent.created', 'agent.availability_changed'];
/** The bare loop reads again this long after finding nothing. */
const POLL_MS = 10;
/** Requests of the latency runs' producer in flight at most. */
const MAX_IN_FLIGHT = 32;

// ---------------------------------------------------------------------------------------------
// The feed, as the database holds it

/** The feed's end now: every event committed from here on comes after it. */
async function feedEnd(client: pg.Client): Promise<FeedCursor> {
  const { rows } = await client.query<{ xid: string }>(
    'SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xid',
  );
  return { xid: rows[0]?.xid as string, id: '00000000-0000-0000-0000-000000000000' };
}

/** The org's events of EVENT_TYPES after `from`, in feed order. */
async function eventsAfter(client: pg.Client, orgId: string, from: FeedCursor): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id FROM outbox_events
     WHERE org_id = $1 AND (xid, row_id) > ($2::xid8, $3::uuid) AND (xid, id) > ($2::xid8, $3::uuid)
       AND type = ANY($4::text[])
     ORDER BY xid, row_id, n`,
    [orgId, from.xid, from.id, EVENT_TYPES],
  );
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------------------------------------
// Load

/** Creates `n` agents through the bulk API, 1,000 a call; returns their ids. */
async function createAgents(base: string, t: Tenant, n: number, label: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1000) {
    const agents = Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({
      email: `${label}-${i + k}@webhooks.bench.test`,
      full_name: `Agent ${i + k}`,
    }));
    const res = await must(
      api<{ created: number; results: { id: string | null }[] }>(base, t.key, 'POST', '/v1/agents/bulk', {
        agents,
      }),
      200,
    );
    if (res.created !== agents.length) {
      throw new Error(`webhooks: the bulk call created ${res.created} of ${agents.length} agents`);
    }
    ids.push(...res.results.map((r) => r.id as string));
  }
  return ids;
}

/** Toggles the availability of an org's agents in turn: one `agent.availability_changed` each. */
function toggler(base: string, t: Tenant, agents: string[]) {
  const available = new Map<string, boolean>();
  return async (i: number) => {
    const id = agents[i % agents.length] as string;
    // Agents start available.
    const next = !(available.get(id) ?? true);
    available.set(id, next);
    const res = await api(base, t.key, 'PUT', `/v1/agents/${id}/availability`, { available: next });
    if (res.status !== 200) {
      throw new Error(`webhooks: availability answered ${res.status}: ${JSON.stringify(res.body)}`);
    }
  };
}

// ---------------------------------------------------------------------------------------------

async function run(bench: Bench): Promise<void> {
  console.log(
    `\nwebhooks. deliveries to ${ENDPOINTS} endpoints on a local receiver, against a bare loop over the same feed`,
  );
  const db = await freshDatabase('webhooks');
  bench.databases.push(db);
  const roster = await startRoster({
    ...databaseEnv(db, 'superuser'),
    ROSTER_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
  });
  bench.processes.push(roster);
  const receiver = new Receiver();
  await receiver.listen();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    // Roster's endpoints and the bare loop's latency runs each have an org: the bare loop's
    // changes are made through Roster too, where no endpoint of Roster's would deliver them.
    const org = await tenant(roster.base);
    const bareOrg = await tenant(roster.base);
    const toggles = toggler(roster.base, org, await createAgents(roster.base, org, AGENTS, 'r'));
    const bareToggles = toggler(roster.base, bareOrg, await createAgents(roster.base, bareOrg, AGENTS, 'b'));

    /** Registers ENDPOINTS endpoints under `/roster/{label}/k`. */
    const register = async (label: string, enabled: boolean) => {
      const endpoints: { id: string; path: string; secret: string }[] = [];
      for (let k = 0; k < ENDPOINTS; k++) {
        const path = `/roster/${label}/${k}`;
        const created = await must(
          api<{ id: string; secret: string }>(roster.base, org.key, 'POST', '/v1/webhooks', {
            url: `${receiver.base}${path}`,
            event_types: EVENT_TYPES,
            enabled,
          }),
          201,
        );
        endpoints.push({ id: created.id, path, secret: created.secret });
      }
      return endpoints;
    };
    const remove = async (endpoints: { id: string }[]) => {
      for (const e of endpoints) {
        await must(api(roster.base, org.key, 'DELETE', `/v1/webhooks/${e.id}`), 204);
      }
    };
    /** Waits until Roster's sender holds the leases of `endpoints` (it claims once a second). */
    const claimed = async (endpoints: { id: string }[]) => {
      const deadline = performance.now() + 10_000;
      for (;;) {
        const { rows } = await client.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM webhook_endpoints
           WHERE id = ANY($1::uuid[]) AND lease_owner IS NOT NULL AND lease_until > now()`,
          [endpoints.map((e) => e.id)],
        );
        if (rows[0]?.n === endpoints.length) {
          return;
        }
        if (performance.now() > deadline) {
          throw new Error('webhooks: Roster did not claim its endpoints within 10 s');
        }
        await sleep(20);
      }
    };
    const bareEndpoints = (label: string, secrets: string[]): (LoopEndpoint & Delivery)[] =>
      secrets.map((secret, k) => {
        const path = `/bare/${label}/${k}`;
        return { path, secret, url: `${receiver.base}${path}`, eventTypes: EVENT_TYPES };
      });
    const loop = (orgId: string, endpoints: LoopEndpoint[], from: FeedCursor, stop: () => boolean) =>
      bareWebhookLoop({
        url: db.url,
        orgId,
        endpoints,
        from,
        connections: POOL_SIZE,
        pollMs: POLL_MS,
        stop,
      });
    const rate = (r: Received) =>
      r.first === null || r.last <= r.first ? 0 : r.count / ((r.last - r.first) / 1000);

    // Throughput: a backlog of EVENTS events, delivered to every endpoint.
    const tput = { roster: [] as number[], bare: [] as number[] };
    /** Roster's duplicates and deliveries out of order, throughput and latency runs together. */
    const anomalies: Anomalies = { duplicates: 0, outOfOrder: 0 };
    const add = (found: Anomalies) => {
      anomalies.duplicates += found.duplicates;
      anomalies.outOfOrder += found.outOfOrder;
    };
    // A warm-up pair first (i = -1, not counted), as scenarios a and d drive each side once
    // before measuring: Roster's process is new to this scenario, and its first pair measured
    // the compiling of its sending path (in the full run of 2026-12-06 23:46 UTC 5,140
    // deliveries/s against 6,600-6,740 for the next two).
    for (let i = QUICK ? 0 : -1; i < PAIRS; i++) {
      const counted = i >= 0;
      const endpoints = await register(`t${i}`, false);
      const from = await feedEnd(client);
      await createAgents(roster.base, org, EVENTS, `t${i}`);
      const ids = await eventsAfter(client, org.orgId, from);
      if (ids.length !== EVENTS) {
        throw new Error(`webhooks: ${ids.length} events in the feed for ${EVENTS} agents created`);
      }
      // The receiver follows one run at a time: each side starts its own just before it goes.
      const runs: { roster?: Received; bare?: Received } = {};
      const rosterSide = async () => {
        const mine = receiver.expect(endpoints);
        runs.roster = mine;
        await Promise.all(
          endpoints.map((e) =>
            must(api(roster.base, org.key, 'PATCH', `/v1/webhooks/${e.id}`, { enabled: true }), 200),
          ),
        );
        await allReceived(mine, ids.length, 'Roster, throughput');
        add(checkRun(mine, ids, 'Roster, throughput'));
        if (counted) {
          tput.roster.push(rate(mine));
        }
        await remove(endpoints);
      };
      const bareSide = bareEndpoints(
        `t${i}`,
        endpoints.map((e) => e.secret),
      );
      const bareLoopSide = async () => {
        const bare = receiver.expect(bareSide);
        runs.bare = bare;
        const sent = await loop(org.orgId, bareSide, from, () => true);
        await allReceived(bare, ids.length, 'bare loop, throughput');
        checkBare(bare, ids, 'bare loop, throughput');
        if (sent !== ids.length * ENDPOINTS) {
          throw new Error(`webhooks: the bare loop sent ${sent} for ${ids.length * ENDPOINTS}`);
        }
        if (counted) {
          tput.bare.push(rate(bare));
        }
      };
      // Each side goes first in turn: the first to read a backlog just written reads it from
      // colder caches, and the first pair's from a colder process.
      for (const side of inTurn([rosterSide, bareLoopSide], i)) {
        await side();
      }
      const { roster: rosterRun, bare: bareRun } = runs;
      if (rosterRun === undefined || bareRun === undefined) {
        throw new Error('webhooks: a side of the throughput pair did not run');
      }
      for (const [id, body] of rosterRun.bodies) {
        if (bareRun.bodies.get(id) !== body) {
          throw new Error(
            `webhooks: the bare loop's body of ${id} differs:\n${body}\n${bareRun.bodies.get(id)}`,
          );
        }
      }
    }
    const throughput = { roster: spread(tput.roster), baseline: spread(tput.bare) };
    record({
      scenario: 'webhooks',
      figure: `deliveries/s, ${ENDPOINTS} endpoints x ${EVENTS} events`,
      unit: 'deliveries/s',
      ...throughput,
      goal: '>= 2,000/s and >= 0.8x',
      met: throughput.roster.median >= 2000 && throughput.roster.median >= 0.8 * throughput.baseline.median,
    });

    // Latency at half the goal's throughput, the same offered load for both sides. (Half of the
    // throughput measured made the test harder the faster Roster got: at 3,000 deliveries/s the
    // producer's 300 writes/s and the deliveries saturated two cores, the bare loop's too.)
    const deliveriesPerSecond = LATENCY_DELIVERIES_PER_SECOND;
    const eventsPerSecond = deliveriesPerSecond / ENDPOINTS;
    const lat = {
      roster: { p50: [] as number[], p99: [] as number[] },
      bare: { p50: [] as number[], p99: [] as number[] },
    };
    for (let i = 0; i < PAIRS; i++) {
      const endpoints = await register(`l${i}`, true);
      await claimed(endpoints);
      const from = await feedEnd(client);
      const mine = receiver.expect(endpoints);
      await paced(MAX_IN_FLIGHT, eventsPerSecond, SECONDS, toggles);
      const ids = await eventsAfter(client, org.orgId, from);
      await allReceived(mine, ids.length, 'Roster, latency');
      add(checkRun(mine, ids, 'Roster, latency'));
      lat.roster.p50.push(percentile(mine.latencies, 50));
      lat.roster.p99.push(percentile(mine.latencies, 99));
      await remove(endpoints);

      const bareSide = bareEndpoints(
        `l${i}`,
        endpoints.map(() => `whsec_${randomBytes(32).toString('base64')}`),
      );
      const bareFrom = await feedEnd(client);
      const bare = receiver.expect(bareSide);
      let stop = false;
      const running = loop(bareOrg.orgId, bareSide, bareFrom, () => stop);
      // Its failure is awaited below; until then it must not count as unhandled.
      running.catch(() => {});
      try {
        await paced(MAX_IN_FLIGHT, eventsPerSecond, SECONDS, bareToggles);
        const bareIds = await eventsAfter(client, bareOrg.orgId, bareFrom);
        await Promise.race([allReceived(bare, bareIds.length, 'bare loop, latency'), running]);
        checkBare(bare, bareIds, 'bare loop, latency');
      } finally {
        stop = true;
        await running;
      }
      lat.bare.p50.push(percentile(bare.latencies, 50));
      lat.bare.p99.push(percentile(bare.latencies, 99));
    }
    const at = `at ${Math.round(deliveriesPerSecond)} deliveries/s`;
    const p99 = { roster: spread(lat.roster.p99), baseline: spread(lat.bare.p99) };
    record({
      scenario: 'webhooks',
      figure: `p99 commit to receipt ${at} (ms)`,
      unit: 'ms',
      ...p99,
      goal: '<= 500 ms',
      met: p99.roster.median <= 500,
    });
    record({
      scenario: 'webhooks',
      figure: `p50 commit to receipt ${at} (ms)`,
      unit: 'ms',
      roster: spread(lat.roster.p50),
      baseline: spread(lat.bare.p50),
      goal: 'reported',
      met: null,
    });
    record({
      scenario: 'webhooks',
      figure: `deliveries repeated / out of feed order (all runs)`,
      unit: 'deliveries',
      roster: one(anomalies.duplicates + anomalies.outOfOrder),
      baseline: one(0),
      ratio: null,
      goal: `0 (${anomalies.duplicates} repeated, ${anomalies.outOfOrder} out of order; ${receiver.strays} after their run)`,
      met: anomalies.duplicates + anomalies.outOfOrder === 0,
    });
  } finally {
    await client.end();
    await receiver.close();
    await roster.stop();
  }
}

export const scenarioWebhooks: Scenario = { name: 'webhooks', run };
