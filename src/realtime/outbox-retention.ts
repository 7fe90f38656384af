import { deleteAuditRowsBefore } from '../core/audit/audit.repo.js';
import { deleteOutboxEventsBefore } from '../core/events/events.repo.js';
import { deleteIdempotencyKeysBefore, IDEMPOTENCY_TTL_MS } from '../core/idempotency/idempotency.repo.js';
import type { Db } from '../db/client.js';

/** Rows deleted per statement: small enough that no delete holds locks or bloats WAL for long. */
export const PRUNE_BATCH = 1_000;
const INTERVAL_MS = 5 * 60_000;
/** The first pass waits a little, so it does not compete with startup. */
const FIRST_RUN_MS = 10_000;

export interface RetentionLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

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
 * Prunes events older than `hours` every few minutes on an unref'd timer (it never keeps the
 * process alive). Returns a stop function that resolves once a pass under way has finished, so
 * the database can be closed after it. Several instances may run it at once: deletes are idempotent.
 */
export function startOutboxRetention(
  db: Db,
  hours: number,
  log: RetentionLog,
  options: RetentionOptions = {},
): () => Promise<void> {
  const now = options.now ?? (() => new Date());
  let running: Promise<void> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

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

  const schedule = (delay: number) => {
    timer = setTimeout(() => {
      running = pass().finally(() => {
        running = null;
        if (!stopped) {
          schedule(options.intervalMs ?? INTERVAL_MS);
        }
      });
    }, delay);
    timer.unref();
  };
  schedule(options.firstRunMs ?? FIRST_RUN_MS);

  return async () => {
    stopped = true;
    if (timer !== null) {
      clearTimeout(timer);
    }
    await running;
  };
}
