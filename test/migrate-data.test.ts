import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { countRows } from '../src/ops/backup.js';
import { migrateData } from '../src/ops/migrate-data.js';
import { createPgDatabase, type PgTestDatabase } from './harness.js';
import { type PopulatedOrg, populate, readBack } from './ops-support.js';
import { killServers, type Server, startServer } from './server.js';

const MASTER = `roster_mk_migrate_${'m'.repeat(32)}`;

/** Every file of a directory tree with its size and modification time, to see it untouched. */
function listing(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return listing(path, `${prefix}${entry.name}/`);
    }
    const stat = statSync(path);
    return [`${prefix}${entry.name} ${stat.size} ${stat.mtimeMs}`];
  });
}

/**
 * An embedded database filled through the API, moved to an empty PostgreSQL database with the
 * server stopped, then served from PostgreSQL (as an ordinary role, under row-level security):
 * every row is there and every key still authenticates.
 */
describe('migrate-data: embedded database to PostgreSQL', { timeout: 240_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-migrate-'));
  let target: PgTestDatabase;
  let orgs: PopulatedOrg[];
  let expected: unknown;
  let server: Server;

  before(async () => {
    target = await createPgDatabase();
    server = await startServer({ ROSTER_DATA_DIR: dataDir, ROSTER_MASTER_KEY: MASTER, DATABASE_URL: '' });
    orgs = await populate(server.base, MASTER, 'migrate');
    expected = await readBack(server.base, orgs);
  });
  after(async () => {
    killServers();
    rmSync(dataDir, { recursive: true, force: true });
    await target.drop();
  });

  it('refuses while the server holds the embedded database', async () => {
    await assert.rejects(migrateData({ dataDir, to: target.url }), /is in use/);
    assert.equal(await server.stop(), 0);
  });

  it('copies every row, verifies the counts, and leaves the source untouched', async () => {
    const untouched = listing(dataDir);
    const { PGlite } = await import('@electric-sql/pglite');
    const result = await migrateData({ dataDir, to: target.url });
    assert.deepEqual(listing(dataDir), untouched, 'the source data directory changed');

    // Counted independently (on a copy, so that the source stays as it is for the next test).
    const copy = `${dataDir}-copy`;
    cpSync(dataDir, copy, { recursive: true });
    const source = await PGlite.create(copy);
    const sourceRows = await countRows(source);
    await source.close();
    rmSync(copy, { recursive: true, force: true });
    assert.deepEqual(result.rows, sourceRows);
    for (const table of [
      'orgs',
      'agents',
      'users',
      'teams',
      'team_members',
      'api_keys',
      'conversations',
      'outbox',
    ]) {
      assert.ok((result.rows[table] ?? 0) > 0, `${table} has rows: ${JSON.stringify(result.rows)}`);
    }

    server = await startServer({
      DATABASE_URL: target.appUrl,
      ROSTER_MIGRATION_DATABASE_URL: target.url,
      ROSTER_MASTER_KEY: MASTER,
    });
    assert.match(server.stdout(), /"row_security":true/);
    assert.deepEqual(await readBack(server.base, orgs), expected);
    // The counters triggers keep (team sizes, agents' assigned conversations) came over as they
    // were, not counted a second time by the inserts.
    const owner = new pg.Client({ connectionString: target.url });
    await owner.connect();
    try {
      const teams = await owner.query(
        `SELECT t.id FROM teams t WHERE t.member_count <>
           (SELECT count(*) FROM team_members m WHERE m.org_id = t.org_id AND m.team_id = t.id)`,
      );
      assert.equal(teams.rowCount, 0);
      const agents = await owner.query(
        `SELECT a.id FROM agents a WHERE a.assigned_count <> (SELECT count(*) FROM conversations c
           WHERE c.org_id = a.org_id AND c.assignee_id = a.id AND c.status = 'assigned')`,
      );
      assert.equal(agents.rowCount, 0);
    } finally {
      await owner.end();
    }
    await server.stop();
  });

  it('refuses a target that is not empty', async () => {
    await assert.rejects(migrateData({ dataDir, to: target.url }), /not empty/);
  });
});
