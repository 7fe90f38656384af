/**
 * The platform role (src/db/platform-role.ts), on PostgreSQL with owners that are not superusers:
 * without the right to create roles the policies keep drizzle/0013's form and isolation holds;
 * with it they become plain, and the owner, the platform's handle and the one function that asks
 * across orgs still see every org while each org sees only its own; a serving role that would hold
 * the platform role's privileges is refused.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type Database, openDatabase, rowsOf } from '../src/db/client.js';
import { platformRoleName, platformRoleOf } from '../src/db/platform-role.js';
import { databaseUrl, TEST_APP_ROLE, TEST_DB_KIND } from './harness.js';

const name = `roster_test_${randomBytes(6).toString('hex')}`;
const owner = `${name}_owner`;
const platform = platformRoleName(name);

/** `name` as `role`. */
const urlOf = (role: string): string => databaseUrl(name, role);

async function asAdmin<T extends pg.QueryResultRow>(statement: string, database = 'postgres'): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    return (await client.query<T>(statement)).rows;
  } finally {
    await client.end();
  }
}

/** Roster's database, served as `role`, migrated as the owner or (null) as `role` itself. */
const open = (role: string, migrationUrl: string | null): Promise<Database> =>
  openDatabase({ kind: 'postgres', url: urlOf(role), migrationUrl, poolSize: 2 });

/** Org ids seen through `db` in orgs and agents, with no filter of the query's own. */
async function seen(database: Database, db = database.db): Promise<{ orgs: string[]; agents: string[] }> {
  const orgs = rowsOf<{ id: string }>(await db.execute(sql`SELECT id::text FROM orgs ORDER BY 1`));
  const agents = rowsOf<{ id: string }>(
    await db.execute(sql`SELECT DISTINCT org_id::text AS id FROM agents ORDER BY 1`),
  );
  return { orgs: orgs.map((r) => r.id), agents: agents.map((r) => r.id) };
}

describe('the platform role', { skip: TEST_DB_KIND !== 'postgres' && 'PostgreSQL only' }, () => {
  const orgIds = ['0190a1b2-c3d4-7e5f-8a9b-000000000001', '0190a1b2-c3d4-7e5f-8a9b-000000000002'];
  const userId = '0190a1b2-c3d4-7e5f-8a9b-0000000000aa';

  before(async () => {
    await asAdmin(`CREATE ROLE ${owner} LOGIN NOSUPERUSER NOCREATEROLE NOBYPASSRLS`);
    await asAdmin(`CREATE DATABASE ${name} OWNER ${owner}`);
    // roster_person_is_active (drizzle/0008) sets roster.org_id, which only a superuser may put in
    // a function unless granted (docs/operations.md).
    await asAdmin(`GRANT SET ON PARAMETER roster.org_id TO ${owner}`);
    await asAdmin(`DO $$ BEGIN
        CREATE ROLE ${TEST_APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
  });
  after(async () => {
    await asAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await asAdmin(`REVOKE SET ON PARAMETER roster.org_id FROM ${owner}`);
    await asAdmin(`DROP ROLE IF EXISTS ${platform}_gate, ${platform}, ${owner}`);
  });

  it('keeps the InitPlan policies while the owner serves, or may not create roles', async () => {
    // The owner serving as itself: row-level security is forced on it too, and it must not hold
    // the platform role, so the policies stay as they are.
    const itself = await open(owner, null);
    try {
      assert.equal(itself.rowSecurity, true);
      assert.deepEqual(itself.policies, {
        form: 'initplan',
        reason: 'Roster migrates as the role it serves as',
      });
    } finally {
      await itself.close();
    }
    const values = orgIds.map((id, i) => `('${id}', 'Org ${i}', now(), now())`).join(', ');
    await asAdmin(`INSERT INTO orgs (id, name, created_at, updated_at) VALUES ${values}`, name);
    await asAdmin(
      `INSERT INTO users (id, email, full_name, created_at) VALUES ('${userId}', 'p@example.com', 'P', now());
       INSERT INTO agents (id, org_id, email, full_name, created_at, updated_at, user_id)
       SELECT gen_random_uuid(), o, 'p@example.com', 'P', now(), now(), '${userId}'
       FROM unnest(ARRAY['${orgIds.join("','")}']::uuid[]) o`,
      name,
    );

    // Served by the ordinary role, migrated by an owner without CREATEROLE: nothing changes.
    const served = await open(TEST_APP_ROLE, urlOf(owner));
    try {
      assert.equal(served.policies?.form, 'initplan');
      assert.match(
        served.policies?.reason ?? '',
        /may not set up the platform role: permission denied to create role/,
      );
      assert.deepEqual(await seen(served), { orgs: orgIds, agents: orgIds });
      const one = served.forOrg(orgIds[0] as string);
      assert.deepEqual(await seen(served, one), { orgs: [orgIds[0]], agents: [orgIds[0]] });
      const [row] = rowsOf<{ role: string }>(await served.db.execute(sql`SELECT current_user AS role`));
      assert.equal(row?.role, TEST_APP_ROLE);
    } finally {
      await served.close();
    }
    const roles = await asAdmin(`SELECT rolname FROM pg_roles WHERE rolname LIKE '${platform}%'`);
    assert.deepEqual(roles, [], 'no role left behind');
  });

  it('makes them plain once the owner may, and every org stays visible where it should be', async () => {
    await asAdmin(`ALTER ROLE ${owner} CREATEROLE`);
    const served = await open(TEST_APP_ROLE, urlOf(owner));
    try {
      assert.deepEqual(served.policies, { form: 'plain' });
      // The platform's handle, as the platform role, sees both orgs; an org's handle its own.
      assert.deepEqual(await seen(served), { orgs: orgIds, agents: orgIds });
      const [role] = rowsOf<{ role: string }>(await served.db.execute(sql`SELECT current_user AS role`));
      assert.equal(role?.role, platform);
      const one = served.forOrg(orgIds[1] as string);
      assert.deepEqual(await seen(served, one), { orgs: [orgIds[1]], agents: [orgIds[1]] });
      // The one question asked across orgs from an org's handle (SECURITY DEFINER, as the owner).
      await served.db.execute(sql`DELETE FROM agents WHERE org_id = ${orgIds[1]}`);
      const [active] = rowsOf<{ active: boolean }>(
        await one.execute(sql`SELECT roster_person_is_active(${userId}::uuid) AS active`),
      );
      assert.equal(active?.active, true, 'the agent in the other org is found');
    } finally {
      await served.close();
    }
    // The owner, which is no superuser, holds the platform role: its migrations see every row.
    const client = new pg.Client({ connectionString: urlOf(owner) });
    await client.connect();
    try {
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM orgs');
      assert.equal(rows[0]?.n, 2);
    } finally {
      await client.end();
    }
    // A second start finds them plain and changes nothing.
    const again = await open(TEST_APP_ROLE, urlOf(owner));
    await again.close();
    assert.deepEqual(again.policies, { form: 'plain' });
  });

  it('refuses to serve as a role that holds the platform role (it would see every org)', async () => {
    await asAdmin(`GRANT ${platform} TO ${TEST_APP_ROLE}`);
    try {
      await assert.rejects(
        open(TEST_APP_ROLE, urlOf(owner)),
        new RegExp(
          `role ${TEST_APP_ROLE} holds the privileges of ${platform}, so row-level security would open every org`,
        ),
      );
    } finally {
      await asAdmin(`REVOKE ${platform} FROM ${TEST_APP_ROLE}`);
    }
  });

  it('sets the platform policy up again where a restore lost it, and refuses to start until then', async () => {
    // What pg_restore leaves where the platform role does not exist: plain policies, no platform's.
    await asAdmin(`DROP POLICY agents_platform ON agents; DROP POLICY orgs_platform ON orgs`, name);
    const pool = new pg.Pool({ connectionString: urlOf(TEST_APP_ROLE), max: 1 });
    try {
      await assert.rejects(platformRoleOf(pool), /the policies are plain but agents_platform is missing/);
    } finally {
      await pool.end();
    }
    const served = await open(TEST_APP_ROLE, urlOf(owner));
    try {
      assert.deepEqual(served.policies, { form: 'plain' });
      assert.deepEqual(await seen(served), { orgs: orgIds, agents: [orgIds[0]] });
    } finally {
      await served.close();
    }
  });
});
