import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { newId } from '../core/ids.js';
import { openDatabase } from './client.js';
import { maintainEmbedded, startEmbeddedMaintenance, type TableMaintained } from './embedded-maintenance.js';
import { orgs } from './schema.js';

interface Counts {
  relname: string;
  vacuum_count: number;
  analyze_count: number;
  n_dead_tup: number;
}

describe('maintainEmbedded (autovacuum rule on PGlite)', () => {
  let db: PGlite;

  before(async () => {
    db = new PGlite();
    await db.exec(`
      CREATE TABLE "busy table" (id int PRIMARY KEY, v int);
      CREATE TABLE quiet (id int);
      INSERT INTO "busy table" SELECT g, g FROM generate_series(1, 2000) g;
      INSERT INTO quiet SELECT g FROM generate_series(1, 40) g;`);
  });

  after(async () => {
    await db.close();
  });

  const counts = async (): Promise<Map<string, Counts>> => {
    await db.query('SELECT pg_stat_force_next_flush()');
    const { rows } = await db.query<Counts>(
      'SELECT relname, vacuum_count::int, analyze_count::int, n_dead_tup::int FROM pg_stat_user_tables',
    );
    return new Map(rows.map((r) => [r.relname, r]));
  };

  it('vacuums and analyses a table past the thresholds and leaves one below them alone', async () => {
    // 2,000 inserts into an empty table pass the insert threshold (1,000) and the analyse one (50);
    // 40 pass neither.
    const done = await maintainEmbedded(db);
    assert.deepEqual(done, [
      { table: 'public."busy table"', vacuumed: true, analyzed: true, deadRows: 0, changedRows: 2000 },
    ]);
    const after = await counts();
    assert.equal(after.get('busy table')?.vacuum_count, 1);
    assert.equal(after.get('busy table')?.analyze_count, 1);
    assert.equal(after.get('quiet')?.vacuum_count, 0);
    assert.equal(after.get('quiet')?.analyze_count, 0);
    const { rows } = await db.query<{ reltuples: number }>(
      `SELECT reltuples FROM pg_class WHERE relname = 'busy table'`,
    );
    assert.equal(rows[0]?.reltuples, 2000);
  });

  it('does nothing when nothing changed', async () => {
    assert.deepEqual(await maintainEmbedded(db), []);
  });

  it('vacuums dead rows once they pass 50 + 20 % of the table', async () => {
    // 400 dead rows of 2,000 stay under 50 + 400; they are past the analyse threshold (50 + 200).
    await db.exec(`UPDATE "busy table" SET v = v + 1 WHERE id <= 400`);
    assert.deepEqual(await maintainEmbedded(db), [
      { table: 'public."busy table"', vacuumed: false, analyzed: true, deadRows: 400, changedRows: 400 },
    ]);
    await db.exec(`UPDATE "busy table" SET v = v + 1 WHERE id > 1000 AND id <= 1500`);
    const [done] = await maintainEmbedded(db);
    assert.equal(done?.vacuumed, true);
    assert.equal(done?.deadRows, 900);
    const after = await counts();
    assert.equal(after.get('busy table')?.vacuum_count, 2);
    assert.equal(after.get('busy table')?.analyze_count, 3);
    assert.equal(after.get('busy table')?.n_dead_tup, 0);
  });
});

describe("the embedded database's maintenance", () => {
  it('is offered by the embedded database and analyses its tables', async () => {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    try {
      assert.ok(database.maintain !== undefined);
      const now = new Date();
      await database.db.insert(orgs).values(
        Array.from({ length: 120 }, (_, i) => ({
          id: newId(),
          name: `org ${i}`,
          createdAt: now,
          updatedAt: now,
        })),
      );
      const done = await database.maintain();
      const orgsPass = done.find((t) => t.table === 'public.orgs');
      assert.equal(orgsPass?.analyzed, true);
      assert.ok((orgsPass?.changedRows ?? 0) >= 120);
      assert.equal((await database.maintain()).length, 0);
    } finally {
      await database.close();
    }
  });
});

describe('startEmbeddedMaintenance', () => {
  const quietLog = () => {
    const lines: { level: string; details: object }[] = [];
    return {
      lines,
      info: (details: object) => lines.push({ level: 'info', details }),
      error: (details: object) => lines.push({ level: 'error', details }),
    };
  };

  it('runs a pass each interval, logs what it did, and goes on after a failure', async () => {
    const log = quietLog();
    const passes: TableMaintained[][] = [
      [],
      [{ table: 'public.t', vacuumed: true, analyzed: false, deadRows: 60, changedRows: 0 }],
    ];
    let calls = 0;
    const stop = startEmbeddedMaintenance(
      async () => {
        calls++;
        if (calls === 1) {
          throw new Error('busy');
        }
        return passes[calls - 2] ?? [];
      },
      10,
      log,
    );
    while (calls < 4) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await stop();
    const seen = calls;
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.equal(calls, seen, 'no pass after stop');
    assert.equal(log.lines[0]?.level, 'error');
    assert.deepEqual(
      log.lines.filter((l) => l.level === 'info').map((l) => l.details),
      [{ tables: passes[1] }],
    );
  });

  it('stop waits for a pass under way', async () => {
    let finished = false;
    let started = false;
    const stop = startEmbeddedMaintenance(
      async () => {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 50));
        finished = true;
        return [];
      },
      5,
      quietLog(),
    );
    while (!started) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await stop();
    assert.equal(finished, true);
  });
});
