/**
 * An instance that serves as an ordinary role and is given no owner's URL
 * (`ROSTER_MIGRATION_DATABASE_URL`), as in a scale-out where one instance migrates: it serves a
 * database the owner has migrated, and otherwise refuses to start saying what to set, instead of
 * failing on Drizzle's `CREATE SCHEMA` (src/db/migration-state.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openDatabase, rowsOf } from '../src/db/client.js';
import { createPgDatabase, type PgTestDatabase, TEST_APP_ROLE, TEST_DB_KIND } from './harness.js';

describe('serving without the owner’s URL', {
  skip: TEST_DB_KIND !== 'postgres' && 'PostgreSQL only',
}, () => {
  let database: PgTestDatabase;
  const open = (migrationUrl: string | null): Promise<Database> =>
    openDatabase({ kind: 'postgres', url: database.appUrl, migrationUrl, poolSize: 2 });
  const asOwner = async <T extends pg.QueryResultRow>(statement: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query<T>(statement)).rows;
    } finally {
      await client.end();
    }
  };

  before(async () => {
    database = await createPgDatabase();
  });
  after(async () => {
    await database?.drop();
  });

  it('refuses a database nobody has migrated, naming the setting, and creates nothing', async () => {
    await assert.rejects(open(null), (err: Error) => {
      assert.match(
        err.message,
        new RegExp(`the serving role ${TEST_APP_ROLE} may not create Drizzle's schema or table`),
      );
      assert.match(err.message, /may not read drizzle\.__drizzle_migrations/);
      assert.match(err.message, /ROSTER_MIGRATION_DATABASE_URL/);
      return true;
    });
    const tables = await asOwner<{ n: number }>(
      "SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = 'public'::regnamespace",
    );
    assert.equal(tables[0]?.n, 0);
  });

  it('serves a database the owner has migrated, under row-level security', async () => {
    const migrating = await open(database.url);
    await migrating.close();
    const served = await open(null);
    try {
      assert.equal(served.rowSecurity, true);
      assert.deepEqual(served.policies, { form: 'plain' });
      const orgId = '0190a1b2-c3d4-7e5f-8a9b-0000000000c1';
      await served.db.execute(
        sql`INSERT INTO orgs (id, name, created_at, updated_at) VALUES (${orgId}, 'served', now(), now())`,
      );
      const seen = rowsOf<{ id: string }>(await served.forOrg(orgId).execute(sql`SELECT id::text FROM orgs`));
      assert.deepEqual(seen, [{ id: orgId }]);
    } finally {
      await served.close();
    }
  });

  it('serves as well when granted CREATE on the database, though not on the owner’s drizzle schema', async () => {
    // Drizzle's CREATE TABLE IF NOT EXISTS in that schema would be refused all the same.
    const [{ name } = { name: '' }] = await asOwner<{ name: string }>('SELECT current_database() AS name');
    await asOwner(`GRANT CREATE ON DATABASE ${name} TO ${TEST_APP_ROLE}`);
    try {
      const served = await open(null);
      await served.close();
    } finally {
      await asOwner(`REVOKE CREATE ON DATABASE ${name} FROM ${TEST_APP_ROLE}`);
    }
  });

  it('refuses while a migration is not applied, saying how many', async () => {
    // The newest migration's record removed: the owner's next start would apply it again.
    const [newest] = await asOwner<{ id: number; hash: string; created_at: string }>(
      'DELETE FROM drizzle.__drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM drizzle.__drizzle_migrations) RETURNING id, hash, created_at',
    );
    assert.ok(newest);
    try {
      await assert.rejects(open(null), /finds 1 migration not applied: set ROSTER_MIGRATION_DATABASE_URL/);
    } finally {
      await asOwner(
        `INSERT INTO drizzle.__drizzle_migrations (id, hash, created_at) VALUES (${newest.id}, '${newest.hash}', ${newest.created_at})`,
      );
    }
    const served = await open(null);
    await served.close();
  });
});
