import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Actor } from '../src/core/access.js';
import { ALL_SCOPES } from '../src/core/access.js';
import type { Ctx } from '../src/core/context.js';
import { type EventBus, LocalEventBus } from '../src/core/events/bus.js';
import { initPlatform, type Platform } from '../src/core/platform/platform.js';
import { type Database, openDatabase } from '../src/db/client.js';
import { type BuiltApp, buildApp } from '../src/http/app.js';
import { MemoryPresenceStore } from '../src/realtime/memory-presence-store.js';
import type { RateLimiter } from '../src/realtime/rate-limiter.js';

/** Which database the suite runs on: `ROSTER_TEST_DB=postgres` selects the machine's server. */
export const TEST_DB_KIND = process.env.ROSTER_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/** Server the PostgreSQL run creates its throwaway databases on. */
const ADMIN_URL = process.env.ROSTER_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase extends Database {
  /** Closes the connection and, on PostgreSQL, drops the throwaway database. */
  dispose(): Promise<void>;
}

/** Connection string of a new, empty PostgreSQL database, and a function that drops it. */
export async function createPgDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `roster_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A migrated database of the kind the suite runs on: in-memory PGlite, or a fresh PostgreSQL database. */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (TEST_DB_KIND === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    return { ...database, dispose: database.close };
  }
  const { url, drop } = await createPgDatabase();
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 5 });
  return {
    ...database,
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

export function ctxFor(database: Database, actor: Actor): Ctx {
  return {
    actor,
    db: database.db,
    now: () => new Date(),
    events: realtime.events,
    presence: realtime.presence,
  };
}

export interface TestApp extends TestEnv {
  app: BuiltApp['app'];
}

/** What a test may change in the app it gets: a short keep-alive, an event bus it can observe. */
export interface TestAppOptions {
  sseKeepAliveSeconds?: number;
  events?: EventBus;
  limiter?: RateLimiter;
  maxEventLoopDelayMs?: number;
}

/** The full HTTP app over a test database, for `app.inject`. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const env = await createTestEnv();
  const { app } = await buildApp({
    db: env.database.db,
    ping: env.database.ping,
    platform: env.platform,
    config: {
      logLevel: 'silent',
      bodyLimitBytes: 1_048_576,
      sseKeepAliveSeconds: options.sseKeepAliveSeconds ?? 15,
      maxEventLoopDelayMs: options.maxEventLoopDelayMs ?? 0,
    },
    now: () => new Date(),
    events: options.events ?? realtime.events,
    presence: realtime.presence,
    limiter: options.limiter ?? null,
  });
  await app.ready();
  return {
    ...env,
    app,
    close: async () => {
      await app.close();
      await env.close();
    },
  };
}
