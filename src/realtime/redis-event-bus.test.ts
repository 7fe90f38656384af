import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { after, describe, it } from 'node:test';
import type { Redis } from 'ioredis';
import type { PublishedEvent } from '../core/events/bus.js';
import { closeRedisClient, createRedisClient } from './redis-client.js';
import { RedisEventBus } from './redis-event-bus.js';
import { connectRedis, eventually, uniquePrefix } from './redis-test-support.js';

const prefix = uniquePrefix('events');
const clients: Redis[] = [];
const buses: RedisEventBus[] = [];

/** A bus on its own connections, as a separate instance would have. */
async function instance(client?: Redis): Promise<RedisEventBus> {
  const publisher = client ?? (await connectRedis());
  clients.push(publisher);
  const bus = new RedisEventBus(publisher, { prefix });
  buses.push(bus);
  return bus;
}

function event(type = 'team.created'): PublishedEvent {
  return {
    id: randomUUID(),
    orgId: randomUUID(),
    type,
    data: { team_id: randomUUID(), name: 'Support' },
    occurredAt: new Date('2025-03-04T05:06:07.089Z'),
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('RedisEventBus', () => {
  after(async () => {
    await Promise.all(buses.map((b) => b.close()));
    await Promise.all(clients.map(closeRedisClient));
  });

  it('delivers an event published on one instance once on every instance within 1 s', async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    assert.equal(await a.ready(), true);
    assert.equal(await b.ready(), true);
    const onA: PublishedEvent[] = [];
    const onB: PublishedEvent[] = [];
    a.subscribe((e) => onA.push(e));
    b.subscribe((e) => onB.push(e));

    const sent = event();
    const started = Date.now();
    await a.publish([sent]);
    assert.ok(await eventually(() => onA.length > 0 && onB.length > 0, 1_000), 'not delivered within 1 s');
    assert.ok(Date.now() - started < 1_000);
    // Long enough for a duplicate (local and through Redis) to have shown up.
    await pause(200);
    assert.deepEqual(onA, [sent]);
    assert.deepEqual(onB, [sent]);
    assert.ok(onB[0]?.occurredAt instanceof Date);
  });

  it('keeps the order of a batch and stops delivering after unsubscribe', async () => {
    const [a, b] = await Promise.all([instance(), instance()]);
    await Promise.all([a.ready(), b.ready()]);
    const seen: string[] = [];
    const stop = b.subscribe((e) => seen.push(e.id));
    const batch = [event(), event('team.updated'), event('team.deleted')];
    await a.publish(batch);
    assert.ok(await eventually(() => seen.length === 3, 1_000));
    assert.deepEqual(
      seen,
      batch.map((e) => e.id),
    );
    stop();
    await a.publish([event()]);
    await pause(200);
    assert.equal(seen.length, 3);
  });

  it('delivers locally, once, when Redis cannot be reached', async () => {
    // A port nobody listens on: every connection attempt is refused.
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', () => resolve()));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const bus = await instance(createRedisClient(`redis://127.0.0.1:${port}`));
    assert.equal(await bus.ready(100), false);
    const seen: PublishedEvent[] = [];
    bus.subscribe((e) => seen.push(e));
    const sent = event();
    const started = Date.now();
    await bus.publish([sent]);
    assert.ok(Date.now() - started < 500, 'publish waited on the missing Redis');
    assert.deepEqual(seen, [sent]);
  });
});
