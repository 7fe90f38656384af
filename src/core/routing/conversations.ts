import type { ConversationRow } from '../../db/schema.js';
import { assertCan, can } from '../access.js';
import { fieldChanges } from '../audit/changes.js';
import { type Ctx, inTransaction } from '../context.js';
import { DomainError, ERRORS, ErrorCode, found } from '../errors.js';
import { emitEvent, emitEvents } from '../events/events.js';
import { type Page, type PageRequest, toPage } from '../paging.js';
import { findTeam } from '../teams/teams.repo.js';
import { type LockedAgent, lockAgent, lockAgentRows } from './agent-locks.repo.js';
import {
  type ConversationFilter,
  detachTeamConversations,
  findConversation,
  listConversationRows,
  releaseAgentConversations,
  updateConversationRow,
} from './conversations.repo.js';
import { drainAfterCommit, retrying, routeAfterCommit } from './routing.js';
import { recordAssignment } from './routing.repo.js';

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
export function assertAssignable(agent: LockedAgent | null, agentId: string, force: boolean): LockedAgent {
  const locked = found(agent, () => ERRORS.agentNotFound(agentId));
  if (!locked.enabled) {
    throw conflict(`Agent ${agentId} is disabled or in the trash and takes no conversations`);
  }
  if (!force && locked.active >= locked.capacity) {
    throw ERRORS.agentAtCapacity(agentId);
  }
  return locked;
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
  const orgId = ctx.actor.orgId;
  const before = found(await findConversation(ctx.db, orgId, id), () => ERRORS.conversationNotFound(id));
  // Refused before any lock is taken; checked again on the locked row below.
  assertMayManage(ctx, before);
  // A deadlock (the conversation changed hands between the read above and the locks) is retried.
  return retrying(() =>
    inTransaction(ctx, async (tx) => {
      // The agent's lock first, then the conversation's (see `lockAgentRows`).
      await lockAgentRows(tx.db, orgId, [before.status === 'assigned' ? before.assigneeId : null]);
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
      await emitEvent(
        tx,
        'conversation.closed',
        { conversation_id: id, team_id: row.teamId, agent_id: row.assigneeId },
        orgId,
        fieldChanges(current, row, ['status', 'closedAt']),
      );
      if (current.status === 'assigned' && current.assigneeId !== null) {
        await drainAfterCommit(tx, [current.assigneeId]);
      }
      return row;
    }),
  );
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
  // A deadlock (the conversation changed hands between the read above and the locks) is retried.
  const moved = await retrying(() =>
    inTransaction(ctx, async (tx) => {
      if (teamId !== null) {
        found(await findTeam(tx.db, orgId, teamId), () => ERRORS.teamNotFound(teamId));
      }
      // The agents' locks first, the one it leaves and the one it goes to, then the conversation's:
      // the order every claim takes them in (see `lockAgentRows`).
      await lockAgentRows(tx.db, orgId, [before.status === 'assigned' ? before.assigneeId : null, agentId]);
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
      await emitEvent(
        tx,
        'conversation.transferred',
        {
          conversation_id: id,
          from_team_id: current.teamId,
          to_team_id: toTeam,
          from_agent_id: current.assigneeId,
          to_agent_id: agentId,
        },
        orgId,
        fieldChanges(current, updated, ['status', 'teamId', 'assigneeId']),
      );
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
    }),
  );
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
        changes: { team_id: [teamId, null] },
      })),
    orgId,
  );
}
