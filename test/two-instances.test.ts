import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { newId } from '../src/core/ids.js';
import { createPgDatabase } from './harness.js';
import { call, killServers, type Server, startServer } from './server.js';
import { connectSse, type SseConnection } from './sse.js';

const REDIS_URL = process.env.ROSTER_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const MASTER = `roster_mk_two_instances_${'z'.repeat(32)}`;
const TTL_SECONDS = 5;

/**
 * Two real server processes on one PostgreSQL database and one Redis: what a heartbeat on one
 * instance does must show on the other's event stream, and expiry must be reported once in all.
 * Several instances cannot share the embedded database, so this always runs on PostgreSQL.
 */
describe('two instances sharing PostgreSQL and Redis', { timeout: 120_000 }, () => {
  let drop = async () => {};
  let ownerUrl = '';
  let a: Server;
  let b: Server;
  const streams: SseConnection[] = [];

  before(async () => {
    const database = await createPgDatabase();
    drop = database.drop;
    ownerUrl = database.url;
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL,
      ROSTER_MASTER_KEY: MASTER,
      ROSTER_PRESENCE_TTL_SECONDS: String(TTL_SECONDS),
    };
    // Started together: they migrate the fresh database at the same time, one after the other.
    [a, b] = await Promise.all([startServer(env), startServer(env)]);
  });

  after(async () => {
    for (const stream of streams) {
      stream.close();
    }
    await Promise.all([a?.stop(), b?.stop()]);
    killServers();
    await drop();
  });

  it('a heartbeat on A reaches a stream on B; expiry goes out once', async () => {
    const agent = await call(a.base, MASTER, 'POST', '/v1/agents', {
      email: 'shared@example.com',
      full_name: 'Shared Agent',
    });
    assert.equal(agent.status, 201);
    const agentId: string = agent.body.id;
    const isOurs = (connection: string) => (f: { data: { type: string; data: Record<string, unknown> } }) =>
      f.data.type === 'agent.presence_changed' &&
      f.data.data.agent_id === agentId &&
      f.data.data.connection === connection;

    const onB = await connectSse(`${b.base}/v1/events?types=agent.presence_changed`, {
      authorization: `Bearer ${MASTER}`,
    });
    const onA = await connectSse(`${a.base}/v1/events?types=agent.presence_changed`, {
      authorization: `Bearer ${MASTER}`,
    });
    streams.push(onA, onB);
    assert.equal(onB.status, 200);

    const sent = Date.now();
    const beat = await call(a.base, MASTER, 'POST', `/v1/agents/${agentId}/presence/heartbeat`, {
      device_id: 'laptop',
    });
    assert.equal(beat.status, 204);
    // How soon is the scale-out benchmark's to measure (presence p99); here only that it comes.
    await onB.waitFor(isOurs('online'));
    process.stdout.write(`# delivered on B after ${Date.now() - sent} ms\n`);

    const seenOnB = await call(b.base, MASTER, 'GET', `/v1/agents/${agentId}/presence`);
    assert.equal(seenOnB.body.connection, 'online', 'B reads the presence A recorded');

    // No more heartbeats: both instances sweep, the agent must go offline once, within TTL + 5 s.
    await onB.waitFor(isOurs('offline'), (TTL_SECONDS + 5) * 1000);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    assert.equal(onB.frames.filter(isOurs('offline')).length, 1, 'one offline event on B');
    assert.equal(onA.frames.filter(isOurs('offline')).length, 1, 'one offline event on A');
    assert.equal(onB.frames.filter(isOurs('online')).length, 1);

    const offline = await call(a.base, MASTER, 'GET', `/v1/agents/${agentId}/presence`);
    assert.equal(offline.body.connection, 'offline');
    assert.ok(offline.body.last_seen, 'last_seen was recorded at the transition');
  });

  it('both streams carry every event once in one order while both instances and late commits write; resuming on either yields the rest', async () => {
    const anchor = await call(a.base, MASTER, 'POST', '/v1/teams', { name: 'Anchor' });
    assert.equal(anchor.status, 201);
    const owner = new pg.Client({ connectionString: ownerUrl });
    await owner.connect();
    try {
      const [first] = (
        await owner.query(
          `SELECT id, org_id FROM outbox_events WHERE type = 'team.created' ORDER BY xid DESC LIMIT 1`,
        )
      ).rows;
      const orgId: string = first.org_id;
      const anchorId: string = first.id;
      const headers = { authorization: `Bearer ${MASTER}`, 'last-event-id': anchorId };
      const onA = await connectSse(`${a.base}/v1/events?types=team.*`, headers);
      const onB = await connectSse(`${b.base}/v1/events?types=team.*`, headers);
      streams.push(onA, onB);

      // Writers on both instances, and transactions that write an event and commit up to 60 ms
      // later, on connections of their own (announced to no one: the instances find them by polling).
      const viaApi = [a, b, a, b].map(async (server, w) => {
        for (let i = 0; i < 15; i++) {
          const made = await call(server.base, MASTER, 'POST', '/v1/teams', { name: `W${w}-${i}` });
          assert.equal(made.status, 201);
        }
      });
      const late = [0, 1, 2].map(async (w) => {
        const client = new pg.Client({ connectionString: ownerUrl });
        await client.connect();
        try {
          for (let i = 0; i < 15; i++) {
            await client.query('BEGIN');
            await client.query(
              `INSERT INTO outbox (id, org_id, type, payload, created_at) VALUES ($1, $2, 'team.updated', $3, now())`,
              [newId(), orgId, JSON.stringify({ team_id: `late-${w}-${i}`, fields: ['name'] })],
            );
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 60));
            await client.query('COMMIT');
          }
        } finally {
          await client.end();
        }
      });
      await Promise.all([...viaApi, ...late]);

      const stored: string[] = (
        await owner.query(
          `SELECT id FROM outbox_events WHERE org_id = $1 AND type LIKE 'team.%' AND (xid, id) > (SELECT xid, id FROM outbox_events WHERE id = $2)
           ORDER BY xid, id`,
          [orgId, anchorId],
        )
      ).rows.map((r) => r.id);
      assert.equal(stored.length, 4 * 15 + 3 * 15);
      const last = stored.at(-1);
      for (const stream of [onA, onB]) {
        await stream.waitFor((f) => f.id === last, 10_000);
        assert.deepEqual(
          stream.frames.map((f) => f.id),
          stored,
          'every event once, in feed order',
        );
      }
      // Resume after every fifth event, each time on the instance the previous stream did not use.
      for (let i = 0; i < stored.length - 1; i += 5) {
        const server = i % 2 === 0 ? b : a;
        const resumed = await connectSse(`${server.base}/v1/events?types=team.*`, {
          authorization: `Bearer ${MASTER}`,
          'last-event-id': String(stored[i]),
        });
        await resumed.waitFor((f) => f.id === last, 10_000);
        resumed.close();
        assert.deepEqual(
          resumed.frames.map((f) => f.id),
          stored.slice(i + 1),
          `resuming after event ${i}`,
        );
      }
    } finally {
      await owner.end();
    }
  });
});
