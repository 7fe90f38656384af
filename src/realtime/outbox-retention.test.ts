import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inArray, sql } from 'drizzle-orm';
import { createTestEnv, TEST_DB_KIND, type TestEnv } from '../../test/harness.js';
import { eventually } from '../../test/sse.js';
import { deleteAuditRowsBefore } from '../core/audit/audit.repo.js';
import { OUTBOX_RETENTION_LOCK } from '../core/events/events.repo.js';
import { newId } from '../core/ids.js';
import { auditLog, outbox, outboxEvents } from '../db/schema.js';
import { pruneOutbox, startOutboxRetention } from './outbox-retention.js';

let env: TestEnv;

before(async () => {
  env = await createTestEnv();
});

after(async () => {
  await env.close();
});

/** Writes `count` events of a new org created at `at`; returns their ids. */
async function seed(count: number, at: Date): Promise<string[]> {
  const orgId = newId();
  const rows = Array.from({ length: count }, (_, i) => ({
    id: newId(),
    orgId,
    type: 'team.updated',
    payload: { team_id: orgId, fields: [`f${i}`] },
    createdAt: at,
  }));
  await env.database.db.insert(outbox).values(rows);
  return rows.map((r) => r.id);
}

async function remaining(ids: string[]): Promise<string[]> {
  const rows = await env.database.db
    .select({ id: outboxEvents.id })
    .from(outboxEvents)
    .where(inArray(outboxEvents.id, ids));
  return rows.map((r) => r.id).sort();
}

const silent = { info: () => {}, error: () => {} };

describe('pruneOutbox', () => {
  it('deletes every event older than the cutoff, batch by batch, and nothing newer', async () => {
    const old = await seed(7, new Date('2001-01-01T00:00:00Z'));
    const edge = await seed(1, new Date('2001-01-02T00:00:00Z'));
    const recent = await seed(3, new Date('2001-01-03T00:00:00Z'));
    const deleted = await pruneOutbox(env.database.db, new Date('2001-01-02T00:00:00Z'), 3);
    assert.equal(deleted, 7);
    assert.deepEqual(await remaining(old), []);
    assert.deepEqual(await remaining([...edge, ...recent]), [...edge, ...recent].sort());
  });

  it('deletes nothing while another instance holds the retention lock, so one instance prunes', {
    skip:
      TEST_DB_KIND === 'postgres' ? false : 'PGlite has one connection: no other instance to hold the lock',
  }, async () => {
    const old = await seed(2, new Date('2001-01-01T00:00:00Z'));
    const cutoff = new Date('2001-01-02T00:00:00Z');
    // The transaction holds one pooled connection and the lock; the prune runs on another.
    await env.database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${OUTBOX_RETENTION_LOCK})`);
      assert.equal(await pruneOutbox(env.database.db, cutoff, 10), 0);
    });
    assert.deepEqual(await remaining(old), [...old].sort(), 'left for the lock holder');
    assert.equal(await pruneOutbox(env.database.db, cutoff, 10), 2);
  });

  it('returns 0 when nothing is old enough', async () => {
    assert.equal(await pruneOutbox(env.database.db, new Date('1990-01-01T00:00:00Z'), 10), 0);
  });
});

describe('startOutboxRetention', () => {
  it('prunes events past the retention on its timer, and stops', async () => {
    const now = new Date('2000-06-01T12:00:00Z');
    const expired = await seed(4, new Date('2000-06-01T09:59:00Z'));
    const kept = await seed(2, new Date('2000-06-01T10:01:00Z'));
    const logged: object[] = [];
    const stop = startOutboxRetention(
      env.database.db,
      2,
      { info: (details) => logged.push(details), error: silent.error },
      { firstRunMs: 0, intervalMs: 20, now: () => now, batch: 3 },
    );
    try {
      await eventually(() => logged.length > 0, 2000, 'a pass to prune');
      assert.deepEqual(await remaining(expired), []);
      assert.deepEqual(await remaining(kept), [...kept].sort());
      assert.deepEqual(logged[0], { deleted: 4, before: '2000-06-01T10:00:00.000Z' });
    } finally {
      await stop();
    }
    const late = await seed(1, new Date('2000-01-01T00:00:00Z'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.deepEqual(await remaining(late), late, 'nothing runs once stopped');
    await env.database.db.delete(outbox).where(inArray(outbox.id, late));
  });

  it('logs a failing pass and keeps going', async () => {
    const errors: object[] = [];
    const broken = {
      delete: () => {
        throw new Error('database down');
      },
      select: () => {
        throw new Error('database down');
      },
    } as unknown as typeof env.database.db;
    const stop = startOutboxRetention(
      broken,
      24,
      { info: silent.info, error: (details) => errors.push(details) },
      { firstRunMs: 0, intervalMs: 10 },
    );
    await eventually(() => errors.length >= 2, 2000, 'two failed passes');
    await stop();
  });
});

/** Writes `count` audit records of each of two new orgs, at `at`; returns their ids. */
async function seedAudit(count: number, at: Date): Promise<string[]> {
  const rows = [newId(), newId()].flatMap((orgId) =>
    Array.from({ length: count }, () => ({
      id: newId(),
      orgId,
      occurredAt: at,
      actorType: 'key',
      action: 'team.updated',
      targetType: 'team',
      targetId: orgId,
    })),
  );
  await env.database.db.insert(auditLog).values(rows);
  return rows.map((r) => r.id);
}

async function auditRemaining(ids: string[]): Promise<string[]> {
  const rows = await env.database.db
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(inArray(auditLog.id, ids));
  return rows.map((r) => r.id).sort();
}

describe('audit log retention', () => {
  it('deletes every record older than the cutoff, in every org, batch by batch, and nothing newer', async () => {
    // Written newest first: which old records a batch takes must not depend on the table's order.
    const recent = await seedAudit(2, new Date('2001-01-03T00:00:00Z'));
    const old = await seedAudit(4, new Date('2001-01-01T00:00:00Z'));
    const edge = await seedAudit(1, new Date('2001-01-02T00:00:00Z'));
    const cutoff = new Date('2001-01-02T00:00:00Z');
    const batches: number[] = [];
    for (;;) {
      const deleted = await deleteAuditRowsBefore(env.database.db, cutoff, 3);
      batches.push(deleted);
      if (deleted < 3) {
        break;
      }
    }
    assert.deepEqual(batches, [3, 3, 2]);
    assert.deepEqual(await auditRemaining(old), []);
    assert.deepEqual(await auditRemaining([...edge, ...recent]), [...edge, ...recent].sort());
  });

  it('runs with the outbox retention, after ROSTER_AUDIT_RETENTION_DAYS', async () => {
    const now = new Date('2000-06-01T12:00:00Z');
    const expired = await seedAudit(3, new Date('2000-05-01T11:59:00Z'));
    const kept = await seedAudit(1, new Date('2000-05-01T12:01:00Z'));
    const logged: object[] = [];
    const stop = startOutboxRetention(
      env.database.db,
      2,
      { info: (details) => logged.push(details), error: silent.error },
      { firstRunMs: 0, intervalMs: 60_000, now: () => now, batch: 4, auditRetentionDays: 31 },
    );
    try {
      const audit = { deleted: 6, before: '2000-05-01T12:00:00.000Z' };
      await eventually(
        () => logged.some((l) => (l as { before: string }).before === audit.before),
        2000,
        'a pass to prune the audit log',
      );
      assert.deepEqual(logged.at(-1), audit);
      assert.deepEqual(await auditRemaining(expired), []);
      assert.deepEqual(await auditRemaining(kept), [...kept].sort());
    } finally {
      await stop();
    }
  });
});
