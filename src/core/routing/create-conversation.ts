import type { ConversationRow } from '../../db/schema.js';
import { assertCan } from '../access.js';
import { type Ctx, inOneStatement, inTransaction } from '../context.js';
import { ERRORS, found } from '../errors.js';
import { draftEvents, emitEvent, type QueueReason } from '../events/events.js';
import { newId } from '../ids.js';
import { findTeam } from '../teams/teams.repo.js';
import { lockAgent } from './agent-locks.repo.js';
import { assertAssignable } from './conversations.js';
import {
  findByExternalId,
  findConversation,
  insertConversation,
  insertRoutedConversation,
  type NewConversation,
} from './conversations.repo.js';
import { rankedCandidates, retrying, routeConversation } from './routing.js';

/*
 * Creating a conversation: assigned to a named agent, routed at once to its team's best free
 * member, or queued when nobody can take it.
 */

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

/** `conversation.created` of a conversation about to be inserted. */
function createdEvent(draft: Omit<NewConversation, 'assigneeId' | 'now'>) {
  return {
    type: 'conversation.created' as const,
    payload: {
      conversation_id: draft.id,
      team_id: draft.teamId,
      channel: draft.channel,
      priority: draft.priority,
      external_id: draft.externalId,
    },
  };
}

/** `conversation.assigned` of a conversation about to be inserted assigned to `agentId`. */
function assignedEvent(draft: Omit<NewConversation, 'assigneeId' | 'now'>, agentId: string, forced: boolean) {
  return {
    type: 'conversation.assigned' as const,
    payload: { conversation_id: draft.id, team_id: draft.teamId, agent_id: agentId, forced },
  };
}

/**
 * Inserts the conversation (assigned to `assignee` when given, else queued) with its events, in
 * one statement in the transaction of `tx`. Null when its external id was taken meanwhile:
 * nothing was written.
 */
async function insertWithEvents(
  tx: Ctx,
  draft: Omit<NewConversation, 'assigneeId' | 'now'>,
  assignee: { agentId: string; forced: boolean } | null,
): Promise<ConversationRow | null> {
  const now = tx.now();
  const created = createdEvent(draft);
  const events = draftEvents<'conversation.created' | 'conversation.assigned'>(
    tx,
    assignee === null ? [created] : [created, assignedEvent(draft, assignee.agentId, assignee.forced)],
    draft.orgId,
    now,
  );
  const row = await insertConversation(
    tx.db,
    { ...draft, now, assigneeId: assignee?.agentId ?? null },
    events.params,
  );
  if (row !== null) {
    events.written();
  }
  return row;
}

/**
 * The common case of a new conversation for a routed team, in one statement that PostgreSQL
 * commits by itself (`insertRoutedConversation`): rank the team's candidates, then lock the best
 * one that no other claim holds and that can still take it, insert the conversation assigned to
 * it, record the assignment and append the events. Null when nobody took it this way (none online
 * with room, or all held): the caller then creates it queued and routes it after that commit,
 * because a drain started meanwhile could not see a conversation not yet committed, and room
 * freed meanwhile would go unnoticed. `duplicate`: the external id was taken.
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
    inOneStatement(ctx, async (tx) => {
      const now = tx.now();
      // The statement names the agent it picked: it completes this payload in the outbox, and
      // the live copy below once it is known.
      const assigned = assignedEvent(draft, '', false);
      const events = draftEvents<'conversation.created' | 'conversation.assigned'>(
        tx,
        [createdEvent(draft), assigned],
        draft.orgId,
        now,
      );
      const row = await insertRoutedConversation(
        tx.db,
        { ...draft, now },
        ranked.map((c) => c.agentId),
        events.params,
      );
      if (row === 'none' || row === 'duplicate') {
        return row === 'none' ? null : row;
      }
      assigned.payload.agent_id = row.assigneeId ?? '';
      events.written();
      return row;
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
