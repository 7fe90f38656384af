import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { prepareRepeatedSelects } from './pglite-prepared.js';

let db: PGlite;

before(async () => {
  db = new PGlite();
  prepareRepeatedSelects(db);
  await db.exec(`CREATE TABLE notes (id int PRIMARY KEY, body text, done boolean, at timestamptz);
    INSERT INTO notes VALUES (1, 'it''s \\ "quoted"', true, '2026-12-07T01:02:03Z'), (2, NULL, false, NULL)`);
});

after(async () => {
  await db.close();
});

const prepared = async () =>
  (await db.query<{ name: string; statement: string }>('SELECT name, statement FROM pg_prepared_statements'))
    .rows;

it('prepares a SELECT on its third run and answers as the plain statement did', async () => {
  const text = 'SELECT id, body, done, at FROM notes WHERE id = $1 AND done = $2 AND $3::text IS NOT NULL';
  const answers = [];
  for (let i = 0; i < 5; i++) {
    answers.push(await db.query(text, [1, true, 'x'], { rowMode: 'array' }));
    if (i === 1) {
      assert.deepEqual(await prepared(), [], 'not before its third run');
    }
  }
  assert.equal((await prepared()).filter((p) => p.statement.includes('FROM notes')).length, 1);
  const [first, ...rest] = answers;
  for (const later of rest) {
    assert.deepEqual(later.rows, first?.rows);
    assert.deepEqual(
      later.fields.map((f) => [f.name, f.dataTypeID]),
      first?.fields.map((f) => [f.name, f.dataTypeID]),
    );
  }
  assert.deepEqual(first?.rows, [[1, 'it\'s \\ "quoted"', true, new Date('2026-12-07T01:02:03Z')]]);
});

it('passes quotes, backslashes and NULL through as values, never as SQL', async () => {
  const text = 'SELECT count(*)::int AS n FROM notes WHERE body = $1 OR ($2::text IS NULL AND id = 2)';
  const hostile = "x' OR true; DROP TABLE notes; --\\";
  for (let i = 0; i < 4; i++) {
    assert.deepEqual((await db.query(text, [hostile, 'set'])).rows, [{ n: 0 }]);
    assert.deepEqual((await db.query(text, ['it\'s \\ "quoted"', 'set'])).rows, [{ n: 1 }]);
    assert.deepEqual((await db.query(text, [hostile, null])).rows, [{ n: 1 }]);
  }
  assert.ok(
    (await prepared()).some((p) => p.statement.includes('count(*)')),
    'it was prepared',
  );
  assert.equal((await db.query('SELECT count(*)::int AS n FROM notes')).rows.length, 1, 'the table is there');
});

it('runs plain a call holding values it does not inline, and keeps errors as they were', async () => {
  // A Date is not inlined: that call runs plain, with the same answer.
  const text = 'SELECT id FROM notes WHERE at = $1';
  for (let i = 0; i < 4; i++) {
    assert.deepEqual((await db.query(text, [new Date('2026-12-07T01:02:03Z')])).rows, [{ id: 1 }]);
    assert.deepEqual((await db.query(text, ['2026-12-07T01:02:03Z'])).rows, [{ id: 1 }]);
  }
  // Errors are the statement's own, prepared or not.
  for (let i = 0; i < 4; i++) {
    await assert.rejects(db.query('SELECT id FROM notes WHERE id = $1', ['not a number']), {
      code: '22P02',
    });
  }
});
