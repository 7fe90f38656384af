import { assertCan } from '../access.js';
import type { Ctx } from '../context.js';
import { ERRORS } from '../errors.js';
import type { EventDraft } from '../events/events.js';
import { groupBy } from '../group-by.js';
import { newId } from '../ids.js';
import { drainAfterCommit } from '../routing/routing.js';
import {
  insertMemberPairs,
  insertNamedTeams,
  lockTeams,
  type NamedTeam,
  teamsByLowerName,
} from './team-joins.repo.js';
import { MAX_TEAM_MEMBERS } from './team-members.js';
import { bumpTeams } from './teams.repo.js';

/** One agent and the teams, by name (case-insensitive), it is to be a member of. */
export interface TeamJoin {
  agentId: string;
  teams: string[];
}

export interface TeamJoinOutcome {
  /** Teams that did not exist and were created (in a dry run: would be; their ids are then null). */
  teamsCreated: { id: string | null; name: string }[];
  /** Per agent, the ids of the teams it joined (not those it was a member of already). */
  joined: Map<string, string[]>;
  /** The events announcing the change, for the caller to append with its own in one statement. */
  events: EventDraft<JoinEventType>[];
}

type JoinEventType = 'team.created' | 'team.members_added' | 'agent.teams_changed';

/** The names of `joins`, by lower-cased name, with the spelling of their first mention. */
function namesOf(joins: TeamJoin[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const join of joins) {
    for (const name of join.teams) {
      const lower = name.toLowerCase();
      if (!names.has(lower)) {
        names.set(lower, name);
      }
    }
  }
  return names;
}

/**
 * Makes each agent a member of the teams it names, in the transaction of `tx`, creating the teams
 * that do not exist (archived ones count as existing), in a fixed number of statements whatever
 * the count: the membership side of a bulk import. Memberships are only ever added. The events it
 * returns: each team created, each team that gains members announces them (`team.members_added`,
 * audited), and each agent that joins teams says which (`agent.teams_changed`), as a change through
 * `PATCH /v1/teams/{id}/members` does; except agents of `newAgents`, created by the same change,
 * whose `agent.created` names their teams.
 * @throws forbidden; team_full.
 */
export async function joinTeamsByName(
  tx: Ctx,
  joins: TeamJoin[],
  options: { dryRun?: boolean; newAgents?: ReadonlySet<string> } = {},
): Promise<TeamJoinOutcome> {
  const names = namesOf(joins);
  if (names.size === 0) {
    return { teamsCreated: [], joined: new Map(), events: [] };
  }
  assertCan(tx.actor, 'team.members.manage');
  const orgId = tx.actor.orgId;
  const now = tx.now();
  const byLower = new Map<string, string>();
  const found = await teamsByLowerName(tx.db, orgId, [...names.keys()]);
  for (const team of found) {
    byLower.set(team.name.toLowerCase(), team.id);
  }
  // Sorted, so two calls creating the same teams wait for each other in the same order.
  const missing = [...names]
    .filter(([lower]) => !byLower.has(lower))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, name]) => name);
  if (missing.length > 0) {
    assertCan(tx.actor, 'team.create');
  }
  if (options.dryRun) {
    return { teamsCreated: missing.map((name) => ({ id: null, name })), joined: new Map(), events: [] };
  }
  const created = await insertNamedTeams(
    tx.db,
    orgId,
    missing.map((name): NamedTeam => ({ id: newId(), name })),
    now,
  );
  for (const team of created) {
    byLower.set(team.name.toLowerCase(), team.id);
  }
  if (created.length < missing.length) {
    // Created by another call meanwhile (it has committed: the insert waited for it).
    const late = missing.filter((name) => !byLower.has(name.toLowerCase()));
    for (const team of await teamsByLowerName(
      tx.db,
      orgId,
      late.map((n) => n.toLowerCase()),
    )) {
      byLower.set(team.name.toLowerCase(), team.id);
    }
  }

  const pairs = joins.flatMap((join) =>
    [...new Set(join.teams.map((name) => byLower.get(name.toLowerCase()) as string))].map((teamId) => ({
      teamId,
      agentId: join.agentId,
    })),
  );
  const teamIds = [...new Set(pairs.map((p) => p.teamId))];
  await lockTeams(tx.db, orgId, teamIds);
  const added = await insertMemberPairs(tx.db, orgId, pairs, now);
  const joined = groupBy(
    added,
    (p) => p.agent_id,
    (p) => p.team_id,
  );
  const byTeam = groupBy(
    added,
    (p) => p.team_id,
    (p) => p.agent_id,
  );
  const counts = byTeam.size === 0 ? [] : await bumpTeams(tx.db, orgId, [...byTeam.keys()]);
  const full = counts.find((t) => t.member_count > MAX_TEAM_MEMBERS);
  if (full !== undefined) {
    throw ERRORS.teamFull(full.id, MAX_TEAM_MEMBERS);
  }
  const events: EventDraft<JoinEventType>[] = [
    ...created.map((t) => ({ type: 'team.created' as const, payload: { team_id: t.id, name: t.name } })),
    ...[...byTeam].map(([teamId, agentIds]) => ({
      type: 'team.members_added' as const,
      payload: { team_id: teamId, agent_ids: agentIds },
    })),
    // Each agent's side of the change, audited once by its team's event (see updateTeamMembers).
    ...[...joined]
      .filter(([agentId]) => !options.newAgents?.has(agentId))
      .map(([agentId, teamIdsJoined]) => ({
        type: 'agent.teams_changed' as const,
        payload: { agent_id: agentId, added_team_ids: teamIdsJoined, removed_team_ids: [] },
        audited: false as const,
      })),
  ];
  // New members may take their teams' queued work at once.
  await drainAfterCommit(tx, [...joined.keys()]);
  return { teamsCreated: created.map((t) => ({ id: t.id, name: t.name })), joined, events };
}
