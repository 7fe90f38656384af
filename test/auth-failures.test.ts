/**
 * Failed authentication is limited per client address: key guessing is bounded, in every
 * dialect's error shape, across instances through Redis, and a request with valid credentials
 * from another address is never held back.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuthFailureLimiter } from '../src/realtime/auth-failures.js';
import { MemoryRateLimiter, RedisRateLimiter } from '../src/realtime/rate-limiter.js';
import { connectRedis, deleteKeys, uniquePrefix } from '../src/realtime/redis-test-support.js';
import { buildKey, buildOrg } from './factories.js';
import { createTestApp, type TestApp } from './harness.js';
import { expectProblem, type Response } from './http.js';

let env: TestApp;
let good: { key: string; orgId: string };
before(async () => {
  // Two failures saved up, then one every ten seconds: the third failure in a row is refused.
  env = await createTestApp({
    authFailures: new AuthFailureLimiter(new MemoryRateLimiter({ perMinute: 6, burst: 2 })),
  });
  const ctx = await buildOrg(env);
  good = { key: (await buildKey(ctx, { scopes: ['*'] })).secret, orgId: ctx.actor.orgId };
});
after(async () => {
  await env.close();
});

let nextAddress = 1;
/** A client address of its own for each test (loopback, as every address in the suite). */
const address = () => `127.0.1.${nextAddress++}`;

function call(remoteAddress: string, url: string, headers: Record<string, string>): Promise<Response> {
  return env.app.inject({ method: 'GET', url, headers, remoteAddress });
}

/** Two wrong secrets answered as such, then the third refused: returns that 429. */
async function exhaust(from: string, ask: (secret: string) => Promise<Response>): Promise<Response> {
  for (let i = 0; i < 2; i++) {
    const res = await ask(`roster_sk_wrong-${i}`);
    assert.equal(res.statusCode, 401, res.body);
  }
  const refused = await ask('roster_sk_wrong-2');
  assert.equal(refused.statusCode, 429, refused.body);
  const wait = Number(refused.headers['retry-after']);
  assert.ok(wait >= 1 && wait <= 10, `Retry-After is the wait for the next attempt: ${wait} (${from})`);
  return refused;
}

describe('failed authentication, limited per client address', () => {
  it('/v1: 429 problem with Retry-After, even for a right key from that address; others unaffected', async () => {
    const from = address();
    const v1 = (secret: string) => call(from, '/v1/teams', { authorization: `Bearer ${secret}` });
    const refused = await exhaust(from, v1);
    expectProblem(refused, 429, { code: 'rate_limited' });
    // While it waits, the address gets no answer about any secret, right or wrong.
    const right = await v1(good.key);
    assert.equal(right.statusCode, 429);
    assert.ok(Number(right.headers['retry-after']) >= 1);
    // Another address is not held back, nor does a right key count as a failure.
    const other = address();
    for (let i = 0; i < 5; i++) {
      const res = await call(other, '/v1/teams', { authorization: `Bearer ${good.key}` });
      assert.equal(res.statusCode, 200);
    }
  });

  it('does not count a request without credentials, nor the health probes', async () => {
    const from = address();
    for (let i = 0; i < 5; i++) {
      assert.equal((await call(from, '/v1/teams', {})).statusCode, 401);
      assert.equal((await call(from, '/healthz', {})).statusCode, 200);
    }
    assert.equal((await call(from, '/v1/teams', { authorization: `Bearer ${good.key}` })).statusCode, 200);
  });

  it('every dialect answers in its own error shape', async () => {
    const dixaFrom = address();
    const dixa = await exhaust(dixaFrom, (secret) =>
      call(dixaFrom, '/beta/teams', { authorization: secret }),
    );
    const dixaBody = dixa.json() as { message?: string };
    assert.match(dixaBody.message ?? '', /Too many requests with invalid credentials/);

    const tiledeskFrom = address();
    const tiledesk = await exhaust(tiledeskFrom, (secret) =>
      call(tiledeskFrom, `/v3/${good.orgId}/project_users`, { authorization: `JWT ${secret}` }),
    );
    const tiledeskBody = tiledesk.json() as { success: boolean; msg: string };
    assert.equal(tiledeskBody.success, false);
    assert.match(tiledeskBody.msg, /Too many requests/);

    const webexFrom = address();
    const webex = await exhaust(webexFrom, (secret) =>
      call(webexFrom, '/v1/telephony/config/supervisors', { authorization: `Bearer ${secret}` }),
    );
    assert.match((webex.json() as { message: string }).message, /Too many requests/);

    const rocketFrom = address();
    const rocket = await exhaust(rocketFrom, (secret) =>
      call(rocketFrom, '/api/v1/livechat/department', {
        'x-auth-token': secret,
        'x-user-id': '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
      }),
    );
    assert.deepEqual(Object.keys(rocket.json() as object).sort(), ['error', 'success']);
    assert.match((rocket.json() as { error: string }).error, /Too many requests/);
  });
});

describe('AuthFailureLimiter', () => {
  it('lets the address try again once the next attempt is due', async () => {
    let now = 0;
    const limiter = new AuthFailureLimiter(
      new MemoryRateLimiter({ perMinute: 6, burst: 1 }, () => now),
      () => now,
    );
    assert.equal(await limiter.failed('127.0.0.9'), 0);
    const wait = await limiter.failed('127.0.0.9');
    assert.equal(wait, 10);
    assert.equal(limiter.wait('127.0.0.9'), 10);
    assert.equal(limiter.wait('127.0.0.10'), 0);
    now += 10_000;
    assert.equal(limiter.wait('127.0.0.9'), 0);
  });

  it('shares the failures of one address between instances through Redis', async () => {
    const redis = await connectRedis();
    const prefix = uniquePrefix('auth-failures');
    try {
      const limit = { perMinute: 6, burst: 2 };
      const one = new AuthFailureLimiter(new RedisRateLimiter(redis, limit, { prefix }));
      const two = new AuthFailureLimiter(new RedisRateLimiter(redis, limit, { prefix }));
      assert.equal(await one.failed('127.0.0.7'), 0);
      assert.equal(await two.failed('127.0.0.7'), 0);
      // The third failure, on either instance, finds the shared bucket empty.
      assert.ok((await one.failed('127.0.0.7')) >= 1);
      assert.ok(one.wait('127.0.0.7') >= 1);
      assert.ok((await two.failed('127.0.0.7')) >= 1);
      assert.equal(await two.failed('127.0.0.8'), 0);
    } finally {
      await deleteKeys(redis, prefix);
      redis.disconnect();
    }
  });
});
