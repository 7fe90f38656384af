import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { createPgDatabase, TEST_DB_KIND } from './harness.js';
import { call, killServers, type Server, startServer } from './server.js';
import { type Receiver, startReceiver } from './webhook-receiver.js';

const MASTER = `roster_mk_webhook_secrets_${'s'.repeat(32)}`;
const K1 = randomBytes(32).toString('base64');
const K2 = randomBytes(32).toString('hex');

interface Stored {
  path: string;
  secret: string;
  previous: string | null;
}

/**
 * Signing secrets sealed at rest (ROSTER_WEBHOOK_SECRETS_KEY), with the real server: secrets
 * stored plain are sealed once a key is set, a key is replaced through the previous-key variable,
 * and without the key nothing is sent unsigned. Every delivery is checked with `standardwebhooks`.
 */
describe('webhook signing secrets at rest', { timeout: 180_000 }, () => {
  let receiver: Receiver;
  let base: Record<string, string>;
  let cleanup = async () => {};
  let stored: () => Promise<Stored[]>;
  const secrets = new Map<string, string>();

  before(async () => {
    receiver = await startReceiver();
    base = { ROSTER_MASTER_KEY: MASTER, ROSTER_WEBHOOK_ALLOW_HOSTS: '127.0.0.1' };
    const query = `SELECT url, secret, previous_secret FROM webhook_endpoints ORDER BY url`;
    const toStored = (rows: { url: string; secret: string; previous_secret: string | null }[]) =>
      rows.map((r) => ({ path: new URL(r.url).pathname, secret: r.secret, previous: r.previous_secret }));
    if (TEST_DB_KIND === 'postgres') {
      const database = await createPgDatabase();
      // The secure configuration: Roster as the ordinary role, held to row-level security.
      base.DATABASE_URL = database.appUrl;
      base.ROSTER_MIGRATION_DATABASE_URL = database.url;
      cleanup = database.drop;
      stored = async () => {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        try {
          return toStored((await client.query(query)).rows);
        } finally {
          await client.end();
        }
      };
    } else {
      const dir = mkdtempSync(join(tmpdir(), 'roster-secrets-'));
      base.ROSTER_DATA_DIR = dir;
      cleanup = async () => rmSync(dir, { recursive: true, force: true });
      // Read while no server runs: the embedded database has one user at a time.
      stored = async () => {
        const db = new PGlite(dir);
        try {
          return toStored(
            (await db.query<{ url: string; secret: string; previous_secret: string | null }>(query)).rows,
          );
        } finally {
          await db.close();
        }
      };
    }
  });

  after(async () => {
    killServers();
    await receiver?.close();
    await cleanup();
  });

  const run = async (keys: Record<string, string>, fn: (server: Server) => Promise<void>) => {
    const server = await startServer({ ...base, ...keys });
    try {
      await fn(server);
    } finally {
      assert.equal(await server.stop(), 0);
    }
  };

  const createHook = async (server: Server, path: string) => {
    const made = await call(server.base, MASTER, 'POST', '/v1/webhooks', {
      url: `${receiver.base}${path}`,
      event_types: ['team.created'],
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    secrets.set(path, made.body.secret);
    return made.body as { id: string; secret: string };
  };

  /** Creates a team and waits until each path received it, signed so that its own secret verifies. */
  const deliveredSigned = async (server: Server, paths: string[], name: string) => {
    assert.equal((await call(server.base, MASTER, 'POST', '/v1/teams', { name })).status, 201);
    const deadline = Date.now() + 20_000;
    const ofTeam = (path: string) =>
      receiver.received.filter((r) => r.path === path && JSON.parse(r.body).data.name === name);
    while (!paths.every((p) => ofTeam(p).length > 0) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    for (const path of paths) {
      const [delivery] = ofTeam(path);
      assert.ok(delivery, `${path} received ${name}`);
      assert.doesNotThrow(
        () => new Webhook(secrets.get(path) as string).verify(delivery.body, delivery.headers),
        `${path}: ${name} verifies with its secret (signatures ${delivery.headers['webhook-signature']})`,
      );
    }
  };

  const logged = (server: Server, msg: string) =>
    server
      .stdout()
      .split('\n')
      .filter((l) => l.includes(msg))
      .map((l) => JSON.parse(l) as { endpoints: number });

  it('stores plain without a key, seals once one is set, and signs with the sealed secrets', async () => {
    await run({}, async (server) => {
      await createHook(server, '/plain');
      await deliveredSigned(server, ['/plain'], 'Before the key');
    });
    assert.match((await stored())[0]?.secret ?? '', /^whsec_/, 'without a key the secret is stored as it is');

    await run({ ROSTER_WEBHOOK_SECRETS_KEY: K1 }, async (server) => {
      assert.deepEqual(
        logged(server, 'webhook signing secrets sealed').map((l) => l.endpoints),
        [1],
      );
      await createHook(server, '/sealed');
      await deliveredSigned(server, ['/plain', '/sealed'], 'Under K1');
    });
    const sealed = await stored();
    assert.equal(sealed.length, 2);
    for (const row of sealed) {
      assert.match(row.secret, /^sealed1:/, `${row.path} is sealed`);
      assert.ok(!row.secret.includes('whsec_') && !row.secret.includes(secrets.get(row.path) as string));
    }
  });

  it('replaces the key through the previous-key variable, with a secret rotation in between', async () => {
    const before = await stored();
    await run({ ROSTER_WEBHOOK_SECRETS_KEY: K2, ROSTER_WEBHOOK_SECRETS_KEY_PREVIOUS: K1 }, async (server) => {
      assert.deepEqual(
        logged(server, 'webhook signing secrets sealed').map((l) => l.endpoints),
        [2],
      );
      const [hook] = (await call(server.base, MASTER, 'GET', '/v1/webhooks')).body.filter(
        (h: { url: string }) => h.url.endsWith('/sealed'),
      );
      const rotated = await call(server.base, MASTER, 'POST', `/v1/webhooks/${hook.id}/rotate-secret`);
      assert.equal(rotated.status, 200);
      const old = secrets.get('/sealed') as string;
      secrets.set('/sealed', rotated.body.secret);
      await deliveredSigned(server, ['/plain', '/sealed'], 'Under K2');
      // The previous secret still signs during the overlap: a receiver not yet updated verifies too.
      const last = receiver.received.filter((r) => r.path === '/sealed').at(-1);
      new Webhook(old).verify(last?.body ?? '', last?.headers ?? {});
    });
    const after = await stored();
    assert.notEqual(after[0]?.secret, before[0]?.secret, 'sealed again with the new key');
    assert.match(after[1]?.previous ?? '', /^sealed1:/, 'the previous secret is sealed too');

    // The previous key can now go: everything opens with the new one.
    await run({ ROSTER_WEBHOOK_SECRETS_KEY: K2 }, async (server) => {
      assert.equal(logged(server, 'sealed with a key not configured').length, 0);
      await deliveredSigned(server, ['/plain', '/sealed'], 'K2 alone');
    });
  });

  it('without the key sends nothing unsigned: the attempts fail, logged, and the start-up says why', async () => {
    await run({}, async (server) => {
      assert.deepEqual(
        logged(server, 'sealed with a key not configured').map((l) => l.endpoints),
        [2],
      );
      const hooks = (await call(server.base, MASTER, 'GET', '/v1/webhooks')).body as { id: string }[];
      const count = receiver.received.length;
      assert.equal((await call(server.base, MASTER, 'POST', '/v1/teams', { name: 'No key' })).status, 201);
      const deadline = Date.now() + 20_000;
      let errors: string[] = [];
      while (errors.length < hooks.length && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        errors = [];
        for (const hook of hooks) {
          const log = await call(server.base, MASTER, 'GET', `/v1/webhooks/${hook.id}/deliveries`);
          errors.push(
            ...log.body
              .filter((d: { error: string | null }) => d.error !== null)
              .map((d: { error: string }) => d.error),
          );
        }
      }
      assert.ok(errors.length >= hooks.length, 'each endpoint logged a failed attempt');
      for (const error of errors) {
        assert.match(error, /ROSTER_WEBHOOK_SECRETS_KEY/);
      }
      assert.equal(receiver.received.length, count, 'nothing was sent');
    });
  });

  it('refuses a key that is not 32 bytes, naming the variable', async () => {
    await assert.rejects(
      startServer({ ...base, ROSTER_WEBHOOK_SECRETS_KEY: 'too-short' }),
      /ROSTER_WEBHOOK_SECRETS_KEY/,
    );
  });
});
