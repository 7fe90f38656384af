import type { TeamRow } from '../../db/schema.js';
import { assertCan } from '../access.js';
import { findAgent } from '../agents/agents.repo.js';
import { type Ctx, inTransaction } from '../context.js';
import { ERRORS, found } from '../errors.js';
import { emitEvent } from '../events/events.js';
import { drainTeamsAfterCommit } from '../routing/routing.js';
import type { IfVersion } from '../versions.js';
import {
  listMemberDetailRows,
  listMembershipDetailRows,
  type MemberDetailRow,
  type MemberSortField,
  type SortKey,
  searchTeamRows,
  setTeamArchived,
  type TeamSearchQuery,
  type TeamWithCount,
} from './team-details.repo.js';
import { assertTeamVersion, getTeam, type TeamInput, type TeamWithMembers, updateTeam } from './teams.js';
import { findTeam, lockTeam } from './teams.repo.js';

export type { MemberDetailRow, TeamSearchQuery, TeamWithCount } from './team-details.repo.js';
export { MEMBER_SORT_FIELDS, TEAM_SORT_FIELDS } from './team-details.repo.js';

/** Most rows one offset page returns. */
export const MAX_OFFSET_PAGE = 100;

/**
 * Teams matching a text, enabled and archive filter, sorted and offset-paged, with member counts
 * and the number of matches in all (for directories that page by offset and show totals).
 * @throws forbidden.
 */
export async function searchTeams(
  ctx: Ctx,
  q: TeamSearchQuery,
): Promise<{ items: TeamWithCount[]; total: number }> {
  assertCan(ctx.actor, 'team.read');
  const { rows, total } = await searchTeamRows(ctx.db, ctx.actor.orgId, {
    ...q,
    limit: Math.min(q.limit, MAX_OFFSET_PAGE),
  });
  return { items: rows, total };
}

/** One team with its member count. @throws forbidden; team_not_found. */
export async function getTeamWithCount(ctx: Ctx, id: string): Promise<TeamWithCount> {
  assertCan(ctx.actor, 'team.read');
  return found(await findTeam(ctx.db, ctx.actor.orgId, id), () => ERRORS.teamNotFound(id));
}

/**
 * The teams an agent belongs to, each with the agent's membership in it (priority, open
 * conversations of the team), by team name. @throws forbidden; agent_not_found.
 */
export async function listAgentMemberships(
  ctx: Ctx,
  agentId: string,
): Promise<{ team: TeamWithCount; member: MemberDetailRow }[]> {
  assertCan(ctx.actor, 'team.read');
  found(await findAgent(ctx.db, ctx.actor.orgId, agentId), () => ERRORS.agentNotFound(agentId));
  return listMembershipDetailRows(ctx.db, ctx.actor.orgId, agentId);
}

/**
 * A team's members with their username, priority and open conversations in the team, sorted and
 * offset-paged (`limit: null` reads them all), and how many the team has.
 * @throws forbidden; team_not_found.
 */
export async function listTeamMemberDetails(
  ctx: Ctx,
  teamId: string,
  page: { offset: number; limit: number | null; sort: SortKey<MemberSortField>[] },
): Promise<{ items: MemberDetailRow[]; total: number }> {
  assertCan(ctx.actor, 'team.read');
  found(await findTeam(ctx.db, ctx.actor.orgId, teamId), () => ERRORS.teamNotFound(teamId));
  const { rows, total } = await listMemberDetailRows(ctx.db, ctx.actor.orgId, teamId, page);
  return { items: rows, total };
}

async function setArchived(ctx: Ctx, id: string, archived: boolean): Promise<TeamRow> {
  assertCan(ctx.actor, 'team.update');
  return inTransaction(ctx, async (tx) => {
    const orgId = tx.actor.orgId;
    // A restore's audit record says when the team had been archived: read with its row locked.
    const archivedAt = archived ? null : ((await lockTeam(tx.db, orgId, id))?.archivedAt ?? null);
    const changed = await setTeamArchived(tx.db, orgId, id, archived ? tx.now() : null, tx.now());
    if (changed === null) {
      // Archiving an archived team (or restoring an active one) changes nothing and is no error.
      return found(await findTeam(tx.db, orgId, id), () => ERRORS.teamNotFound(id));
    }
    await emitEvent(tx, archived ? 'team.archived' : 'team.unarchived', { team_id: id }, orgId, {
      archived_at: [archivedAt, changed.archivedAt],
    });
    if (!archived) {
      // Back from the archive, the team takes work again: its queue may move now.
      await drainTeamsAfterCommit(tx, [id]);
    }
    return changed;
  });
}

/**
 * Archives a team: it is left out of listings unless they ask for archived teams and takes no new
 * work; its members and settings stay. Emits `team.archived` when it was not archived yet.
 * @throws forbidden; team_not_found.
 */
export function archiveTeam(ctx: Ctx, id: string): Promise<TeamRow> {
  return setArchived(ctx, id, true);
}

/** Takes a team out of the archive. Emits `team.unarchived` when it was archived. @throws forbidden; team_not_found. */
export function unarchiveTeam(ctx: Ctx, id: string): Promise<TeamRow> {
  return setArchived(ctx, id, false);
}

/**
 * Changes a team's fields and, when `archived` is given, archives or restores it, in one
 * transaction (each part emits its own event). @throws forbidden; team_not_found; team_name_taken.
 */
export async function updateTeamAndArchive(
  ctx: Ctx,
  id: string,
  patch: Partial<TeamInput>,
  archived?: boolean,
  expected: IfVersion = {},
): Promise<TeamWithMembers> {
  const changes = Object.values(patch).some((v) => v !== undefined);
  return inTransaction(ctx, async (tx) => {
    await assertTeamVersion(tx, id, expected);
    if (changes || archived === undefined) {
      await updateTeam(tx, id, patch);
    }
    if (archived !== undefined) {
      await setArchived(tx, id, archived);
    }
    return getTeam(tx, id);
  });
}
