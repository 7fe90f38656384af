import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createPgDatabase, TEST_DB_KIND } from './harness.js';
import { call, killServers, printedMasterKey, type Server, startServer } from './server.js';

/** A key of the operator's own choosing: 40 characters, without the `roster_mk_` prefix. */
const CHOSEN = 'my-own-master-key-0123456789-abcdefghijk';
const ANOTHER = 'another-master-key-of-my-own-9876543210-zyx';

function logLines(server: Server): Record<string, unknown>[] {
  return server
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

const REPLACED = /ROSTER_MASTER_KEY differs from the stored master key/;

/**
 * The real server started again and again on the same data, as an operator would: first with a
 * generated key, then with keys of their own, then without the variable. Whatever they do, one
 * master key works, and the log says which.
 */
describe('the master key across restarts (real server)', { timeout: 240_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-master-key-'));
  let env: Record<string, string> = { ROSTER_DATA_DIR: dataDir, ROSTER_SHUTDOWN_DRAIN_MS: '0' };
  let dropDatabase = async () => {};

  before(async () => {
    if (TEST_DB_KIND === 'postgres') {
      const pgDb = await createPgDatabase();
      env = { ...env, DATABASE_URL: pgDb.appUrl, ROSTER_MIGRATION_DATABASE_URL: pgDb.url };
      dropDatabase = pgDb.drop;
    }
  });

  after(async () => {
    killServers();
    rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase();
  });

  it('never locks the operator out, and logs when a configured key replaces the stored one', async () => {
    // 1. First start: a key is generated and printed once.
    const first = await startServer(env);
    const generated = printedMasterKey(first);
    assert.ok(generated);
    assert.equal((await call(first.base, generated, 'GET', '/v1/orgs')).status, 200);
    const org = await call(first.base, generated, 'POST', '/v1/orgs', { name: 'Acme' });
    assert.equal(org.status, 201);
    const orgKey = await call(first.base, generated, 'POST', `/v1/api-keys?org_id=${org.body.id}`, {
      name: 'helpdesk',
      scopes: ['teams:read'],
    });
    assert.equal(orgKey.status, 201);
    assert.equal(await first.stop(), 0);

    // 2. A key of the operator's own choosing: it works at once, the generated one no longer does,
    //    and a warning says so.
    const second = await startServer({ ...env, ROSTER_MASTER_KEY: CHOSEN });
    assert.ok(!second.stdout().includes('ROSTER_MASTER_KEY='), 'nothing is generated');
    assert.equal((await call(second.base, CHOSEN, 'GET', '/v1/orgs')).status, 200);
    assert.equal((await call(second.base, CHOSEN, 'GET', `/v1/teams?org_id=${org.body.id}`)).status, 200);
    assert.equal((await call(second.base, generated, 'GET', '/v1/orgs')).status, 401);
    const warning = logLines(second).find((l) => typeof l.msg === 'string' && REPLACED.test(l.msg));
    assert.ok(warning, 'the replacement is logged');
    assert.equal(warning.level, 40, 'at warn level');
    assert.ok(!second.stdout().includes(CHOSEN), 'the key itself is never logged');
    // Org keys are untouched, and a secret that is neither is still refused.
    assert.equal((await call(second.base, orgKey.body.key, 'GET', '/v1/teams')).status, 200);
    assert.equal((await call(second.base, `${CHOSEN}x`, 'GET', '/v1/orgs')).status, 401);
    assert.equal(await second.stop(), 0);

    // 3. The same key again: no warning.
    const third = await startServer({ ...env, ROSTER_MASTER_KEY: CHOSEN });
    assert.ok(!logLines(third).some((l) => typeof l.msg === 'string' && REPLACED.test(l.msg)));
    assert.equal((await call(third.base, CHOSEN, 'GET', '/v1/orgs')).status, 200);
    assert.equal(await third.stop(), 0);

    // 4. The variable unset: the key configured last still works; nothing is generated.
    const fourth = await startServer(env);
    assert.ok(!fourth.stdout().includes('ROSTER_MASTER_KEY='));
    assert.equal((await call(fourth.base, CHOSEN, 'GET', '/v1/orgs')).status, 200);
    assert.equal((await call(fourth.base, generated, 'GET', '/v1/orgs')).status, 401);
    assert.equal(await fourth.stop(), 0);

    // 5. Another key of their own, with the `roster_mk_` prefix or without: the newest one wins.
    const fifth = await startServer({ ...env, ROSTER_MASTER_KEY: `roster_mk_${ANOTHER}` });
    assert.equal((await call(fifth.base, `roster_mk_${ANOTHER}`, 'GET', '/v1/orgs')).status, 200);
    assert.equal((await call(fifth.base, CHOSEN, 'GET', '/v1/orgs')).status, 401);
    assert.ok(logLines(fifth).some((l) => typeof l.msg === 'string' && REPLACED.test(l.msg)));
    assert.equal(await fifth.stop(), 0);
  });

  it('health probes write no info-level lines, and the ready line says whether Redis is used', async () => {
    const server = await startServer({ ...env, ROSTER_MASTER_KEY: CHOSEN });
    const ready = logLines(server).find((l) => l.msg === 'roster ready');
    assert.equal(ready?.redis, false);
    for (let i = 0; i < 3; i++) {
      assert.equal((await fetch(`${server.base}/healthz`)).status, 200);
      assert.equal((await fetch(`${server.base}/readyz`)).status, 200);
    }
    // An ordinary request still logs its two lines; the probes before it logged none.
    assert.equal((await call(server.base, CHOSEN, 'GET', '/v1/orgs')).status, 200);
    // The server writes its lines to a pipe: wait for the request's last one rather than a fixed time.
    const completed = () => logLines(server).filter((l) => l.msg === 'request completed').length;
    for (const deadline = Date.now() + 5_000; completed() === 0 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const lines = logLines(server);
    const urls = lines.filter((l) => l.msg === 'incoming request').map((l) => (l.req as { url: string }).url);
    assert.deepEqual(urls, ['/v1/orgs']);
    assert.equal(lines.filter((l) => l.msg === 'request completed').length, 1);
    assert.equal(await server.stop(), 0);

    const withRedis = await startServer({
      ...env,
      ROSTER_MASTER_KEY: CHOSEN,
      REDIS_URL: process.env.ROSTER_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    });
    assert.equal(logLines(withRedis).find((l) => l.msg === 'roster ready')?.redis, true);
    assert.equal(await withRedis.stop(), 0);
  });
});
