import { uniqueViolation } from '../../db/errors.js';
import type { TeamRow } from '../../db/schema.js';
import { assertCan } from '../access.js';
import { fieldChanges } from '../audit/changes.js';
import { type Ctx, inTransaction } from '../context.js';
import { ERRORS, found } from '../errors.js';
import { changedFields, emitEvent } from '../events/events.js';
import { newId } from '../ids.js';
import { type Page, type PageRequest, toPage } from '../paging.js';
import { releaseTeam } from '../routing/conversations.js';
import { drainTeamsAfterCommit } from '../routing/routing.js';
import type { RoutingMode } from '../routing/selection.js';
import { assertVersion, type IfVersion } from '../versions.js';
import {
  deleteTeamRow,
  findTeamWithMembers,
  insertTeam,
  listMemberRows,
  listTeamRows,
  lockTeam,
  lockTeamVersion,
  type MemberRow,
  updateTeamRow,
} from './teams.repo.js';

export interface TeamWithMembers extends TeamRow {
  members: MemberRow[];
}

export interface TeamInput {
  name: string;
  description?: string | null;
  /** Capacity of members that set none of their own (0 to 1000); null uses the org default. */
  defaultMaxConcurrent?: number | null;
  /** A disabled team takes no new work but stays listed (default true). */
  enabled?: boolean;
  /** Contact address of the team. */
  email?: string | null;
  /** Offered to customers starting a conversation (default true). */
  showOnRegistration?: boolean;
  /** Offered to customers leaving an offline message (default true). */
  showOnOfflineForm?: boolean;
  /** How its work reaches members (default least_busy). */
  routing?: RoutingMode;
  /** The identity provider's id of the group this team is (SCIM externalId). */
  externalId?: string | null;
}

/** Which teams a listing returns; archived teams are left out unless asked for. */
export interface TeamFilter {
  /** true: archived teams only; false (default): teams that are not archived. */
  archived?: boolean;
  enabled?: boolean;
}

function rethrowNameTaken(err: unknown, name: string | undefined): never {
  if (uniqueViolation(err) === 'teams_org_name_key') {
    throw ERRORS.teamNameTaken(name ?? '');
  }
  throw err;
}

/** @throws forbidden. */
export async function listTeams(
  ctx: Ctx,
  page: PageRequest,
  filter: TeamFilter = {},
): Promise<Page<TeamRow>> {
  assertCan(ctx.actor, 'team.read');
  const rows = await listTeamRows(ctx.db, ctx.actor.orgId, page, { archived: false, ...filter });
  return toPage(rows, page.limit, (t) => t.id);
}

/** A team with all its members. @throws forbidden; team_not_found. */
export async function getTeam(ctx: Ctx, id: string): Promise<TeamWithMembers> {
  assertCan(ctx.actor, 'team.read');
  return found(await findTeamWithMembers(ctx.db, ctx.actor.orgId, id), () => ERRORS.teamNotFound(id));
}

/** @throws forbidden; team_name_taken. */
export async function createTeam(ctx: Ctx, input: TeamInput): Promise<TeamWithMembers> {
  assertCan(ctx.actor, 'team.create');
  const now = ctx.now();
  try {
    return await inTransaction(ctx, async (tx) => {
      const team = await insertTeam(tx.db, {
        id: newId(),
        orgId: ctx.actor.orgId,
        name: input.name,
        description: input.description ?? null,
        defaultMaxConcurrent: input.defaultMaxConcurrent ?? null,
        enabled: input.enabled ?? true,
        archivedAt: null,
        email: input.email ?? null,
        showOnRegistration: input.showOnRegistration ?? true,
        showOnOfflineForm: input.showOnOfflineForm ?? true,
        routing: input.routing ?? 'least_busy',
        routingCursorAgentId: null,
        version: 1,
        memberCount: 0,
        externalId: input.externalId ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await emitEvent(tx, 'team.created', { team_id: team.id, name: team.name }, team.orgId);
      return { ...team, members: [] };
    });
  } catch (err) {
    rethrowNameTaken(err, input.name);
  }
}

/** Refuses a write made against another version of the team. @throws team_not_found; precondition_failed. */
export function assertTeamVersion(tx: Ctx, id: string, expected: IfVersion): Promise<void> {
  return assertVersion(
    () => lockTeamVersion(tx.db, tx.actor.orgId, id),
    expected,
    `Team ${id}`,
    () => ERRORS.teamNotFound(id),
  );
}

/** @throws forbidden; team_not_found; team_name_taken; precondition_failed. */
export async function updateTeam(
  ctx: Ctx,
  id: string,
  patch: Partial<TeamInput>,
  expected: IfVersion = {},
): Promise<TeamWithMembers> {
  assertCan(ctx.actor, 'team.update');
  const now = ctx.now();
  const fields = (Object.keys(patch) as (keyof TeamInput)[]).filter((k) => patch[k] !== undefined);
  try {
    return await inTransaction(ctx, async (tx) => {
      await assertTeamVersion(tx, id, expected);
      const before = found(await lockTeam(tx.db, ctx.actor.orgId, id), () => ERRORS.teamNotFound(id));
      const team = found(
        await updateTeamRow(tx.db, ctx.actor.orgId, id, {
          name: patch.name,
          description: patch.description,
          defaultMaxConcurrent: patch.defaultMaxConcurrent,
          enabled: patch.enabled,
          email: patch.email,
          showOnRegistration: patch.showOnRegistration,
          showOnOfflineForm: patch.showOnOfflineForm,
          routing: patch.routing,
          externalId: patch.externalId,
          updatedAt: now,
        }),
        () => ERRORS.teamNotFound(id),
      );
      await emitEvent(
        tx,
        'team.updated',
        { team_id: id, fields: changedFields(fields) },
        team.orgId,
        fieldChanges(before, team, fields),
      );
      if (patch.routing !== undefined || patch.defaultMaxConcurrent !== undefined || patch.enabled === true) {
        // Routed again, more room per member, or taking work again: its queue may move now.
        await drainTeamsAfterCommit(tx, [id]);
      }
      return { ...team, members: await listMemberRows(tx.db, ctx.actor.orgId, id, null) };
    });
  } catch (err) {
    rethrowNameTaken(err, patch.name);
  }
}

/** Deletes a team and its memberships; its conversations stay, without a team. @throws forbidden; team_not_found. */
export async function deleteTeam(ctx: Ctx, id: string, expected: IfVersion = {}): Promise<void> {
  assertCan(ctx.actor, 'team.delete');
  await inTransaction(ctx, async (tx) => {
    await assertTeamVersion(tx, id, expected);
    // Its conversations leave it first: their team link has no cascade.
    await releaseTeam(tx, id);
    if (!(await deleteTeamRow(tx.db, ctx.actor.orgId, id))) {
      throw ERRORS.teamNotFound(id);
    }
    await emitEvent(tx, 'team.deleted', { team_id: id }, ctx.actor.orgId);
  });
}
