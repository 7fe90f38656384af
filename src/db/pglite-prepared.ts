import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Runs of one statement text before it is prepared (PgJDBC's `prepareThreshold` is 5). */
const PREPARE_AFTER = 3;
/** Prepared statements held at most; the texts counted at most. */
const MAX_PREPARED = 500;
const MAX_COUNTED = 5_000;

interface Seen {
  runs: number;
  /** The prepared statement's name, once it is prepared. */
  name: string | null;
  /** PREPARE failed for it: it always runs plain. */
  refused: boolean;
}

/**
 * Makes the embedded database keep plans the way PostgreSQL's named prepared statements do.
 * PGlite runs every parameterized query as an unnamed statement: parsed, analyzed and planned on
 * each call, which for Roster's statements is a third of a call's time (GET team: 1.6 ms against
 * 1.1 ms prepared). On PostgreSQL, Drizzle's `.prepare(name)` and `preparedSql` already use named
 * statements; here a SELECT run PREPARE_AFTER times is prepared (`PREPARE`) and from then on run
 * as `EXECUTE name(...)` with its parameters as quoted literals, which PostgreSQL converts to the
 * parameters' types as binding them would. Only parameters that are strings, finite numbers,
 * booleans or null are inlined; a call with any other kind runs plain.
 *
 * Transactions are not affected: PGlite gives them handles of their own, and a top-level query
 * waits for an open transaction to end, so PREPARE never runs inside one.
 */
export function prepareRepeatedSelects(client: PGlite): void {
  const plain: PGlite['query'] = client.query.bind(client);
  const seen = new Map<string, Seen>();
  let prepared = 0;
  const query = async (text: string, params?: unknown[], options?: Parameters<PGlite['query']>[2]) => {
    if (params === undefined || params.length === 0 || !SELECT.test(text) || !params.every(inlinable)) {
      return plain(text, params, options);
    }
    let entry = seen.get(text);
    if (entry === undefined) {
      if (seen.size >= MAX_COUNTED) {
        return plain(text, params, options);
      }
      entry = { runs: 0, name: null, refused: false };
      seen.set(text, entry);
    }
    entry.runs += 1;
    if (entry.name === null) {
      if (entry.refused || entry.runs < PREPARE_AFTER || prepared >= MAX_PREPARED) {
        return plain(text, params, options);
      }
      const name = `roster_embedded_${prepared}`;
      try {
        await plain(`PREPARE ${name} AS ${text}`);
      } catch {
        entry.refused = true;
        return plain(text, params, options);
      }
      prepared += 1;
      entry.name = name;
    }
    const literals = params.map((v) => (v === null ? 'NULL' : pg.escapeLiteral(String(v))));
    return plain(`EXECUTE ${entry.name}(${literals.join(', ')})`, [], options);
  };
  client.query = query as PGlite['query'];
}

const SELECT = /^\s*select\s/i;

const inlinable = (v: unknown): boolean =>
  v === null ||
  typeof v === 'string' ||
  typeof v === 'boolean' ||
  (typeof v === 'number' && Number.isFinite(v));
