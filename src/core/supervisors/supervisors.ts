import type { AgentRow } from '../../db/schema.js';
import { assertCan } from '../access.js';
import { findAgent } from '../agents/agents.repo.js';
import { type Ctx, inTransaction } from '../context.js';
import { DomainError, ERRORS, ErrorCode } from '../errors.js';
import { emitEvent, emitEvents } from '../events/events.js';
import { type Page, type PageRequest, toPage } from '../paging.js';
import {
  type AddOutcome,
  type Assignment,
  countSupervised,
  deleteAssignments,
  deleteAssignmentsWhere,
  insertAssignments,
  listCandidateRows,
  listSupervisedRows,
  listSupervisorRows,
  lockAgent,
  type PersonFilter,
  type SupervisedRow,
  type SupervisorRow,
  supervisedIdsOf,
} from './supervisors.repo.js';

/** Most agent ids one bulk assignment change may name (add and remove together). */
export const MAX_BULK_SUPERVISED = 1000;

export type SupervisionStatus =
  | 'added'
  | 'removed'
  | 'duplicate'
  | 'not_member'
  | 'not_found'
  | 'not_available';

export interface SupervisionResult {
  id: string;
  action: 'add' | 'remove';
  status: SupervisionStatus;
}

export interface SupervisorOptions {
  /** The agent must supervise someone already, else not_found (Webex: no such supervisor). */
  requireSupervisor?: boolean;
  /** The agent must not supervise anyone yet, else conflict (Webex: creating a supervisor). */
  requireNew?: boolean;
}

const supervisorNotFound = (id: string) => new DomainError(ErrorCode.NotFound, `Supervisor ${id} not found`);

/** The supervising agent, checked against the options. @throws agent_not_found; not_found; conflict. */
async function supervisorOf(
  ctx: Ctx,
  id: string,
  options: SupervisorOptions,
  lock = false,
): Promise<AgentRow> {
  const orgId = ctx.actor.orgId;
  const agent = lock ? await lockAgent(ctx.db, orgId, id) : await findAgent(ctx.db, orgId, id);
  if (agent === null) {
    throw options.requireSupervisor ? supervisorNotFound(id) : ERRORS.agentNotFound(id);
  }
  if (options.requireSupervisor || options.requireNew) {
    const count = await countSupervised(ctx.db, orgId, id);
    if (options.requireSupervisor && count === 0) {
      throw supervisorNotFound(id);
    }
    if (options.requireNew && count > 0) {
      throw new DomainError(ErrorCode.Conflict, `Agent ${id} is already a supervisor`);
    }
  }
  return agent;
}

/** Supervisors of the org (agents supervising at least one agent), each with its agent count. @throws forbidden. */
export async function listSupervisors(
  ctx: Ctx,
  filter: PersonFilter,
  page: PageRequest,
): Promise<Page<SupervisorRow>> {
  assertCan(ctx.actor, 'supervisor.read');
  return toPage(await listSupervisorRows(ctx.db, ctx.actor.orgId, filter, page), page.limit, (s) => s.id);
}

/** Agents the supervisor monitors. @throws forbidden; agent_not_found (not_found with requireSupervisor). */
export async function listSupervisedAgents(
  ctx: Ctx,
  supervisorId: string,
  filter: PersonFilter,
  page: PageRequest,
  options: Pick<SupervisorOptions, 'requireSupervisor'> = {},
): Promise<Page<SupervisedRow>> {
  assertCan(ctx.actor, 'supervisor.read');
  await supervisorOf(ctx, supervisorId, options);
  const rows = await listSupervisedRows(ctx.db, ctx.actor.orgId, supervisorId, filter, page);
  return toPage(rows, page.limit, (a) => a.id);
}

/** Agents that may be assigned to a supervisor (not disabled). @throws forbidden. */
export async function listAssignableAgents(
  ctx: Ctx,
  filter: PersonFilter,
  page: PageRequest,
): Promise<Page<AgentRow>> {
  assertCan(ctx.actor, 'supervisor.read');
  const rows = await listCandidateRows(ctx.db, ctx.actor.orgId, 'agents', filter, page);
  return toPage(rows, page.limit, (a) => a.id);
}

/** Agents that may become supervisors (not disabled, not supervising yet). @throws forbidden. */
export async function listSupervisorCandidates(
  ctx: Ctx,
  filter: PersonFilter,
  page: PageRequest,
): Promise<Page<AgentRow>> {
  assertCan(ctx.actor, 'supervisor.read');
  const rows = await listCandidateRows(ctx.db, ctx.actor.orgId, 'supervisors', filter, page);
  return toPage(rows, page.limit, (a) => a.id);
}

/** First occurrence of each id and the positions of repeats, keeping input order. */
function dedupe(ids: string[]): { unique: string[]; repeats: Set<number> } {
  const seen = new Set<string>();
  const repeats = new Set<number>();
  ids.forEach((id, i) => {
    if (seen.has(id)) {
      repeats.add(i);
    }
    seen.add(id);
  });
  return { unique: [...seen], repeats };
}

const addStatus = (outcome: AddOutcome | undefined, repeat: boolean): SupervisionStatus =>
  outcome === undefined ? 'not_found' : outcome === 'added' && repeat ? 'duplicate' : outcome;

/**
 * Assigns and unassigns agents of a supervisor in one transaction, one set-based statement per
 * direction, and reports per id: `added`, `duplicate` (already assigned, or named twice),
 * `not_available` (the supervisor itself, or a disabled agent), `removed`, `not_member`, `not_found`.
 * A disabled agent supervises no one: adding to it is a conflict.
 * @throws forbidden; agent_not_found; invalid_request (too many ids, an id in both lists);
 *   conflict (disabled supervisor, or with requireNew an existing one); not_found (requireSupervisor).
 */
export async function updateSupervisorAgents(
  ctx: Ctx,
  supervisorId: string,
  change: { add: string[]; remove: string[] },
  options: SupervisorOptions = {},
): Promise<SupervisionResult[]> {
  assertCan(ctx.actor, 'supervisor.manage');
  if (change.add.length + change.remove.length > MAX_BULK_SUPERVISED) {
    throw ERRORS.invalid(
      'body',
      `may name at most ${MAX_BULK_SUPERVISED} agent ids in add and remove together`,
    );
  }
  const addIds = change.add.map((id) => id.toLowerCase());
  const removeIds = change.remove.map((id) => id.toLowerCase());
  const removing = new Set(removeIds);
  const both = addIds.find((id) => removing.has(id));
  if (both !== undefined) {
    throw ERRORS.invalid('body.remove', `must not repeat an id of body.add (${both})`);
  }
  const add = dedupe(addIds);
  const remove = dedupe(removeIds);
  const orgId = ctx.actor.orgId;

  return inTransaction(ctx, async (tx) => {
    const supervisor = await supervisorOf(tx, supervisorId, options, true);
    if (supervisor.status === 'disabled' && add.unique.length > 0) {
      throw new DomainError(ErrorCode.Conflict, `Agent ${supervisorId} is disabled and cannot supervise`);
    }
    const added = add.unique.length
      ? await insertAssignments(tx.db, orgId, supervisorId, add.unique, tx.now())
      : new Map<string, AddOutcome>();
    const removed = remove.unique.length
      ? await deleteAssignments(tx.db, orgId, supervisorId, remove.unique)
      : new Map<string, boolean>();
    const results: SupervisionResult[] = [
      ...change.add.map(
        (id, i): SupervisionResult => ({
          id,
          action: 'add',
          status: addStatus(added.get(addIds[i] ?? ''), add.repeats.has(i)),
        }),
      ),
      ...change.remove.map((id, i): SupervisionResult => {
        const outcome = removed.get(removeIds[i] ?? '');
        const status =
          outcome === undefined ? 'not_found' : outcome && !remove.repeats.has(i) ? 'removed' : 'not_member';
        return { id, action: 'remove', status };
      }),
    ];
    const addedIds = add.unique.filter((id) => added.get(id) === 'added');
    const removedIds = remove.unique.filter((id) => removed.get(id) === true);
    if (addedIds.length + removedIds.length === 0) {
      return results;
    }
    // Audited as the agents it supervises before and after, the additions' event first.
    const final = (await supervisedIdsOf(tx.db, orgId, [supervisorId])).get(supervisorId) ?? [];
    const addedSet = new Set(addedIds);
    const between = sortedIds([...final, ...removedIds]);
    if (addedIds.length > 0) {
      await emitEvent(
        tx,
        'supervisor.agents_added',
        { supervisor_id: supervisorId, agent_ids: addedIds },
        orgId,
        { agent_ids: [between.filter((id) => !addedSet.has(id)), between] },
      );
    }
    if (removedIds.length > 0) {
      await emitEvent(
        tx,
        'supervisor.agents_removed',
        { supervisor_id: supervisorId, agent_ids: removedIds },
        orgId,
        { agent_ids: [between, final] },
      );
    }
    return results;
  });
}

/** Ids in order, each once (the order PostgreSQL sorts uuids in). */
const sortedIds = (ids: Iterable<string>) => [...new Set(ids)].sort();

/**
 * One `supervisor.agents_removed` event per supervisor that lost agents, audited as the agents it
 * supervises before and after.
 */
async function emitRemovals(tx: Ctx, orgId: string, removed: Assignment[]): Promise<void> {
  const bySupervisor = new Map<string, string[]>();
  for (const { supervisorId, agentId } of removed) {
    bySupervisor.set(supervisorId, [...(bySupervisor.get(supervisorId) ?? []), agentId]);
  }
  const events = [...bySupervisor].sort(([a], [b]) => a.localeCompare(b));
  const remaining =
    events.length === 0
      ? new Map<string, string[]>()
      : await supervisedIdsOf(tx.db, orgId, [...bySupervisor.keys()]);
  await emitEvents(
    tx,
    events.map(([supervisorId, agentIds]) => {
      const after = remaining.get(supervisorId) ?? [];
      return {
        type: 'supervisor.agents_removed' as const,
        payload: { supervisor_id: supervisorId, agent_ids: agentIds.sort() },
        changes: { agent_ids: [sortedIds([...after, ...agentIds]), after] },
      };
    }),
    orgId,
  );
}

/**
 * Removes every assignment of the supervisor: it supervises no one afterwards.
 * @throws forbidden; agent_not_found (not_found with requireSupervisor).
 */
export async function deleteSupervisor(
  ctx: Ctx,
  supervisorId: string,
  options: Pick<SupervisorOptions, 'requireSupervisor'> = {},
): Promise<void> {
  assertCan(ctx.actor, 'supervisor.manage');
  await inTransaction(ctx, async (tx) => {
    await supervisorOf(tx, supervisorId, options);
    const removed = await deleteAssignmentsWhere(tx.db, tx.actor.orgId, { supervisorIds: [supervisorId] });
    await emitRemovals(tx, tx.actor.orgId, removed);
  });
}

/**
 * Removes every assignment of the named supervisors (ids that supervise no one are skipped), or with
 * `all` of every supervisor of the org, in one statement. @throws forbidden; invalid_request.
 */
export async function deleteSupervisors(ctx: Ctx, which: { supervisorIds: string[] } | 'all'): Promise<void> {
  assertCan(ctx.actor, 'supervisor.manage');
  if (which !== 'all' && which.supervisorIds.length > MAX_BULK_SUPERVISED) {
    throw ERRORS.invalid('body.supervisorIds', `may name at most ${MAX_BULK_SUPERVISED} ids`);
  }
  await inTransaction(ctx, async (tx) => {
    const removed = await deleteAssignmentsWhere(
      tx.db,
      tx.actor.orgId,
      which === 'all' ? 'all' : { supervisorIds: which.supervisorIds.map((id) => id.toLowerCase()) },
    );
    await emitRemovals(tx, tx.actor.orgId, removed);
  });
}

/**
 * Takes an agent out of supervision both ways (as supervisor and as supervised), inside the caller's
 * transaction: what disabling or deleting an agent does. Emits one removal event per supervisor.
 */
export async function detachFromSupervision(tx: Ctx, orgId: string, agentId: string): Promise<void> {
  const removed = await deleteAssignmentsWhere(tx.db, orgId, { eitherSide: agentId });
  await emitRemovals(tx, orgId, removed);
}
