import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { newId } from '../src/core/ids.js';
import { claimEndpoints, insertEndpoint } from '../src/core/webhooks/webhooks.repo.js';
import { type Database, openDatabase } from '../src/db/client.js';
import { orgs } from '../src/db/schema.js';
import { createPgDatabase, TEST_DB_KIND } from './harness.js';

/**
 * An instance keeps the endpoints it sends to while their rows are locked (its own progress being
 * saved, an API update): skipping them would hand the endpoint to a second sender of its own,
 * which repeats what the first is sending. Needs two connections: PostgreSQL only.
 */
describe('webhook leases', { skip: TEST_DB_KIND !== 'postgres' && 'needs PostgreSQL' }, () => {
  let drop = async () => {};
  let database: Database;
  let url = '';

  before(async () => {
    const created = await createPgDatabase();
    drop = created.drop;
    url = created.url;
    database = await openDatabase({ kind: 'postgres', url, poolSize: 4 });
  });
  after(async () => {
    await database?.close();
    await drop();
  });

  it('renews an owned endpoint whose row is locked, waiting for the lock, instead of dropping it', async () => {
    const now = new Date();
    const orgId = newId();
    await database.db.insert(orgs).values({ id: orgId, name: 'Leases', createdAt: now, updatedAt: now });
    const endpoint = await insertEndpoint(database.db, {
      id: newId(),
      orgId,
      url: 'http://127.0.0.1:9/hook',
      description: null,
      eventTypes: ['*'],
      enabled: true,
      secret: 'whsec_test',
      createdAt: now,
      updatedAt: now,
    });
    const until = new Date(now.getTime() + 30_000);
    const first = await claimEndpoints(database.db, 'instance-a', now, until, 10);
    assert.deepEqual(
      first.map((r) => r.id),
      [endpoint.id],
    );

    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('SELECT 1 FROM webhook_endpoints WHERE id = $1 FOR UPDATE', [endpoint.id]);
      const claiming = claimEndpoints(database.db, 'instance-a', now, until, 10);
      // Another instance skips the locked row and takes nothing.
      assert.deepEqual(await claimEndpoints(database.db, 'instance-b', now, until, 10), []);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await locker.query('COMMIT');
      assert.deepEqual(
        (await claiming).map((r) => r.id),
        [endpoint.id],
      );
    } finally {
      await locker.end();
    }
  });
});
