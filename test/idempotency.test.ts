import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { LocalEventBus } from '../src/core/events/bus.js';
import { tryLockIdempotencyKey } from '../src/core/idempotency/idempotency.repo.js';
import { holdTransaction } from '../src/db/client.js';
import { outboxEvents } from '../src/db/schema.js';
import { buildKey, buildOrg } from './factories.js';
import { createTestApp, TEST_DB_KIND, type TestApp } from './harness.js';
import { client, expectJson, expectProblem } from './http.js';

const bus = new LocalEventBus();
let env: TestApp;
before(async () => {
  env = await createTestApp({ events: bus });
});
after(async () => {
  await env.close();
});

async function tenant() {
  const ctx = await buildOrg(env);
  const created = await buildKey(ctx, { scopes: ['*'] });
  return {
    orgId: ctx.actor.orgId,
    keyId: created.row.id,
    api: client(env.app, created.secret),
    secret: created.secret,
  };
}

const withKey = (key: string) => ({ 'idempotency-key': key });

async function events(orgId: string, type: string) {
  return env.database.db
    .select({ id: outboxEvents.id })
    .from(outboxEvents)
    .where(and(eq(outboxEvents.orgId, orgId), eq(outboxEvents.type, type)));
}

describe('Idempotency-Key on /v1 writes', () => {
  it('replays the first response byte for byte, and the effect happens once', async () => {
    const t = await tenant();
    const first = await t.api.post('/v1/teams', { name: 'Billing' }, withKey('create-billing-1'));
    assert.equal(first.statusCode, 201);
    assert.equal(first.headers['idempotent-replayed'], undefined);
    const again = await t.api.post('/v1/teams', { name: 'Billing' }, withKey('create-billing-1'));
    assert.equal(again.statusCode, 201);
    assert.equal(again.body, first.body);
    assert.equal(again.headers['content-type'], first.headers['content-type']);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    const teams = expectJson<{ id: string }[]>(await t.api.get('/v1/teams'), 200);
    assert.equal(teams.length, 1);
    assert.equal((await events(t.orgId, 'team.created')).length, 1);

    // PATCH too: the second add of the same member is not even attempted.
    const team = JSON.parse(first.body) as { id: string };
    const agent = expectJson<{ id: string }>(
      await t.api.post('/v1/agents', { email: 'a@idem.test', full_name: 'A' }),
      201,
    );
    const url = `/v1/teams/${team.id}/members`;
    const add = await t.api.patch(url, { add: [agent.id] }, withKey('add-a'));
    const replay = await t.api.patch(url, { add: [agent.id] }, withKey('add-a'));
    assert.equal(replay.body, add.body);
    assert.match(add.body, /"added"/);
  });

  it('refuses the same key with another body or path (422), and scopes keys to their API key', async () => {
    const t = await tenant();
    expectJson(await t.api.post('/v1/teams', { name: 'One' }, withKey('k')), 201);
    const otherBody = await t.api.post('/v1/teams', { name: 'Two' }, withKey('k'));
    expectProblem(otherBody, 422, { code: 'idempotency_key_reused', paths: ['header.idempotency-key'] });
    const otherPath = await t.api.post('/v1/agents', { email: 'x@idem.test', full_name: 'X' }, withKey('k'));
    expectProblem(otherPath, 422, { code: 'idempotency_key_reused' });

    // The same key string from another API key of the org is another key.
    const ctx = await buildOrg(env);
    const other = await buildKey(ctx, { scopes: ['*'] });
    const mine = client(env.app, other.secret);
    expectJson(await mine.post('/v1/teams', { name: 'Two' }, withKey('k')), 201);
  });

  it('stores nothing for a request that fails, so its retry runs afresh', async () => {
    const t = await tenant();
    const taken = expectJson<{ id: string }>(await t.api.post('/v1/teams', { name: 'Taken' }), 201);
    expectProblem(await t.api.post('/v1/teams', { name: 'Taken' }, withKey('retry-me')), 409, {
      code: 'team_name_taken',
    });
    assert.equal((await t.api.delete(`/v1/teams/${taken.id}`)).statusCode, 204);
    const retried = await t.api.post('/v1/teams', { name: 'Taken' }, withKey('retry-me'));
    assert.equal(retried.statusCode, 201);
    assert.equal(retried.headers['idempotent-replayed'], undefined);
  });

  it('rejects a malformed key, naming the header, and claims no key for an invalid body', async () => {
    const t = await tenant();
    expectProblem(await t.api.post('/v1/teams', { name: 'X' }, withKey('x'.repeat(256))), 400, {
      paths: ['header.idempotency-key'],
    });
    expectProblem(await t.api.post('/v1/teams', { name: 'X' }, withKey('has space')), 400, {
      paths: ['header.idempotency-key'],
    });
    expectProblem(await t.api.post('/v1/teams', { nom: 'X' }, withKey('valid-later')), 400);
    expectJson(await t.api.post('/v1/teams', { name: 'X' }, withKey('valid-later')), 201);
  });

  it('answers 409 while a request with the same key is still running', {
    skip: TEST_DB_KIND === 'pglite' ? 'PGlite has one session: a second request waits, then replays' : false,
  }, async () => {
    const t = await tenant();
    // Stand in for the first request: hold the key's lock in an open transaction.
    const held = await holdTransaction(env.database.db);
    try {
      assert.equal(await tryLockIdempotencyKey(held.db, t.orgId, t.keyId, 'busy'), true);
      const res = await t.api.post('/v1/teams', { name: 'Busy' }, withKey('busy'));
      expectProblem(res, 409, { code: 'idempotency_key_in_use' });
    } finally {
      await held.end(false);
    }
    expectJson(await t.api.post('/v1/teams', { name: 'Busy' }, withKey('busy')), 201);
  });

  it('publishes the events of an idempotent request once, after it commits', async () => {
    const t = await tenant();
    const seen: string[] = [];
    const stop = bus.subscribe((event) => {
      if (event.orgId === t.orgId) {
        seen.push(event.type);
      }
    });
    try {
      await t.api.post('/v1/teams', { name: 'Evented' }, withKey('ev'));
      await t.api.post('/v1/teams', { name: 'Evented' }, withKey('ev'));
    } finally {
      stop();
    }
    assert.deepEqual(seen, ['team.created']);
  });
});
