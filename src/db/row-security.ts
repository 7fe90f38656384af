import pg from 'pg';
import { MIGRATIONS_SCHEMA, MIGRATIONS_TABLE } from './migration-state.js';
import { prepareScope, queryScoped } from './scoped-query.js';

/**
 * The value of `roster.org_id` that the row-level security policies (drizzle/0008, and
 * platform-role.ts) read: one org's id, or ALL_ORGS for the platform's own work across orgs
 * (which, where the policies are plain, also enters the platform role).
 */
export type Scope = string;
export const ALL_ORGS: Scope = '*';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The statement that sets the scope for the rest of the current transaction or, with
 * `session`, for the rest of the connection (what the migration connection, closed after, uses).
 * With `role`, the platform role (platform-role.ts) that all orgs' work enters, as well.
 */
export function setScopeSql(
  scope: Scope,
  { session = false, role }: { session?: boolean; role?: string } = {},
): string {
  // Inlined rather than bound so that it rides in the same round trip as BEGIN (a simple-protocol
  // query may hold several statements, a parameterised one may not). Only a lowercase UUID or '*'
  // gets here, so nothing can be smuggled into the statement; the role name is quoted.
  if (scope !== ALL_ORGS && !UUID.test(scope)) {
    throw new Error(`not an org scope: ${JSON.stringify(scope)}`);
  }
  const setRole = role === undefined ? '' : `, set_config('role', ${pg.escapeLiteral(role)}, ${!session})`;
  return `SELECT set_config('roster.org_id', '${scope}', ${!session})${setRole}`;
}

type QueryConfig = { text: string } & Record<string, unknown>;
type Client = Pick<pg.PoolClient, 'query' | 'release'>;

/**
 * A stand-in for a `pg.Pool` that runs every statement scoped to one org, for Drizzle's
 * node-postgres driver (which needs only `query` and `connect`, and recognises a pool by its
 * class name). A lone statement travels with its scope in one round trip and one implicit
 * transaction (`queryScoped`: no BEGIN, no COMMIT). A transaction gets the scope right after
 * Drizzle's BEGIN, in the same message. The scope is transaction-local (`set_config(..., true)`),
 * so a connection goes back to the pool without it: whatever happens, it is released only once it
 * is outside any transaction, or discarded.
 */
export class ScopedPool {
  readonly #pool: pg.Pool;
  readonly #scope: Scope;
  readonly #role: string | undefined;
  readonly #setScope: string;

  /**
   * `platformRole`, where the policies are plain (platform-role.ts), is the role that ALL_ORGS
   * enters; an org's scope never does.
   */
  constructor(pool: pg.Pool, scope: Scope, platformRole?: string) {
    this.#pool = pool;
    this.#role = scope === ALL_ORGS ? platformRole : undefined;
    this.#setScope = setScopeSql(scope, { role: this.#role });
    this.#scope = scope;
  }

  async query(config: QueryConfig | string, values?: unknown[]): Promise<pg.QueryResult> {
    const client = await this.#pool.connect();
    try {
      await prepareScope(client, this.#scope, this.#role);
      const result = await queryScoped(client, this.#scope, config, values, this.#role);
      client.release();
      return result;
    } catch (err) {
      // A failed statement ended its implicit transaction at its Sync: the connection is idle
      // and clean. Anything else is ended here, or the connection discarded.
      if (client.getTransactionStatus() === 'I') {
        client.release();
      } else {
        await rollbackAndRelease(client);
      }
      throw err;
    }
  }

  async connect(): Promise<Client> {
    const client = await this.#pool.connect();
    const setScope = this.#setScope;
    let begun = false;
    let released = false;
    return {
      query: (async (config: QueryConfig | string, values?: unknown[]) => {
        if (begun) {
          return client.query(config as pg.QueryConfig, values);
        }
        // Drizzle opens every transaction with `begin`, perhaps with options (an isolation level):
        // the scope rides along with it. Anything else first would run unscoped, so it is refused.
        const text = typeof config === 'string' ? config : config.text;
        if (!/^\s*begin\b[^;]*$/i.test(text)) {
          throw new Error('a scoped connection must start with BEGIN');
        }
        try {
          const results = (await client.query(`${text}; ${setScope}`)) as unknown as pg.QueryResult[];
          begun = true;
          return results[0];
        } catch (err) {
          // Drizzle does not release a connection whose BEGIN failed: do it here, once.
          released = true;
          await rollbackAndRelease(client);
          throw err;
        }
      }) as Client['query'],
      release: (err?: Error | boolean) => {
        if (!released) {
          released = true;
          client.release(err);
        }
      },
    };
  }
}

/** Ends whatever transaction a failed statement left open, and discards a broken connection. */
async function rollbackAndRelease(client: pg.PoolClient): Promise<void> {
  try {
    await client.query('ROLLBACK');
    client.release();
  } catch (err) {
    client.release(err as Error);
  }
}

/**
 * The role `pool` connects as, and whether row-level security holds it: superusers and BYPASSRLS
 * roles are exempt, and for them scoping every statement would cost round trips for nothing.
 */
export async function servingRole(pool: pg.Pool): Promise<{ name: string; rowSecurity: boolean }> {
  const { rows } = await pool.query<{ name: string; exempt: boolean }>(
    'SELECT rolname AS name, rolsuper OR rolbypassrls AS exempt FROM pg_roles WHERE rolname = current_user',
  );
  return { name: rows[0]?.name ?? '', rowSecurity: rows[0]?.exempt === false };
}

/**
 * Lets `role` (the one Roster serves requests as) read and write Roster's tables, when the
 * migrations ran as another role that owns them. Row-level security still decides which rows.
 * It may also read which migrations were applied, so that an instance given no owner's URL can
 * tell that the database is up to date and serve it (migration-state.ts).
 */
export async function grantServingRole(owner: pg.PoolClient, role: string): Promise<void> {
  const { rows } = await owner.query<{ statement: string }>(
    `SELECT format(g, $1::text, $2::text, $3::text) AS statement FROM unnest(ARRAY[
       'GRANT USAGE ON SCHEMA public TO %1$I',
       'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %1$I',
       'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %1$I',
       'GRANT USAGE ON SCHEMA %2$I TO %1$I',
       'GRANT SELECT ON %2$I.%3$I TO %1$I'
     ]) AS g`,
    [role, MIGRATIONS_SCHEMA, MIGRATIONS_TABLE],
  );
  for (const { statement } of rows) {
    await owner.query(statement);
  }
}
