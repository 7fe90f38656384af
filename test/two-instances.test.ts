import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
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
  let a: Server;
  let b: Server;
  const streams: SseConnection[] = [];

  before(async () => {
    const database = await createPgDatabase();
    drop = database.drop;
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

  it('a heartbeat on A reaches a stream on B within a second; expiry goes out once', async () => {
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
    await onB.waitFor(isOurs('online'), 1000);
    assert.ok(Date.now() - sent < 1000, 'delivered within a second');

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
});
