import type { OrgRow } from '../../db/schema.js';
import type { Actor } from '../access.js';
import { fieldChanges } from '../audit/changes.js';
import { type Ctx, inTransaction } from '../context.js';
import { DomainError, ERRORS, ErrorCode, found } from '../errors.js';
import { emitEvent } from '../events/events.js';
import { newId } from '../ids.js';
import { type Page, type PageRequest, toPage } from '../paging.js';
import { drainOrgAfterCommit } from '../routing/routing.js';
import { deleteOrgRow, findOrg, insertOrg, listOrgRows, updateOrgRow } from './orgs.repo.js';

function assertMaster(actor: Actor): void {
  if (!actor.isMaster) {
    throw ERRORS.forbidden('Only the master key can manage orgs');
  }
}

export interface OrgInput {
  name: string;
  /** Capacity of agents whose agent and teams set none (0 to 1000, default 5). */
  defaultMaxConcurrent?: number;
}

/** Creates an org. @throws forbidden unless called with the master key. */
export async function createOrg(ctx: Ctx, input: OrgInput): Promise<OrgRow> {
  assertMaster(ctx.actor);
  const now = ctx.now();
  return inTransaction(ctx, async (tx) => {
    const org = await insertOrg(tx.db, {
      id: newId(),
      name: input.name,
      defaultMaxConcurrent: input.defaultMaxConcurrent ?? 5,
      createdAt: now,
      updatedAt: now,
    });
    await emitEvent(tx, 'org.created', { org_id: org.id, name: org.name }, org.id);
    return org;
  });
}

/** Lists every org. @throws forbidden unless called with the master key. */
export async function listOrgs(ctx: Ctx, page: PageRequest): Promise<Page<OrgRow>> {
  assertMaster(ctx.actor);
  return toPage(await listOrgRows(ctx.db, page), page.limit, (o) => o.id);
}

/** @throws forbidden unless master; org_not_found. */
export async function getOrg(ctx: Ctx, id: string): Promise<OrgRow> {
  assertMaster(ctx.actor);
  return found(await findOrg(ctx.db, id), () => ERRORS.orgNotFound(id));
}

/** @throws forbidden unless master; org_not_found. */
export async function updateOrg(ctx: Ctx, id: string, input: Partial<OrgInput>): Promise<OrgRow> {
  assertMaster(ctx.actor);
  const now = ctx.now();
  return inTransaction(ctx, async (tx) => {
    const current = found(await findOrg(tx.db, id, true), () => ERRORS.orgNotFound(id));
    const org = found(
      await updateOrgRow(tx.db, id, {
        name: input.name ?? current.name,
        defaultMaxConcurrent: input.defaultMaxConcurrent ?? current.defaultMaxConcurrent,
        updatedAt: now,
      }),
      () => ERRORS.orgNotFound(id),
    );
    await emitEvent(
      tx,
      'org.updated',
      { org_id: id, name: org.name },
      id,
      fieldChanges(current, org, ['name', 'defaultMaxConcurrent']),
    );
    if (org.defaultMaxConcurrent > current.defaultMaxConcurrent) {
      // More room for every agent that inherits the org's capacity: queued work may move now.
      await drainOrgAfterCommit(tx, id);
    }
    return org;
  });
}

/**
 * Deletes an org and everything in it, in one transaction.
 * @throws forbidden unless master; org_not_found; conflict for the default org.
 */
export async function deleteOrg(ctx: Ctx, id: string, defaultOrgId: string): Promise<void> {
  assertMaster(ctx.actor);
  if (id === defaultOrgId) {
    throw new DomainError(ErrorCode.Conflict, 'The default org cannot be deleted');
  }
  await inTransaction(ctx, async (tx) => {
    if (!(await deleteOrgRow(tx.db, id))) {
      throw ERRORS.orgNotFound(id);
    }
    await emitEvent(tx, 'org.deleted', { org_id: id }, id);
  });
}
