import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { type Db, rowsOf } from './client.js';

/**
 * A query that Drizzle builds once per database handle instead of on every call: `build` makes it
 * (with `sql.placeholder` for its parameters and `.prepare(name)`), the returned function hands
 * out the one built for the handle it is given. Building a query's SQL is a large part of a short
 * request's CPU; a prepared one only binds its parameters.
 *
 * The cache is keyed by the handle actually used: a transaction is a handle of its own, so a query
 * prepared on the root database never runs inside a transaction (it would run on another pooled
 * connection, outside it). Transaction handles are short-lived and their entries go with them.
 * On PostgreSQL the name is that of a named prepared statement of each pooled connection: one name
 * must always stand for the same SQL text.
 */
export function preparedPerDb<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const cache = new WeakMap<Db, Q>();
  return (db) => {
    let query = cache.get(db);
    if (query === undefined) {
      query = build(db);
      cache.set(db, query);
    }
    return query;
  };
}

const dialect = new PgDialect();

/**
 * A hand-written statement (`sql` with `sql.placeholder` for its parameters), turned into SQL text
 * once, and run as the named prepared statement `name` on whichever handle is given, transactions
 * included. Rows come back as `db.execute` returns them (column names as selected, no mapping).
 */
export function preparedSql<Row, Params extends Record<string, unknown> = Record<string, unknown>>(
  name: string,
  statement: SQL,
): (db: Db, params: Params) => Promise<Row[]> {
  const query = dialect.sqlToQuery(statement);
  const perDb = preparedPerDb((db) => db._.session.prepareQuery(query, undefined, name, false));
  return async (db, params) => rowsOf<Row>(await perDb(db).execute(params));
}

/**
 * A family of `preparedSql` statements, one per variant of a query whose text depends on which
 * parts it has (its filters, the columns it sets): `build(key)` makes a variant's statement the
 * first time `key` is asked for, named `${name}_${key}`. Keys must be few and stand for one text
 * each, as every name does.
 */
export function preparedSqlVariants<Row, Params extends Record<string, unknown> = Record<string, unknown>>(
  name: string,
  build: (key: string) => SQL,
): (key: string) => (db: Db, params: Params) => Promise<Row[]> {
  const variants = new Map<string, (db: Db, params: Params) => Promise<Row[]>>();
  return (key) => {
    let statement = variants.get(key);
    if (statement === undefined) {
      statement = preparedSql<Row, Params>(`${name}_${key}`, build(key));
      variants.set(key, statement);
    }
    return statement;
  };
}
