import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * The platform role: where row-level security lets the platform's own work across orgs through
 * (authentication by key hash, master-key requests, the webhook sender, the feed tailer,
 * retention, expiry), so that every other statement can be held by the plain policy
 * `org_id = roster_org()` (drizzle/0023), which PostgreSQL checks once per statement.
 *
 * Three roles take part, one pair per database (a role is the cluster's, and a second Roster
 * database on the same server must not open this one's rows):
 *
 * - the platform role, `<database>_platform`, NOLOGIN: each tenant table has a policy
 *   `TO <platform> USING (true)`, and it is granted what the serving role is;
 * - its gate, `<database>_platform_gate`, NOLOGIN NOINHERIT, a member of the platform role;
 * - the serving role, a member of the gate. It may `SET ROLE` to the platform role (membership
 *   passes through the gate), but does not hold its privileges, nor so its policy (inheritance
 *   stops at the gate). Were it to, every org's rows would be open to every statement; Roster
 *   refuses to start then (`platformRoleOf`).
 *
 * The platform's work enters the role for one transaction (`set_config('role', ..., true)`), next
 * to the `*` scope; a connection goes back to the pool as the serving role.
 */

/** How the tenant tables' policies read, as found at startup. */
export type PolicyForm =
  /** drizzle/0013's `(SELECT roster_all_orgs()) OR org_id = (SELECT roster_current_org())`. */
  | { plain: false; reason: string }
  /** `org_id = roster_org()`, with the platform's work entering `platformRole`. */
  | { plain: true; platformRole: string };

/** The policy on `agents` that names the platform role: present once the policies are plain. */
const PLATFORM_POLICY = 'agents_platform';

/** The platform role, `r`, as that policy names it (no row before the policies are plain). */
const NAMED_PLATFORM_ROLE = `pg_policy p JOIN pg_roles r ON r.oid = p.polroles[1]
  WHERE p.polrelid = to_regclass('public.agents') AND p.polname = '${PLATFORM_POLICY}'`;

/** Whether the policy in `p` (a pg_policy row) is plain rather than 0013's. */
const IS_PLAIN = "pg_get_expr(p.polqual, p.polrelid) NOT LIKE '%roster_all_orgs%'";

/**
 * The platform role Roster creates for `database`; its gate is this name with `_gate` after it.
 * A role name holds at most 63 characters: a longer database name is cut and told apart by a hash.
 */
export function platformRoleName(database: string): string {
  const base =
    database.length <= 48
      ? database
      : `${database.slice(0, 39)}_${createHash('md5').update(database).digest('hex').slice(0, 8)}`;
  return `${base}_platform`;
}

/**
 * Switches the tenant tables' policies to the plain form, as `owner` (the role that owns them and
 * ran the migrations), for `servingRole`; creates the roles where they are missing. Idempotent,
 * and cheap once done (it then only grants the platform role the tables that migrations added).
 * Without the right to create the roles it changes nothing and says why: the policies keep
 * 0013's form, which needs no role. Run under the migration lock, outside any transaction.
 */
export async function adoptPlainPolicies(owner: pg.ClientBase, servingRole: string): Promise<PolicyForm> {
  const { rows: me } = await owner.query<{ name: string; superuser: boolean }>(
    'SELECT rolname AS name, rolsuper AS superuser FROM pg_roles WHERE rolname = current_user',
  );
  if (me[0]?.name === servingRole) {
    // The serving role owns the tables: it would have to inherit the platform role to see every
    // row while migrating, and then would see every row always.
    return { plain: false, reason: 'Roster migrates as the role it serves as' };
  }
  await owner.query('BEGIN');
  try {
    const roles = await ensureRoles(owner, servingRole, me[0]?.superuser === true);
    const platform = pg.escapeIdentifier(roles.platform);
    await owner.query(`GRANT USAGE ON SCHEMA public TO ${platform}`);
    await owner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${platform}`);
    await owner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${platform}`);
    const { rows: tables } = await owner.query<{ name: string; plain: boolean; open: boolean }>(
      `SELECT c.relname AS name,
              ${IS_PLAIN} AS plain,
              EXISTS (SELECT FROM pg_policy o WHERE o.polrelid = p.polrelid
                        AND o.polname = c.relname || '_platform') AS open
         FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid
        WHERE c.relnamespace = 'public'::regnamespace AND p.polname = c.relname || '_isolation'
        ORDER BY c.relname`,
    );
    for (const table of tables) {
      const name = pg.escapeIdentifier(table.name);
      if (!table.open) {
        const policy = pg.escapeIdentifier(`${table.name}_platform`);
        await owner.query(`CREATE POLICY ${policy} ON ${name} TO ${platform} USING (true) WITH CHECK (true)`);
      }
      if (!table.plain) {
        // orgs is the one table whose org is its own id.
        const column = table.name === 'orgs' ? 'id' : 'org_id';
        const test = `${column} = roster_org()`;
        const policy = pg.escapeIdentifier(`${table.name}_isolation`);
        await owner.query(`ALTER POLICY ${policy} ON ${name} USING (${test}) WITH CHECK (${test})`);
      }
    }
    await owner.query('COMMIT');
    return { plain: true, platformRole: roles.platform };
  } catch (err) {
    await owner.query('ROLLBACK').catch(() => {});
    if ((err as { code?: string }).code === INSUFFICIENT_PRIVILEGE) {
      // Creating a role needs CREATEROLE; granting one, its ADMIN option.
      return {
        plain: false,
        reason: `the migration role may not set up the platform role: ${(err as Error).message}`,
      };
    }
    throw err;
  }
}

const INSUFFICIENT_PRIVILEGE = '42501';

/** The platform role and its gate, created where missing, made members as the header says. */
async function ensureRoles(
  owner: pg.ClientBase,
  servingRole: string,
  superuser: boolean,
): Promise<{ platform: string; gate: string }> {
  // Once the policies are plain, the role is the one their policy names, whatever the database
  // is called now (a copy made with CREATE DATABASE ... TEMPLATE keeps the original's).
  const { rows } = await owner.query<{ named: string | null; database: string }>(
    `SELECT (SELECT r.rolname FROM ${NAMED_PLATFORM_ROLE}) AS named, current_database() AS database`,
  );
  const platform = rows[0]?.named ?? platformRoleName(rows[0]?.database as string);
  const gate = `${platform}_gate`;
  const { rows: existing } = await owner.query<{ name: string; inherits: boolean }>(
    'SELECT rolname AS name, rolinherit AS inherits FROM pg_roles WHERE rolname IN ($1, $2)',
    [platform, gate],
  );
  const found = new Map(existing.map((r) => [r.name, r.inherits]));
  if (!found.has(platform)) {
    await owner.query(`CREATE ROLE ${pg.escapeIdentifier(platform)} NOLOGIN`);
  }
  if (!found.has(gate)) {
    await owner.query(`CREATE ROLE ${pg.escapeIdentifier(gate)} NOLOGIN NOINHERIT`);
  } else if (found.get(gate) !== false) {
    throw new Error(`role ${gate} must be NOINHERIT (ALTER ROLE ${gate} NOINHERIT)`);
  }
  await owner.query(`GRANT ${pg.escapeIdentifier(platform)} TO ${pg.escapeIdentifier(gate)}`);
  await owner.query(`GRANT ${pg.escapeIdentifier(gate)} TO ${pg.escapeIdentifier(servingRole)}`);
  if (!superuser) {
    // Row-level security is forced on the owner too: holding the platform role's policy lets its
    // migrations, its data copies and roster_person_is_active (SECURITY DEFINER) see every org.
    await owner.query(`GRANT ${pg.escapeIdentifier(platform)} TO CURRENT_USER`);
  }
  return { platform, gate };
}

/**
 * The policies' form as the serving role finds it: plain, with the platform role it may enter, or
 * 0013's. Throws where plain policies would not hold: the serving role holds the platform role's
 * privileges (every org's rows would be open to it), or may not enter it (the platform's work
 * would find nothing).
 */
export async function platformRoleOf(pool: pg.Pool): Promise<PolicyForm> {
  const { rows } = await pool.query<{ role: string; enters: boolean; holds: boolean; me: string }>(
    `SELECT r.rolname AS role, pg_has_role(r.oid, 'MEMBER') AS enters,
            pg_has_role(r.oid, 'USAGE') AS holds, current_user AS me
       FROM ${NAMED_PLATFORM_ROLE}`,
  );
  const found = rows[0];
  if (found === undefined) {
    const { rows: isolation } = await pool.query<{ plain: boolean }>(
      `SELECT ${IS_PLAIN} AS plain
         FROM pg_policy p WHERE p.polrelid = to_regclass('public.agents') AND p.polname = 'agents_isolation'`,
    );
    if (isolation[0]?.plain === true) {
      // Plain policies without the platform's (a dump restored where its role did not exist):
      // the platform's work would find nothing.
      throw new Error(
        `the policies are plain but ${PLATFORM_POLICY} is missing: start once with ROSTER_MIGRATION_DATABASE_URL (the owner), which sets up the platform role`,
      );
    }
    return { plain: false, reason: 'the policies have not been made plain' };
  }
  if (found.holds) {
    throw new Error(
      `role ${found.me} holds the privileges of ${found.role}, so row-level security would open every org to it: serve as a role that reaches ${found.role} only through ${found.role}_gate`,
    );
  }
  if (!found.enters) {
    throw new Error(
      `role ${found.me} may not enter ${found.role}: start once with ROSTER_MIGRATION_DATABASE_URL (the owner), or GRANT ${found.role}_gate TO ${found.me}`,
    );
  }
  return { plain: true, platformRole: found.role };
}
