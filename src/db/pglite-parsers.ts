import type { PGlite, Transaction } from '@electric-sql/pglite';

/**
 * The types Drizzle's PGlite driver reads as text, parsing them itself: timestamp, timestamptz,
 * interval and date, and the arrays of those and of numeric. It passes PGlite a parser for each,
 * one that returns the text as is, with every query.
 */
export const DRIZZLE_TEXT_TYPES: readonly number[] = [1114, 1184, 1186, 1082, 1115, 1185, 1187, 1182, 1231];

type Options = Parameters<PGlite['query']>[2];

/** `(value) => value`, written any way an arrow function that returns its argument can be. */
const RETURNS_ITS_ARGUMENT = /^\(?\s*([A-Za-z_$][\w$]*)\s*\)?\s*=>\s*\1\s*$/;

/**
 * Gives the embedded database Drizzle's parsers once, instead of with every query. PGlite merges
 * a query's `parsers` into a copy of its own table of several hundred (one per type and array
 * type) on each call, and then looks each column's parser up in that copy: for GET team's one-row
 * read, about 150-300 µs on top of a 350 µs statement. Here the client's own table reads Drizzle's
 * types as text, as Drizzle's parsers do, and a query (or a query inside a transaction) whose
 * parsers are all such pass-throughs for those types runs without them: the same rows, parsed by
 * the same rule. A query with any other parser keeps its parsers.
 *
 * Roster's own statements on the embedded database that bypass Drizzle read no value of these
 * types, so reading them as text changes none of them. Call after `waitReady`: PGlite builds its
 * array types' parsers then, which would replace the array entries set here.
 */
export function parseLikeDrizzle(client: PGlite): void {
  for (const oid of DRIZZLE_TEXT_TYPES) {
    client.parsers[oid] = (text: string) => text;
  }
  client.query = stripping(client.query.bind(client));
  const transaction = client.transaction.bind(client);
  client.transaction = (<T>(callback: (tx: Transaction) => Promise<T>) =>
    transaction((tx) => {
      tx.query = stripping(tx.query.bind(tx));
      return callback(tx);
    })) as PGlite['transaction'];
}

/** `query` (the client's or a transaction's), passing on only the parsers that are needed. */
function stripping<Q extends PGlite['query'] | Transaction['query']>(query: Q): Q {
  return ((text: string, params?: unknown[], options?: Options) =>
    query(text, params, withoutRedundantParsers(options))) as Q;
}

const passedThrough = new Set(DRIZZLE_TEXT_TYPES);

/** `options` without `parsers` when each of them only repeats what the client's table does. */
export function withoutRedundantParsers(options: Options): Options {
  const parsers = options?.parsers;
  if (parsers === undefined) {
    return options;
  }
  for (const [type, parser] of Object.entries(parsers)) {
    if (!passedThrough.has(Number(type)) || !RETURNS_ITS_ARGUMENT.test(parser.toString())) {
      return options;
    }
  }
  const { parsers: _dropped, ...rest } = options as NonNullable<Options>;
  return rest;
}
