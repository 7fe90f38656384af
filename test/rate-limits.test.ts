import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MemoryRateLimiter } from '../src/realtime/rate-limiter.js';
import { dixaClient, expectDixaError } from './dixa.js';
import { buildKey, buildOrg } from './factories.js';
import { createTestApp, type TestApp } from './harness.js';
import { client, expectProblem, type Response } from './http.js';
import { tiledeskClient } from './tiledesk.js';
import { expectWebexError, SUPERVISORS } from './webex.js';

let env: TestApp;
before(async () => {
  // Two requests saved up, then one every ten seconds: the third request in a row is refused.
  env = await createTestApp({ limiter: new MemoryRateLimiter({ perMinute: 6, burst: 2 }) });
});
after(async () => {
  await env.close();
});

async function freshKey() {
  const ctx = await buildOrg(env);
  const { secret } = await buildKey(ctx, { scopes: ['*'] });
  return { orgId: ctx.actor.orgId, key: secret };
}

function expectHeaders(res: Response, remaining: number): void {
  assert.equal(res.headers['ratelimit-limit'], '2');
  assert.equal(res.headers['ratelimit-remaining'], String(remaining));
  assert.ok(Number(res.headers['ratelimit-reset']) >= 1);
}

/** Spends the burst with `call`, checking the headers, and returns the refused third answer. */
async function exhaust(call: () => Promise<Response>): Promise<Response> {
  const first = await call();
  assert.ok(first.statusCode < 400, `first request: ${first.statusCode} ${first.body}`);
  expectHeaders(first, 1);
  expectHeaders(await call(), 0);
  const refused = await call();
  const wait = Number(refused.headers['retry-after']);
  assert.ok(wait >= 1 && wait <= 10, `Retry-After is the wait for the next token: ${wait}`);
  expectHeaders(refused, 0);
  return refused;
}

describe('rate limits per API key', () => {
  it('/v1: 429 problem with Retry-After and RateLimit-* headers; another key is unaffected', async () => {
    const noisy = await freshKey();
    const quiet = await freshKey();
    const refused = await exhaust(() => client(env.app, noisy.key).get('/v1/teams'));
    expectProblem(refused, 429, { code: 'rate_limited' });
    const other = await client(env.app, quiet.key).get('/v1/teams');
    assert.equal(other.statusCode, 200);
    expectHeaders(other, 1);
  });

  it('every dialect answers in its own error shape', async () => {
    const dixa = await freshKey();
    const refusedDixa = await exhaust(() => dixaClient(env.app, dixa.key).get('/beta/teams'));
    expectDixaError(refusedDixa, 429, /Too many requests/);

    const tiledesk = await freshKey();
    const refusedTiledesk = await exhaust(() =>
      tiledeskClient(env.app, tiledesk.key).get(`/v3/${tiledesk.orgId}/project_users`),
    );
    assert.equal(refusedTiledesk.statusCode, 429);
    const body = refusedTiledesk.json() as { success: boolean; msg: string };
    assert.equal(body.success, false);
    assert.match(body.msg, /Too many requests/);

    const webex = await freshKey();
    const refusedWebex = await exhaust(() => client(env.app, webex.key).get(SUPERVISORS));
    assert.match(expectWebexError(refusedWebex, 429).message, /Too many requests/);
  });

  it('does not limit requests that fail authentication, nor the health probes', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await client(env.app, 'roster_sk_not-a-key').get('/v1/teams');
      assert.equal(res.statusCode, 401);
      assert.equal(res.headers['ratelimit-limit'], undefined);
      assert.equal((await client(env.app, null).get('/healthz')).statusCode, 200);
    }
  });
});

describe('overload shedding', () => {
  let shedding: TestApp;
  before(async () => {
    shedding = await createTestApp({ maxEventLoopDelayMs: 200 });
  });
  after(async () => {
    await shedding.close();
  });

  it('answers 503 with Retry-After while the event loop lags, keeps the probes up, then recovers', async () => {
    const { key } = await (async () => {
      const ctx = await buildOrg(shedding);
      return { key: (await buildKey(ctx, { scopes: ['*'] })).secret };
    })();
    const api = client(shedding.app, key);
    const served = async () => {
      let res: Response | null = null;
      for (let i = 0; i < 50 && res?.statusCode !== 200; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        res = await api.get('/v1/teams');
      }
      return res?.statusCode;
    };
    assert.equal(await served(), 200);
    // Lag the event loop far past the threshold for longer than a sampling interval: blocks of
    // 300 ms with a turn of the loop between them, as a CPU-bound burst would.
    const until = Date.now() + 1_200;
    while (Date.now() < until) {
      const block = Date.now() + 300;
      while (Date.now() < block) {
        // busy
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    const shed = await api.get('/v1/teams');
    expectProblem(shed, 503, { code: 'unavailable' });
    assert.equal(shed.headers['retry-after'], '1');
    assert.equal((await api.get('/healthz')).statusCode, 200);
    assert.equal(await served(), 200, 'requests are served again once the lag is gone');
  });
});
