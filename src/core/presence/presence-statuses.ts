import { uniqueViolation } from '../../db/errors.js';
import type { PresenceStatusRow } from '../../db/schema.js';
import { assertCan } from '../access.js';
import { fieldChanges } from '../audit/changes.js';
import { type Ctx, inTransaction } from '../context.js';
import { DomainError, ERRORS, ErrorCode, found } from '../errors.js';
import { emitEvent, emitEvents } from '../events/events.js';
import { drainAfterCommit } from '../routing/routing.js';
import { agentsWithStatus } from '../routing/routing.repo.js';
import {
  deleteStatusRow,
  findStatusRow,
  insertStatusRow,
  listStatusRows,
  updateStatusRow,
} from './presence.repo.js';

/** A status an agent can choose; `builtIn` ones exist in every org and cannot be changed. */
export interface PresenceStatus {
  key: string;
  label: string;
  available: boolean;
  builtIn: boolean;
}

const WORKING: PresenceStatus = { key: 'working', label: 'Working', available: true, builtIn: true };
const AWAY: PresenceStatus = { key: 'away', label: 'Away', available: false, builtIn: true };

export const BUILT_IN_STATUSES: ReadonlySet<string> = new Set([WORKING.key, AWAY.key]);

const present = (row: PresenceStatusRow): PresenceStatus => ({
  key: row.key,
  label: row.label,
  available: row.available,
  builtIn: false,
});

function assertNotBuiltIn(key: string): void {
  if (BUILT_IN_STATUSES.has(key)) {
    throw new DomainError(ErrorCode.Conflict, `The built-in status "${key}" cannot be changed or deleted`);
  }
}

/** The built-in statuses followed by the org's own, by key. @throws forbidden. */
export async function listPresenceStatuses(ctx: Ctx): Promise<PresenceStatus[]> {
  assertCan(ctx.actor, 'presence.read');
  return [WORKING, AWAY, ...(await listStatusRows(ctx.db, ctx.actor.orgId)).map(present)];
}

/** @throws forbidden; presence_status_taken (also for the built-in keys). */
export async function createPresenceStatus(
  ctx: Ctx,
  input: { key: string; label: string; available: boolean },
): Promise<PresenceStatus> {
  assertCan(ctx.actor, 'presence_status.manage');
  if (BUILT_IN_STATUSES.has(input.key)) {
    throw ERRORS.presenceStatusTaken(input.key);
  }
  const now = ctx.now();
  try {
    return await inTransaction(ctx, async (tx) => {
      const row = await insertStatusRow(tx.db, {
        orgId: tx.actor.orgId,
        ...input,
        createdAt: now,
        updatedAt: now,
      });
      await emitEvent(tx, 'presence_status.created', { key: row.key, available: row.available });
      return present(row);
    });
  } catch (err) {
    if (uniqueViolation(err) !== null) {
      throw ERRORS.presenceStatusTaken(input.key);
    }
    throw err;
  }
}

/** @throws forbidden; conflict (built-in); presence_status_not_found. */
export async function updatePresenceStatus(
  ctx: Ctx,
  key: string,
  patch: { label?: string; available?: boolean },
): Promise<PresenceStatus> {
  assertCan(ctx.actor, 'presence_status.manage');
  assertNotBuiltIn(key);
  return inTransaction(ctx, async (tx) => {
    const before = found(await findStatusRow(tx.db, tx.actor.orgId, key, true), () =>
      ERRORS.presenceStatusNotFound(key),
    );
    const row = found(
      await updateStatusRow(tx.db, tx.actor.orgId, key, { ...patch, updatedAt: tx.now() }),
      () => ERRORS.presenceStatusNotFound(key),
    );
    await emitEvent(
      tx,
      'presence_status.updated',
      { key, available: row.available },
      tx.actor.orgId,
      fieldChanges(before, row, ['label', 'available']),
    );
    if (row.available) {
      // Agents that chose this status may take work now.
      await drainAfterCommit(tx, await agentsWithStatus(tx.db, tx.actor.orgId, key));
    }
    return present(row);
  });
}

/**
 * Deletes a status; agents that had chosen it are moved to `away` in the same transaction.
 * @throws forbidden; conflict (built-in); presence_status_not_found.
 */
export async function deletePresenceStatus(ctx: Ctx, key: string): Promise<void> {
  assertCan(ctx.actor, 'presence_status.manage');
  assertNotBuiltIn(key);
  await inTransaction(ctx, async (tx) => {
    const moved = found(await deleteStatusRow(tx.db, tx.actor.orgId, key, tx.now()), () =>
      ERRORS.presenceStatusNotFound(key),
    );
    await emitEvent(tx, 'presence_status.deleted', { key, moved_agent_ids: moved.map((m) => m.id) });
    await emitEvents(
      tx,
      moved.map((m) => ({
        type: 'agent.availability_changed' as const,
        payload: { agent_id: m.id, available: m.available, status: 'away', channels: m.channels },
        changes: { status: [key, 'away'] },
      })),
    );
  });
}
