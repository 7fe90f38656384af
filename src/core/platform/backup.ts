import type { Actor } from '../access.js';
import { DomainError, ERRORS, ErrorCode } from '../errors.js';

/**
 * A copy of the embedded database, for `GET /v1/backup`: only the master key may take one, and
 * only the embedded database has one to give (PostgreSQL is backed up with pg_dump).
 * @throws forbidden unless the master key; conflict on PostgreSQL.
 */
export async function takeBackup(actor: Actor, dump: (() => Promise<Blob>) | null): Promise<Blob> {
  if (!actor.isMaster) {
    throw ERRORS.forbidden('Only the master key can take a backup');
  }
  if (dump === null) {
    throw new DomainError(
      ErrorCode.Conflict,
      'This server runs on PostgreSQL: back it up with pg_dump (see docs/operations-backup.md)',
    );
  }
  return dump();
}
