import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { Actor } from '../src/core/access.js';
import { ALL_SCOPES } from '../src/core/access.js';
import { type KeyCache, verifiedCaches } from '../src/core/api-keys/key-cache.js';
import type { Ctx } from '../src/core/context.js';
import { type EventBus, LocalEventBus } from '../src/core/events/bus.js';
import type { FeedCache } from '../src/core/feed-cache.js';
import { initPlatform, type Platform } from '../src/core/platform/platform.js';
import { type Database, openDatabase, rowsOf } from '../src/db/client.js';
import { platformRoleName } from '../src/db/platform-role.js';
import { type BuiltApp, buildApp } from '../src/http/app.js';
import type { AuthFailureLimiter } from '../src/realtime/auth-failures.js';
import { MemoryPresenceStore } from '../src/realtime/memory-presence-store.js';
import type { RateLimiter } from '../src/realtime/rate-limiter.js';
import { EgressPolicy } from '../src/realtime/webhook-egress.js';
import { until } from './load.js';

/** Which database the suite runs on: `ROSTER_TEST_DB=postgres` selects the machine's server. */
export const TEST_DB_KIND = process.env.ROSTER_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** Server the PostgreSQL run creates its throwaway databases on. */
export const ADMIN_URL = process.env.ROSTER_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends Database {
  /** Runs DDL a test needs (a trigger) as the owner of the tables, which Roster's role is not. */
  asOwner(statement: string): Promise<void>;
  /** Closes the connection and, on PostgreSQL, drops the throwaway database. */
  dispose(): Promise<void>;
}

/**
 * The ordinary role (neither superuser nor BYPASSRLS) that the PostgreSQL run serves as, so that
 * every test there also runs under row-level security; the tables belong to the admin role.
 */
export const TEST_APP_ROLE = 'roster_test_app';

export interface PgTestDatabase {
  /** As the admin role: owns what it migrates, and is exempt from row-level security. */
  url: string;
  /** Same database as TEST_APP_ROLE, held to row-level security. */
  appUrl: string;
  drop: () => Promise<void>;
}

/** Connection string of database `name`, as the admin role or, given, as `role`. */
export function databaseUrl(name: string, role?: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  if (role !== undefined) {
    url.username = role;
    url.password = '';
  }
  return url.toString();
}

/** Connection string of database `name` as TEST_APP_ROLE. */
export const appRoleUrl = (name: string): string => databaseUrl(name, TEST_APP_ROLE);

/** A new, empty PostgreSQL database, with connection strings for its owner and for Roster's role. */
export async function createPgDatabase(): Promise<PgTestDatabase> {
  const name = `roster_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  // Test files run in parallel: whichever creates the role first wins, the others find it.
  await admin.query(`DO $$ BEGIN
      CREATE ROLE ${TEST_APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
  await admin.end();
  return {
    url: databaseUrl(name),
    appUrl: appRoleUrl(name),
    drop: async () => {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        // A pool's end() resolves before its connections have closed. Terminating one that is
        // still closing sends its client a FATAL error; a client nobody listens to any more turns
        // that into an uncaught exception, which fails the whole test file. So the sessions still
        // there get a moment to go first; FORCE ends any that stay.
        for (let tries = 0; tries < 50; tries += 1) {
          const { rows } = await client.query<{ n: number }>(
            'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
            [name],
          );
          if ((rows[0]?.n ?? 0) === 0) {
            break;
          }
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        // The platform role and its gate that Roster made for this database.
        const platform = platformRoleName(name);
        await client.query(`DROP ROLE IF EXISTS ${platform}_gate, ${platform}`);
      } finally {
        await client.end();
      }
    },
  };
}

/** A migrated database of the kind the suite runs on: in-memory PGlite, or a fresh PostgreSQL database. */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (TEST_DB_KIND === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    return {
      ...database,
      asOwner: async (statement) => {
        await database.db.execute(sql.raw(statement));
      },
      dispose: database.close,
    };
  }
  const { url, appUrl, drop } = await createPgDatabase();
  const database = await openDatabase({ kind: 'postgres', url: appUrl, migrationUrl: url, poolSize: 5 });
  return {
    ...database,
    asOwner: async (statement) => {
      const owner = new pg.Client({ connectionString: url });
      await owner.connect();
      try {
        await owner.query(statement);
      } finally {
        await owner.end();
      }
    },
    dispose: async () => {
      await database.close();
      await drop();
    },
  };
}

export const TEST_MASTER_KEY = `roster_mk_test_${'x'.repeat(40)}`;

export interface TestEnv {
  database: TestDatabase;
  platform: Platform;
  /** A context acting with the master key on the default org. */
  masterCtx: Ctx;
  close(): Promise<void>;
}

/** A database with the platform initialised (default org, known master key). */
export async function createTestEnv(): Promise<TestEnv> {
  const database = await openTestDatabase();
  const { platform } = await initPlatform(database.db, { masterKey: TEST_MASTER_KEY, now: new Date() });
  return {
    database,
    platform,
    masterCtx: ctxFor(database, masterActor(platform.defaultOrgId)),
    close: () => database.dispose(),
  };
}

export function masterActor(orgId: string): Actor {
  return { orgId, isMaster: true, keyId: null, scopes: ALL_SCOPES, agent: null };
}

/** Live services of one test: an in-process event bus and presence store with the default TTL. */
const realtime = { events: new LocalEventBus(), presence: new MemoryPresenceStore(60_000) };

/** A context as a request of `actor` gets it: an org's key works through its org's handle. */
export function ctxFor(database: Database, actor: Actor): Ctx {
  return {
    actor,
    db: actor.isMaster ? database.db : database.forOrg(actor.orgId),
    now: () => new Date(),
    events: realtime.events,
    presence: realtime.presence,
  };
}

export interface TestApp extends TestEnv {
  app: BuiltApp['app'];
  /** The app's cache of verified keys. */
  keys: KeyCache;
  /** The app's cache of agents known to exist. */
  agentsSeen: FeedCache<true>;
  /** Its route schemas compile on first use; nothing warms them up unless a test asks. */
  schemas: BuiltApp['schemas'];
  /** The app's event bus. */
  events: EventBus;
  /** The presence store its requests use. */
  presence: MemoryPresenceStore;
}

/** What a test may change in the app it gets: a short keep-alive, an event bus it can observe. */
export interface TestAppOptions {
  sseKeepAliveSeconds?: number;
  events?: EventBus;
  limiter?: RateLimiter;
  authFailures?: AuthFailureLimiter;
  maxEventLoopDelayMs?: number;
  /** Fastify's trustProxy, as ROSTER_TRUST_PROXY sets it. */
  trustProxy?: boolean | number | string;
  /** ROSTER_WEBHOOK_ALLOW_HOSTS of the app. */
  webhookAllowHosts?: string[];
  /** Serve GET /metrics on the app behind this token (and record the HTTP metrics). */
  metricsToken?: string;
  /** Leave out the embedded database's dump, as on PostgreSQL (GET /v1/backup answers 409). */
  noBackup?: boolean;
  /** False: changes write no events and no audit records, as ROSTER_RECORD_EVENTS=off. */
  recordEvents?: boolean;
}

/** The full HTTP app over a test database, for `app.inject`. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const env = await createTestEnv();
  // As main.ts does: the app keeps verified keys, kept current by the database's announcements.
  const caches = verifiedCaches(env.database.authChanges);
  const { keys, agentsSeen } = caches;
  const { app, schemas } = await buildApp({
    db: env.database.db,
    forOrg: env.database.forOrg,
    ping: env.database.ping,
    platform: env.platform,
    keys,
    agentsSeen,
    config: {
      logLevel: 'silent',
      bodyLimitBytes: 1_048_576,
      sseKeepAliveSeconds: options.sseKeepAliveSeconds ?? 15,
      maxEventLoopDelayMs: options.maxEventLoopDelayMs ?? 0,
      trustProxy: options.trustProxy ?? false,
      metricsToken: options.metricsToken ?? null,
    },
    now: () => new Date(),
    events: options.events ?? realtime.events,
    presence: realtime.presence,
    limiter: options.limiter ?? null,
    authFailures: options.authFailures ?? null,
    egress: new EgressPolicy(options.webhookAllowHosts ?? []),
    backup: options.noBackup ? null : (env.database.dump ?? null),
    recordEvents: options.recordEvents ?? true,
  });
  await app.ready();
  return {
    ...env,
    app,
    schemas,
    keys,
    agentsSeen,
    events: options.events ?? realtime.events,
    presence: realtime.presence,
    close: async () => {
      caches.stop();
      await app.close();
      await env.close();
    },
  };
}

/** The app of createTestApp listening on a random loopback port, for real HTTP clients. */
export async function listenTestApp(options: TestAppOptions = {}): Promise<TestApp & { base: string }> {
  const env = await createTestApp(options);
  await env.app.listen({ host: '127.0.0.1', port: 0 });
  const address = env.app.server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('the test app is not listening on a TCP port');
  }
  return { ...env, base: `http://127.0.0.1:${address.port}` };
}

/**
 * Waits until everything committed before the call has joined the event feed. The feed is read
 * only below the xmin of the reader's snapshot, so on PostgreSQL an event stays out of it while any
 * older transaction on the server is open, another test file's included; PGlite has one
 * connection, and nothing to wait for.
 */
export async function feedSettled(db: Database['db'], timeoutMs = 10_000): Promise<void> {
  const xmaxOf = async (query: string) => {
    const [row] = rowsOf<{ x: string }>(await db.execute(sql.raw(query)));
    return BigInt(row?.x ?? '0');
  };
  const before = await xmaxOf('SELECT pg_snapshot_xmax(pg_current_snapshot())::text AS x');
  await until(
    'the event feed to settle (a transaction stays open)',
    async () =>
      (await xmaxOf('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS x')) >= before
        ? true
        : undefined,
    timeoutMs,
  );
}
