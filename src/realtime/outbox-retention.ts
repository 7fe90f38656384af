import { deleteAuditRowsBefore } from '../core/audit/audit.repo.js';
import { deleteOutboxEventsBefore } from '../core/events/events.repo.js';
import { deleteIdempotencyKeysBefore, IDEMPOTENCY_TTL_MS } from '../core/idempotency/idempotency.repo.js';
import type { Db } from '../db/client.js';
import { type BackgroundLog, runPeriodically } from '../periodic.js';

/** Rows deleted per statement: small enough that no delete holds locks or bloats WAL for long. */
export const PRUNE_BATCH = 1_000;
const INTERVAL_MS = 5 * 60_000;
/** The first pass waits a little, so it does not compete with startup. */
const FIRST_RUN_MS = 10_000;

/**
 * Deletes outbox events created before `olderThan`, `batch` rows per statement, until none are
 * left; returns how many went. Replay (Last-Event-ID) can reach back no further than this.
 */
export async function pruneOutbox(db: Db, olderThan: Date, batch: number = PRUNE_BATCH): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteOutboxEventsBefore(db, olderThan, batch);
    total += deleted;
    if (deleted < batch) {
      return total;
    }
  }
}

export interface RetentionOptions {
  intervalMs?: number;
  firstRunMs?: number;
  now?: () => Date;
  batch?: number;
  /** Audit records older than this many days are deleted too (ROSTER_AUDIT_RETENTION_DAYS). */
  auditRetentionDays?: number;
}

/**
 * Prunes events older than `hours`, audit records and expired idempotency keys every few minutes
 * (see `runPeriodically`). Returns a stop function that resolves once a pass under way has
 * finished. Several instances may run it at once: deletes are idempotent.
 */
export function startOutboxRetention(
  db: Db,
  hours: number,
  log: BackgroundLog,
  options: RetentionOptions = {},
): () => Promise<void> {
  const now = options.now ?? (() => new Date());

  const pass = async () => {
    const cutoff = new Date(now().getTime() - hours * 3_600_000);
    try {
      const deleted = await pruneOutbox(db, cutoff, options.batch ?? PRUNE_BATCH);
      if (deleted > 0) {
        log.info({ deleted, before: cutoff.toISOString() }, 'pruned outbox events');
      }
    } catch (err) {
      // The next pass retries; a failed prune only lets the table grow a little longer.
      log.error({ err }, 'outbox pruning failed');
    }
    try {
      const days = options.auditRetentionDays ?? 365;
      const auditCutoff = new Date(now().getTime() - days * 86_400_000);
      const batch = options.batch ?? PRUNE_BATCH;
      let pruned = 0;
      for (;;) {
        const deleted = await deleteAuditRowsBefore(db, auditCutoff, batch);
        pruned += deleted;
        if (deleted < batch) {
          break;
        }
      }
      if (pruned > 0) {
        log.info({ deleted: pruned, before: auditCutoff.toISOString() }, 'pruned audit records');
      }
    } catch (err) {
      log.error({ err }, 'audit log pruning failed');
    }
    try {
      // Expired idempotency keys answer nothing any more (lookups ignore them); drop them too.
      const expired = await deleteIdempotencyKeysBefore(db, new Date(now().getTime() - IDEMPOTENCY_TTL_MS));
      if (expired > 0) {
        log.info({ deleted: expired }, 'pruned expired idempotency keys');
      }
    } catch (err) {
      log.error({ err }, 'idempotency key pruning failed');
    }
  };

  return runPeriodically({
    pass,
    // Each part above logs its own failure; this is for what none of them expected.
    failed: (err) => log.error({ err }, 'retention pass failed'),
    intervalMs: options.intervalMs ?? INTERVAL_MS,
    firstMs: options.firstRunMs ?? FIRST_RUN_MS,
  });
}
