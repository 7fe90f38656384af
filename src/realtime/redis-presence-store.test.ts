import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Redis } from 'ioredis';
import { closeRedisClient } from './redis-client.js';
import { RedisPresenceStore } from './redis-presence-store.js';
import { connectRedis, deleteKeys, uniquePrefix } from './redis-test-support.js';

const TTL = 60_000;
const prefix = uniquePrefix('presence');
const clients: Redis[] = [];

/** A store on its own connection, as a separate instance would have. */
async function instance(): Promise<RedisPresenceStore> {
  const client = await connectRedis();
  clients.push(client);
  return new RedisPresenceStore(client, TTL, { prefix });
}

const at = (base: number, plusMs = 0) => new Date(base + plusMs);

describe('RedisPresenceStore', () => {
  let store: RedisPresenceStore;
  const org = randomUUID();

  before(async () => {
    store = await instance();
  });

  after(async () => {
    const admin = await connectRedis();
    await deleteKeys(admin, prefix);
    await closeRedisClient(admin);
    await Promise.all(clients.map(closeRedisClient));
  });

  it('reports online on the first device and offline when the last one signs out', async () => {
    const agent = randomUUID();
    const t = Date.now();
    const online = await store.heartbeat(org, agent, 'web', ['chat'], at(t));
    assert.deepEqual(online, { orgId: org, agentId: agent, online: true, at: at(t), lastSeen: at(t) });
    assert.equal(await store.heartbeat(org, agent, 'phone', ['voice'], at(t, 1_000)), null);
    assert.equal(await store.heartbeat(org, agent, 'web', ['chat'], at(t, 2_000)), null);
    assert.equal(await store.signOut(org, agent, 'web', at(t, 3_000)), null);
    assert.equal(await store.signOut(org, agent, 'unknown', at(t, 3_000)), null);
    const offline = await store.signOut(org, agent, 'phone', at(t, 4_000));
    assert.deepEqual(offline, {
      orgId: org,
      agentId: agent,
      online: false,
      at: at(t, 4_000),
      lastSeen: at(t, 1_000),
    });
    assert.equal(await store.signOut(org, agent, 'phone', at(t, 5_000)), null);
    assert.equal((await store.heartbeat(org, agent, 'web', [], at(t, 6_000)))?.online, true);
  });

  it("lists an agent's live devices as another instance recorded them, the expired ones left out", async () => {
    const agent = randomUUID();
    const t = Date.now();
    const other = await instance();
    await other.heartbeat(org, agent, 'web', ['email', 'chat'], at(t));
    await store.heartbeat(org, agent, 'phone', ['voice'], at(t, 5_000));
    assert.deepEqual(await store.devices(org, agent, at(t, 6_000)), [
      { id: 'phone', lastSeen: at(t, 5_000), channels: ['voice'] },
      { id: 'web', lastSeen: at(t), channels: ['chat', 'email'] },
    ]);
    assert.deepEqual(
      (await other.devices(org, agent, at(t, TTL + 1_000))).map((d) => d.id),
      ['phone'],
    );
    assert.deepEqual(await store.devices(randomUUID(), agent, at(t)), []);
  });

  it('reads live channels and the latest heartbeat across devices', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const t = Date.now();
    await store.heartbeat(org, a, 'web', ['email', 'chat'], at(t));
    await store.heartbeat(org, a, 'phone', ['voice', 'chat'], at(t, 5_000));
    const view = await store.read(org, [a, b], at(t, 6_000));
    assert.deepEqual(view.get(a), {
      online: true,
      lastSeen: at(t, 5_000),
      activeChannels: ['chat', 'email', 'voice'],
    });
    assert.deepEqual(view.get(b), { online: false, lastSeen: null, activeChannels: [] });
    // Another org's store view of the same agent id is empty: keys are per org.
    assert.equal((await store.read(randomUUID(), [a], at(t))).get(a)?.online, false);
    // Past the first device's TTL only the second device's channels count.
    const later = await store.read(org, [a], at(t, TTL + 1_000));
    assert.deepEqual(later.get(a), {
      online: true,
      lastSeen: at(t, 5_000),
      activeChannels: ['chat', 'voice'],
    });
  });

  it('expires devices after the TTL and reports the offline once', async () => {
    const agent = randomUUID();
    const t = Date.now();
    await store.heartbeat(org, agent, 'web', ['chat'], at(t));
    await store.heartbeat(org, agent, 'phone', ['voice'], at(t, 10_000));
    const mine = (list: { agentId: string }[]) => list.filter((x) => x.agentId === agent);
    assert.deepEqual(mine(await store.sweep(at(t, TTL - 1))), []);
    // The first device expires, the second keeps the agent online.
    assert.deepEqual(mine(await store.sweep(at(t, TTL))), []);
    assert.deepEqual((await store.read(org, [agent], at(t, TTL))).get(agent)?.activeChannels, ['voice']);
    assert.equal((await store.read(org, [agent], at(t, TTL + 10_000))).get(agent)?.online, false);
    const gone = mine(await store.sweep(at(t, TTL + 10_000)));
    assert.deepEqual(gone, [
      { orgId: org, agentId: agent, online: false, at: at(t, TTL + 10_000), lastSeen: at(t, 10_000) },
    ]);
    assert.deepEqual(mine(await store.sweep(at(t, TTL + 20_000))), []);
    assert.deepEqual((await store.read(org, [agent], at(t, TTL + 20_000))).get(agent), {
      online: false,
      lastSeen: null,
      activeChannels: [],
    });
  });

  it('keeps an agent online when a heartbeat lands before its sweep', async () => {
    const agent = randomUUID();
    const t = Date.now();
    await store.heartbeat(org, agent, 'web', [], at(t));
    // Late heartbeat after the TTL but before any sweep: the device set never became empty.
    assert.equal(await store.heartbeat(org, agent, 'web', [], at(t, TTL + 5_000)), null);
    assert.deepEqual(
      (await store.sweep(at(t, TTL + 6_000))).filter((x) => x.agentId === agent),
      [],
    );
    assert.equal((await store.read(org, [agent], at(t, TTL + 6_000))).get(agent)?.online, true);
  });

  it('reports each offline exactly once when two instances sweep at the same time', async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const agents: string[] = Array.from({ length: 300 }, () => randomUUID());
    const t = Date.now() + 3_600_000; // clear of the other tests' devices
    await Promise.all(agents.map((id, i) => (i % 2 ? a : b).heartbeat(org, id, 'd1', [], at(t))));
    await Promise.all(agents.map((id, i) => (i % 2 ? b : a).heartbeat(org, id, 'd2', [], at(t, 1))));
    const rounds = await Promise.all([
      a.sweep(at(t, TTL + 1)),
      b.sweep(at(t, TTL + 1)),
      a.sweep(at(t, TTL + 1)),
      b.sweep(at(t, TTL + 1)),
    ]);
    const reported = rounds.flat().filter((x) => x.orgId === org && agents.includes(x.agentId));
    assert.equal(reported.length, agents.length);
    assert.equal(new Set(reported.map((x) => x.agentId)).size, agents.length);
    assert.ok(reported.every((x) => !x.online && x.lastSeen.getTime() === t + 1));
  });

  it('reports each online exactly once when two instances receive the first heartbeats at once', async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    const agents = Array.from({ length: 100 }, () => randomUUID());
    const t = Date.now();
    const results = await Promise.all(
      agents.flatMap((id) => [
        a.heartbeat(org, id, 'web', [], at(t)),
        b.heartbeat(org, id, 'phone', [], at(t)),
      ]),
    );
    assert.equal(results.filter((x) => x?.online).length, agents.length);
  });

  it('keeps presence across a restart: a new connection and store see the same devices', async () => {
    const agent = randomUUID();
    const t = Date.now();
    const first = await instance();
    await first.heartbeat(org, agent, 'web', ['chat'], at(t));
    await first.close();
    await closeRedisClient(clients.pop() as Redis);

    const restarted = await instance();
    assert.deepEqual((await restarted.read(org, [agent], at(t, 1_000))).get(agent), {
      online: true,
      lastSeen: at(t),
      activeChannels: ['chat'],
    });
    assert.equal(await restarted.heartbeat(org, agent, 'web', ['chat'], at(t, 2_000)), null);
    assert.equal((await restarted.signOut(org, agent, 'web', at(t, 3_000)))?.online, false);
  });

  it('sets an expiry on the agent key so abandoned presence goes away by itself', async () => {
    const agent = randomUUID();
    await store.heartbeat(org, agent, 'web', [], new Date());
    const admin = clients[0] as Redis;
    const pttl = await admin.pttl(`${prefix}presence:${org}:${agent}`);
    assert.ok(pttl > TTL && pttl <= TTL + 60_000, `pttl ${pttl}`);
  });

  it('sends its scripts again after Redis lost them (a restart empties the script cache)', async () => {
    await (clients[0] as Redis).script('FLUSH');
    const agent = randomUUID();
    assert.equal((await store.heartbeat(org, agent, 'web', [], new Date()))?.online, true);
  });

  it('forgets an agent without a transition, then sweeps nothing for it', async () => {
    const agent = randomUUID();
    const t = Date.now();
    await store.heartbeat(org, agent, 'web', [], at(t));
    await store.forget(org, agent);
    assert.equal((await store.read(org, [agent], at(t))).get(agent)?.online, false);
    assert.deepEqual(
      (await store.sweep(at(t, TTL * 2))).filter((x) => x.agentId === agent),
      [],
    );
    assert.equal((await store.heartbeat(org, agent, 'web', [], at(t, 1)))?.online, true);
  });
});
