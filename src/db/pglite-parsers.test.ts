import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { parseLikeDrizzle, withoutRedundantParsers } from './pglite-parsers.js';

type Options = Parameters<PGlite['query']>[2];

/** One client as Roster opens it, one as PGlite comes; the first records the options it is given. */
let roster: PGlite;
let stock: PGlite;
const given: Options[] = [];

const TABLE = `CREATE TABLE kinds (
    id int PRIMARY KEY, at timestamp, at_tz timestamptz, span interval, day date,
    ats timestamp[], ats_tz timestamptz[], spans interval[], days date[], amounts numeric[], n int, doc jsonb);
  INSERT INTO kinds VALUES (1, '2026-12-07 01:02:03.456789', '2026-12-07T01:02:03.5Z', '1 day 02:03:04',
    '2026-12-07', '{"2026-12-07 01:02:03"}', '{"2026-12-07T01:02:03Z"}', '{"1 hour"}', '{2026-12-07}',
    '{1.50,2}', 7, '{"a": [1]}'), (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)`;

before(async () => {
  roster = new PGlite();
  const query = roster.query.bind(roster);
  roster.query = ((text: string, params?: unknown[], options?: Options) => {
    given.push(options);
    return query(text, params, options);
  }) as PGlite['query'];
  await roster.waitReady;
  parseLikeDrizzle(roster);
  stock = new PGlite();
  await Promise.all([roster.exec(TABLE), stock.exec(TABLE)]);
});

after(async () => {
  await roster.close();
  await stock.close();
});

it("reads every type as Drizzle's own parsers do, without handing PGlite a parser per query", async () => {
  const select = sql`SELECT * FROM kinds ORDER BY id`;
  given.length = 0;
  const [mine, theirs] = [await drizzle(roster).execute(select), await drizzle(stock).execute(select)];
  assert.deepEqual(mine.rows, theirs.rows);
  // Text, as Drizzle's parsers leave it; other types parsed by PGlite as usual.
  assert.equal(mine.rows[0]?.at_tz, '2026-12-07 01:02:03.5+00');
  assert.equal(mine.rows[0]?.amounts, '{1.50,2}');
  assert.equal(mine.rows[0]?.n, 7);
  assert.deepEqual(mine.rows[0]?.doc, { a: [1] });
  assert.equal(given.length, 1);
  assert.equal(given[0]?.parsers, undefined, 'the parsers were dropped');
  assert.equal(given[0]?.rowMode, 'object', 'and nothing else');

  // Drizzle's typed queries (array rows, its own mapping) and its transactions agree too.
  const typed = async (db: PGlite) => {
    const d = drizzle(db);
    return d.transaction(async (tx) => {
      await tx.execute(sql`UPDATE kinds SET n = n + 1 WHERE id = 1`);
      return (await tx.execute(sql`SELECT at, at_tz, span, day, ats_tz, n FROM kinds WHERE id = 1`)).rows;
    });
  };
  assert.deepEqual(await typed(roster), await typed(stock));
});

it('keeps a parser that does anything but pass the text through, or is for another type', async () => {
  const int4 = 23;
  const shown = await roster.query<{ n: string }>('SELECT 1::int4 AS n', [], {
    parsers: { [int4]: (text: string) => `#${text}` },
  });
  assert.equal(shown.rows[0]?.n, '#1');
  const asText = await roster.query<{ n: string }>('SELECT 1::int4 AS n', [], {
    parsers: { [int4]: (text: string) => text },
  });
  assert.equal(asText.rows[0]?.n, '1');
  const timestamptz = 1184;
  const dated = await roster.query<{ at: Date }>("SELECT '2026-12-07T00:00:00Z'::timestamptz AS at", [], {
    parsers: { [timestamptz]: (text: string) => new Date(text) },
  });
  assert.ok(dated.rows[0]?.at instanceof Date);

  const passThrough = { [timestamptz]: (value: string) => value };
  assert.deepEqual(withoutRedundantParsers({ rowMode: 'array', parsers: passThrough }), { rowMode: 'array' });
  const mixed = { rowMode: 'array' as const, parsers: { ...passThrough, [int4]: (value: string) => value } };
  assert.equal(withoutRedundantParsers(mixed), mixed);
  assert.equal(withoutRedundantParsers(undefined), undefined);
});
