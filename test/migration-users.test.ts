import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { createPgDatabase, TEST_DB_KIND } from './harness.js';
import { UUID_V7 } from './http.js';

/**
 * Migration 0004 (users) on a database that already holds agents: every agent gets the user of its
 * email, one user per distinct email across orgs, and user_id ends up NOT NULL.
 */

const drizzleDir = fileURLToPath(new URL('../drizzle', import.meta.url));

/** A copy of the migrations folder whose journal stops before `tag`. */
function migrationsBefore(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'roster-migrations-'));
  cpSync(drizzleDir, dir, { recursive: true });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const index = journal.entries.findIndex((e) => e.tag === tag);
  assert.ok(index > 0, `${tag} is in the journal`);
  journal.entries = journal.entries.slice(0, index);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

interface Runner {
  query<T>(text: string): Promise<T[]>;
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
}

async function openRunner(): Promise<Runner> {
  if (TEST_DB_KIND === 'pglite') {
    const client = new PGlite();
    await client.waitReady;
    return {
      query: async <T>(text: string) => (await client.query<T>(text)).rows,
      migrate: (folder) => migratePglite(drizzlePglite(client), { migrationsFolder: folder }),
      close: () => client.close(),
    };
  }
  const { url, drop } = await createPgDatabase();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    query: async <T>(text: string) => (await client.query(text)).rows as T[],
    migrate: (folder) => migratePg(drizzlePg(client), { migrationsFolder: folder }),
    close: async () => {
      await client.end();
      await drop();
    },
  };
}

describe('migration 0004_users on a database with agents', () => {
  let runner: Runner;
  let before0004: string;

  before(async () => {
    runner = await openRunner();
    before0004 = migrationsBefore('0004_users');
  });

  after(async () => {
    await runner.close();
    rmSync(before0004, { recursive: true, force: true });
  });

  it('links every agent to the one user of its email and makes user_id NOT NULL', async () => {
    await runner.migrate(before0004);
    const orgA = '01900000-0000-7000-8000-00000000000a';
    const orgB = '01900000-0000-7000-8000-00000000000b';
    await runner.query(`INSERT INTO orgs (id, name, created_at, updated_at) VALUES
      ('${orgA}', 'A', now(), now()), ('${orgB}', 'B', now(), now())`);
    await runner.query(`INSERT INTO agents (id, org_id, email, full_name, created_at, updated_at) VALUES
      ('01900000-0000-7000-8000-000000000001', '${orgA}', 'Ann@Example.com', 'Ann A', '2026-01-01Z', now()),
      ('01900000-0000-7000-8000-000000000002', '${orgB}', 'ann@example.com', 'Ann B', '2026-02-01Z', now()),
      ('01900000-0000-7000-8000-000000000003', '${orgA}', 'bob@example.com', 'Bob', '2026-03-01Z', now())`);

    await runner.migrate(drizzleDir);

    const agents = await runner.query<{ id: string; user_id: string }>(
      'SELECT id, user_id FROM agents ORDER BY id',
    );
    const users = await runner.query<{ id: string; email: string; full_name: string }>(
      'SELECT id, email, full_name FROM users ORDER BY lower(email)',
    );
    assert.equal(users.length, 2);
    assert.deepEqual(
      users.map((u) => [u.email, u.full_name]),
      [
        ['Ann@Example.com', 'Ann A'],
        ['bob@example.com', 'Bob'],
      ],
    );
    for (const user of users) {
      assert.match(user.id, UUID_V7);
    }
    const [ann, bob] = users;
    assert.deepEqual(
      agents.map((a) => a.user_id),
      [ann?.id, ann?.id, bob?.id],
    );
    const nullable = await runner.query<{ is_nullable: string }>(
      "SELECT is_nullable FROM information_schema.columns WHERE table_name = 'agents' AND column_name = 'user_id'",
    );
    assert.equal(nullable[0]?.is_nullable, 'NO');
    await assert.rejects(
      runner.query(`INSERT INTO users (id, email, full_name, created_at)
        VALUES ('01900000-0000-7000-8000-0000000000ff', 'BOB@example.com', 'Dup', now())`),
    );
  });
});
