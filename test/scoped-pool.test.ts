/**
 * The scoped pool under row-level security (PostgreSQL only): a lone statement travels with its
 * scope in one implicit transaction (no BEGIN, no COMMIT), on a pipelining pool or not, and
 * whatever happens no connection goes back to the pool carrying an org scope, so the next user
 * of it, whichever org, sees only its own rows.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { platformRoleOf } from '../src/db/platform-role.js';
import { ALL_ORGS, ScopedPool } from '../src/db/row-security.js';
import { createPgDatabase, type PgTestDatabase, TEST_DB_KIND } from './harness.js';
import { eventually } from './sse.js';

const POOL_SIZE = 3;

describe('ScopedPool connections', { skip: TEST_DB_KIND !== 'postgres' && 'PostgreSQL only' }, () => {
  let database: PgTestDatabase;
  const orgs: string[] = [];

  before(async () => {
    database = await createPgDatabase();
    // Migrated as the owner, as Roster does it; then five orgs, written by the owner.
    const migrated = await openDatabase({
      kind: 'postgres',
      url: database.appUrl,
      migrationUrl: database.url,
      poolSize: 1,
    });
    assert.deepEqual(migrated.policies, { form: 'plain' });
    await migrated.close();
    const owner = new pg.Client({ connectionString: database.url });
    await owner.connect();
    try {
      const { rows } = await owner.query<{ id: string }>(
        `INSERT INTO orgs (id, name, created_at, updated_at)
         SELECT gen_random_uuid(), 'org ' || g, now(), now() FROM generate_series(1, 5) g RETURNING id`,
      );
      orgs.push(...rows.map((r) => r.id));
    } finally {
      await owner.end();
    }
  });
  after(() => database?.drop());

  for (const pipeline of [true, false]) {
    it(`hands no connection back with a scope or a transaction open (pipeline ${pipeline})`, async () => {
      const pool = new pg.Pool({ connectionString: database.appUrl, max: POOL_SIZE, pipeline });
      // Every connection's errors are collected (one nobody listens to would crash the file), and
      // its end awaited: pool.end() resolves before its connections have closed.
      const errors: Error[] = [];
      const open = new Set<pg.Client>();
      pool.on('error', (err) => errors.push(err));
      pool.on('connect', (client) => {
        open.add(client);
        client.on('error', (err) => errors.push(err));
        client.on('end', () => open.delete(client));
      });
      const released: string[] = [];
      pool.on('release', (err: Error | undefined, client: pg.PoolClient) => {
        // A discarded connection (err) is closed, not reused.
        if (err === undefined || err === null) {
          released.push(client.getTransactionStatus() ?? 'unknown');
        }
      });
      try {
        const scoped = orgs.map((org) => new ScopedPool(pool, org));
        const form = await platformRoleOf(pool);
        const platformRole = form.plain ? form.platformRole : undefined;
        assert.ok(platformRole !== undefined, 'the policies are plain');
        const all = new ScopedPool(pool, ALL_ORGS, platformRole);
        const work = Array.from({ length: 300 }, async (_, i) => {
          const n = i % orgs.length;
          const org = scoped[n] as ScopedPool;
          switch (i % 9) {
            case 0:
            case 1: {
              // A lone statement sees its own org and nothing else, whoever used the connection before.
              const { rows } = await org.query({ text: 'SELECT id FROM orgs ORDER BY id' });
              assert.deepEqual(
                rows.map((r) => r.id),
                [orgs[n]],
              );
              return;
            }
            case 2: {
              // A failing statement: its transaction is rolled back, the connection reused.
              await assert.rejects(org.query({ text: 'SELECT 1 / (count(*) - count(*)) FROM orgs' }), {
                code: '22012',
              });
              return;
            }
            case 3: {
              // Another org's row is not there to update.
              const { rowCount } = await org.query({
                text: 'UPDATE orgs SET name = name WHERE id = $1',
                values: [orgs[(n + 1) % orgs.length]],
              });
              assert.equal(rowCount, 0);
              return;
            }
            case 4: {
              // A transaction that fails half-way, as Drizzle runs one.
              const client = await org.connect();
              try {
                await client.query('begin');
                await client.query('SELECT id FROM orgs');
                await assert.rejects(client.query('SELECT 1 / 0'));
                await client.query('rollback');
              } finally {
                client.release();
              }
              return;
            }
            case 5: {
              // A statement PostgreSQL cannot parse (a named one: its name must stay unused).
              await assert.rejects(org.query({ name: 'broken', text: 'SELEC id FROM orgs' }), {
                code: '42601',
              });
              return;
            }
            case 6: {
              // Named, prepared once per connection, parameterless: scoped like any other.
              const { rows } = await org.query({
                name: 'visible',
                text: 'SELECT count(*)::int AS n FROM orgs',
              });
              assert.deepEqual(rows, [{ n: 1 }]);
              return;
            }
            case 7: {
              // Two statements in one text are refused (they would share no scope rule).
              await assert.rejects(org.query('SELECT 1; SELECT 2'), { code: '42601' });
              return;
            }
            default: {
              // All orgs, as the platform role, alone or in a transaction.
              if (i % 2 === 0) {
                const { rows } = await all.query({ text: 'SELECT count(*)::int AS n FROM orgs' });
                assert.ok((rows[0]?.n ?? 0) >= orgs.length);
                return;
              }
              const client = await all.connect();
              try {
                await client.query('begin');
                const { rows } = await client.query(
                  'SELECT current_user AS role, count(*)::int AS n FROM orgs',
                );
                assert.deepEqual(rows, [{ role: platformRole, n: orgs.length }]);
                await client.query('commit');
              } finally {
                client.release();
              }
            }
          }
        });
        await Promise.all(work);
        assert.ok(released.length >= 300, `${released.length} releases seen`);
        assert.deepEqual(
          new Set(released),
          new Set(['I']),
          'every connection released outside a transaction',
        );

        // Every connection of the pool, checked out at once: no scope and no role on any of them.
        const clients = await Promise.all(Array.from({ length: POOL_SIZE }, () => pool.connect()));
        try {
          for (const client of clients) {
            const { rows } = await client.query(
              `SELECT coalesce(current_setting('roster.org_id', true), '') AS scope, current_user = session_user AS own_role,
                      (SELECT count(*)::int FROM orgs) AS visible`,
            );
            assert.deepEqual(rows[0], { scope: '', own_role: true, visible: 0 });
          }
        } finally {
          for (const client of clients) {
            client.release();
          }
        }
      } finally {
        await pool.end();
        await eventually(() => open.size === 0, 5_000, 'every connection closed');
      }
      assert.deepEqual(
        errors.map((err) => err.message),
        [],
        'no connection failed',
      );
    });
  }
});
