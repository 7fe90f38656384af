import { readMigrationFiles } from 'drizzle-orm/migrator';
import type pg from 'pg';

/**
 * Whether a role that may not migrate can serve a database as it is. Drizzle's migrator begins
 * with `CREATE SCHEMA IF NOT EXISTS drizzle`, which PostgreSQL refuses to a role without CREATE on
 * the database even when the schema exists. An ordinary serving role has no such right, so an
 * instance started without the owner's URL (`ROSTER_MIGRATION_DATABASE_URL`) used to fail on that
 * statement, however up to date the database was.
 */

/** Drizzle's record of the applied migrations (its defaults; client.ts passes none of its own). */
export const MIGRATIONS_SCHEMA = 'drizzle';
export const MIGRATIONS_TABLE = '__drizzle_migrations';

/**
 * Whether the role of `client` may do what Drizzle's migrator does before it looks at anything:
 * create its schema in the database, and its table in that schema (both `IF NOT EXISTS`, both
 * refused without the right even when they exist). A role granted CREATE on the database but not
 * on the owner's `drizzle` schema may not.
 */
export async function mayMigrate(client: pg.ClientBase): Promise<boolean> {
  const { rows } = await client.query<{ may: boolean }>(
    `SELECT has_database_privilege(current_database(), 'CREATE')
        AND coalesce((SELECT has_schema_privilege(n.oid, 'CREATE') FROM pg_namespace n WHERE n.nspname = $1), true)
        AS may`,
    [MIGRATIONS_SCHEMA],
  );
  return rows[0]?.may === true;
}

/**
 * How many migrations of `migrationsFolder` the database has not applied; null when the role of
 * `client` may not read Drizzle's record of them. Drizzle applies every migration newer
 * than the last one recorded, so that is the test here too.
 */
export async function pendingMigrations(
  client: pg.ClientBase,
  migrationsFolder: string,
): Promise<number | null> {
  // The catalogue, not to_regclass: naming a schema the role may not use is an error, not NULL.
  const { rows } = await client.query<{ readable: boolean }>(
    `SELECT has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, 'SELECT') AS readable
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = $2`,
    [MIGRATIONS_SCHEMA, MIGRATIONS_TABLE],
  );
  if (rows[0]?.readable !== true) {
    return null;
  }
  const last = await client.query<{ at: string | null }>(
    `SELECT max(created_at)::text AS at FROM "${MIGRATIONS_SCHEMA}"."${MIGRATIONS_TABLE}"`,
  );
  const applied = Number(last.rows[0]?.at ?? Number.NEGATIVE_INFINITY);
  return readMigrationFiles({ migrationsFolder }).filter((m) => m.folderMillis > applied).length;
}

/**
 * Throws, saying what to do, unless the database is fully migrated; for a role that may not
 * migrate (`mayMigrate` false) and was given no owner to migrate as.
 */
export async function assertMigrated(
  client: pg.ClientBase,
  migrationsFolder: string,
  role: string,
): Promise<void> {
  const pending = await pendingMigrations(client, migrationsFolder);
  if (pending === 0) {
    return;
  }
  const why =
    pending === null
      ? `may not read ${MIGRATIONS_SCHEMA}.${MIGRATIONS_TABLE}, so cannot tell whether the database is migrated`
      : `finds ${pending} migration${pending === 1 ? '' : 's'} not applied`;
  throw new Error(
    `the serving role ${role} may not create Drizzle's schema or table in this database, so it cannot migrate it, and it ${why}: ` +
      'set ROSTER_MIGRATION_DATABASE_URL to the URL of the role that owns the tables, which migrates and ' +
      'grants the serving role what it needs (docs/operations.md, "Tenant isolation")',
  );
}
