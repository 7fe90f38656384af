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
    // Its subscription is back too: what another instance publishes reaches this one's streams.
    let marker = 0;
    assert.ok(
      await eventually(async () => {
        await other.events.publish([
          {
            id: `after-outage-${marker++}`,
            orgId,
            type: 'team.updated',
            data: { team_id: team.id, fields: ['name'] },
            occurredAt: new Date(),
          },
        ]);
        return seen.some((e) => e.id.startsWith('after-outage-'));
      }, 10_000),
      "another instance's events arrive again",
    );
    await realtime.presence.forget(orgId, before.id);
    await realtime.presence.forget(orgId, during.id);
  });

  it('under load: no request fails while Redis is cut, and presence is shared again after', async () => {
    const orgId = env.platform.defaultOrgId;
    const team = expectJson<{ id: string }>(await api.post('/v1/teams', { name: 'Load team' }), 201);
    const agent = expectJson<{ id: string }>(
      await api.post('/v1/agents', { email: 'load@outage.test', full_name: 'Load' }),
      201,
    );
    let phase: 'before' | 'cut' | 'after' = 'before';
    const seenIn = { before: 0, cut: 0, after: 0 };
    const failures: string[] = [];
    let stop = false;
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const startedIn = phase;
        const started = Date.now();
        const op = i % 4;
        const response =
          op === 0
            ? await api.post('/v1/agents', { email: `load-${w}-${i}@outage.test`, full_name: `L ${w} ${i}` })
            : op === 1
              ? await api.patch(`/v1/teams/${team.id}`, { description: `w${w} i${i}` })
              : op === 2
                ? await api.post(`/v1/agents/${agent.id}/presence/heartbeat`, { device_id: `w${w}` })
                : await api.get(`/v1/teams/${team.id}/members`);
        // Generous for a loaded machine; a request waiting on Redis would wait for the whole cut.
        if (response.statusCode >= 300 || Date.now() - started > 3000) {
          failures.push(
            `${response.statusCode} in ${Date.now() - started} ms: ${response.body.slice(0, 200)}`,
          );
        }
        // Counted only when the whole request ran inside one phase.
        if (phase === startedIn) {
          seenIn[startedIn]++;
        }
      }
    };
    const workers = Array.from({ length: 6 }, (_, w) => worker(w));
    const atLeast = (which: keyof typeof seenIn, n: number) => eventually(() => seenIn[which] >= n, 10_000);
    assert.ok(await atLeast('before', 50), `requests before the cut: ${seenIn.before}`);
    await proxy.cut();
    phase = 'cut';
    assert.ok(await atLeast('cut', 100), `requests ran during the outage: ${seenIn.cut}`);
    const view = expectJson<{ connection: string }>(
      await quickly(api.get(`/v1/agents/${agent.id}/presence`)),
      200,
    );
    assert.equal(view.connection, 'online', 'presence answers from the local view');
    await proxy.open();
    const reopenedAt = Date.now();
    phase = 'after';
    await realtime.presence.forget(orgId, agent.id).catch(() => {});
    const shared = await eventually(
      async () => (await other.presence.read(orgId, [agent.id], new Date())).get(agent.id)?.online === true,
      10_000,
    );
    const recoveredIn = Date.now() - reopenedAt;
    assert.ok(await atLeast('after', 50), `requests after the cut: ${seenIn.after}`);
    stop = true;
    await Promise.all(workers);
    assert.deepEqual(failures, [], 'every request succeeded within 3 s, before, during and after');
    assert.ok(shared, 'heartbeats reach Redis again once it is back');
    assert.ok(recoveredIn <= 5_000, `presence shared again after ${recoveredIn} ms`);
    await realtime.presence.forget(orgId, agent.id);
  });
});
