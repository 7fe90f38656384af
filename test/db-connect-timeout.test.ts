/**
 * A request waits for a PostgreSQL connection at most ROSTER_DB_CONNECT_TIMEOUT_MS, then fails as
 * `unavailable` (503 with Retry-After): a database that accepts connections but never answers, or
 * a pool whose every connection is held, no longer keeps requests (and startup) waiting forever.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Database, openDatabase, rowsOf } from '../src/db/client.js';
import { isConnectionFailure } from '../src/db/errors.js';
import { toDomainError } from '../src/http/errors.js';
import { createPgDatabase, TEST_DB_KIND } from './harness.js';

describe('waiting for a database connection', () => {
  it('gives up on a server that accepts connections and never answers, at startup', async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => {
      sockets.push(socket);
    });
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const address = silent.address();
    assert.ok(address !== null && typeof address === 'object');
    try {
      const started = performance.now();
      const failure = await openDatabase({
        kind: 'postgres',
        url: `postgres://roster@127.0.0.1:${address.port}/roster`,
        poolSize: 2,
        connectTimeoutMs: 300,
      }).then(
        () => null,
        (err: unknown) => err,
      );
      assert.ok(failure instanceof Error, 'opening fails');
      assert.ok(isConnectionFailure(failure), `a connection failure: ${String(failure)}`);
      const waited = performance.now() - started;
      assert.ok(waited >= 250 && waited < 5_000, `gave up after the timeout (${Math.round(waited)} ms)`);
      assert.ok(sockets.length >= 1, 'it did reach the silent server');
    } finally {
      for (const socket of sockets) {
        socket.destroy();
      }
      silent.close();
    }
  });

  describe('with every pooled connection held', {
    skip: TEST_DB_KIND !== 'postgres' && 'needs PostgreSQL',
  }, () => {
    let drop = async () => {};
    let database: Database;

    before(async () => {
      const created = await createPgDatabase();
      drop = created.drop;
      database = await openDatabase({
        kind: 'postgres',
        url: created.url,
        poolSize: 1,
        connectTimeoutMs: 300,
      });
    });
    after(async () => {
      await database?.close();
      await drop();
    });

    it('fails the waiting statement as unavailable, and serves again once the connection is back', async () => {
      const holding = database.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_sleep(1.5)`);
      });
      // Let the transaction take the pool's only connection first.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const started = performance.now();
      const failure = await database.db.execute(sql`SELECT 1`).then(
        () => null,
        (err: unknown) => err,
      );
      const waited = performance.now() - started;
      assert.ok(failure instanceof Error, 'the waiting statement fails');
      assert.ok(waited < 1_200, `before the held connection came back (${Math.round(waited)} ms)`);
      const answer = toDomainError(failure);
      assert.equal(answer.code, 'unavailable', 'a 503 with Retry-After, not a 500');
      await holding;
      const [row] = rowsOf<{ one: number }>(await database.db.execute(sql`SELECT 1 AS one`));
      assert.equal(row?.one, 1);
    });
  });
});
