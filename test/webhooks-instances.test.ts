import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { Webhook } from 'standardwebhooks';
import { createPgDatabase } from './harness.js';
import { call, killServers, type Server, startServer } from './server.js';
import { type Receiver, startReceiver } from './webhook-receiver.js';

const REDIS_URL = process.env.ROSTER_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const MASTER = `roster_mk_webhooks_instances_${'w'.repeat(32)}`;
const ENDPOINTS = 3;

/** The sender id a server logged when it became ready. */
const senderOf = (server: Server): string => {
  const line = server
    .stdout()
    .split('\n')
    .find((l) => l.includes('"msg":"roster ready"'));
  return JSON.parse(line ?? '{}').webhook_sender;
};

async function eventually(check: () => Promise<boolean> | boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Real server processes on one PostgreSQL database: however many instances run, each endpoint
 * gets each event once and in feed order; when the instance sending is killed with SIGKILL in the
 * middle of deliveries, another takes over once its lease runs out and nothing is lost or skipped.
 */
describe('webhooks with several instances', { timeout: 240_000 }, () => {
  let drop = async () => {};
  let ownerUrl = '';
  let receiver: Receiver;
  const servers: Server[] = [];
  let env: Record<string, string> = {};

  before(async () => {
    const database = await createPgDatabase();
    drop = database.drop;
    ownerUrl = database.url;
    receiver = await startReceiver();
    env = {
      DATABASE_URL: database.url,
      REDIS_URL,
      ROSTER_MASTER_KEY: MASTER,
      ROSTER_WEBHOOK_ALLOW_HOSTS: '127.0.0.1',
      // Short, so that the kill below is taken over within seconds; renewed every second, so only
      // an instance stalled for 7 s would lose its endpoints while alive (and send some again).
      ROSTER_WEBHOOK_LEASE_SECONDS: '8',
    };
    servers.push(...(await Promise.all([startServer(env), startServer(env)])));
  });

  after(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    killServers();
    await receiver?.close();
    await drop();
  });

  /** Team events of the org in feed order. */
  async function feedOrder(): Promise<string[]> {
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT id FROM outbox_events WHERE type = 'team.created' ORDER BY xid, id`,
      );
      return rows.map((r) => r.id);
    } finally {
      await client.end();
    }
  }

  const idsAt = (path: string) =>
    receiver.received.filter((r) => r.path === path).map((r) => String(r.headers['webhook-id']));

  it('delivers each event once per endpoint, in order, with two instances; survives kill -9 of the sender', async () => {
    const [a, b] = servers as [Server, Server];
    const hooks: { path: string; secret: string }[] = [];
    for (let i = 0; i < ENDPOINTS; i++) {
      const path = `/e${i}`;
      const made = await call(a.base, MASTER, 'POST', '/v1/webhooks', {
        url: `${receiver.base}${path}`,
        event_types: ['team.created'],
      });
      assert.equal(made.status, 201, JSON.stringify(made.body));
      hooks.push({ path, secret: made.body.secret });
    }
    const write = async (from: number, count: number) =>
      Promise.all(
        [a, b].map(async (server, w) => {
          for (let i = from + w; i < from + count; i += 2) {
            const made = await call(server.base, MASTER, 'POST', '/v1/teams', { name: `T${i}` });
            assert.equal(made.status, 201);
          }
        }),
      );

    await write(0, 30);
    let expected = await feedOrder();
    assert.equal(expected.length, 30);
    await eventually(() => hooks.every((h) => idsAt(h.path).length >= 30), 30_000, 'the first 30 deliveries');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    for (const hook of hooks) {
      assert.deepEqual(idsAt(hook.path), expected, `${hook.path}: each event once, in feed order`);
      for (const got of receiver.received.filter((r) => r.path === hook.path)) {
        new Webhook(hook.secret).verify(got.body, got.headers);
      }
    }

    // Slow answers keep deliveries in flight; the instance sending is killed in the middle.
    receiver.answer = () => ({ status: 204, delayMs: 40 });
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    const { rows } = await client.query('SELECT DISTINCT lease_owner FROM webhook_endpoints');
    await client.end();
    const sender = servers.find((s) => rows.some((r) => r.lease_owner === senderOf(s)));
    assert.ok(sender, 'one of the instances holds the endpoints');
    const survivor = sender === a ? b : a;
    await write(30, 40);
    await eventually(() => hooks.some((h) => idsAt(h.path).length >= 40), 30_000, 'deliveries under way');
    sender.child.kill('SIGKILL');
    servers.splice(servers.indexOf(sender), 1);
    // A restarted instance joins; more events are written while the lease of the dead one runs out.
    servers.push(await startServer(env));
    for (let i = 70; i < 80; i++) {
      assert.equal((await call(survivor.base, MASTER, 'POST', '/v1/teams', { name: `T${i}` })).status, 201);
    }
    expected = await feedOrder();
    assert.equal(expected.length, 80);
    await eventually(
      () => hooks.every((h) => new Set(idsAt(h.path)).size >= 80),
      60_000,
      'every event at every endpoint after the kill',
    );
    for (const hook of hooks) {
      const got = idsAt(hook.path);
      const firsts = [...new Set(got)];
      assert.deepEqual(
        firsts,
        expected,
        `${hook.path}: nothing lost or skipped, first deliveries in feed order`,
      );
      // At least once: what the killed instance sent but had not recorded is sent again, in order.
      for (let i = 1; i < got.length; i++) {
        const before = expected.indexOf(String(got[i - 1]));
        const now = expected.indexOf(String(got[i]));
        assert.ok(now === before + 1 || now <= before, `${hook.path}: no event skipped at ${i}`);
      }
    }
  });
});
