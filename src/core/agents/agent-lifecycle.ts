import type { AgentRow } from '../../db/schema.js';
import { assertCan, type Role } from '../access.js';
import { fieldChanges } from '../audit/changes.js';
import { type Ctx, inTransaction } from '../context.js';
import { ERRORS, found } from '../errors.js';
import { emitEvent } from '../events/events.js';
import { releaseAgent } from '../routing/conversations.js';
import { detachFromSupervision } from '../supervisors/supervisors.js';
import { findUserByEmail, isActivePerson } from '../users/users.repo.js';
import { createAgent, leaveAllTeams } from './agents.js';
import { findAgent, findAgentByEmail, lockAgentRow, updateAgentRow } from './agents.repo.js';

/**
 * Puts an agent in the trash: kept on record and restorable, out of every team and supervision, its keys stop
 * working. Repeating it changes nothing.
 * @throws forbidden; agent_not_found.
 */
export async function trashAgent(ctx: Ctx, id: string): Promise<AgentRow> {
  assertCan(ctx.actor, 'agent.delete');
  return inTransaction(ctx, async (tx) => {
    const current = found(await lockAgentRow(tx.db, tx.actor.orgId, id), () => ERRORS.agentNotFound(id));
    assertOwnerTouch(tx, current);
    let agent = current;
    if (current.trashedAt === null) {
      const now = tx.now();
      agent = found(await updateAgentRow(tx.db, tx.actor.orgId, id, { trashedAt: now, updatedAt: now }), () =>
        ERRORS.agentNotFound(id),
      );
      await emitEvent(tx, 'agent.updated', { agent_id: id, fields: ['trashed_at'] }, tx.actor.orgId, {
        trashed_at: [null, agent.trashedAt],
      });
    }
    await detachFromSupervision(tx, tx.actor.orgId, id);
    await leaveAllTeams(tx, id);
    await releaseAgent(tx, id, { deleting: false });
    return agent;
  });
}

/** Takes an agent out of the trash (it rejoins no team). @throws forbidden; agent_not_found; conflict (not in the trash). */
export async function restoreAgent(ctx: Ctx, id: string): Promise<AgentRow> {
  assertCan(ctx.actor, 'agent.delete');
  return inTransaction(ctx, async (tx) => {
    const current = found(await lockAgentRow(tx.db, tx.actor.orgId, id), () => ERRORS.agentNotFound(id));
    assertOwnerTouch(tx, current);
    if (current.trashedAt === null) {
      throw ERRORS.agentNotTrashed(id);
    }
    const agent = found(
      await updateAgentRow(tx.db, tx.actor.orgId, id, { trashedAt: null, updatedAt: tx.now() }),
      () => ERRORS.agentNotFound(id),
    );
    await emitEvent(tx, 'agent.updated', { agent_id: id, fields: ['trashed_at'] }, tx.actor.orgId, {
      trashed_at: [current.trashedAt, null],
    });
    return agent;
  });
}

function assertOwnerTouch(ctx: Ctx, agent: AgentRow): void {
  if (agent.role === 'owner') {
    assertCan(ctx.actor, 'agent.grant_owner');
  }
}

export interface InviteInput {
  email: string;
  role: Role;
  /** Availability of the agent the invitation creates or brings back; unchanged when absent. */
  available?: boolean;
}

/**
 * What an invitation did: a registered person `joined` as an active agent; an email no active
 * agent has anywhere left a `pending` agent in status invited (active once that agent is
 * activated); a disabled or trashed agent of this email was `restored` with the invited role.
 */
export type InviteOutcome = 'joined' | 'pending' | 'restored';

/**
 * Invites a person by email into the org.
 * @throws forbidden; invite_self; already_member (an active agent of this email exists).
 */
export async function inviteAgent(
  ctx: Ctx,
  input: InviteInput,
): Promise<{ outcome: InviteOutcome; agent: AgentRow }> {
  assertCan(ctx.actor, 'agent.create');
  if (input.role === 'owner') {
    assertCan(ctx.actor, 'agent.grant_owner');
  }
  return inTransaction(ctx, async (tx) => {
    const orgId = tx.actor.orgId;
    const callerId = tx.actor.agent?.id;
    const caller = callerId === undefined ? null : await findAgent(tx.db, orgId, callerId);
    if (caller !== null && caller.email.toLowerCase() === input.email.toLowerCase()) {
      throw ERRORS.inviteSelf();
    }
    const existing = await findAgentByEmail(tx.db, orgId, input.email);
    if (existing !== null) {
      return {
        outcome: await bringBack(tx, existing, input),
        agent: found(await findAgent(tx.db, orgId, existing.id), () => ERRORS.agentNotFound(existing.id)),
      };
    }
    const user = await findUserByEmail(tx.db, input.email);
    const registered = user !== null && (await isActivePerson(tx.db, user.id));
    const agent = await createAgent(tx, {
      email: user?.email ?? input.email,
      fullName: user?.fullName ?? input.email.split('@')[0] ?? input.email,
      firstName: user?.firstName ?? null,
      lastName: user?.lastName ?? null,
      role: input.role,
      status: registered ? 'active' : 'invited',
    });
    if (input.available === false) {
      await updateAgentRow(tx.db, orgId, agent.id, { available: false, availabilityChangedAt: tx.now() });
      await emitEvent(
        tx,
        'agent.availability_changed',
        { agent_id: agent.id, available: false, status: agent.presenceStatus, channels: agent.channels },
        orgId,
        { available: [true, false] },
      );
    }
    return {
      outcome: registered ? 'joined' : 'pending',
      agent: found(await findAgent(tx.db, orgId, agent.id), () => ERRORS.agentNotFound(agent.id)),
    };
  });
}

/** An invitation for an agent the org already has: restore it, or report it pending or a member. */
async function bringBack(tx: Ctx, agent: AgentRow, input: InviteInput): Promise<InviteOutcome> {
  const gone = agent.status === 'disabled' || agent.trashedAt !== null;
  if (!gone) {
    if (agent.status === 'active') {
      throw ERRORS.agentAlreadyActive(input.email);
    }
    return 'pending';
  }
  assertOwnerTouch(tx, agent);
  const now = tx.now();
  const restored = found(
    await updateAgentRow(tx.db, tx.actor.orgId, agent.id, {
      status: agent.status === 'disabled' ? 'active' : agent.status,
      trashedAt: null,
      role: input.role,
      ...(input.available === undefined ? {} : { available: input.available, availabilityChangedAt: now }),
      updatedAt: now,
    }),
    () => ERRORS.agentNotFound(agent.id),
  );
  await emitEvent(
    tx,
    'agent.updated',
    { agent_id: agent.id, fields: ['status', 'trashed_at', 'role'] },
    undefined,
    fieldChanges(agent, restored, ['status', 'trashedAt', 'role']),
  );
  if (input.available !== undefined && input.available !== agent.available) {
    await emitEvent(
      tx,
      'agent.availability_changed',
      {
        agent_id: agent.id,
        available: input.available,
        status: agent.presenceStatus,
        channels: agent.channels,
      },
      tx.actor.orgId,
      { available: [agent.available, input.available] },
    );
  }
  return 'restored';
}
