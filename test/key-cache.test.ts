import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { deleteApiKey } from '../src/core/api-keys/api-keys.js';
import { authenticate } from '../src/core/api-keys/authenticate.js';
import { KeyCache } from '../src/core/api-keys/key-cache.js';
import { hashSecret } from '../src/core/api-keys/secrets.js';
import type { DomainError } from '../src/core/errors.js';
import { initPlatform, type Platform } from '../src/core/platform/platform.js';
import { LISTENER_NAME } from '../src/db/change-feed.js';
import { type Database, openDatabase } from '../src/db/client.js';
import { buildAgent, buildKey } from './factories.js';
import {
  createPgDatabase,
  createTestApp,
  ctxFor,
  masterActor,
  type PgTestDatabase,
  TEST_DB_KIND,
  TEST_MASTER_KEY,
  type TestApp,
} from './harness.js';
import { client, expectJson, expectNoContent, expectProblem, expectStatus, newTenant } from './http.js';

/**
 * Verified keys are kept in memory (KeyCache); these tests hold the cache to what authentication
 * promises without it: a change to a key or its agent counts from the next request on, whichever
 * connection, session or instance made it.
 */

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(() => env.close());

/** Polls `check` until it holds, for at most `ms`; fails with `what` otherwise. */
async function eventually(what: string, check: () => Promise<boolean> | boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    assert.ok(Date.now() < until, `${what} within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('verified keys kept in memory', () => {
  it('a key, once verified, is held and answers from there', async () => {
    const t = await newTenant(env);
    await eventually('the database listens', () => env.database.authChanges.live);
    expectJson(await t.api.get('/v1/agents'), 200);
    assert.notEqual(env.keys.lookup(hashSecret(t.key), Date.now()), null);
    expectJson(await t.api.get('/v1/agents'), 200);
  });

  it('a deleted key is refused on the very next request', async () => {
    const t = await newTenant(env);
    const { secret, row: key } = await buildKey(t.ctx, { scopes: ['agents:read'] });
    const api = client(env.app, secret);
    expectJson(await api.get('/v1/agents'), 200);
    expectNoContent(await t.api.delete(`/v1/api-keys/${key.id}`));
    expectProblem(await api.get('/v1/agents'), 401, { code: 'unauthenticated' });
  });

  it("a key's agent disabled, trashed or demoted counts from the next request on", async () => {
    const t = await newTenant(env);
    const admin = await buildAgent(t.ctx, { role: 'admin' });
    const { secret } = await buildKey(t.ctx, { scopes: ['*'], agentId: admin.id });
    const api = client(env.app, secret);
    // An admin's key may create agents; a plain agent's may not.
    expectJson(await api.post('/v1/agents', { email: `a-${Date.now()}@x.test`, full_name: 'A' }), 201);
    expectJson(await t.api.patch(`/v1/agents/${admin.id}`, { role: 'agent' }), 200);
    expectProblem(await api.post('/v1/agents', { email: `b-${Date.now()}@x.test`, full_name: 'B' }), 403);
    expectJson(await api.get('/v1/agents'), 200);
    expectJson(await t.api.patch(`/v1/agents/${admin.id}`, { status: 'disabled' }), 200);
    expectProblem(await api.get('/v1/agents'), 401, { code: 'unauthenticated' });
    expectJson(await t.api.patch(`/v1/agents/${admin.id}`, { status: 'active' }), 200);
    expectJson(await api.get('/v1/agents'), 200);
    expectStatus(await t.api.delete(`/v1/agents/${admin.id}`), 204);
    expectProblem(await api.get('/v1/agents'), 401, { code: 'unauthenticated' });
  });

  it('a change made outside Roster, in SQL, counts as soon as it is announced', async () => {
    const t = await newTenant(env);
    const { secret, row: key } = await buildKey(t.ctx, { scopes: ['agents:read'] });
    const api = client(env.app, secret);
    expectJson(await api.get('/v1/agents'), 200);
    await env.database.asOwner(
      `UPDATE api_keys SET expires_at = now() - interval '1 minute' WHERE id = '${key.id}'`,
    );
    await eventually(
      'the expired key is refused',
      async () => (await api.get('/v1/agents')).statusCode === 401,
    );
  });

  it("a known agent's heartbeat reads nothing; once the agent is deleted it is refused", async () => {
    const t = await newTenant(env);
    const agent = expectJson<{ id: string }>(
      await t.api.post('/v1/agents', { email: `hb-${Date.now()}@x.test`, full_name: 'H' }),
      201,
    );
    const path = `/v1/agents/${agent.id}/presence/heartbeat`;
    expectNoContent(await t.api.post(path, {}));
    assert.equal(env.agentsSeen.lookup(`${t.orgId}/${agent.id}`, Date.now()), true, 'the agent is known');
    expectNoContent(await t.api.post(path, {}));
    expectNoContent(await t.api.delete(`/v1/agents/${agent.id}`));
    expectProblem(await t.api.post(path, {}), 404, { code: 'agent_not_found' });
  });

  it('recording use does not forget the keys held', async () => {
    const t = await newTenant(env);
    expectJson(await t.api.get('/v1/agents'), 200);
    const generation = env.keys.generation;
    // The first use of a key records it (last_used_at): no announcement, nothing forgotten.
    expectJson(await t.api.get('/v1/agents'), 200);
    assert.equal(env.keys.generation, generation);
    assert.notEqual(env.keys.lookup(hashSecret(t.key), Date.now()), null);
  });
});

describe('verified keys across instances (PostgreSQL)', { skip: TEST_DB_KIND !== 'postgres' }, () => {
  // Two instances on one database, as two Roster processes would have: each its own pool,
  // listener and cache.
  let pgdb: PgTestDatabase;
  let a: Database;
  let b: Database;
  let platform: Platform;
  const aKeys = new KeyCache();
  const bKeys = new KeyCache();
  before(async () => {
    if (TEST_DB_KIND !== 'postgres') {
      return;
    }
    pgdb = await createPgDatabase();
    a = await openDatabase({ kind: 'postgres', url: pgdb.appUrl, migrationUrl: pgdb.url, poolSize: 3 });
    b = await openDatabase({ kind: 'postgres', url: pgdb.appUrl, migrationUrl: pgdb.url, poolSize: 3 });
    a.authChanges.subscribe(aKeys);
    b.authChanges.subscribe(bKeys);
    ({ platform } = await initPlatform(a.db, { masterKey: TEST_MASTER_KEY, now: new Date() }));
    await eventually('both instances listen', () => a.authChanges.live && b.authChanges.live);
  });
  after(async () => {
    if (TEST_DB_KIND !== 'postgres') {
      return;
    }
    await a.close();
    await b.close();
    await pgdb.drop();
  });

  const authOn = (db: Database, keys: KeyCache, secret: string) =>
    authenticate(db.db, platform, { secret, orgId: null }, new Date(), keys);

  it('a key deleted through one instance is refused by the other once announced', async () => {
    const ctx = ctxFor(a, masterActor(platform.defaultOrgId));
    const { secret, row: key } = await buildKey(ctx, { scopes: ['agents:read'] });
    await authOn(b, bKeys, secret);
    await authOn(b, bKeys, secret);
    assert.notEqual(bKeys.lookup(hashSecret(secret), Date.now()), null, 'b holds the key');
    await deleteApiKey(ctx, key.id);
    await eventually('b forgets the key', () => bKeys.lookup(hashSecret(secret), Date.now()) === null, 2000);
    await assert.rejects(authOn(b, bKeys, secret), (err: DomainError) => err.code === 'unauthenticated');
  });

  it('while its listening connection is down an instance holds nothing; it listens again by itself', async () => {
    const ctx = ctxFor(a, masterActor(platform.defaultOrgId));
    const { secret } = await buildKey(ctx, { scopes: ['agents:read'] });
    const heard: boolean[] = [];
    const stop = b.authChanges.subscribe({ changed: () => {}, live: (on) => heard.push(on) });
    try {
      await authOn(b, bKeys, secret);
      assert.notEqual(bKeys.lookup(hashSecret(secret), Date.now()), null);
      const admin = new pg.Client({ connectionString: pgdb.url });
      await admin.connect();
      try {
        const { rowCount } = await admin.query(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = current_database() AND application_name = $1`,
          [LISTENER_NAME],
        );
        assert.equal(rowCount, 2, "both instances' listeners");
      } finally {
        await admin.end();
      }
      await eventually('b listens again', () => heard.slice(1).join() === 'false,true');
      assert.equal(bKeys.size, 0, 'what was held before the loss is gone');
      // Authentication went on throughout, reading the database.
      await authOn(b, bKeys, secret);
      assert.notEqual(bKeys.lookup(hashSecret(secret), Date.now()), null, 'held again once live');
    } finally {
      stop();
    }
  });
});
