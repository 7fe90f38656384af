import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/client.js';
import { holdsCluster } from '../db/pglite-template.js';
import { ALL_ORGS, setScopeSql } from '../db/row-security.js';
import { projectPath } from '../paths.js';
import { assertNotInUse, countRows } from './backup.js';

/**
 * Moves an embedded (PGlite) database to PostgreSQL: every row of every table, with the server
 * stopped. The target must be an empty database; it is migrated to the current schema first, then
 * filled in one transaction, and the rows of each table counted on both sides. The source is not
 * even opened: a copy of it is read. Connect to the target as the role that owns Roster's tables (the one migrations run as,
 * ROSTER_MIGRATION_DATABASE_URL when Roster serves as another role).
 */
export interface MigrateDataOptions {
  /** The embedded database's data directory (ROSTER_DATA_DIR). */
  dataDir: string;
  /** postgres://... of the empty target database, as the role that owns (or will own) the tables. */
  to: string;
  /** Progress lines, e.g. to stderr. */
  log?: (line: string) => void;
}

export interface MigrateDataResult {
  /** Rows copied per table, equal on both sides. */
  rows: Record<string, number>;
}

interface PgliteSource {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
  transaction<T>(fn: (tx: PgliteSource) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

interface Column {
  name: string;
  type: string;
}

const BATCH_ROWS = 500;

const quote = (name: string) => pg.escapeIdentifier(name);

/** Copies the embedded database at `dataDir` into the empty PostgreSQL database `to`. */
export async function migrateData(options: MigrateDataOptions): Promise<MigrateDataResult> {
  const log = options.log ?? (() => {});
  const dataDir = resolve(options.dataDir);
  if (!holdsCluster(dataDir)) {
    throw new Error(`${dataDir} holds no embedded database`);
  }
  assertNotInUse(dataDir);
  // Opening a database writes to its files (a checkpoint at least): a copy is read instead, so the
  // source stays byte for byte as it was.
  const copy = mkdtempSync(join(tmpdir(), 'roster-migrate-source-'));
  cpSync(dataDir, copy, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  let source: PgliteSource;
  try {
    source = (await PGlite.create(copy)) as unknown as PgliteSource;
  } catch (err) {
    rmSync(copy, { recursive: true, force: true });
    throw err;
  }
  try {
    await assertCurrentSchema(source);
    // Creates the schema (the migrations) on the target, as the role of `to`.
    log('migrating the target database');
    const target = await openDatabase({ kind: 'postgres', url: options.to, poolSize: 1 });
    await target.close();
    const client = new pg.Client({ connectionString: options.to });
    await client.connect();
    try {
      const tables = await tablesInOrder(client);
      await assertEmpty(client, tables);
      await client.query('BEGIN');
      try {
        await client.query(setScopeSql(ALL_ORGS));
        for (const table of tables) {
          const copied = await copyTable(source, client, table);
          log(`${table}: ${copied} rows`);
        }
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      }
      return { rows: await verify(source, client) };
    } finally {
      await client.end();
    }
  } finally {
    await source.close();
    rmSync(copy, { recursive: true, force: true });
  }
}

/** The source must be at the schema this version ships (the server migrates it when it starts). */
async function assertCurrentSchema(source: PgliteSource): Promise<void> {
  const journal = JSON.parse(readFileSync(projectPath('drizzle', 'meta', '_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  const { rows } = await source.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations',
  );
  const applied = Number(rows[0]?.n ?? 0);
  if (applied !== journal.entries.length) {
    throw new Error(
      `the embedded database has ${applied} of this version's ${journal.entries.length} migrations: ` +
        'start this version of Roster on it once (it migrates at start), stop it, and run this again',
    );
  }
}

/** Roster's tables, parents before the tables whose foreign keys point at them. */
async function tablesInOrder(client: pg.Client): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent
     FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
     JOIN pg_class p ON p.oid = k.confrelid
     WHERE k.contype = 'f' AND cn.nspname = 'public' AND c.oid <> p.oid`,
  );
  const ordered: string[] = [];
  const pending = new Set(tables.map((t) => t.name));
  while (pending.size > 0) {
    const ready = [...pending].filter((t) => !edges.some((e) => e.child === t && pending.has(e.parent)));
    if (ready.length === 0) {
      throw new Error(`foreign keys form a cycle among ${[...pending].join(', ')}`);
    }
    for (const t of ready.sort()) {
      ordered.push(t);
      pending.delete(t);
    }
  }
  return ordered;
}

async function assertEmpty(client: pg.Client, tables: string[]): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(setScopeSql(ALL_ORGS));
    for (const table of tables) {
      const { rows } = await client.query(`SELECT 1 FROM public.${quote(table)} LIMIT 1`);
      if (rows.length > 0) {
        throw new Error(
          `the target database is not empty (table ${table} has rows): migrate-data only fills a new, empty database`,
        );
      }
    }
  } finally {
    await client.query('ROLLBACK');
  }
}

/** The columns a row is written with: every one but generated columns, with its exact type. */
async function columnsOf(client: pg.Client, table: string): Promise<Column[]> {
  const { rows } = await client.query<Column>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
     FROM pg_attribute a
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY a.attnum`,
    [`public.${quote(table)}`],
  );
  return rows;
}

/**
 * Copies one table: read in batches through a cursor as text (exact for every type), written with
 * each column cast back to its type. The table's own triggers (the counters they keep, the change
 * announcements) stay off meanwhile: the counters arrive already counted.
 */
async function copyTable(source: PgliteSource, client: pg.Client, table: string): Promise<number> {
  const columns = await columnsOf(client, table);
  const list = columns.map((c) => quote(c.name)).join(', ');
  const select = columns.map((c) => `${quote(c.name)}::text`).join(', ');
  await client.query(`ALTER TABLE public.${quote(table)} DISABLE TRIGGER USER`);
  let copied = 0;
  await source.transaction(async (tx) => {
    await tx.exec(`DECLARE roster_copy NO SCROLL CURSOR FOR SELECT ${select} FROM public.${quote(table)}`);
    for (;;) {
      const { rows } = await tx.query<Record<string, string | null>>(`FETCH ${BATCH_ROWS} FROM roster_copy`);
      if (rows.length === 0) {
        break;
      }
      const params: (string | null)[] = [];
      const tuples = rows.map((row) => {
        const values = Object.values(row);
        return `(${columns
          .map((c, i) => {
            params.push(values[i] ?? null);
            return `$${params.length}::${c.type}`;
          })
          .join(', ')})`;
      });
      await client.query(
        `INSERT INTO public.${quote(table)} (${list}) OVERRIDING SYSTEM VALUE VALUES ${tuples.join(', ')}`,
        params,
      );
      copied += rows.length;
    }
    await tx.exec('CLOSE roster_copy');
  });
  await client.query(`ALTER TABLE public.${quote(table)} ENABLE TRIGGER USER`);
  // Sequences behind serial or identity columns continue after the copied values.
  for (const column of columns) {
    const { rows } = await client.query<{ seq: string | null }>(
      'SELECT pg_get_serial_sequence($1, $2) AS seq',
      [`public.${quote(table)}`, column.name],
    );
    const seq = rows[0]?.seq ?? null;
    if (seq !== null && copied > 0) {
      await client.query(
        `SELECT setval($1, (SELECT max(${quote(column.name)}) FROM public.${quote(table)}))`,
        [seq],
      );
    }
  }
  return copied;
}

/** Counts every table on both sides. @throws Error naming the tables whose counts differ. */
async function verify(source: PgliteSource, client: pg.Client): Promise<Record<string, number>> {
  const from = await countRows(source);
  await client.query('BEGIN');
  let to: Record<string, number>;
  try {
    await client.query(setScopeSql(ALL_ORGS));
    to = await countRows({
      query: async <T>(sql: string) => ({ rows: (await client.query(sql)).rows as T[] }),
    });
  } finally {
    await client.query('ROLLBACK');
  }
  const differing = Object.keys({ ...from, ...to }).filter((t) => from[t] !== to[t]);
  if (differing.length > 0) {
    throw new Error(
      `row counts differ after the copy: ${differing.map((t) => `${t} ${from[t]} -> ${to[t]}`).join(', ')}`,
    );
  }
  return to;
}
