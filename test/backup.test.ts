import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { backup, restore } from '../src/ops/backup.js';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from './harness.js';
import { newTenant, send } from './http.js';
import { request, until } from './load.js';
import { listAll, type PopulatedOrg, populate, readBack } from './ops-support.js';
import { killServers, type Server, startServer } from './server.js';

const MASTER = `roster_mk_backup_${'b'.repeat(32)}`;

/**
 * The embedded database backed up from the running server while clients write to it, restored
 * with the server stopped into a fresh data directory, and served again: every row written before
 * the backup began is there, and every key still authenticates.
 */
describe('backup and restore of the embedded database', { timeout: 240_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'roster-backup-'));
  const dataDir = join(work, 'data');
  const restoredDir = join(work, 'restored');
  const file = join(work, 'roster.tar.gz');
  let server: Server;
  let orgs: PopulatedOrg[];

  before(async () => {
    server = await startServer({ ROSTER_DATA_DIR: dataDir, ROSTER_MASTER_KEY: MASTER, DATABASE_URL: '' });
    orgs = await populate(server.base, MASTER, 'backup');
  });
  after(() => {
    killServers();
    rmSync(work, { recursive: true, force: true });
  });

  it('refuses a backup to anything but the master key', async () => {
    const [org] = orgs;
    assert.ok(org);
    assert.equal((await request(server.base, 'GET', '/v1/backup')).status, 401);
    assert.equal((await request(server.base, 'GET', '/v1/backup', { key: org.key })).status, 403);
    await assert.rejects(
      backup({ url: server.base, masterKey: org.key, file }),
      /refused the backup \(403\)/,
    );
    assert.equal(existsSync(file), false);
  });

  it('backs up under load, restores into a fresh directory, and serves every row', async () => {
    const [org] = orgs;
    assert.ok(org);
    // Writers keep creating agents; those acknowledged before the backup starts must be restored.
    let writing = true;
    const acknowledged: { id: string; at: number }[] = [];
    const writer = async (w: number) => {
      for (let n = 0; writing; n++) {
        const res = await request(server.base, 'POST', '/v1/agents', {
          key: org.key,
          body: { email: `load-${w}-${n}@backup.test`, full_name: `Load ${w} ${n}` },
        });
        assert.equal(res.status, 201, JSON.stringify(res.body));
        acknowledged.push({ id: (res.body as { id: string }).id, at: res.endedAt });
      }
    };
    const writers = [writer(1), writer(2), writer(3)];
    // The backup starts once the writers have had nine writes acknowledged, however long it takes.
    await until('writes acknowledged before the backup', async () =>
      acknowledged.length >= 9 ? true : undefined,
    );
    const backupStarted = Date.now();
    const taken = await backup({ url: server.base, masterKey: MASTER, file });
    writing = false;
    await Promise.all(writers);
    assert.ok(taken.bytes > 100_000, `${taken.bytes} bytes`);
    const before = acknowledged.filter((a) => a.at < backupStarted).map((a) => a.id);
    assert.ok(before.length > 0, 'some writes were acknowledged before the backup');
    const expected = await readBack(server.base, orgs);
    assert.equal(await server.stop(), 0);

    const restored = await restore({ file, dataDir: restoredDir });
    assert.equal(restored.movedAside, null);
    assert.ok((restored.rows.agents ?? 0) >= 60 + before.length, JSON.stringify(restored.rows));

    server = await startServer({ ROSTER_DATA_DIR: restoredDir, ROSTER_MASTER_KEY: MASTER, DATABASE_URL: '' });
    const agents = (await listAll(server.base, org.key, '/v1/agents')) as { id: string }[];
    const ids = new Set(agents.map((a) => a.id));
    assert.deepEqual(
      before.filter((id) => !ids.has(id)),
      [],
      'agents acknowledged before the backup are missing',
    );
    // The rest of the data, read with each org's own key (so every key still authenticates),
    // is as it was, less the agents written after the backup began.
    const loadAgent = (a: { email?: string }) => a.email?.endsWith('@backup.test') === true;
    const strip = (state: unknown) =>
      JSON.parse(JSON.stringify(state), (k, v) =>
        k === 'agents' ? (v as { email?: string }[]).filter((a) => !loadAgent(a)) : v,
      );
    assert.deepEqual(strip(await readBack(server.base, orgs)), strip(expected));
    await server.stop();
  });

  it('restores over a database only with --force, moving it aside', async () => {
    await assert.rejects(restore({ file, dataDir: restoredDir }), /already holds a database/);
    const result = await restore({ file, dataDir: restoredDir, force: true });
    assert.ok(result.movedAside !== null && existsSync(join(result.movedAside, 'PG_VERSION')));
    assert.ok(readdirSync(work).some((name) => name.startsWith('restored.before-restore-')));
  });

  it('refuses a file that is no backup, and a directory a server holds', async () => {
    const junk = join(work, 'junk.tar.gz');
    writeFileSync(junk, 'not a backup');
    await assert.rejects(restore({ file: junk, dataDir: join(work, 'other') }), /not gzip-compressed/);
    server = await startServer({ ROSTER_DATA_DIR: restoredDir, ROSTER_MASTER_KEY: MASTER, DATABASE_URL: '' });
    await assert.rejects(restore({ file, dataDir: restoredDir, force: true }), /is in use/);
    await server.stop();
  });
});

describe('GET /v1/backup without an embedded database', () => {
  let env: TestApp;
  before(async () => {
    env = await createTestApp({ noBackup: true });
  });
  after(() => env.close());

  it('is a conflict (PostgreSQL is backed up with pg_dump), and forbidden to org keys', async () => {
    const tenant = await newTenant(env);
    const refused = await send(env.app, { method: 'GET', url: '/v1/backup', key: tenant.key });
    assert.equal(refused.statusCode, 403, refused.body);
    const res = await send(env.app, { method: 'GET', url: '/v1/backup', key: TEST_MASTER_KEY });
    assert.equal(res.statusCode, 409, res.body);
    assert.match(JSON.parse(res.body).detail, /pg_dump/);
  });
});
