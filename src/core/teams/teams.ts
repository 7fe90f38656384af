import { uniqueViolation } from '../../db/errors.js';
import type { TeamRow } from '../../db/schema.js';
import { assertCan } from '../access.js';
import { type Ctx, inTransaction } from '../context.js';
import { ERRORS, found } from '../errors.js';
import { emitEvent } from '../events/events.js';
import { newId } from '../ids.js';
import { type Page, type PageRequest, toPage } from '../paging.js';
import { releaseTeam } from '../routing/conversations.js';
import { drainTeamsAfterCommit } from '../routing/routing.js';
import type { RoutingMode } from '../routing/selection.js';
import {
  deleteTeamRow,
  findTeam,
  insertTeam,
  listMemberRows,
  listTeamRows,
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
  /** How its work reaches members (default least_busy). */
  routing?: RoutingMode;
}

function rethrowNameTaken(err: unknown, name: string | undefined): never {
  if (uniqueViolation(err) === 'teams_org_name_key') {
    throw ERRORS.teamNameTaken(name ?? '');
  }
  throw err;
}

/** @throws forbidden. */
export async function listTeams(ctx: Ctx, page: PageRequest): Promise<Page<TeamRow>> {
  assertCan(ctx.actor, 'team.read');
  return toPage(await listTeamRows(ctx.db, ctx.actor.orgId, page), page.limit, (t) => t.id);
}

/** A team with all its members. @throws forbidden; team_not_found. */
export async function getTeam(ctx: Ctx, id: string): Promise<TeamWithMembers> {
  assertCan(ctx.actor, 'team.read');
  const team = found(await findTeam(ctx.db, ctx.actor.orgId, id), () => ERRORS.teamNotFound(id));
  return { ...team, members: await listMemberRows(ctx.db, ctx.actor.orgId, id, null) };
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
        enabled: true,
        archivedAt: null,
        email: null,
        showOnRegistration: true,
        showOnOfflineForm: true,
        routing: input.routing ?? 'least_busy',
        routingCursorAgentId: null,
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

/** @throws forbidden; team_not_found; team_name_taken. */
export async function updateTeam(ctx: Ctx, id: string, patch: Partial<TeamInput>): Promise<TeamWithMembers> {
  assertCan(ctx.actor, 'team.update');
  const now = ctx.now();
  const fields = Object.keys(patch).filter((k) => patch[k as keyof TeamInput] !== undefined);
  try {
    return await inTransaction(ctx, async (tx) => {
      const team = found(
        await updateTeamRow(tx.db, ctx.actor.orgId, id, {
          name: patch.name,
          description: patch.description,
          defaultMaxConcurrent: patch.defaultMaxConcurrent,
          routing: patch.routing,
          updatedAt: now,
        }),
        () => ERRORS.teamNotFound(id),
      );
      await emitEvent(tx, 'team.updated', { team_id: id, fields }, team.orgId);
      if (patch.routing !== undefined || patch.defaultMaxConcurrent !== undefined) {
        // Routed again, or more room per member: its queue may move now.
        await drainTeamsAfterCommit(tx, [id]);
      }
      return { ...team, members: await listMemberRows(tx.db, ctx.actor.orgId, id, null) };
    });
  } catch (err) {
    rethrowNameTaken(err, patch.name);
  }
}

/** Deletes a team and its memberships; its conversations stay, without a team. @throws forbidden; team_not_found. */
export async function deleteTeam(ctx: Ctx, id: string): Promise<void> {
  assertCan(ctx.actor, 'team.delete');
  await inTransaction(ctx, async (tx) => {
    // Its conversations leave it first: their team link has no cascade.
    await releaseTeam(tx, id);
    if (!(await deleteTeamRow(tx.db, ctx.actor.orgId, id))) {
      throw ERRORS.teamNotFound(id);
    }
    await emitEvent(tx, 'team.deleted', { team_id: id }, ctx.actor.orgId);
  });
}
