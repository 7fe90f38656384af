import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Redis } from 'ioredis';
import { MemoryRateLimiter, RedisRateLimiter } from './rate-limiter.js';
import { createRedisClient } from './redis-client.js';
import { connectRedis, deleteKeys, uniquePrefix } from './redis-test-support.js';

describe('MemoryRateLimiter: a token bucket per key', () => {
  it('spends the burst, refuses with the wait for the next token, and refills at the rate', async () => {
    let now = 1_000_000;
    // 60 a minute = one token a second; up to 3 saved.
    const limiter = new MemoryRateLimiter({ perMinute: 60, burst: 3 }, () => now);
    const first = await limiter.take('k');
    assert.deepEqual(first, { allowed: true, limit: 3, remaining: 2, resetSeconds: 1, retryAfterSeconds: 0 });
    assert.equal((await limiter.take('k')).remaining, 1);
    assert.equal((await limiter.take('k')).remaining, 0);
    const refused = await limiter.take('k');
    assert.deepEqual(refused, {
      allowed: false,
      limit: 3,
      remaining: 0,
      resetSeconds: 3,
      retryAfterSeconds: 1,
    });
    now += 500;
    assert.equal((await limiter.take('k')).allowed, false, 'half a token is not a token');
    now += 500;
    const refilled = await limiter.take('k');
    assert.equal(refilled.allowed, true);
    assert.equal(refilled.remaining, 0);
    now += 60_000;
    assert.equal((await limiter.take('k')).remaining, 2, 'the bucket never holds more than the burst');
  });

  it('sweeps out refilled buckets once many keys were seen, and not on every request', async () => {
    let now = 0;
    const limiter = new MemoryRateLimiter({ perMinute: 60, burst: 2 }, () => now);
    for (let i = 0; i <= 10_000; i++) {
      limiter.takeNow(`old-${i}`);
    }
    // The 10,001st key passed 10,000 and swept: nothing was full, so the next sweep waits for 20,002.
    now += 60_000;
    limiter.takeNow('late');
    assert.equal(limiter.size, 10_002, 'refilled buckets stay until the map grows past the next mark');
    let added = 0;
    for (let before = limiter.size; limiter.size >= before && added < 20_000; added++) {
      before = limiter.size;
      limiter.takeNow(`new-${added}`);
    }
    assert.equal(added, 10_001, 'the sweep came when the map passed 20,002 buckets');
    // The sweep took every refilled bucket of the first keys and kept the ones in use.
    assert.ok(limiter.size > 10_000 && limiter.size < 10_010, `after the sweep: ${limiter.size}`);
    assert.equal((await limiter.take('old-0')).remaining, 1, 'a swept key starts again with a full bucket');
  });

  it('keeps one bucket per key: a noisy key does not drain another', async () => {
    const limiter = new MemoryRateLimiter({ perMinute: 60, burst: 2 }, () => 0);
    for (let i = 0; i < 5; i++) {
      await limiter.take('noisy');
    }
    assert.equal((await limiter.take('noisy')).allowed, false);
    assert.equal((await limiter.take('quiet')).allowed, true);
  });
});

describe('RedisRateLimiter: one bucket per key across instances', () => {
  let a: Redis;
  let b: Redis;
  const prefix = uniquePrefix('ratelimit');
  before(async () => {
    a = await connectRedis();
    b = await connectRedis();
  });
  after(async () => {
    await deleteKeys(a, prefix);
    a.disconnect();
    b.disconnect();
  });

  it('two instances draw from the same bucket, and the key expires once it would be full', async () => {
    const one = new RedisRateLimiter(a, { perMinute: 6, burst: 4 }, { prefix });
    const two = new RedisRateLimiter(b, { perMinute: 6, burst: 4 }, { prefix });
    const outcomes = [];
    for (let i = 0; i < 3; i++) {
      outcomes.push((await one.take('shared')).allowed, (await two.take('shared')).allowed);
    }
    assert.deepEqual(outcomes, [true, true, true, true, false, false]);
    const refused = await two.take('shared');
    assert.equal(refused.retryAfterSeconds, 10, 'six a minute: the next token is ten seconds away');
    const ttl = await a.pttl(`${prefix}ratelimit:shared`);
    assert.ok(ttl > 30_000 && ttl <= 41_000, `expires when full again, got ${ttl} ms`);
  });

  it('limits locally while Redis is unreachable instead of failing or letting everything through', async () => {
    const down = createRedisClient('redis://127.0.0.1:1', { lazyConnect: true });
    try {
      const limiter = new RedisRateLimiter(down, { perMinute: 60, burst: 2 }, { prefix });
      assert.equal((await limiter.take('k')).allowed, true);
      assert.equal((await limiter.take('k')).allowed, true);
      assert.equal((await limiter.take('k')).allowed, false);
    } finally {
      down.disconnect();
    }
  });
});
