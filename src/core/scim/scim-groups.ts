import type { TeamRow } from '../../db/schema.js';
import { assertCan } from '../access.js';
import { type Ctx, inTransaction } from '../context.js';
import { DomainError, ERRORS, ErrorCode, found } from '../errors.js';
import { groupBy } from '../group-by.js';
import { isUuid } from '../ids.js';
import { setTeamMembers } from '../teams/team-members.js';
import { createTeam, deleteTeam, updateTeam } from '../teams/teams.js';
import { findTeam, lockTeamVersion } from '../teams/teams.repo.js';
import { assertVersion, type IfVersion } from '../versions.js';
import type { CountedPage, GroupField, IndexPage, Predicate } from './query.js';
import { listTeamsWhere, membersOfTeams } from './scim.repo.js';

/** What an identity provider says a group is: the team's name, its id there, and who is in it. */
export interface ScimGroupState {
  name: string;
  externalId: string | null;
  memberIds: string[];
}

/** A team as provisioning shows it; `members` is null when the caller did not ask for them. */
export interface ScimGroup {
  team: TeamRow;
  members: { id: string; fullName: string }[] | null;
}

/** Lower-cased, deduplicated member ids. @throws invalid_request naming an id that is no agent id. */
function memberIdsOf(state: ScimGroupState): string[] {
  const bad = state.memberIds.find((id) => !isUuid(id));
  if (bad !== undefined) {
    throw ERRORS.invalid('members', `names "${bad}", which is not the id of a user`);
  }
  return [...new Set(state.memberIds.map((id) => id.toLowerCase()))];
}

/** Sets the team's members inside `tx` (the core's one rule for it); an unknown user fails it all. */
async function setMembers(tx: Ctx, teamId: string, wanted: string[]): Promise<void> {
  try {
    await setTeamMembers(tx, teamId, wanted);
  } catch (err) {
    if (err instanceof DomainError && err.code === ErrorCode.AgentNotFound) {
      throw ERRORS.invalid(
        'members',
        `names ${err.message.replace(/ not found$/, '')}, which is no user of this org`,
      );
    }
    throw err;
  }
}

async function withMembers(tx: Ctx, team: TeamRow): Promise<ScimGroup> {
  const members = await membersOfTeams(tx.db, tx.actor.orgId, [team.id]);
  return { team, members: members.map((m) => ({ id: m.agentId, fullName: m.fullName })) };
}

/** Creates a team with its members in one transaction. @throws forbidden; team_name_taken; invalid_request. */
export async function createScimGroup(ctx: Ctx, state: ScimGroupState): Promise<ScimGroup> {
  assertCan(ctx.actor, 'team.create');
  const memberIds = memberIdsOf(state);
  return inTransaction(ctx, async (tx) => {
    const team = await createTeam(tx, { name: state.name, externalId: state.externalId });
    await setMembers(tx, team.id, memberIds);
    return withMembers(
      tx,
      found(await findTeam(tx.db, tx.actor.orgId, team.id), () => ERRORS.teamNotFound(team.id)),
    );
  });
}

/**
 * Replaces or patches a team: `build` turns the group as it is now (read with the team locked)
 * into the state wanted; the name and the members change in one transaction.
 * @throws forbidden; team_not_found; precondition_failed; team_name_taken; invalid_request.
 */
export async function changeScimGroup(
  ctx: Ctx,
  id: string,
  build: (current: ScimGroup) => ScimGroupState,
  expected: IfVersion = {},
): Promise<ScimGroup> {
  assertCan(ctx.actor, 'team.members.manage');
  return inTransaction(ctx, async (tx) => {
    const orgId = tx.actor.orgId;
    const lock = () => lockTeamVersion(tx.db, orgId, id);
    await assertVersion(lock, expected, `Team ${id}`, () => ERRORS.teamNotFound(id));
    if (expected.ifVersion === undefined) {
      found(await lock(), () => ERRORS.teamNotFound(id));
    }
    const team = found(await findTeam(tx.db, orgId, id), () => ERRORS.teamNotFound(id));
    const current = await withMembers(tx, team);
    const state = build(current);
    const wanted = memberIdsOf(state);
    if (state.name !== team.name || state.externalId !== team.externalId) {
      await updateTeam(tx, id, { name: state.name, externalId: state.externalId });
    }
    await setMembers(tx, id, wanted);
    return withMembers(
      tx,
      found(await findTeam(tx.db, orgId, id), () => ERRORS.teamNotFound(id)),
    );
  });
}

/** @throws forbidden; team_not_found. */
export async function getScimGroup(ctx: Ctx, id: string, members: boolean): Promise<ScimGroup> {
  assertCan(ctx.actor, 'team.read');
  const team = found(await findTeam(ctx.db, ctx.actor.orgId, id), () => ERRORS.teamNotFound(id));
  return members ? withMembers(ctx, team) : { team, members: null };
}

/** @throws forbidden; team_not_found; precondition_failed. */
export function deleteScimGroup(ctx: Ctx, id: string, expected: IfVersion = {}): Promise<void> {
  return deleteTeam(ctx, id, expected);
}

/** Teams matching a provisioning query, with their members unless left out. @throws forbidden. */
export async function listScimGroups(
  ctx: Ctx,
  where: Predicate<GroupField>,
  page: IndexPage,
  members: boolean,
): Promise<CountedPage<ScimGroup>> {
  assertCan(ctx.actor, 'team.read');
  const { total, items } = await listTeamsWhere(ctx.db, ctx.actor.orgId, where, page);
  if (!members) {
    return { total, items: items.map((team) => ({ team, members: null })) };
  }
  const all = await membersOfTeams(
    ctx.db,
    ctx.actor.orgId,
    items.map((t) => t.id),
  );
  const byTeam = groupBy(all, (m) => m.teamId);
  return {
    total,
    items: items.map((team) => ({
      team,
      members: (byTeam.get(team.id) ?? []).map((m) => ({ id: m.agentId, fullName: m.fullName })),
    })),
  };
}
