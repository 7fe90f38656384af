import type { ConversationRow } from '../../db/schema.js';
import { assertCan, can } from '../access.js';
import { type Ctx, inTransaction } from '../context.js';
import { DomainError, ERRORS, ErrorCode, found } from '../errors.js';
import { emitEvent, emitEvents, type QueueReason } from '../events/events.js';
import { newId } from '../ids.js';
import { type Page, type PageRequest, toPage } from '../paging.js';
import { findTeam } from '../teams/teams.repo.js';
import {
  type ConversationFilter,
  detachTeamConversations,
  findByExternalId,
  findConversation,
  insertConversation,
  listConversationRows,
  type NewConversation,
  releaseAgentConversations,
  updateConversationRow,
} from './conversations.repo.js';
import {
  drainAfterCommit,
  rankedCandidates,
  retrying,
  routeAfterCommit,
  routeConversation,
} from './routing.js';
import { type LockedAgent, lockAgent, lockFirstFreeAgent, recordAssignment } from './routing.repo.js';

export interface CreateConversationInput {
  teamId?: string | null;
  /** Assign to this agent instead of routing. */
  agentId?: string | null;
  channel?: string | null;
  externalId?: string | null;
  priority?: number;
  metadata?: Record<string, unknown>;
  /** With `agentId`: assign even beyond the agent's capacity (admins and supervisors). */
  force?: boolean;
}

export interface TransferInput {
  teamId?: string | null;
  agentId?: string | null;
  force?: boolean;
}

const conflict = (message: string) => new DomainError(ErrorCode.Conflict, message);

/** @throws forbidden. */
export async function listConversations(
  ctx: Ctx,
  filter: ConversationFilter,
  page: PageRequest,
): Promise<Page<ConversationRow>> {
  assertCan(ctx.actor, 'conversation.read');
  return toPage(await listConversationRows(ctx.db, ctx.actor.orgId, filter, page), page.limit, (c) => c.id);
}

/** @throws forbidden; conversation_not_found. */
export async function getConversation(ctx: Ctx, id: string): Promise<ConversationRow> {
  assertCan(ctx.actor, 'conversation.read');
  return found(await findConversation(ctx.db, ctx.actor.orgId, id), () => ERRORS.conversationNotFound(id));
}

/** An explicit assignment: the agent must be able to hold work; capacity holds unless forced. */
function assertAssignable(agent: LockedAgent | null, agentId: string, force: boolean): LockedAgent {
  const locked = found(agent, () => ERRORS.agentNotFound(agentId));
  if (!locked.enabled) {
    throw conflict(`Agent ${agentId} is disabled or in the trash and takes no conversations`);
  }
  if (!force && locked.active >= locked.capacity) {
    throw ERRORS.agentAtCapacity(agentId);
  }
  return locked;
}

/** Emits `conversation.queued` unless routing or a drain assigned it meanwhile (the row lock orders them). */
async function announceQueued(ctx: Ctx, id: string, reason: QueueReason): Promise<ConversationRow | null> {
  return inTransaction(ctx, async (tx) => {
    const current = await findConversation(tx.db, tx.actor.orgId, id, { lock: true });
    if (current?.status === 'queued') {
      await emitEvent(tx, 'conversation.queued', { conversation_id: id, team_id: current.teamId, reason });
    }
    return current;
  });
}

/**
 * Inserts the conversation (assigned to `assignee` when given, else queued) with its events, in
 * the transaction of `tx`. Null when its external id was taken meanwhile: nothing was written.
 */
async function insertWithEvents(
  tx: Ctx,
  draft: Omit<NewConversation, 'assigneeId' | 'now'>,
  assignee: { agentId: string; forced: boolean } | null,
): Promise<ConversationRow | null> {
  const now = tx.now();
  const row = await insertConversation(tx.db, { ...draft, now, assigneeId: assignee?.agentId ?? null });
  if (row === null) {
    return null;
  }
  const created = {
    type: 'conversation.created' as const,
    payload: {
      conversation_id: row.id,
      team_id: draft.teamId,
      channel: draft.channel,
      priority: row.priority,
      external_id: draft.externalId,
    },
  };
  if (assignee === null) {
    await emitEvents(tx, [created]);
    return row;
  }
  await emitEvents<'conversation.created' | 'conversation.assigned'>(tx, [
    created,
    {
      type: 'conversation.assigned',
      payload: {
        conversation_id: row.id,
        team_id: draft.teamId,
        agent_id: assignee.agentId,
        forced: assignee.forced,
      },
    },
  ]);
  return row;
}

/**
 * The common case of a new conversation for a routed team, in one transaction and one commit:
 * rank the team's candidates, lock the best one that no other claim holds, re-check it, and
 * insert the conversation already assigned to it. Null when nobody took it this way (none online
 * with room, all held, or the one locked turned out full): the caller then creates it queued and
 * routes it after that commit, because a drain started meanwhile could not see a conversation not
 * yet committed, and room freed meanwhile would go unnoticed. `duplicate`: the external id was
 * taken.
 * @throws team_not_found.
 */
async function createRouted(
  ctx: Ctx,
  draft: Omit<NewConversation, 'assigneeId' | 'now'> & { teamId: string },
): Promise<ConversationRow | 'duplicate' | null> {
  const teamId = draft.teamId;
  const ranked = found(await rankedCandidates(ctx, teamId, draft), () => ERRORS.teamNotFound(teamId));
  if (ranked.length === 0) {
    return null;
  }
  return retrying(() =>
    inTransaction(ctx, async (tx) => {
      const agent = await lockFirstFreeAgent(
        tx.db,
        draft.orgId,
        ranked.map((c) => c.agentId),
        draft.teamId,
        draft.channel,
      );
      if (agent === null || !agent.eligible || agent.active >= agent.capacity) {
        return null;
      }
      const row = await insertWithEvents(tx, draft, { agentId: agent.id, forced: false });
      return row ?? 'duplicate';
    }),
  );
}

/**
 * Creates a conversation and, at once, assigns it to `agentId` or routes it by its team's mode;
 * it waits in the queue when nobody can take it. An `externalId` the org already used returns
 * that conversation unchanged (`created: false`), so a client may retry a create safely.
 * @throws forbidden; team_not_found; agent_not_found; agent_at_capacity; conflict (agent disabled).
 */
export async function createConversation(
  ctx: Ctx,
  input: CreateConversationInput,
): Promise<{ conversation: ConversationRow; created: boolean }> {
  assertCan(ctx.actor, 'conversation.manage');
  const force = input.force === true;
  if (force) {
    assertCan(ctx.actor, 'conversation.force');
  }
  const orgId = ctx.actor.orgId;
  const externalId = input.externalId ?? null;
  const existing = async () => {
    const row = await findByExternalId(ctx.db, orgId, externalId ?? '');
    return { conversation: found(row, () => ERRORS.conversationNotFound(externalId ?? '')), created: false };
  };
  if (externalId !== null && (await findByExternalId(ctx.db, orgId, externalId)) !== null) {
    return existing();
  }
  const teamId = input.teamId ?? null;
  const agentId = input.agentId ?? null;
  const draft = {
    id: newId(),
    orgId,
    teamId,
    channel: input.channel ?? null,
    externalId,
    priority: input.priority ?? 0,
    metadata: input.metadata ?? {},
  };
  if (teamId !== null && agentId === null) {
    const routed = await createRouted(ctx, { ...draft, teamId });
    if (routed === 'duplicate') {
      // A concurrent create with the same external id won the insert.
      return existing();
    }
    if (routed !== null) {
      return { conversation: routed, created: true };
    }
  }
  const inserted = await inTransaction(ctx, async (tx) => {
    if (teamId !== null) {
      found(await findTeam(tx.db, orgId, teamId), () => ERRORS.teamNotFound(teamId));
    }
    if (agentId === null) {
      return insertWithEvents(tx, draft, null);
    }
    const agent = assertAssignable(
      await lockAgent(tx.db, orgId, agentId, teamId, draft.channel),
      agentId,
      force,
    );
    return insertWithEvents(tx, draft, { agentId, forced: agent.active >= agent.capacity });
  });
  if (inserted === null) {
    // A concurrent create with the same external id won the insert.
    return existing();
  }
  if (inserted.status !== 'queued') {
    return { conversation: inserted, created: true };
  }
  const routed = (await routeConversation(ctx, inserted.id, inserted)) ?? inserted;
  if (routed.status === 'queued') {
    return {
      conversation: (await announceQueued(ctx, inserted.id, 'no_eligible_agent')) ?? routed,
      created: true,
    };
  }
  return { conversation: routed, created: true };
}

/** Managing any conversation, or one assigned to the caller's own agent. */
function assertMayManage(ctx: Ctx, conversation: ConversationRow): void {
  const self = ctx.actor.agent;
  if (self !== null && conversation.assigneeId === self.id && can(ctx.actor, 'conversation.manage_own')) {
    return;
  }
  assertCan(ctx.actor, 'conversation.manage');
}

/**
 * Closes a conversation, freeing its agent's capacity: the agent then gets queued work at once.
 * Closing a closed conversation changes nothing.
 * @throws forbidden; conversation_not_found.
 */
export async function closeConversation(ctx: Ctx, id: string): Promise<ConversationRow> {
  return inTransaction(ctx, async (tx) => {
    const orgId = tx.actor.orgId;
    const current = found(await findConversation(tx.db, orgId, id, { lock: true }), () =>
      ERRORS.conversationNotFound(id),
    );
    assertMayManage(tx, current);
    if (current.status === 'closed') {
      return current;
    }
    const now = tx.now();
    const row = found(
      await updateConversationRow(tx.db, orgId, id, { status: 'closed', closedAt: now, updatedAt: now }),
      () => ERRORS.conversationNotFound(id),
    );
    await emitEvent(tx, 'conversation.closed', {
      conversation_id: id,
      team_id: row.teamId,
      agent_id: row.assigneeId,
    });
    if (current.status === 'assigned' && current.assigneeId !== null) {
      await drainAfterCommit(tx, [current.assigneeId]);
    }
    return row;
  });
}

/**
 * Moves an open conversation to another team (it is routed there again) and/or assigns it to an
 * agent (capacity enforced unless `force`). The agent it leaves gets queued work at once.
 * @throws forbidden; invalid_request (neither given); conversation_not_found; team_not_found;
 *   agent_not_found; agent_at_capacity; conflict (closed, or the agent is disabled).
 */
export async function transferConversation(
  ctx: Ctx,
  id: string,
  input: TransferInput,
): Promise<ConversationRow> {
  const teamId = input.teamId ?? null;
  const agentId = input.agentId ?? null;
  if (teamId === null && agentId === null) {
    throw ERRORS.invalid('body', 'must name a team_id or an agent_id');
  }
  const force = input.force === true;
  if (force) {
    assertCan(ctx.actor, 'conversation.force');
  }
  const orgId = ctx.actor.orgId;
  const before = found(await findConversation(ctx.db, orgId, id), () => ERRORS.conversationNotFound(id));
  assertMayManage(ctx, before);
  const moved = await inTransaction(ctx, async (tx) => {
    if (teamId !== null) {
      found(await findTeam(tx.db, orgId, teamId), () => ERRORS.teamNotFound(teamId));
    }
    // The agent's lock first, then the conversation's: the order every claim takes them in.
    const agent =
      agentId === null
        ? null
        : await lockAgent(tx.db, orgId, agentId, teamId ?? before.teamId, before.channel);
    const current = found(await findConversation(tx.db, orgId, id, { lock: true }), () =>
      ERRORS.conversationNotFound(id),
    );
    if (current.status === 'closed') {
      throw conflict(`Conversation ${id} is closed`);
    }
    const toTeam = teamId ?? current.teamId;
    const now = tx.now();
    let row: ConversationRow | null;
    if (agentId !== null) {
      if (current.assigneeId === agentId && current.status === 'assigned') {
        if (toTeam === current.teamId) {
          return current;
        }
      } else {
        assertAssignable(agent, agentId, force);
      }
      row = await updateConversationRow(tx.db, orgId, id, {
        status: 'assigned',
        teamId: toTeam,
        assigneeId: agentId,
        assignedAt: current.assigneeId === agentId ? current.assignedAt : now,
        updatedAt: now,
      });
    } else {
      row = await updateConversationRow(tx.db, orgId, id, {
        status: 'queued',
        teamId: toTeam,
        assigneeId: null,
        assignedAt: null,
        updatedAt: now,
      });
    }
    const updated = found(row, () => ERRORS.conversationNotFound(id));
    await emitEvent(tx, 'conversation.transferred', {
      conversation_id: id,
      from_team_id: current.teamId,
      to_team_id: toTeam,
      from_agent_id: current.assigneeId,
      to_agent_id: agentId,
    });
    if (agentId !== null && current.assigneeId !== agentId && agent !== null) {
      await recordAssignment(tx.db, orgId, agentId, toTeam, now);
      await emitEvent(tx, 'conversation.assigned', {
        conversation_id: id,
        team_id: toTeam,
        agent_id: agentId,
        forced: agent.active >= agent.capacity,
      });
    }
    if (agentId === null) {
      await emitEvent(tx, 'conversation.queued', {
        conversation_id: id,
        team_id: toTeam,
        reason: 'transferred',
      });
      // Routed in its new team before the agent it left looks for work, so it does not bounce back.
      await routeAfterCommit(tx, [id]);
    }
    if (current.status === 'assigned' && current.assigneeId !== null && current.assigneeId !== agentId) {
      await drainAfterCommit(tx, [current.assigneeId]);
    }
    return updated;
  });
  return (await findConversation(ctx.db, orgId, id)) ?? moved;
}

/**
 * Inside the transaction that deletes, disables or trashes an agent: its open conversations go back
 * to the queue (and are routed again once it commits); on deletion its closed ones forget it.
 */
export async function releaseAgent(tx: Ctx, agentId: string, options: { deleting: boolean }): Promise<void> {
  const orgId = tx.actor.orgId;
  // Lock the agent before its conversations, the order claims take them in.
  await lockAgent(tx.db, orgId, agentId, null, null);
  const requeued = await releaseAgentConversations(tx.db, orgId, agentId, tx.now(), {
    forgetClosed: options.deleting,
  });
  await emitEvents(
    tx,
    requeued.map((c) => ({
      type: 'conversation.queued' as const,
      payload: { conversation_id: c.id, team_id: c.teamId, reason: 'agent_removed' as const },
    })),
    orgId,
  );
  await routeAfterCommit(
    tx,
    requeued.map((c) => c.id),
  );
}

/** Inside the transaction that deletes a team: its conversations leave it (queued ones wait team-less). */
export async function releaseTeam(tx: Ctx, teamId: string): Promise<void> {
  const orgId = tx.actor.orgId;
  const detached = await detachTeamConversations(tx.db, orgId, teamId, tx.now());
  await emitEvents(
    tx,
    detached
      .filter((c) => c.status !== 'closed')
      .map((c) => ({
        type: 'conversation.transferred' as const,
        payload: {
          conversation_id: c.id,
          from_team_id: teamId,
          to_team_id: null,
          from_agent_id: c.assigneeId,
          to_agent_id: c.assigneeId,
        },
      })),
    orgId,
  );
}
