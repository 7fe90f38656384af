import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { holdsCluster } from '../db/pglite-template.js';

/**
 * Backup and restore of the embedded (PGlite) database. PGlite is one process's database: while
 * the server runs, only it can read the data directory, so a backup asks the running server for
 * its dump (`GET /v1/backup`, master key) and writes it to a file. A restore unpacks such a file
 * into a data directory with the server stopped. PostgreSQL deployments use pg_dump/pg_restore.
 */

export interface BackupOptions {
  /** The running server, e.g. http://127.0.0.1:8080. */
  url: string;
  masterKey: string;
  /** Where to write the gzipped tarball; written to a temporary name first, then renamed. */
  file: string;
  fetch?: typeof fetch;
}

export interface BackupResult {
  file: string;
  bytes: number;
}

/** Takes a backup from the running server. @throws Error with the server's answer when it refuses. */
export async function backup(options: BackupOptions): Promise<BackupResult> {
  const file = resolve(options.file);
  const response = await (options.fetch ?? fetch)(new URL('/v1/backup', options.url), {
    headers: { authorization: `Bearer ${options.masterKey}` },
  });
  if (!response.ok) {
    const text = await response.text();
    let detail = text;
    try {
      detail = (JSON.parse(text) as { detail?: string }).detail ?? text;
    } catch {}
    throw new Error(`the server refused the backup (${response.status}): ${detail}`);
  }
  const body = Buffer.from(await response.arrayBuffer());
  assertDump(body);
  const temporary = join(dirname(file), `.${process.pid}.${Date.now()}.backup.tmp`);
  try {
    writeFileSync(temporary, body);
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
  return { file, bytes: body.length };
}

/** Checks that `body` is a gzipped tarball of a PostgreSQL data directory. @throws Error if not. */
function assertDump(body: Buffer): void {
  let tar: Buffer;
  try {
    tar = gunzipSync(body);
  } catch {
    throw new Error('not a Roster backup: the file is not gzip-compressed');
  }
  // ustar headers name each file in their first 100 bytes; a data directory has PG_VERSION.
  let found = false;
  for (let offset = 0; offset + 512 <= tar.length && !found; ) {
    const name = tar
      .subarray(offset, offset + 100)
      .toString('utf8')
      .replace(/\0.*$/s, '');
    if (name === '') {
      break;
    }
    found = name === 'PG_VERSION' || name.endsWith('/PG_VERSION');
    const size = Number.parseInt(
      tar
        .subarray(offset + 124, offset + 136)
        .toString('utf8')
        .trim() || '0',
      8,
    );
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  if (!found) {
    throw new Error('not a Roster backup: the archive holds no PostgreSQL data directory');
  }
}

export interface RestoreOptions {
  /** A file written by `backup`. */
  file: string;
  /** The data directory to restore into (ROSTER_DATA_DIR); must hold no database unless `force`. */
  dataDir: string;
  /** Move a database already in `dataDir` aside (to `<dataDir>.before-restore-<time>`) first. */
  force?: boolean;
}

export interface RestoreResult {
  dataDir: string;
  /** Where the database that was there went (with `force`), or null. */
  movedAside: string | null;
  /** Rows found in the restored database, per table. */
  rows: Record<string, number>;
}

/**
 * Restores a backup into `dataDir`, with the server stopped. The database is opened once to check
 * it (rows per table) and closed; the server applies any newer migrations when it starts.
 * @throws Error when the file is no backup, or `dataDir` holds a database (without `force`) or is in use.
 */
export async function restore(options: RestoreOptions): Promise<RestoreResult> {
  const dataDir = resolve(options.dataDir);
  const body = readFileSync(resolve(options.file));
  assertDump(body);
  let movedAside: string | null = null;
  if (holdsCluster(dataDir)) {
    assertNotInUse(dataDir);
    if (!options.force) {
      throw new Error(
        `${dataDir} already holds a database: stop the server and pass --force to move it aside`,
      );
    }
    movedAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(dataDir, movedAside);
  } else if (existsSync(dataDir)) {
    rmSync(dataDir, { recursive: true });
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = new PGlite(dataDir, { loadDataDir: new Blob([body]) });
  try {
    await db.waitReady;
    return { dataDir, movedAside, rows: await countRows(db) };
  } finally {
    await db.close();
  }
}

/** The server holds its data directory open with a postmaster.pid in it (removed when it stops). */
export function assertNotInUse(dataDir: string): void {
  if (existsSync(join(dataDir, 'postmaster.pid'))) {
    throw new Error(
      `${dataDir} is in use (postmaster.pid is present): stop the server first. ` +
        'If the server is not running (it crashed), remove postmaster.pid and try again.',
    );
  }
}

interface Queryable {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/** Rows of every table in the public schema, by table name. */
export async function countRows(db: Queryable): Promise<Record<string, number>> {
  const { rows: tables } = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM public."${name}"`);
    counts[name] = Number(rows[0]?.n ?? 0);
  }
  return counts;
}
