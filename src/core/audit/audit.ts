import type { AuditRow } from '../../db/schema.js';
import { assertCan } from '../access.js';
import type { Ctx } from '../context.js';
import { newId } from '../ids.js';
import { type Page, toPage } from '../paging.js';
import { type AuditFilter, exportAuditRows, insertAuditRow, listAuditRows } from './audit.repo.js';
import type { AuditChanges } from './changes.js';

export { REDACTED } from './changes.js';

/**
 * Audits a change that writes no event (webhook endpoints), through the transaction of `ctx`. Only
 * a request's changes are audited; `changes` maps each field to [before, after], secrets redacted.
 */
export async function recordAudit(
  ctx: Ctx,
  action: string,
  target: { type: string; id: string },
  changes: AuditChanges | null,
): Promise<void> {
  const audit = ctx.audit ?? null;
  if (audit === null || ctx.recordEvents === false) {
    return;
  }
  const { actor } = ctx;
  await insertAuditRow(ctx.db, {
    id: newId(),
    orgId: actor.orgId,
    occurredAt: ctx.now(),
    actorType: actor.agent !== null ? 'agent' : actor.isMaster ? 'master' : 'key',
    actorKeyId: actor.keyId,
    actorAgentId: actor.agent?.id ?? null,
    action,
    targetType: target.type,
    targetId: target.id,
    changes,
    requestId: audit.requestId,
    ip: audit.ip,
    userAgent: audit.userAgent,
    dialect: audit.dialect,
  });
}

/** A page of the org's audit log, newest first (owners and admins only). */
export async function listAuditLog(
  ctx: Ctx,
  filter: AuditFilter,
  beforeId: string | null,
  limit: number,
): Promise<Page<AuditRow>> {
  assertCan(ctx.actor, 'audit.read');
  const rows = await listAuditRows(ctx.db, ctx.actor.orgId, filter, beforeId, limit + 1);
  return toPage(rows, limit, (r) => r.id);
}

/** Every record of the filter, oldest first, a page at a time (for a streamed export). */
export async function* exportAuditLog(ctx: Ctx, filter: AuditFilter): AsyncGenerator<AuditRow> {
  assertCan(ctx.actor, 'audit.read');
  let after: string | null = null;
  for (;;) {
    const rows: AuditRow[] = await exportAuditRows(ctx.db, ctx.actor.orgId, filter, after, 1000);
    yield* rows;
    if (rows.length < 1000) {
      return;
    }
    after = rows[rows.length - 1]?.id ?? null;
  }
}
