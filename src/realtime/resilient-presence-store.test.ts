import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Redis } from 'ioredis';
import { closeRedisClient } from './redis-client.js';
import { RedisPresenceStore } from './redis-presence-store.js';
import {
  connectRedis,
  deleteKeys,
  eventually,
  TcpProxy,
  TEST_REDIS_URL,
  uniquePrefix,
} from './redis-test-support.js';
import { ResilientPresenceStore } from './resilient-presence-store.js';

const TTL = 60_000;
const prefix = uniquePrefix('resilient');

/** Runs `op` and fails when it took long enough to hold up an HTTP request. */
async function quickly<T>(op: Promise<T>, limitMs = 300): Promise<T> {
  const started = Date.now();
  const result = await op;
  assert.ok(Date.now() - started < limitMs, `took ${Date.now() - started} ms while Redis was away`);
  return result;
}

describe('ResilientPresenceStore', () => {
  const proxy = new TcpProxy(new URL(TEST_REDIS_URL));
  const org = randomUUID();
  const [elsewhere, signedOutWhileDown, heartbeatWhileDown, expiredWhileDown] = [
    randomUUID(),
    randomUUID(),
    randomUUID(),
    randomUUID(),
  ];
  const t = Date.now();
  let viaProxy: Redis;
  let direct: Redis;
  let store: ResilientPresenceStore;
  /** Another instance, whose connection to Redis never breaks. */
  let other: RedisPresenceStore;

  before(async () => {
    await proxy.open();
    viaProxy = await connectRedis(proxy.url);
    direct = await connectRedis();
    store = new ResilientPresenceStore(viaProxy, TTL, { prefix });
    other = new RedisPresenceStore(direct, TTL, { prefix });
  });

  after(async () => {
    await store.close();
    await closeRedisClient(viaProxy);
    await proxy.cut();
    await deleteKeys(direct, prefix);
    await closeRedisClient(direct);
  });

  it('reads and reports from Redis while it is up', async () => {
    assert.equal(await store.whenSynced(2_000), true);
    await other.heartbeat(org, elsewhere, 'web', ['chat'], new Date(t));
    // Shown here though this instance never saw the heartbeat: the read went to Redis.
    assert.equal((await store.read(org, [elsewhere], new Date(t))).get(elsewhere)?.online, true);
    assert.equal((await store.heartbeat(org, signedOutWhileDown, 'web', [], new Date(t)))?.online, true);
    assert.equal(
      (await other.read(org, [signedOutWhileDown], new Date(t))).get(signedOutWhileDown)?.online,
      true,
    );
    // Redis already knows the agent, so a second instance's first heartbeat is no transition.
    assert.equal(await other.heartbeat(org, signedOutWhileDown, 'phone', [], new Date(t)), null);
    await other.signOut(org, signedOutWhileDown, 'phone', new Date(t));
  });

  it('falls back to its own view, without hanging, while Redis is away', async () => {
    await proxy.cut();
    assert.ok(await eventually(() => !store.usingRedis, 2_000), 'did not notice Redis leaving');

    const online = await quickly(
      store.heartbeat(org, heartbeatWhileDown, 'web', ['email'], new Date(t + 1_000)),
    );
    assert.equal(online?.online, true);
    await quickly(store.heartbeat(org, expiredWhileDown, 'web', [], new Date(t + 1_000 - TTL)));

    const view = await quickly(store.read(org, [heartbeatWhileDown, elsewhere], new Date(t + 2_000)));
    assert.deepEqual(view.get(heartbeatWhileDown), {
      online: true,
      lastSeen: new Date(t + 1_000),
      activeChannels: ['email'],
    });
    // The other instance's agent is unknown to this instance's own view.
    assert.equal(view.get(elsewhere)?.online, false);

    const swept = await quickly(store.sweep(new Date(t + 2_000)));
    assert.deepEqual(
      swept.map((x) => [x.agentId, x.online]),
      [[expiredWhileDown, false]],
    );
    const offline = await quickly(store.signOut(org, signedOutWhileDown, 'web', new Date(t + 2_000)));
    assert.equal(offline?.online, false);
    await quickly(store.forget(org, elsewhere));

    // Nothing of this reached Redis.
    const inRedis = await other.read(org, [heartbeatWhileDown, signedOutWhileDown], new Date(t + 2_000));
    assert.equal(inRedis.get(heartbeatWhileDown)?.online, false);
    assert.equal(inRedis.get(signedOutWhileDown)?.online, true);
  });

  it('re-seeds Redis from its own view and uses Redis again when it returns', async () => {
    await proxy.open();
    assert.equal(await store.whenSynced(5_000), true, 'did not resynchronise');

    const inRedis = await other.read(
      org,
      [heartbeatWhileDown, signedOutWhileDown, elsewhere],
      new Date(t + 3_000),
    );
    assert.deepEqual(inRedis.get(heartbeatWhileDown), {
      online: true,
      lastSeen: new Date(t + 1_000),
      activeChannels: ['email'],
    });
    // Removals made while away were replayed, not only the devices that remain.
    assert.equal(inRedis.get(signedOutWhileDown)?.online, false);
    assert.equal(inRedis.get(elsewhere)?.online, false);

    // Transitions come from the shared state again: another instance's device keeps the agent online.
    await other.heartbeat(org, heartbeatWhileDown, 'phone', [], new Date(t + 3_000));
    assert.equal(await store.signOut(org, heartbeatWhileDown, 'web', new Date(t + 3_000)), null);
    assert.equal(
      (await store.read(org, [heartbeatWhileDown], new Date(t + 3_000))).get(heartbeatWhileDown)?.online,
      true,
    );
  });
});
