/**
 * Tenant isolation in depth: PostgreSQL's row-level security keeps each org to its own rows even
 * where a query forgets its org filter, or names another org's. PostgreSQL only: PGlite's single
 * role is a superuser, which row-level security never binds.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { hashSecret } from '../src/core/api-keys/secrets.js';
import type { Ctx } from '../src/core/context.js';
import { saveIdempotencyKey } from '../src/core/idempotency/idempotency.repo.js';
import { newId } from '../src/core/ids.js';
import { createPresenceStatus } from '../src/core/presence/presence-statuses.js';
import { createConversation } from '../src/core/routing/create-conversation.js';
import { insertSession } from '../src/core/sessions/sessions.repo.js';
import { updateSupervisorAgents } from '../src/core/supervisors/supervisors.js';
import { addTeamMember } from '../src/core/teams/team-members.js';
import { findTeam } from '../src/core/teams/teams.repo.js';
import { type Db, rowsOf } from '../src/db/client.js';
import { ALL_ORGS, ScopedPool } from '../src/db/row-security.js';
import { agents, teams } from '../src/db/schema.js';
import { buildAgent, buildKey, buildOrg, buildTeam } from './factories.js';
import { appRoleUrl, createTestEnv, TEST_APP_ROLE, TEST_DB_KIND, type TestEnv } from './harness.js';

/** Every table that holds one org's data, with the column naming the org. */
const TENANT_TABLES: [table: string, orgColumn: string][] = [
  ['orgs', 'id'],
  ['agents', 'org_id'],
  ['teams', 'org_id'],
  ['team_members', 'org_id'],
  ['supervisor_agents', 'org_id'],
  ['conversations', 'org_id'],
  ['presence_statuses', 'org_id'],
  ['api_keys', 'org_id'],
  ['outbox', 'org_id'],
  ['idempotency_keys', 'org_id'],
  ['sessions', 'org_id'],
];

/** Views over tenant tables: read as the querying role (security_invoker), so held the same. */
const TENANT_VIEWS: [view: string, orgColumn: string][] = [['outbox_events', 'org_id']];

/** Fills every tenant table with rows of the org of `ctx`; returns a team id of that org. */
async function seedOrg(ctx: Ctx): Promise<{ teamId: string; agentId: string }> {
  const supervisor = await buildAgent(ctx, { role: 'supervisor' });
  const agent = await buildAgent(ctx);
  const team = await buildTeam(ctx);
  await addTeamMember(ctx, team.id, agent.id);
  await updateSupervisorAgents(ctx, supervisor.id, { add: [agent.id], remove: [] });
  await createConversation(ctx, { teamId: team.id });
  await createPresenceStatus(ctx, { key: 'lunch', label: 'Lunch', available: false });
  const key = await buildKey(ctx);
  await insertSession(ctx.db, {
    id: newId(),
    orgId: ctx.actor.orgId,
    apiKeyId: key.row.id,
    tokenHash: hashSecret(`token-${key.row.id}`),
    keyHash: key.row.keyHash,
    createdAt: new Date(),
    expiresAt: new Date(Date.now() + 60_000),
  });
  await saveIdempotencyKey(ctx.db, {
    orgId: ctx.actor.orgId,
    caller: 'master',
    key: 'seed',
    fingerprint: 'f',
    status: 201,
    contentType: 'application/json',
    body: '{}',
    createdAt: new Date(),
  });
  return { teamId: team.id, agentId: agent.id };
}

/** Org ids of the rows of `table` that `db` sees, with no filter of its own. */
async function orgsSeen(db: Db, table: string, orgColumn: string): Promise<Set<string>> {
  const rows = rowsOf<{ org: string }>(
    await db.execute(sql.raw(`SELECT DISTINCT ${orgColumn}::text AS org FROM ${table}`)),
  );
  return new Set(rows.map((r) => r.org));
}

describe('row-level security', { skip: TEST_DB_KIND !== 'postgres' && 'PostgreSQL only' }, () => {
  let env: TestEnv;
  let a: { orgId: string; teamId: string; agentId: string };
  let b: { orgId: string; teamId: string; agentId: string };

  before(async () => {
    env = await createTestEnv();
    const ctxA = await buildOrg(env);
    const ctxB = await buildOrg(env);
    a = { orgId: ctxA.actor.orgId, ...(await seedOrg(ctxA)) };
    b = { orgId: ctxB.actor.orgId, ...(await seedOrg(ctxB)) };
  });
  after(() => env?.close());

  it('is in force: the suite serves as an ordinary role, not as the tables’ owner', async () => {
    assert.equal(env.database.rowSecurity, true);
    assert.deepEqual(env.database.policies, { form: 'plain' });
    const orgA = env.database.forOrg(a.orgId);
    const [row] = rowsOf<{ role: string; login: string }>(
      await orgA.execute(sql`SELECT current_user AS role, session_user AS login`),
    );
    assert.deepEqual(row, { role: TEST_APP_ROLE, login: TEST_APP_ROLE });
    // The platform's work enters the platform role for its transaction, logged in as the same role.
    const [platform] = rowsOf<{ role: string; login: string }>(
      await env.database.db.execute(sql`SELECT current_user AS role, session_user AS login`),
    );
    assert.equal(platform?.login, TEST_APP_ROLE);
    assert.match(platform?.role ?? '', /^roster_test_[0-9a-f]+_platform$/);
    // Which the serving role may enter but whose privileges (and policy) it does not hold.
    const [held] = rowsOf<{ enters: boolean; holds: boolean }>(
      await orgA.execute(sql`SELECT pg_has_role(${platform?.role}, 'MEMBER') AS enters,
                                    pg_has_role(${platform?.role}, 'USAGE') AS holds`),
    );
    assert.deepEqual(held, { enters: true, holds: false });
  });

  it('shows an org only its own rows in every tenant table, with no org filter in the query', async () => {
    const orgA = env.database.forOrg(a.orgId);
    for (const [table, column] of [...TENANT_TABLES, ...TENANT_VIEWS]) {
      assert.deepEqual(await orgsSeen(orgA, table, column), new Set([a.orgId]), table);
      // The platform's handle sees both orgs: the rows are there, only hidden from org A.
      const all = await orgsSeen(env.database.db, table, column);
      assert.ok(all.has(a.orgId) && all.has(b.orgId), `${table} holds both orgs' rows`);
    }
  });

  it('finds nothing when a repository query names the other org', async () => {
    const orgA = env.database.forOrg(a.orgId);
    // The application's filter says org B; the database says org A: nothing matches both.
    assert.equal(await findTeam(orgA, b.orgId, b.teamId), null);
    assert.notEqual(await findTeam(env.database.forOrg(b.orgId), b.orgId, b.teamId), null);
  });

  it('lets no unfiltered update or delete reach the other org, and refuses rows written into it', async () => {
    const orgA = env.database.forOrg(a.orgId);
    const renamed = await orgA.update(teams).set({ description: 'touched by org A' }).returning();
    assert.ok(renamed.length > 0);
    assert.ok(renamed.every((t) => t.orgId === a.orgId));
    const [teamB] = await env.database.db.select().from(teams).where(sql`${teams.id} = ${b.teamId}`);
    assert.notEqual(teamB?.description, 'touched by org A');

    // Moving a row to another org, or inserting one there, breaks the policy's WITH CHECK.
    await assert.rejects(
      orgA.update(agents).set({ orgId: b.orgId }).where(sql`${agents.id} = ${a.agentId}`),
      (err: { cause?: { code?: string } }) => err.cause?.code === '42501',
    );
    await assert.rejects(
      orgA.execute(sql`INSERT INTO outbox (id, org_id, type, payload, created_at)
                       VALUES (gen_random_uuid(), ${b.orgId}, 'forged', '{}', now())`),
      (err: { cause?: { code?: string } }) => err.cause?.code === '42501',
    );

    // A transaction through the org's handle is held to the org just the same.
    const deleted = await orgA.transaction((tx) => tx.delete(agents).returning({ orgId: agents.orgId }));
    assert.ok(deleted.every((r) => r.orgId === a.orgId));
    const left = await orgsSeen(env.database.db, 'agents', 'org_id');
    assert.ok(left.has(b.orgId), "org B's agents survive org A's unfiltered delete");
  });

  it('guards every table with an org column: a plain org test, and the platform role let through', async () => {
    const rows = rowsOf<{
      table: string;
      enabled: boolean;
      forced: boolean;
      policy: string | null;
      roles: string[];
      qual: string | null;
      check: string | null;
    }>(
      await env.database.db.execute(sql`
        SELECT c.relname AS table, c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
               p.policyname AS policy, p.roles::text[] AS roles, p.qual, p.with_check AS check
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
        LEFT JOIN pg_policies p ON p.schemaname = 'public' AND p.tablename = c.relname
        WHERE c.relkind = 'r' AND (c.relname = 'orgs' OR EXISTS (
          SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'org_id' AND NOT a.attisdropped))
        ORDER BY 1, 4`),
    );
    const tables = new Set(rows.map((r) => r.table));
    for (const [table] of TENANT_TABLES) {
      assert.ok(tables.has(table), table);
    }
    for (const table of tables) {
      const policies = rows.filter((r) => r.table === table);
      const column = table === 'orgs' ? 'id' : 'org_id';
      for (const row of policies) {
        assert.ok(row.enabled && row.forced, `${table}: row-level security enabled and forced`);
      }
      // Two permissive policies, OR-ed by PostgreSQL: everyone is held to the org set for the
      // transaction, with no sub-select and no OR (merged with the query's own org filter, checked
      // once per statement); the platform role alone sees every row.
      assert.deepEqual(
        policies.map((r) => [
          r.policy,
          r.roles.length === 1 && r.roles[0] === 'public' ? 'public' : 'platform',
        ]),
        [
          [`${table}_isolation`, 'public'],
          [`${table}_platform`, 'platform'],
        ],
        table,
      );
      const [isolation, platform] = policies;
      assert.equal(isolation?.qual, `(${column} = roster_org())`, table);
      assert.equal(isolation?.check, `(${column} = roster_org())`, table);
      assert.match(platform?.roles[0] ?? '', /_platform$/, table);
      assert.equal(platform?.qual, 'true', table);
      assert.equal(platform?.check, 'true', table);
    }
  });

  it('shows nothing to a connection of the role that set no org at all', async () => {
    const [row] = rowsOf<{ name: string }>(
      await env.database.db.execute(sql`SELECT current_database() AS name`),
    );
    // Same role, same database as the suite's, straight through pg: no scope set.
    const client = new pg.Client({ connectionString: appRoleUrl(row?.name ?? '') });
    await client.connect();
    try {
      for (const [table] of [...TENANT_TABLES, ...TENANT_VIEWS]) {
        const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table}`);
        assert.equal(rows[0].n, 0, table);
      }
    } finally {
      await client.end();
    }
  });
});

describe('ScopedPool', () => {
  it('refuses a scope that is neither an org id nor all orgs, before any SQL is sent', () => {
    const pool = {} as pg.Pool;
    assert.throws(() => new ScopedPool(pool, "x'; DROP TABLE agents; --"), /not an org scope/);
    assert.throws(() => new ScopedPool(pool, ''), /not an org scope/);
    assert.doesNotThrow(() => new ScopedPool(pool, ALL_ORGS));
    assert.doesNotThrow(() => new ScopedPool(pool, '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b'));
  });

  it('refuses a checked-out connection whose first statement is not BEGIN', async () => {
    let sent = 0;
    const client = {
      query: async () => {
        sent += 1;
        return { rows: [] };
      },
      release: () => {},
    };
    const pool = { connect: async () => client } as unknown as pg.Pool;
    const scoped = await new ScopedPool(pool, ALL_ORGS).connect();
    await assert.rejects(scoped.query('SELECT * FROM agents'), /must start with BEGIN/);
    await assert.rejects(scoped.query('BEGIN; SELECT 1'), /must start with BEGIN/);
    assert.equal(sent, 0);
  });
});
