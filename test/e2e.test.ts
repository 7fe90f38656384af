import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createPgDatabase, TEST_DB_KIND } from './harness.js';
import { call, killServers, printedMasterKey, startServer } from './server.js';

describe('black box: the real server over HTTP', { timeout: 240_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-e2e-'));
  let env: Record<string, string> = { ROSTER_DATA_DIR: dataDir };
  let dropDatabase = async () => {};

  before(async () => {
    if (TEST_DB_KIND === 'postgres') {
      const pgDb = await createPgDatabase();
      // As a deployment that wants row-level security runs it: an ordinary role serves, the
      // owner of the tables migrates.
      env = { ...env, DATABASE_URL: pgDb.appUrl, ROSTER_MIGRATION_DATABASE_URL: pgDb.url };
      dropDatabase = pgDb.drop;
    }
  });

  after(async () => {
    killServers();
    rmSync(dataDir, { recursive: true, force: true });
    await dropDatabase();
  });

  it('walks the seed-001 flow, shuts down cleanly, and finds its data after a restart', async () => {
    const first = await startServer(env);
    const master = printedMasterKey(first);
    assert.ok(master, 'the first start prints the generated master key');
    assert.match(master, /^roster_mk_/);

    const ready = first
      .stdout()
      .split('\n')
      .find((line) => line.includes('"msg":"roster ready"'));
    // On PostgreSQL it serves as an ordinary role: the database holds each org to its rows.
    assert.equal(JSON.parse(ready ?? '{}').row_security, TEST_DB_KIND === 'postgres');

    const health = await fetch(`${first.base}/healthz`);
    assert.equal(health.status, 200);
    assert.equal((await fetch(`${first.base}/readyz`)).status, 200);

    const org = await call(first.base, master, 'POST', '/v1/orgs', { name: 'Acme Support' });
    assert.equal(org.status, 201);
    const key = await call(first.base, master, 'POST', `/v1/api-keys?org_id=${org.body.id}`, {
      name: 'helpdesk',
      scopes: ['teams:read', 'teams:write', 'teams:delete', 'agents:read', 'agents:write'],
    });
    assert.equal(key.status, 201);
    const secret: string = key.body.key;

    const alice = await call(first.base, secret, 'POST', '/v1/agents', {
      email: 'alice@acme.test',
      full_name: 'Alice Johnson',
    });
    const bob = await call(first.base, secret, 'POST', '/v1/agents', {
      email: 'bob@acme.test',
      full_name: 'Bob Smith',
    });
    assert.equal(alice.status, 201);
    assert.equal(bob.status, 201);

    const team = await call(first.base, secret, 'POST', '/v1/teams', {
      name: 'Technical Support',
      description: 'Handles technical issues and bug reports',
    });
    assert.equal(team.status, 201);
    assert.deepEqual(team.body.members, []);
    for (const agent of [alice, bob]) {
      const added = await call(first.base, secret, 'POST', `/v1/teams/${team.body.id}/members`, {
        user_id: agent.body.id,
      });
      assert.equal(added.status, 201);
      assert.deepEqual(added.body, {
        id: agent.body.id,
        email: agent.body.email,
        full_name: agent.body.full_name,
        priority: 0,
      });
    }
    const removed = await call(
      first.base,
      secret,
      'DELETE',
      `/v1/teams/${team.body.id}/members/${bob.body.id}`,
    );
    assert.equal(removed.status, 204);
    const renamed = await call(first.base, secret, 'PATCH', `/v1/teams/${team.body.id}`, {
      name: 'Tech Support',
    });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.name, 'Tech Support');

    const missing = await call(first.base, secret, 'GET', '/v1/teams/not-a-uuid');
    assert.equal(missing.status, 400);
    assert.match(missing.headers.get('content-type') ?? '', /^application\/problem\+json/);
    assert.equal(missing.body.request_id, missing.headers.get('x-request-id'));

    assert.equal(await first.stop(), 0, 'SIGTERM ends the process with exit code 0');

    const second = await startServer(env);
    try {
      assert.ok(!second.stdout().includes('ROSTER_MASTER_KEY='), 'a restart prints no new master key');
      const reloaded = await call(second.base, secret, 'GET', `/v1/teams/${team.body.id}`);
      assert.equal(reloaded.status, 200);
      assert.equal(reloaded.body.name, 'Tech Support');
      assert.deepEqual(reloaded.body.members, [
        { id: alice.body.id, email: 'alice@acme.test', full_name: 'Alice Johnson', priority: 0 },
      ]);
      const list = await call(second.base, secret, 'GET', '/v1/teams');
      assert.deepEqual(
        list.body.map((t: { id: string }) => t.id),
        [team.body.id],
      );
      const orgs = await call(second.base, master, 'GET', '/v1/orgs');
      assert.equal(orgs.status, 200, 'the generated master key still works after a restart');

      // The bundle serves the reference page from @fastify/swagger-ui's own files, and the document.
      const docs = await fetch(`${second.base}/docs/static/index.html`);
      assert.equal(docs.status, 200);
      assert.match(await docs.text(), /swagger/i);
      const openapi = await call(second.base, master, 'GET', '/openapi.json');
      assert.equal(openapi.status, 200);
      assert.equal(openapi.body.info.title, 'Roster');

      // Route schemas not used yet compile in the background after readiness; none fails.
      const deadline = Date.now() + 60_000;
      while (!second.stdout().includes('"msg":"route schemas compiled"') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const compiled = second
        .stdout()
        .split('\n')
        .find((line) => line.includes('"msg":"route schemas compiled"'));
      assert.ok(compiled, 'the warm-up finishes');
      assert.ok(JSON.parse(compiled).compiled > 0);
      assert.ok(!second.stdout().includes('does not compile'), second.stdout());
    } finally {
      assert.equal(await second.stop(), 0);
    }
  });

  it('refuses to start with an invalid setting and names the variable', async () => {
    await assert.rejects(startServer({ ...env, PORT: 'eighty' }), /PORT/);
  });
});
