import { uniqueViolation } from '../../db/errors.js';
import type { AgentRow, TeamRow } from '../../db/schema.js';
import { assertCan, can, type Role } from '../access.js';
import { fieldChanges } from '../audit/changes.js';
import { type Ctx, inTransaction } from '../context.js';
import { ERRORS, found } from '../errors.js';
import { changedFields, emitEvent, emitEvents } from '../events/events.js';
import { newId } from '../ids.js';
import { type Page, type PageRequest, toPage } from '../paging.js';
import { releaseAgent } from '../routing/conversations.js';
import { drainAfterCommit } from '../routing/routing.js';
import { detachFromSupervision } from '../supervisors/supervisors.js';
import { listTeamsOfAgent } from '../teams/teams.repo.js';
import { upsertUser } from '../users/users.repo.js';
import { assertVersion, type IfVersion } from '../versions.js';
import {
  type AgentFilter,
  deleteAgentRow,
  deleteMembershipsOfAgent,
  findAgent,
  insertAgent,
  listAgentRows,
  lockAgentRow,
  lockAgentVersion,
  teamIdsOfAgent,
  updateAgentRow,
} from './agents.repo.js';

export type AgentStatus = 'active' | 'invited' | 'disabled';

/** Most additional emails, and most additional phone numbers, one agent may have. */
export const MAX_ADDITIONAL_CONTACTS = 20;
/** Most middle names one agent may have. */
export const MAX_MIDDLE_NAMES = 10;

export interface AgentInput {
  email: string;
  fullName: string;
  role?: Role;
  status?: AgentStatus;
  username?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  phoneNumber?: string | null;
  middleNames?: string[];
  avatarUrl?: string | null;
  additionalEmails?: string[];
  additionalPhoneNumbers?: string[];
  maxConcurrent?: number | null;
  attributes?: Record<string, unknown>;
  tags?: string[];
  /** Colours of some of `tags`, by tag; colours of tags the agent does not carry are dropped. */
  tagColors?: Record<string, string>;
  profileStatus?: string;
  settings?: Record<string, unknown>;
  /** The identity provider's id of the person (SCIM externalId); unique in the org when set. */
  externalId?: string | null;
}

export type AgentPatch = Partial<AgentInput>;

/** Fields an agent may change on itself without the right to manage other agents. */
const SELF_EDITABLE = new Set<keyof AgentPatch>([
  'fullName',
  'firstName',
  'lastName',
  'username',
  'phoneNumber',
  'middleNames',
  'avatarUrl',
  'additionalEmails',
  'additionalPhoneNumbers',
  'attributes',
  'tags',
  'tagColors',
  'profileStatus',
  'settings',
]);

/** Refuses a write made against another version of the agent. @throws agent_not_found; precondition_failed. */
function assertAgentVersion(tx: Ctx, id: string, expected: IfVersion): Promise<void> {
  return assertVersion(
    () => lockAgentVersion(tx.db, tx.actor.orgId, id),
    expected,
    `Agent ${id}`,
    () => ERRORS.agentNotFound(id),
  );
}

/** Keeps only the colours of tags in `tags`. */
function colorsOfTags(colors: Record<string, string>, tags: readonly string[]): Record<string, string> {
  const carried = new Set(tags);
  return Object.fromEntries(Object.entries(colors).filter(([tag]) => carried.has(tag)));
}

/** Maps a unique-index violation to the domain error naming the field. */
function rethrowConflict(err: unknown, input: AgentPatch): never {
  const constraint = uniqueViolation(err);
  if (constraint === 'agents_org_email_key') {
    throw ERRORS.agentEmailTaken(input.email ?? '');
  }
  if (constraint === 'agents_org_username_key') {
    throw ERRORS.agentUsernameTaken(input.username ?? '');
  }
  if (constraint === 'agents_org_external_id_key') {
    throw ERRORS.agentExternalIdTaken(input.externalId ?? '');
  }
  throw err;
}

/** Only an owner (or an org-level key) may create owners or change an owner. */
function assertOwnerChange(ctx: Ctx, touchesOwner: boolean): void {
  if (touchesOwner) {
    assertCan(ctx.actor, 'agent.grant_owner');
  }
}

/** The user of the agent-bound key that is calling, or null for org-level keys and the master key. */
async function callerUserId(ctx: Ctx): Promise<string | null> {
  const agentId = ctx.actor.agent?.id;
  return agentId === undefined ? null : ((await findAgent(ctx.db, ctx.actor.orgId, agentId))?.userId ?? null);
}

/** The person an agent with this profile is: the user of its email, registered on first sight. */
function linkUser(
  ctx: Ctx,
  input: { email: string; fullName?: string; firstName?: string | null; lastName?: string | null },
) {
  return upsertUser(
    ctx.db,
    {
      email: input.email,
      fullName: input.fullName ?? input.email,
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
    },
    ctx.now(),
  );
}

/**
 * Creates an agent, linked to the user of its email (created when nobody has that email yet).
 * @throws forbidden; agent_email_taken; agent_username_taken.
 */
export async function createAgent(ctx: Ctx, input: AgentInput): Promise<AgentRow> {
  assertCan(ctx.actor, 'agent.create');
  assertOwnerChange(ctx, input.role === 'owner');
  const now = ctx.now();
  const row: AgentRow = {
    id: newId(),
    orgId: ctx.actor.orgId,
    userId: '',
    email: input.email,
    fullName: input.fullName,
    firstName: input.firstName ?? null,
    lastName: input.lastName ?? null,
    username: input.username ?? null,
    phoneNumber: input.phoneNumber ?? null,
    middleNames: input.middleNames ?? [],
    avatarUrl: input.avatarUrl ?? null,
    additionalEmails: input.additionalEmails ?? [],
    additionalPhoneNumbers: input.additionalPhoneNumbers ?? [],
    role: input.role ?? 'agent',
    status: input.status ?? 'active',
    maxConcurrent: input.maxConcurrent ?? null,
    attributes: input.attributes ?? {},
    tags: input.tags ?? [],
    tagColors: colorsOfTags(input.tagColors ?? {}, input.tags ?? []),
    profileStatus: input.profileStatus ?? '',
    settings: input.settings ?? {},
    trashedAt: null,
    createdBy: null,
    available: true,
    presenceStatus: 'working',
    channels: {},
    availabilityChangedAt: null,
    presenceChangedAt: null,
    lastSeenAt: null,
    lastAssignedAt: null,
    assignedCount: 0,
    version: 1,
    externalId: input.externalId ?? null,
    createdAt: now,
    updatedAt: now,
  };
  try {
    return await inTransaction(ctx, async (tx) => {
      row.userId = (await linkUser(tx, input)).id;
      row.createdBy = await callerUserId(tx);
      const agent = await insertAgent(tx.db, row);
      await emitEvent(tx, 'agent.created', { agent_id: agent.id, team_ids: [] }, row.orgId);
      return agent;
    });
  } catch (err) {
    rethrowConflict(err, input);
  }
}

/** @throws forbidden. */
export async function listAgents(ctx: Ctx, filter: AgentFilter, page: PageRequest): Promise<Page<AgentRow>> {
  assertCan(ctx.actor, 'agent.read');
  return toPage(await listAgentRows(ctx.db, ctx.actor.orgId, filter, page), page.limit, (a) => a.id);
}

/** @throws forbidden; agent_not_found. */
export async function getAgent(ctx: Ctx, id: string): Promise<AgentRow> {
  assertCan(ctx.actor, 'agent.read');
  return found(await findAgent(ctx.db, ctx.actor.orgId, id), () => ERRORS.agentNotFound(id));
}

/**
 * Updates an agent. An agent without the right to manage agents may still edit its own profile.
 * Disabling it ends its supervisor assignments, both ways, in the same transaction.
 * @throws forbidden; agent_not_found; agent_email_taken; agent_username_taken.
 */
export async function updateAgent(
  ctx: Ctx,
  id: string,
  patch: AgentPatch,
  expected: IfVersion = {},
): Promise<AgentRow> {
  const fields = (Object.keys(patch) as (keyof AgentPatch)[]).filter((k) => patch[k] !== undefined);
  const isSelf = ctx.actor.agent?.id === id;
  const selfEdit =
    isSelf &&
    fields.every(
      (f) => SELF_EDITABLE.has(f) || (f === 'maxConcurrent' && can(ctx.actor, 'agent.set_own_capacity')),
    );
  if (!(selfEdit && can(ctx.actor, 'agent.update_self'))) {
    assertCan(ctx.actor, 'agent.update');
  }
  const now = ctx.now();
  try {
    return await inTransaction(ctx, async (tx) => {
      await assertAgentVersion(tx, id, expected);
      const current = found(await lockAgentRow(tx.db, ctx.actor.orgId, id), () => ERRORS.agentNotFound(id));
      assertOwnerChange(
        ctx,
        patch.role !== undefined && (current.role === 'owner' || patch.role === 'owner'),
      );
      const email = patch.email;
      const userId =
        email === undefined || email.toLowerCase() === current.email.toLowerCase()
          ? current.userId
          : (
              await linkUser(tx, {
                email,
                fullName: patch.fullName ?? current.fullName,
                firstName: patch.firstName ?? current.firstName,
                lastName: patch.lastName ?? current.lastName,
              })
            ).id;
      const tagColors =
        patch.tags === undefined && patch.tagColors === undefined
          ? undefined
          : colorsOfTags(patch.tagColors ?? current.tagColors, patch.tags ?? current.tags);
      const agent = found(
        await updateAgentRow(tx.db, ctx.actor.orgId, id, { ...patch, tagColors, userId, updatedAt: now }),
        () => ERRORS.agentNotFound(id),
      );
      await emitEvent(
        tx,
        'agent.updated',
        { agent_id: id, fields: changedFields(fields) },
        ctx.actor.orgId,
        fieldChanges(current, agent, [...fields, 'tagColors', 'userId']),
      );
      if (patch.maxConcurrent !== undefined && patch.maxConcurrent !== current.maxConcurrent) {
        await emitEvent(
          tx,
          'agent.capacity_changed',
          {
            agent_id: id,
            previous_max_concurrent: current.maxConcurrent,
            max_concurrent: patch.maxConcurrent,
          },
          ctx.actor.orgId,
          { max_concurrent: [current.maxConcurrent, patch.maxConcurrent] },
        );
      }
      if (patch.status === 'disabled') {
        // A disabled agent neither supervises nor is supervised, nor holds conversations.
        await detachFromSupervision(tx, ctx.actor.orgId, id);
        if (current.status !== 'disabled') {
          await releaseAgent(tx, id, { deleting: false });
        }
      } else if (
        patch.maxConcurrent !== undefined ||
        (patch.status === 'active' && current.status !== 'active')
      ) {
        // More room, or able to work again: queued work may be its now.
        await drainAfterCommit(tx, [id]);
      }
      return agent;
    });
  } catch (err) {
    rethrowConflict(err, patch);
  }
}

/**
 * Deletes an agent; it leaves every team and supervision and loses its API keys in the same transaction.
 * @throws forbidden; agent_not_found.
 */
export async function deleteAgent(ctx: Ctx, id: string, expected: IfVersion = {}): Promise<void> {
  assertCan(ctx.actor, 'agent.delete');
  await inTransaction(ctx, async (tx) => {
    await assertAgentVersion(tx, id, expected);
    const current = found(await findAgent(tx.db, ctx.actor.orgId, id), () => ERRORS.agentNotFound(id));
    assertOwnerChange(ctx, current.role === 'owner');
    const teamIds = await teamIdsOfAgent(tx.db, ctx.actor.orgId, id);
    // The foreign keys would drop its assignments too, but silently: this reports them.
    await detachFromSupervision(tx, ctx.actor.orgId, id);
    await releaseAgent(tx, id, { deleting: true });
    await deleteAgentRow(tx.db, ctx.actor.orgId, id);
    await emitEvent(tx, 'agent.deleted', { agent_id: id, team_ids: teamIds }, ctx.actor.orgId);
  });
  // After the commit: a deleted agent has no presence, and no offline event follows its deletion.
  await ctx.presence.forget(ctx.actor.orgId, id);
}

/**
 * Disables an agent and takes it out of every team in one transaction, keeping it on record: what
 * vendors mean by removing an agent who stays a person (Dixa downgrades it to an end user). Its
 * keys stop working. Repeating it changes nothing and emits nothing.
 * Its supervisor assignments end too, both ways.
 * @throws forbidden; agent_not_found.
 */
export async function disableAgent(ctx: Ctx, id: string, options: DisableOptions = {}): Promise<void> {
  assertCan(ctx.actor, 'agent.delete');
  await inTransaction(ctx, async (tx) => {
    const orgId = ctx.actor.orgId;
    const current = found(await lockAgentRow(tx.db, orgId, id), () => ERRORS.agentNotFound(id));
    assertOwnerChange(ctx, current.role === 'owner');
    if (current.status !== 'disabled') {
      await updateAgentRow(tx.db, orgId, id, { status: 'disabled', updatedAt: ctx.now() });
      await emitEvent(tx, 'agent.updated', { agent_id: id, fields: ['status'] }, orgId, {
        status: [current.status, 'disabled'],
      });
    }
    if (options.unavailable && current.available) {
      const at = ctx.now();
      await updateAgentRow(tx.db, orgId, id, { available: false, availabilityChangedAt: at });
      await emitEvent(
        tx,
        'agent.availability_changed',
        { agent_id: id, available: false, status: current.presenceStatus, channels: current.channels },
        orgId,
        { available: [true, false] },
      );
    }
    await detachFromSupervision(tx, orgId, id);
    await leaveAllTeams(tx, id);
    await releaseAgent(tx, id, { deleting: false });
  });
}

export interface DisableOptions {
  /** Also switch the agent's availability off (Tiledesk: a disabled teammate is unavailable). */
  unavailable?: boolean;
}

/** Takes the agent out of every team inside `tx`, with one `team.members_removed` per team. */
export async function leaveAllTeams(tx: Ctx, id: string): Promise<void> {
  const orgId = tx.actor.orgId;
  const teamIds = await deleteMembershipsOfAgent(tx.db, orgId, id);
  await emitEvents(
    tx,
    teamIds.map((teamId) => ({
      type: 'team.members_removed' as const,
      payload: { team_id: teamId, agent_ids: [id] },
    })),
    orgId,
  );
  if (teamIds.length > 0) {
    // Audited by the teams' events above.
    await emitEvents(
      tx,
      [
        {
          type: 'agent.teams_changed',
          payload: { agent_id: id, added_team_ids: [], removed_team_ids: teamIds },
          audited: false,
        },
      ],
      orgId,
    );
  }
}

/** Teams the agent belongs to. @throws forbidden; agent_not_found. */
export async function listAgentTeams(ctx: Ctx, id: string, page: PageRequest): Promise<Page<TeamRow>> {
  assertCan(ctx.actor, 'team.read');
  found(await findAgent(ctx.db, ctx.actor.orgId, id), () => ERRORS.agentNotFound(id));
  return toPage(await listTeamsOfAgent(ctx.db, ctx.actor.orgId, id, page), page.limit, (t) => t.id);
}
