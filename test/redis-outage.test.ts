import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PublishedEvent } from '../src/core/events/bus.js';
import { buildApp } from '../src/http/app.js';
import { createRealtime, type Realtime } from '../src/realtime/realtime.js';
import { eventually, TcpProxy, TEST_REDIS_URL } from '../src/realtime/redis-test-support.js';
import { createTestEnv, TEST_MASTER_KEY, type TestEnv } from './harness.js';
import { type Client, client, expectJson, expectNoContent } from './http.js';

/** Answers within `ms`, as a request must while Redis is away: a hung request is a failure too. */
async function quickly<T>(op: Promise<T>, ms = 1000): Promise<T> {
  const started = Date.now();
  const result = await op;
  assert.ok(Date.now() - started < ms, `took ${Date.now() - started} ms`);
  return result;
}

/**
 * The whole app on a Redis reached through a proxy the test cuts: the directory keeps working,
 * presence falls back to the instance's own view, and Redis has it again once it returns.
 */
describe('Redis going away and coming back', { timeout: 60_000 }, () => {
  const proxy = new TcpProxy(new URL(TEST_REDIS_URL));
  let env: TestEnv;
  let realtime: Realtime;
  /** Another instance's view, straight on Redis. */
  let other: Realtime;
  let api: Client;
  let close = async () => {};
  const seen: PublishedEvent[] = [];

  before(async () => {
    await proxy.open();
    env = await createTestEnv();
    realtime = await createRealtime({ redisUrl: proxy.url, presenceTtlSeconds: 60 });
    other = await createRealtime({ redisUrl: TEST_REDIS_URL, presenceTtlSeconds: 60 });
    realtime.events.subscribe((event) => seen.push(event));
    const { app } = await buildApp({
      db: env.database.db,
      ping: env.database.ping,
      platform: env.platform,
      config: { logLevel: 'silent', bodyLimitBytes: 1_048_576, sseKeepAliveSeconds: 15 },
      now: () => new Date(),
      events: realtime.events,
      presence: realtime.presence,
    });
    await app.ready();
    api = client(app, TEST_MASTER_KEY);
    close = async () => {
      await app.close();
    };
  });

  after(async () => {
    await close();
    await realtime.close();
    await other.close();
    await proxy.cut();
    await env.close();
  });

  it('keeps teams, agents and presence working, then resynchronises Redis', async () => {
    const orgId = env.platform.defaultOrgId;
    const before = expectJson<{ id: string }>(
      await api.post('/v1/agents', { email: 'before@outage.test', full_name: 'Before' }),
      201,
    );
    expectNoContent(await api.post(`/v1/agents/${before.id}/presence/heartbeat`, { device_id: 'a' }));
    const onlineElsewhere = async (agentId: string) =>
      (await other.presence.read(orgId, [agentId], new Date())).get(agentId)?.online === true;
    assert.ok(await eventually(() => onlineElsewhere(before.id)), 'Redis holds the first heartbeat');

    await proxy.cut();
    const team = expectJson<{ id: string }>(
      await quickly(api.post('/v1/teams', { name: 'Outage team' })),
      201,
    );
    const during = expectJson<{ id: string }>(
      await quickly(api.post('/v1/agents', { email: 'during@outage.test', full_name: 'During' })),
      201,
    );
    expectJson(await quickly(api.post(`/v1/teams/${team.id}/members`, { user_id: during.id })), 201);
    expectNoContent(
      await quickly(api.post(`/v1/agents/${during.id}/presence/heartbeat`, { device_id: 'b' })),
    );
    const view = expectJson<{ connection: string }>(
      await quickly(api.get(`/v1/agents/${during.id}/presence`)),
      200,
    );
    assert.equal(view.connection, 'online', 'the instance answers from its own view');
    assert.ok(
      await eventually(() => seen.some((e) => e.type === 'team.created' && e.data.team_id === team.id)),
      "the instance's own streams still get its events",
    );
    assert.equal(await onlineElsewhere(during.id), false, 'Redis has not heard of the heartbeat yet');

    await proxy.open();
    assert.ok(await eventually(() => onlineElsewhere(during.id), 10_000), 'Redis has the outage heartbeat');
    assert.ok(await onlineElsewhere(before.id));
    await realtime.presence.forget(orgId, before.id);
    await realtime.presence.forget(orgId, during.id);
  });
});
