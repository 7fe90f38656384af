import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { hashSecret } from '../src/core/api-keys/secrets.js';
import { newId } from '../src/core/ids.js';
import { createPgDatabase, TEST_DB_KIND, TEST_MASTER_KEY } from './harness.js';
import { call, killServers, type Server, startServer } from './server.js';
import { connectSse } from './sse.js';

/*
 * An installation made before row-level security, the counted columns, the event feed and the
 * audit log (migration 0007) is upgraded by starting today's Roster on it: every migration since
 * runs on its data, and what it held is served as it was, with the counts the later migrations
 * filled in. On the embedded database always; on PostgreSQL too when the suite runs there, as the
 * production setup does (an ordinary role serving, the owner migrating).
 */

/** The last migration of the old installation. */
const OLD = 7;
const KEY = `roster_sk_${'u'.repeat(43)}`;

/** The project's migrations up to `OLD`, as a folder a migrator can read. */
function oldMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), 'roster-old-migrations-'));
  cpSync(new URL('../drizzle', import.meta.url), dir, { recursive: true });
  const path = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(path, 'utf8')) as { entries: { idx: number }[] };
  journal.entries = journal.entries.filter((e) => e.idx <= OLD);
  writeFileSync(path, JSON.stringify(journal));
  return dir;
}

const ids = {
  org: newId(),
  defaultOrg: newId(),
  team: newId(),
  ann: newId(),
  bob: newId(),
  sue: newId(),
  assigned: newId(),
  closed: newId(),
  queued: newId(),
  event: newId(),
};

/** A statement and its parameters. */
type Statement = [string, unknown[]];

/** What the old installation held, written in its own schema. */
function oldData(): Statement[] {
  const at = '2026-01-05T09:00:00Z';
  const person = (
    id: string,
    email: string,
    name: string,
    role: string,
    lastAssigned: string | null,
  ): Statement[] => [
    [`INSERT INTO users (id, email, full_name, created_at) VALUES ($1, $2, $3, $4)`, [id, email, name, at]],
    [
      `INSERT INTO agents (id, org_id, user_id, email, full_name, role, created_at, updated_at, last_assigned_at)
       VALUES ($1, $2, $1, $3, $4, $5, $6, $6, $7)`,
      [id, ids.org, email, name, role, at, lastAssigned],
    ],
  ];
  const conversation = (id: string, assignee: string | null, status: string): Statement => [
    `INSERT INTO conversations (id, org_id, team_id, assignee_id, status, created_at, updated_at, assigned_at,
       closed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8)`,
    [
      id,
      ids.org,
      ids.team,
      assignee,
      status,
      at,
      assignee === null ? null : at,
      status === 'closed' ? at : null,
    ],
  ];
  return [
    [
      `INSERT INTO orgs (id, name, created_at, updated_at) VALUES ($1, 'Default', $2, $2), ($3, 'Acme', $2, $2)`,
      [ids.defaultOrg, at, ids.org],
    ],
    [
      `INSERT INTO platform_settings (key, value) VALUES ('default_org_id', $1), ('master_key_hash', $2)`,
      [ids.defaultOrg, hashSecret(TEST_MASTER_KEY)],
    ],
    [
      `INSERT INTO api_keys (id, org_id, name, scopes, key_hash, last4, created_at)
       VALUES ($1, $2, 'old key', ARRAY['*'], $3, $4, $5)`,
      [newId(), ids.org, hashSecret(KEY), KEY.slice(-4), at],
    ],
    // Ann has never been assigned a conversation by routing, Bob long ago: were Ann's open
    // conversation not counted, least-busy routing would pick her first.
    ...person(ids.ann, 'ann@acme.test', 'Ann', 'agent', null),
    ...person(ids.bob, 'bob@acme.test', 'Bob', 'agent', '2026-01-01T00:00:00Z'),
    ...person(ids.sue, 'sue@acme.test', 'Sue', 'supervisor', null),
    [
      `INSERT INTO teams (id, org_id, name, routing, default_max_concurrent, created_at, updated_at)
       VALUES ($1, $2, 'Tier 1', 'least_busy', 1, $3, $3)`,
      [ids.team, ids.org, at],
    ],
    [
      `INSERT INTO team_members (org_id, team_id, agent_id, priority, created_at)
       VALUES ($1, $2, $3, 0, $5), ($1, $2, $4, 1, $5)`,
      [ids.org, ids.team, ids.ann, ids.bob, at],
    ],
    [
      `INSERT INTO supervisor_agents (org_id, supervisor_id, agent_id, created_at) VALUES ($1, $2, $3, $4)`,
      [ids.org, ids.sue, ids.ann, at],
    ],
    conversation(ids.assigned, ids.ann, 'assigned'),
    conversation(ids.closed, ids.bob, 'closed'),
    conversation(ids.queued, null, 'queued'),
    [
      `INSERT INTO outbox (id, org_id, type, payload, created_at) VALUES ($1, $2, 'team.created', $3, now())`,
      [ids.event, ids.org, JSON.stringify({ team_id: ids.team })],
    ],
  ];
}

/** The checks, against a server started on the upgraded installation. */
function servesTheOldData(start: () => Promise<Server>) {
  let server: Server;
  before(async () => {
    server = await start();
  });
  after(async () => {
    await server?.stop();
  });

  it('serves the old key, team, members and their count', async () => {
    const team = await call(server.base, KEY, 'GET', `/v1/teams/${ids.team}`);
    assert.equal(team.status, 200, JSON.stringify(team.body));
    assert.equal(team.body.name, 'Tier 1');
    assert.equal(team.body.member_count, 2);
    assert.deepEqual(team.body.members.map((m: { email: string }) => m.email).sort(), [
      'ann@acme.test',
      'bob@acme.test',
    ]);
    const supervised = await call(server.base, KEY, 'GET', `/v1/supervisors/${ids.sue}/agents`);
    assert.equal(supervised.status, 200, JSON.stringify(supervised.body));
    assert.deepEqual(
      supervised.body.map((a: { id: string }) => a.id),
      [ids.ann],
    );
  });

  it('routes by the loads the upgrade counted: the agent already at capacity gets nothing', async () => {
    // Each heartbeat drains the queue for its agent: Ann has no room, so the old queued
    // conversation goes to Bob, and a new one then waits. Had Ann's open conversation not been
    // counted, her heartbeat would have given it to her, beyond her capacity of one.
    for (const agent of [ids.ann, ids.bob]) {
      assert.equal(
        (await call(server.base, KEY, 'POST', `/v1/agents/${agent}/presence/heartbeat`, {})).status,
        204,
      );
    }
    const queued = await call(server.base, KEY, 'GET', `/v1/conversations/${ids.queued}`);
    assert.deepEqual([queued.body.status, queued.body.assignee_id], ['assigned', ids.bob]);
    const created = await call(server.base, KEY, 'POST', '/v1/conversations', { team_id: ids.team });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.deepEqual([created.body.status, created.body.assignee_id], ['queued', null]);
    const ann = await call(server.base, KEY, 'GET', `/v1/agents/${ids.ann}/presence`);
    assert.deepEqual([ann.body.active_conversations, ann.body.capacity], [1, 1]);
  });

  it('resumes the event feed from the old event: what was written since follows it', async () => {
    const sse = await connectSse(`${server.base}/v1/events?last_event_id=${ids.event}`, {
      authorization: `Bearer ${KEY}`,
    });
    try {
      assert.equal(sse.status, 200, sse.body ?? '');
      const assigned = await sse.waitFor(
        (f) => f.data.type === 'conversation.assigned' && f.data.data.conversation_id === ids.queued,
        5000,
      );
      assert.equal(assigned.data.data.agent_id, ids.bob);
      assert.ok(!sse.frames.some((f) => f.id === ids.event), 'the old event is the position, not sent again');
    } finally {
      sse.close();
    }
  });
}

after(() => killServers());

describe('upgrading an embedded installation from migration 0007', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'roster-old-install-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  servesTheOldData(async () => {
    const client = new PGlite(dataDir);
    await migratePglite(drizzlePglite(client), { migrationsFolder: oldMigrations() });
    for (const [text, params] of oldData()) {
      await client.query(text, params);
    }
    await client.close();
    return startServer({ ROSTER_DATA_DIR: dataDir, ROSTER_MASTER_KEY: TEST_MASTER_KEY });
  });
});

describe('upgrading a PostgreSQL installation from migration 0007, served as an ordinary role', {
  skip: TEST_DB_KIND === 'postgres' ? false : 'runs with the PostgreSQL suite (ROSTER_TEST_DB=postgres)',
}, () => {
  let database: Awaited<ReturnType<typeof createPgDatabase>>;
  after(async () => {
    await database?.drop();
  });
  servesTheOldData(async () => {
    database = await createPgDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await migratePg(drizzlePg(client), { migrationsFolder: oldMigrations() });
      for (const [text, params] of oldData()) {
        await client.query(text, params);
      }
    } finally {
      await client.end();
    }
    return startServer({
      DATABASE_URL: database.appUrl,
      ROSTER_MIGRATION_DATABASE_URL: database.url,
      ROSTER_MASTER_KEY: TEST_MASTER_KEY,
    });
  });
});
