/**
 * Autovacuum's work for the embedded database. PGlite runs PostgreSQL as one backend in this
 * process, with no autovacuum launcher: without this, its tables are never vacuumed (dead rows of
 * every update stay, and the visibility map is never set) and never analysed (the planner guesses
 * from table sizes alone; GET team's statement ran at half speed on such guesses). PostgreSQL
 * servers do this themselves, so only the embedded database uses it.
 *
 * The rule is autovacuum's own (PostgreSQL's "The Autovacuum Daemon"), read from the database's
 * settings: a table is vacuumed once its dead rows exceed `autovacuum_vacuum_threshold +
 * autovacuum_vacuum_scale_factor × rows`, or its inserts since the last vacuum exceed the insert
 * threshold likewise; analysed once its changes since the last analyse exceed
 * `autovacuum_analyze_threshold + autovacuum_analyze_scale_factor × rows`. A table never counted
 * (`reltuples` -1) counts as empty, as autovacuum counts it.
 */

import { type BackgroundLog, runPeriodically } from '../periodic.js';

/** What the maintenance needs of the embedded engine: a statement and its rows. */
export interface MaintenanceClient {
  query<T>(sql: string): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}

/** One table's pass: what was done to it and the counts that made it due. */
export interface TableMaintained {
  table: string;
  vacuumed: boolean;
  analyzed: boolean;
  deadRows: number;
  changedRows: number;
}

const DUE_TABLES = `
  WITH settings AS (
    SELECT current_setting('autovacuum_vacuum_threshold')::float8 AS vac_base,
           current_setting('autovacuum_vacuum_scale_factor')::float8 AS vac_scale,
           current_setting('autovacuum_vacuum_insert_threshold')::float8 AS ins_base,
           current_setting('autovacuum_vacuum_insert_scale_factor')::float8 AS ins_scale,
           current_setting('autovacuum_analyze_threshold')::float8 AS anl_base,
           current_setting('autovacuum_analyze_scale_factor')::float8 AS anl_scale
  ), tables AS (
    SELECT format('%I.%I', s.schemaname, s.relname) AS table_name,
           greatest(c.reltuples, 0)::float8 AS rows,
           s.n_dead_tup AS dead, s.n_ins_since_vacuum AS inserted, s.n_mod_since_analyze AS changed
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
    WHERE c.relkind = 'r'
  )
  SELECT * FROM (
    SELECT t.table_name, t.dead::int8 AS dead, t.changed::int8 AS changed,
           (t.dead > st.vac_base + st.vac_scale * t.rows
            OR (st.ins_base >= 0 AND t.inserted > st.ins_base + st.ins_scale * t.rows)) AS vacuum,
           t.changed > st.anl_base + st.anl_scale * t.rows AS analyze
    FROM tables t, settings st
  ) due
  WHERE due.vacuum OR due.analyze
  ORDER BY due.table_name`;

/**
 * Vacuums and analyses every table that autovacuum's rule finds due, one statement a table (each
 * waits its turn behind the statements before it, as any statement on the embedded database does).
 */
export async function maintainEmbedded(client: MaintenanceClient): Promise<TableMaintained[]> {
  // A backend sends its counts to the statistics views when it goes idle, at most once a second;
  // this makes the next idle moment (after this statement) send them, so the counts read are whole.
  await client.query('SELECT pg_stat_force_next_flush()');
  const { rows } = await client.query<{
    table_name: string;
    dead: number | string;
    changed: number | string;
    vacuum: boolean;
    analyze: boolean;
  }>(DUE_TABLES);
  const done: TableMaintained[] = [];
  for (const row of rows) {
    // The name comes from the catalog, quoted by format('%I'): it cannot carry SQL of its own.
    if (row.vacuum) {
      await client.exec(`VACUUM ${row.analyze ? '(ANALYZE) ' : ''}${row.table_name}`);
    } else {
      await client.exec(`ANALYZE ${row.table_name}`);
    }
    done.push({
      table: row.table_name,
      vacuumed: row.vacuum,
      analyzed: row.analyze,
      deadRows: Number(row.dead),
      changedRows: Number(row.changed),
    });
  }
  return done;
}

/**
 * Runs `maintain` every `intervalMs` (see `runPeriodically`), the first time one interval after
 * start, and logs what each pass did. Returns a stop function that resolves once a pass under way
 * has finished.
 */
export function startEmbeddedMaintenance(
  maintain: () => Promise<TableMaintained[]>,
  intervalMs: number,
  log: BackgroundLog,
): () => Promise<void> {
  return runPeriodically({
    intervalMs,
    pass: async () => {
      const tables = await maintain();
      if (tables.length > 0) {
        log.info({ tables }, "embedded database: tables vacuumed or analysed by autovacuum's rule");
      }
    },
    // The next pass tries again; a missed pass only leaves statistics older for a while.
    failed: (err) => log.error({ err }, 'embedded database maintenance failed'),
  });
}
