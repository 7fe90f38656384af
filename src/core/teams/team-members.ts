import { assertCan } from '../access.js';
import { existingAgentIds, findAgent } from '../agents/agents.repo.js';
import { type Ctx, inTransaction } from '../context.js';
import { ERRORS, found } from '../errors.js';
import { draftEvents, type EventDraft, type EventType } from '../events/events.js';
import { type Page, type PageRequest, toPage } from '../paging.js';
import { drainAfterCommit } from '../routing/routing.js';
import { type PriorityChange, setMemberPriorities } from './team-details.repo.js';
import {
  bumpTeams,
  deleteMembers,
  findTeam,
  insertMembers,
  listMemberRows,
  type MemberRow,
} from './teams.repo.js';

/** Most ids one bulk membership change may name (add and remove together). */
export const MAX_BULK_MEMBERS = 1000;
/** Most members a team may have: what keeps `GET /v1/teams/{id}`, which lists them all, bounded. */
export const MAX_TEAM_MEMBERS = 10_000;

export type MemberChangeStatus = 'added' | 'removed' | 'duplicate' | 'not_member' | 'not_found';

export interface MemberChangeResult {
  id: string;
  action: 'add' | 'remove';
  status: MemberChangeStatus;
}

/** @throws forbidden; team_not_found. */
export async function listTeamMembers(ctx: Ctx, teamId: string, page: PageRequest): Promise<Page<MemberRow>> {
  assertCan(ctx.actor, 'team.read');
  found(await findTeam(ctx.db, ctx.actor.orgId, teamId), () => ERRORS.teamNotFound(teamId));
  const rows = await listMemberRows(ctx.db, ctx.actor.orgId, teamId, page);
  return toPage(rows, page.limit, (m) => m.id);
}

/** Adds one agent, optionally at a priority. @throws forbidden; team_not_found; agent_not_found; already_member. */
export async function addTeamMember(
  ctx: Ctx,
  teamId: string,
  agentId: string,
  priority?: number,
): Promise<MemberRow> {
  const priorities = priority === undefined ? undefined : new Map([[agentId.toLowerCase(), priority]]);
  // One transaction: a refusal (already a member) rolls back the priority it would have set, and
  // announces nothing.
  const agent = await inTransaction(ctx, async (tx) => {
    const [result] = await updateTeamMembers(tx, teamId, { add: [agentId], remove: [] }, { priorities });
    if (result?.status === 'not_found') {
      throw ERRORS.agentNotFound(agentId);
    }
    if (result?.status === 'duplicate') {
      throw ERRORS.alreadyMember(teamId, agentId);
    }
    return found(await findAgent(tx.db, tx.actor.orgId, agentId), () => ERRORS.agentNotFound(agentId));
  });
  return {
    id: agent.id,
    email: agent.email,
    fullName: agent.fullName,
    phoneNumber: agent.phoneNumber,
    priority: priority ?? 0,
  };
}

/** Moves a member to `priority`. @throws forbidden; team_not_found; not_member (also for unknown agents). */
export async function setMemberPriority(
  ctx: Ctx,
  teamId: string,
  agentId: string,
  priority: number,
): Promise<MemberRow> {
  const priorities = new Map([[agentId.toLowerCase(), priority]]);
  // The same statements as an addition that finds the member there already; anything else (an
  // unknown agent, or one that the addition would have made a member) is refused and rolled back.
  const agent = await inTransaction(ctx, async (tx) => {
    const [result] = await updateTeamMembers(tx, teamId, { add: [agentId], remove: [] }, { priorities });
    if (result?.status !== 'duplicate') {
      throw ERRORS.notMember(teamId, agentId);
    }
    return found(await findAgent(tx.db, tx.actor.orgId, agentId), () => ERRORS.notMember(teamId, agentId));
  });
  return {
    id: agent.id,
    email: agent.email,
    fullName: agent.fullName,
    phoneNumber: agent.phoneNumber,
    priority,
  };
}

/** Removes one agent. @throws forbidden; team_not_found; not_member (also for unknown agents). */
export async function removeTeamMember(ctx: Ctx, teamId: string, agentId: string): Promise<void> {
  const [result] = await updateTeamMembers(ctx, teamId, { add: [], remove: [agentId] });
  if (result?.status !== 'removed') {
    throw ERRORS.notMember(teamId, agentId);
  }
}

/** Splits ids into the first occurrence of each and the repeats, keeping input order. */
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

/** Sets the given priorities of members among `ids`; returns those whose priority changed. */
async function applyPriorities(
  tx: Ctx,
  teamId: string,
  ids: string[],
  priorities: ReadonlyMap<string, number> | undefined,
): Promise<PriorityChange[]> {
  if (priorities === undefined) {
    return [];
  }
  const entries = ids.flatMap((id) => {
    const priority = priorities.get(id);
    return priority === undefined ? [] : [{ agentId: id, priority }];
  });
  return entries.length > 0 ? setMemberPriorities(tx.db, tx.actor.orgId, teamId, entries) : [];
}

export interface MemberChangeOptions {
  /**
   * Every id must name an agent of the org: the first that does not fails the whole call with
   * agent_not_found and nothing changes (Dixa's semantics). Otherwise it is reported `not_found`.
   */
  requireAll?: boolean;
  /**
   * Priorities (member order, lower first) of agents of the add list, by lower-case id: set on the
   * new members and changed on those already in the team. Members not named keep theirs (new: 0).
   */
  priorities?: ReadonlyMap<string, number>;
}

/**
 * Adds and removes members in one transaction, one set-based statement per direction, and reports
 * per id what happened. An id named twice in one list is reported `duplicate` the second time.
 * @throws forbidden; team_not_found; invalid_request (too many ids, or an id in both lists);
 *   agent_not_found (only with `requireAll`).
 */
export async function updateTeamMembers(
  ctx: Ctx,
  teamId: string,
  change: { add: string[]; remove: string[] },
  options: MemberChangeOptions = {},
): Promise<MemberChangeResult[]> {
  assertCan(ctx.actor, 'team.members.manage');
  if (change.add.length + change.remove.length > MAX_BULK_MEMBERS) {
    throw ERRORS.invalid('body', `may name at most ${MAX_BULK_MEMBERS} agent ids in add and remove together`);
  }
  // PostgreSQL returns uuids in lower case; compare in that form so an upper-case id (valid input) matches.
  const addIds = change.add.map((id) => id.toLowerCase());
  const removeIds = change.remove.map((id) => id.toLowerCase());
  const removing = new Set(removeIds);
  const both = change.add.find((id) => removing.has(id.toLowerCase()));
  if (both !== undefined) {
    throw ERRORS.invalid('body.remove', `must not repeat an id of body.add (${both})`);
  }
  const add = dedupe(addIds);
  const remove = dedupe(removeIds);
  const orgId = ctx.actor.orgId;
  const now = ctx.now();

  return inTransaction(ctx, async (tx) => {
    found(await findTeam(tx.db, orgId, teamId), () => ERRORS.teamNotFound(teamId));
    if (options.requireAll) {
      // Checked before any write, inside the transaction, so a concurrent delete cannot slip between.
      const named = [...add.unique, ...remove.unique];
      const known = await existingAgentIds(tx.db, orgId, named);
      const unknown = named.find((id) => !known.has(id));
      if (unknown !== undefined) {
        throw ERRORS.agentNotFound(unknown);
      }
    }
    const added = add.unique.length ? await insertMembers(tx.db, orgId, teamId, add.unique, now) : new Map();
    const removed = remove.unique.length
      ? await deleteMembers(tx.db, orgId, teamId, remove.unique)
      : new Map();

    const results: MemberChangeResult[] = [
      ...change.add.map((id, i): MemberChangeResult => {
        const outcome = added.get(id.toLowerCase());
        const status =
          outcome === undefined ? 'not_found' : outcome && !add.repeats.has(i) ? 'added' : 'duplicate';
        return { id, action: 'add', status };
      }),
      ...change.remove.map((id, i): MemberChangeResult => {
        const outcome = removed.get(id.toLowerCase());
        const status =
          outcome === undefined ? 'not_found' : outcome && !remove.repeats.has(i) ? 'removed' : 'not_member';
        return { id, action: 'remove', status };
      }),
    ];
    const addedIds = add.unique.filter((id) => added.get(id) === true);
    const removedIds = remove.unique.filter((id) => removed.get(id) === true);
    const reordered = await applyPriorities(tx, teamId, add.unique, options.priorities);
    const updated = reordered.filter((p) => added.get(p.agentId) === false);
    const updatedIds = updated.map((p) => p.agentId);
    if (addedIds.length + removedIds.length + updatedIds.length === 0) {
      return results;
    }
    const events: EventDraft<EventType>[] = [];
    if (addedIds.length > 0) {
      events.push({ type: 'team.members_added', payload: { team_id: teamId, agent_ids: addedIds } });
      // New members may take the team's queued work at once.
      await drainAfterCommit(tx, addedIds);
    }
    if (removedIds.length > 0) {
      events.push({ type: 'team.members_removed', payload: { team_id: teamId, agent_ids: removedIds } });
    }
    if (updatedIds.length > 0) {
      // Audited as each member's priority before and after, by agent id.
      events.push({
        type: 'team.members_updated',
        payload: { team_id: teamId, agent_ids: updatedIds },
        changes: {
          priority: [
            Object.fromEntries(updated.map((p) => [p.agentId, p.before])),
            Object.fromEntries(updated.map((p) => [p.agentId, p.after])),
          ],
        },
      });
    }
    // Each agent's side of the change (Zendesk's agent.groups_updated); the change itself is
    // audited once, by the team's event. The events share their team lists (one array each),
    // which lets their group tell at once what they have in common.
    const teamsChanged = (agentId: string, added: string[], removed: string[]) => ({
      type: 'agent.teams_changed' as const,
      payload: { agent_id: agentId, added_team_ids: added, removed_team_ids: removed },
      audited: false as const,
    });
    const thisTeam = [teamId];
    const none: string[] = [];
    events.push(
      ...addedIds.map((id) => teamsChanged(id, thisTeam, none)),
      ...removedIds.map((id) => teamsChanged(id, none, thisTeam)),
    );
    const draft = draftEvents(tx, events, orgId, tx.now());
    // The insert's trigger updated the team's member_count, locking its row: concurrent additions
    // take turns, and each sees the count the one before it committed. The events go with the
    // count, in one round trip; a team that is now too full fails the whole transaction.
    const [team] = await bumpTeams(tx.db, orgId, [teamId], draft.params);
    if (addedIds.length > 0 && (team?.member_count ?? 0) > MAX_TEAM_MEMBERS) {
      throw ERRORS.teamFull(teamId, MAX_TEAM_MEMBERS);
    }
    draft.written();
    return results;
  });
}

/**
 * Makes the team's members exactly `wanted` (agent ids), in one transaction, through
 * updateTeamMembers (its events and routing), in chunks of the most one call may name. An id that
 * is no agent of the org fails it all with agent_not_found and nothing changes. Members that stay
 * keep their priority.
 * @throws forbidden; team_not_found; agent_not_found; team_full.
 */
export async function setTeamMembers(ctx: Ctx, teamId: string, wanted: string[]): Promise<void> {
  assertCan(ctx.actor, 'team.members.manage');
  const target = [...new Set(wanted.map((id) => id.toLowerCase()))];
  await inTransaction(ctx, async (tx) => {
    found(await findTeam(tx.db, tx.actor.orgId, teamId), () => ERRORS.teamNotFound(teamId));
    const have = (await listMemberRows(tx.db, tx.actor.orgId, teamId, null)).map((m) => m.id);
    const current = new Set(have);
    const keep = new Set(target);
    const add = target.filter((id) => !current.has(id));
    const remove = have.filter((id) => !keep.has(id));
    const chunk = MAX_BULK_MEMBERS / 2;
    for (let i = 0; i < Math.max(add.length, remove.length); i += chunk) {
      const change = { add: add.slice(i, i + chunk), remove: remove.slice(i, i + chunk) };
      await updateTeamMembers(tx, teamId, change, { requireAll: true });
    }
  });
}
