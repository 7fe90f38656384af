import { mkdirSync } from 'node:fs';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { instrumentEmbedded } from '../observability/db-spans.js';
import { projectPath } from '../paths.js';
import { AUTH_CHANNEL, ChangeFeed, listenForever } from './change-feed.js';
import { maintainEmbedded, type TableMaintained } from './embedded-maintenance.js';
import { assertMigrated, mayMigrate } from './migration-state.js';
import { parseLikeDrizzle } from './pglite-parsers.js';
import { prepareRepeatedSelects } from './pglite-prepared.js';
import { holdsCluster, loadTemplate } from './pglite-template.js';
import { adoptPlainPolicies, type PolicyForm, platformRoleOf } from './platform-role.js';
import { ALL_ORGS, grantServingRole, ScopedPool, servingRole, setScopeSql } from './row-security.js';
import * as schema from './schema.js';

/** A Drizzle handle over either driver; transactions are handles of the same type. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** For the platform's own work, across orgs (authentication, the master key, expiry). */
  readonly db: Db;
  /**
   * A handle for the work of one org. Where row-level security applies (PostgreSQL, as a role
   * that is neither superuser nor BYPASSRLS), every statement through it sees only that org's
   * rows, whatever its WHERE clause says; elsewhere it is `db`.
   */
  forOrg(orgId: string): Db;
  /** Whether the database itself holds each org to its own rows (see `forOrg`). */
  readonly rowSecurity: boolean;
  /**
   * Under row-level security, the policies' form: `plain` (`org_id = roster_org()`, checked once
   * per statement, the platform's work in a role of its own) or `initplan` (drizzle/0013's,
   * where the platform role could not be set up: `reason` says why). Absent elsewhere.
   */
  readonly policies?: { form: 'plain' | 'initplan'; reason?: string };
  /**
   * Changes to what authentication reads (keys; agents' role, status, trash), announced when they
   * commit, by this process or any other. A change this process commits is heard before its
   * commit returns.
   */
  readonly authChanges: ChangeFeed;
  /** Resolves when the database answers a trivial query. */
  ping(): Promise<void>;
  /**
   * The embedded database's whole data directory as a gzipped tarball (PGlite's dumpDataDir),
   * taken between two statements while the server runs; absent on PostgreSQL (use pg_dump).
   */
  dump?(): Promise<Blob>;
  /**
   * The embedded database's vacuum and analyse by autovacuum's rule, which PGlite has no process
   * for (`src/db/embedded-maintenance.ts`); absent on PostgreSQL, whose autovacuum does it.
   */
  maintain?(): Promise<TableMaintained[]>;
  /** The PostgreSQL pool's connections (absent on the embedded database), for the metrics. */
  poolStats?(): { total: number; idle: number; waiting: number };
  close(): Promise<void>;
}

export type DatabaseOptions =
  | { kind: 'pglite'; dataDir: string | null }
  | {
      kind: 'postgres';
      url: string;
      poolSize: number;
      /**
       * How long to wait for a connection, new or from the full pool, before failing (a 503 to a
       * request); 0 or absent waits forever. A database that accepts connections but never
       * answers, or a pool held by stuck statements, then costs a request this long, not forever.
       */
      connectTimeoutMs?: number;
      /** Runs the migrations and owns the tables, when Roster serves as another role (`url`'s). */
      migrationUrl?: string | null;
    };

const migrationsFolder = projectPath('drizzle');

// Any constant works: it only has to be the same for every Roster instance migrating one database.
const MIGRATION_LOCK = 7_301_994;

// timestamptz and friends come back as strings from pg and are parsed by Drizzle; keep int8 exact.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** Opens the database and applies every pending migration before returning. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.kind === 'pglite' ? openPglite(options.dataDir) : openPostgres(options);
}

async function openPglite(dataDir: string | null): Promise<Database> {
  if (dataDir !== null) {
    mkdirSync(dataDir, { recursive: true });
  }
  // Loaded only when used: a PostgreSQL deployment never pays for the embedded engine's modules.
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  // A new database starts from the shipped template cluster rather than running initdb.
  const template = dataDir !== null && holdsCluster(dataDir) ? null : loadTemplate();
  const options = template === null ? {} : { loadDataDir: template };
  const client = dataDir === null ? new PGlite(options) : new PGlite(dataDir, options);
  prepareRepeatedSelects(client);
  instrumentEmbedded(client);
  await client.waitReady;
  parseLikeDrizzle(client);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  await migratePglite(drizzlePglite(client), { migrationsFolder });
  // One process owns an embedded database: PGlite calls back before the committing query returns.
  const authChanges = new ChangeFeed();
  await client.listen(AUTH_CHANNEL, () => authChanges.changed());
  authChanges.setLive(true);
  return {
    kind: 'pglite',
    db,
    // PGlite's only role is a superuser: row-level security never applies to it.
    forOrg: () => db,
    rowSecurity: false,
    authChanges,
    ping: async () => {
      await client.query('SELECT 1');
    },
    // The dump holds the query lock: no statement runs while it is taken, so it is the data
    // directory at one instant, which PostgreSQL's crash recovery makes consistent when restored
    // (a transaction open at that instant is rolled back there). The checkpoint keeps replay short.
    dump: async () => {
      await client.query('CHECKPOINT');
      return client.dumpDataDir('gzip');
    },
    maintain: () => maintainEmbedded(client),
    close: async () => {
      if (!client.closed) {
        await client.close();
      }
    },
  };
}

async function openPostgres(options: {
  url: string;
  poolSize: number;
  connectTimeoutMs?: number;
  migrationUrl?: string | null;
}): Promise<Database> {
  const authChanges = new ChangeFeed();
  const connectionTimeoutMillis = options.connectTimeoutMs ?? 0;
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize, connectionTimeoutMillis });
  // A client that loses its connection must not crash the process: an idle one is the pool's
  // 'error'; one checked out (a transaction) emits on itself, where nothing else listens. Its
  // pending query fails on its own, and the pool discards the broken client when it is released.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
  });
  listenOnEveryConnection(pool, AUTH_CHANNEL, authChanges);
  releaseOnConnectionLoss(pool);
  let rowSecurity: boolean;
  let platformRole: string | undefined;
  let policies: Database['policies'];
  try {
    const role = await servingRole(pool);
    rowSecurity = role.rowSecurity;
    const adopted = await migrate(pool, role, options.migrationUrl ?? null, connectionTimeoutMillis);
    if (rowSecurity) {
      const form = await platformRoleOf(pool);
      platformRole = form.plain ? form.platformRole : undefined;
      // Why the policies are not plain: what the setting up said, or else what the check found.
      policies = form.plain
        ? { form: 'plain' }
        : { form: 'initplan', reason: adopted?.plain === false ? adopted.reason : form.reason };
    }
  } catch (err) {
    await pool.end();
    throw err;
  }
  const handle = (scope: string) =>
    drizzlePg(new ScopedPool(pool, scope, platformRole) as unknown as pg.Pool, { schema }) as unknown as Db;
  const db = rowSecurity ? handle(ALL_ORGS) : (drizzlePg(pool, { schema }) as unknown as Db);
  // One handle per org, kept: building one walks the whole schema. Bounded, for many orgs.
  const orgHandles = new Map<string, Db>();
  const forOrg = (orgId: string): Db => {
    if (!rowSecurity) {
      return db;
    }
    let orgDb = orgHandles.get(orgId);
    if (orgDb === undefined) {
      if (orgHandles.size >= 10_000) {
        orgHandles.clear();
      }
      orgDb = handle(orgId);
      orgHandles.set(orgId, orgDb);
    }
    return orgDb;
  };
  // Changes committed elsewhere are heard on a connection of its own, whatever the pool holds.
  const listener = listenForever(options.url, AUTH_CHANNEL, authChanges);
  return {
    kind: 'postgres',
    db,
    forOrg,
    rowSecurity,
    ...(policies === undefined ? {} : { policies }),
    authChanges,
    ping: async () => {
      await pool.query('SELECT 1');
    },
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: async () => {
      await listener.stop();
      await pool.end();
    },
  };
}

/**
 * Applies pending migrations, one instance at a time, as the serving role or, given
 * `migrationUrl`, as the role that owns the tables, which then lets the serving role in and,
 * where row-level security holds it, makes the policies plain (platform-role.ts).
 */
async function migrate(
  pool: pg.Pool,
  serving: { name: string; rowSecurity: boolean },
  migrationUrl: string | null,
  connectionTimeoutMillis: number,
): Promise<PolicyForm | null> {
  const owner =
    migrationUrl === null
      ? null
      : new pg.Pool({ connectionString: migrationUrl, max: 1, connectionTimeoutMillis });
  owner?.on('error', () => {});
  const client = await (owner ?? pool).connect();
  try {
    // Several instances may start at once: one migrates, the others wait and then find nothing to do.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    // Migrations work on every org's rows: row-level security must not hide any from them.
    await client.query(setScopeSql(ALL_ORGS, { session: true }));
    if (owner === null && !(await mayMigrate(client))) {
      // An instance given no owner's URL serves a database that the owner has migrated.
      await assertMigrated(client, migrationsFolder, serving.name);
    } else {
      await migratePg(drizzlePg(client), { migrationsFolder });
    }
    if (owner !== null) {
      await grantServingRole(client, serving.name);
    }
    // As the serving role itself, this finds it may not and says why.
    return serving.rowSecurity ? await adoptPlainPolicies(client, serving.name) : null;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    // Closed, not pooled: it still carries the session-wide all-orgs scope set above.
    client.release(true);
    await owner?.end();
  }
}

/**
 * Makes every connection of the pool listen on `channel` before its first use, feeding what it
 * hears to `feed`. PostgreSQL tells a listening session of its own commit's announcements before
 * the commit's answer, so a change made through this pool is heard before the request that made
 * it goes on. A new connection is handed out only once its LISTEN is done: a query sent while
 * another still runs on the same client is queued by node-postgres, which warns of it.
 */
function listenOnEveryConnection(pool: pg.Pool, channel: string, feed: ChangeFeed): void {
  const listening = new WeakMap<pg.PoolClient, Promise<unknown>>();
  pool.on('connect', (client) => {
    client.on('notification', (message) => {
      if (message.channel === channel) {
        feed.changed();
      }
    });
    listening.set(
      client,
      client.query(`LISTEN ${pg.escapeIdentifier(channel)}`).catch(() => {}),
    );
  });
  /** Resolves once `client`'s LISTEN is done (at once for one handed out before). */
  const ready = (client: pg.PoolClient | undefined): Promise<unknown> => {
    const pending = client === undefined ? undefined : listening.get(client);
    if (client === undefined || pending === undefined) {
      return Promise.resolve();
    }
    listening.delete(client);
    return pending;
  };
  type Callback = (err: Error | undefined, client: pg.PoolClient | undefined, done: unknown) => void;
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  // Both forms: the promise one (transactions) and the callback one (pool.query).
  pool.connect = ((callback?: Callback) => {
    if (callback !== undefined) {
      return connect((err: Error | undefined, client: pg.PoolClient | undefined, done: unknown) => {
        if (err !== undefined && err !== null) {
          callback(err, client, done);
          return;
        }
        void ready(client).then(() => callback(err, client, done));
      });
    }
    return (connect() as Promise<pg.PoolClient>).then(async (client) => {
      await ready(client);
      return client;
    });
  }) as typeof pool.connect;
}

/**
 * Makes a client checked out with `pool.connect()` go back to the pool (and be discarded) as soon
 * as its connection is lost, and makes its `release` safe to call again. Drizzle's transactions
 * check a client out and send BEGIN before their try/finally: when BEGIN fails on a connection
 * the server just terminated, they never release it, and each such fault would leak one slot of
 * the pool until every request hangs and shutdown waits forever.
 */
function releaseOnConnectionLoss(pool: pg.Pool): void {
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  const guarded = async (): Promise<pg.PoolClient> => {
    const client = (await connect()) as pg.PoolClient;
    const release = client.release;
    let released = false;
    const releaseOnce = (err?: Error | boolean) => {
      if (!released) {
        released = true;
        client.off('error', onError);
        release(err);
      }
    };
    const onError = (err: Error) => releaseOnce(err);
    client.once('error', onError);
    client.release = releaseOnce;
    return client;
  };
  // The callback form is what pool.query uses; it releases its client itself.
  pool.connect = ((...args: unknown[]) =>
    args.length > 0 ? connect(...args) : guarded()) as typeof pool.connect;
}

/** The rows of a raw `db.execute` result, typed by the caller (both drivers return `{ rows }`). */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

const ROLLBACK = Symbol('rollback');

/** A transaction kept open across steps that are not one function: decide its outcome with `end`. */
export interface HeldTransaction {
  db: Db;
  /** Commits (true) or rolls back (false); resolves once the transaction is over. */
  end(commit: boolean): Promise<void>;
}

/**
 * Opens a transaction that stays open until `end` is called, for work that spans request hooks
 * (an idempotency key stored with the effect it guards). Always call `end`.
 */
export async function holdTransaction(db: Db): Promise<HeldTransaction> {
  let decide!: (commit: boolean) => void;
  const decided = new Promise<boolean>((resolve) => {
    decide = resolve;
  });
  let opened!: (tx: Db) => void;
  const ready = new Promise<Db>((resolve) => {
    opened = resolve;
  });
  const done = db
    .transaction(async (tx) => {
      opened(tx as unknown as Db);
      if (!(await decided)) {
        throw ROLLBACK;
      }
    })
    .catch((err: unknown) => {
      if (err !== ROLLBACK) {
        throw err;
      }
    });
  const tx = await Promise.race([
    ready,
    done.then(() => {
      throw new Error('the transaction ended before it opened');
    }),
  ]);
  return {
    db: tx,
    end: async (commit) => {
      decide(commit);
      await done;
    },
  };
}
