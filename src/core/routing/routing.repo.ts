import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.js';
import { preparedSql } from '../../db/prepared.js';
import type { ConversationRow } from '../../db/schema.js';
import { sharedRead } from '../../db/shared-read.js';
import type { LockedAgent } from './agent-locks.repo.js';
import { CHANNEL, TEAM_CAPACITY, TEAM_ROUTES, WILLING, works } from './eligibility.sql.js';
import type { Candidate, RoutingMode } from './selection.js';

/** The team's routing settings, with the member position of its round-robin cursor. */
export interface TeamRouting {
  mode: RoutingMode;
  takesWork: boolean;
  cursor: { memberOrder: number; agentId: string } | null;
}

/** A candidate as the routing query sends it: agent id, member order, last assignment (ms), capacity, load. */
type CandidateTuple = [string, number, number | null, number, number];

/** A limit no team reaches: every candidate. */
export const ALL_CANDIDATES = 2_147_483_647;

/**
 * The candidates of one routing mode, best first by `order` and at most `limit` of them, as a
 * branch of the candidate query: `mode` is a condition on the team alone, which PostgreSQL checks
 * once, so only the team's own mode's branch reads anything.
 */
const candidatesOfMode = (mode: SQL, order: SQL, limit: SQL) => sql`(
         SELECT a.id, m.priority, date_part('epoch', a.last_assigned_at) * 1000 AS last_ms, room.capacity,
           a.assigned_count
         FROM members m
         JOIN agents a ON a.org_id = t.org_id AND a.id = m.agent_id
         CROSS JOIN LATERAL (SELECT ${TEAM_CAPACITY} AS capacity) room
         WHERE ${mode} AND ${TEAM_ROUTES} AND ${WILLING} AND ${works(CHANNEL)}
           AND a.assigned_count < room.capacity
         ORDER BY ${order}
         ${limit})`;

const teamCandidates = preparedSql<
  {
    routing: RoutingMode;
    takes_work: boolean;
    cursor_id: string | null;
    cursor_order: number | null;
    candidates: CandidateTuple[];
  },
  { orgId: string; teamId: string; channel: string | null; limit: number }
>(
  'roster_team_candidates',
  // One row: the team's settings, and its candidates as one JSON array, which costs the driver a
  // single value to parse instead of five per member. Each member's load is its `assigned_count`,
  // kept by triggers: counting every member's conversations here cost a read of each of them.
  // The members are read first, through the team's key: left to join as it liked, the planner
  // drove from the org's agents once team_members had churned, probing the key once per agent.
  // The candidates come ordered by the team's mode as `rankCandidates` orders them, and only the
  // best `limit`; least_busy's ties on load and last assignment all come (WITH TIES), because
  // its last tie-break is a hash that only `rankCandidates` computes. One branch per mode keeps
  // each ordering plain (ordering both modes by CASE keys cost about an eighth of the query).
  sql`
    WITH members AS MATERIALIZED (
      SELECT agent_id, priority FROM team_members
      WHERE org_id = ${sql.placeholder('orgId')} AND team_id = ${sql.placeholder('teamId')})
    SELECT t.routing, t.enabled AND t.archived_at IS NULL AS takes_work,
      t.routing_cursor_agent_id AS cursor_id, cursor_member.priority AS cursor_order,
      (SELECT coalesce(json_agg(json_build_array(c.id, c.priority, c.last_ms, c.capacity, c.assigned_count)), '[]')
       FROM (
         -- least_busy: fewest assigned, then longest since the last assignment (in whole ms, as a
         -- JavaScript Date holds it), never assigned first.
         ${candidatesOfMode(
           sql`t.routing = 'least_busy'`,
           sql`a.assigned_count, floor(date_part('epoch', a.last_assigned_at) * 1000) NULLS FIRST`,
           sql`FETCH FIRST ${sql.placeholder('limit')} ROWS WITH TIES`,
         )}
         UNION ALL
         -- round_robin: member order, starting after the cursor and going round.
         ${candidatesOfMode(
           sql`t.routing = 'round_robin'`,
           sql`cursor_member.priority IS NOT NULL
             AND (m.priority, a.id) <= (cursor_member.priority, t.routing_cursor_agent_id), m.priority, a.id`,
           sql`LIMIT ${sql.placeholder('limit')}`,
         )}) c) AS candidates
    FROM teams t
    JOIN orgs o ON o.id = t.org_id
    LEFT JOIN team_members cursor_member ON cursor_member.org_id = t.org_id
      AND cursor_member.team_id = t.id AND cursor_member.agent_id = t.routing_cursor_agent_id
    WHERE t.org_id = ${sql.placeholder('orgId')} AND t.id = ${sql.placeholder('teamId')}`,
);

type TeamCandidates = { team: TeamRouting; candidates: readonly Candidate[] } | null;

/** Routings of one team running at once share the candidate read (see `sharedRead`). */
const candidateReads = sharedRead<TeamCandidates>();

/**
 * The team's routing settings and the members that the database says may take a conversation on
 * `channel` now: willing, working the channel, with fewer active conversations than their capacity
 * in this team (none when the team takes no work or is manual). Whether they are online is the
 * presence store's answer, asked by the caller. Only the best `limit` by the team's mode come,
 * with least_busy's ties (see the statement): `rankCandidates` of them is the start of
 * `rankCandidates` of all. Null when the team does not exist.
 *
 * Concurrent calls with the same arguments share one read that started after each of them was
 * made, and the same answer: callers must not change it.
 */
export function findTeamCandidates(
  db: Db,
  orgId: string,
  teamId: string,
  channel: string | null,
  limit: number = ALL_CANDIDATES,
): Promise<TeamCandidates> {
  return candidateReads(db, JSON.stringify([orgId, teamId, channel, limit]), () =>
    readTeamCandidates(db, orgId, teamId, channel, limit),
  );
}

async function readTeamCandidates(
  db: Db,
  orgId: string,
  teamId: string,
  channel: string | null,
  limit: number,
): Promise<TeamCandidates> {
  const [row] = await teamCandidates(db, { orgId, teamId, channel, limit });
  if (row === undefined) {
    return null;
  }
  const team: TeamRouting = {
    mode: row.routing,
    takesWork: row.takes_work,
    cursor:
      row.cursor_id === null
        ? null
        : // A cursor agent that left the team keeps its place at the front of the order.
          { memberOrder: row.cursor_order ?? Number.NEGATIVE_INFINITY, agentId: row.cursor_id },
  };
  const candidates = row.candidates.map(([agentId, memberOrder, lastAssignedMs, capacity, active]) => ({
    agentId,
    memberOrder,
    lastAssignedAt: lastAssignedMs === null ? null : new Date(lastAssignedMs),
    capacity,
    active,
  }));
  return { team, candidates };
}

export interface RawConversation {
  id: string;
  org_id: string;
  team_id: string | null;
  assignee_id: string | null;
  status: 'queued' | 'assigned' | 'closed';
  channel: string | null;
  external_id: string | null;
  priority: number;
  metadata: Record<string, unknown>;
  created_ms: number;
  updated_ms: number;
  assigned_ms: number | null;
  closed_ms: number | null;
}

const ms = (v: number | null) => (v === null ? null : new Date(Number(v)));

export const RETURNING = sql`RETURNING id, org_id, team_id, assignee_id, status, channel, external_id, priority,
  metadata, (extract(epoch from created_at) * 1000)::float8 AS created_ms,
  (extract(epoch from updated_at) * 1000)::float8 AS updated_ms,
  (extract(epoch from assigned_at) * 1000)::float8 AS assigned_ms,
  (extract(epoch from closed_at) * 1000)::float8 AS closed_ms`;

export function toConversation(r: RawConversation): ConversationRow {
  return {
    id: r.id,
    orgId: r.org_id,
    teamId: r.team_id,
    assigneeId: r.assignee_id,
    status: r.status,
    channel: r.channel,
    externalId: r.external_id,
    priority: Number(r.priority),
    metadata: r.metadata,
    createdAt: new Date(Number(r.created_ms)),
    updatedAt: new Date(Number(r.updated_ms)),
    assignedAt: ms(r.assigned_ms),
    closedAt: ms(r.closed_ms),
  };
}

export const conversationsOf = (result: unknown) => rowsOf<RawConversation>(result).map(toConversation);

/**
 * The claim: assigns the queued conversation to the agent in one statement that re-checks the
 * agent's load against `capacity`. Run it while holding the agent's lock (`lockAgent`). Null when the
 * conversation is no longer queued or the agent has no room left.
 */
const claimStatement = preparedSql<
  RawConversation,
  { orgId: string; conversationId: string; agentId: string; capacity: number; at: string }
>(
  'roster_claim_queued',
  sql`
    UPDATE conversations c
    SET status = 'assigned', assignee_id = ${sql.placeholder('agentId')},
      assigned_at = ${sql.placeholder('at')}::timestamptz, updated_at = ${sql.placeholder('at')}::timestamptz
    WHERE c.org_id = ${sql.placeholder('orgId')} AND c.id = ${sql.placeholder('conversationId')}
      AND c.status = 'queued'
      AND (SELECT count(*) FROM conversations x
           WHERE x.org_id = ${sql.placeholder('orgId')} AND x.assignee_id = ${sql.placeholder('agentId')}
             AND x.status = 'assigned') < ${sql.placeholder('capacity')}
    ${RETURNING}`,
);

export async function claimQueued(
  db: Db,
  orgId: string,
  conversationId: string,
  agentId: string,
  capacity: number,
  now: Date,
): Promise<ConversationRow | null> {
  const [row] = await claimStatement(db, { orgId, conversationId, agentId, capacity, at: now.toISOString() });
  return row === undefined ? null : toConversation(row);
}

/**
 * Gives the agent the oldest, highest-priority queued conversation of its routed teams that it can
 * take (channel, room under that team's capacity), in one statement. Run it while holding
 * `lockAgent`'s lock. Rows other transactions hold are skipped, not waited for.
 */
export async function claimNextQueued(
  db: Db,
  orgId: string,
  agent: { id: string } & LockedAgent,
  now: Date,
): Promise<ConversationRow | null> {
  const [row] = await claimNextStatement(db, {
    orgId,
    agentId: agent.id,
    channels: JSON.stringify(agent.channels),
    maxConcurrent: agent.maxConcurrent,
    orgDefault: agent.orgDefault,
    at: now.toISOString(),
  });
  return row === undefined ? null : toConversation(row);
}

/** claimNextQueued's statement, prepared: it runs on every drain, after every close. */
const claimNextStatement = preparedSql<
  RawConversation,
  {
    orgId: string;
    agentId: string;
    channels: string;
    maxConcurrent: number | null;
    orgDefault: number;
    at: string;
  }
>(
  'roster_claim_next_queued',
  sql`
    WITH next AS (
      SELECT c.id AS next_id FROM conversations c
      JOIN team_members m ON m.org_id = c.org_id AND m.team_id = c.team_id
        AND m.agent_id = ${sql.placeholder('agentId')}::uuid
      JOIN teams t ON t.org_id = c.org_id AND t.id = c.team_id
      WHERE c.org_id = ${sql.placeholder('orgId')}::uuid AND c.status = 'queued' AND ${TEAM_ROUTES}
        AND (c.channel IS NULL
          OR coalesce((${sql.placeholder('channels')}::jsonb ->> c.channel)::boolean, true))
        AND (SELECT count(*) FROM conversations x
             WHERE x.org_id = ${sql.placeholder('orgId')}::uuid AND x.assignee_id = ${sql.placeholder('agentId')}::uuid
               AND x.status = 'assigned')
          < coalesce(${sql.placeholder('maxConcurrent')}::int, t.default_max_concurrent,
                     ${sql.placeholder('orgDefault')}::int)
      ORDER BY c.priority DESC, c.created_at, c.id
      LIMIT 1
      FOR UPDATE OF c SKIP LOCKED
    )
    UPDATE conversations c
    SET status = 'assigned', assignee_id = ${sql.placeholder('agentId')}::uuid,
      assigned_at = ${sql.placeholder('at')}::timestamptz, updated_at = ${sql.placeholder('at')}::timestamptz
    FROM next WHERE c.id = next.next_id AND c.org_id = ${sql.placeholder('orgId')}::uuid
    ${RETURNING}`,
);

/**
 * The two updates that record a routed assignment, on the agent (least-busy tie-break) and on the
 * team (round-robin cursor; without a team it matches none), as the named parts of a WITH clause,
 * so that a statement making the assignment can record it in the same round trip. Only rows that
 * also meet `when` change. Parameters: `orgId`, `teamId`, `at`, and `agentId` unless `agent` says
 * which agent it is.
 */
export const recordingAssignment = (when: SQL, agent: SQL = sql`${sql.placeholder('agentId')}`) => sql`
    agent_assigned AS (
      UPDATE agents SET last_assigned_at = ${sql.placeholder('at')}::timestamptz
      WHERE org_id = ${sql.placeholder('orgId')} AND id = ${agent} AND ${when}
    ),
    team_cursor AS (
      UPDATE teams SET routing_cursor_agent_id = ${agent}
      WHERE org_id = ${sql.placeholder('orgId')} AND id = ${sql.placeholder('teamId')}::uuid
        AND routing = 'round_robin' AND ${when}
    )`;

/** Records a routed assignment (see `recordingAssignment`): every part of a WITH clause runs. */
const assignmentStatement = preparedSql<
  never,
  { orgId: string; agentId: string; teamId: string | null; at: string }
>('roster_record_assignment', sql`WITH ${recordingAssignment(sql`true`)} SELECT 1`);

export async function recordAssignment(
  db: Db,
  orgId: string,
  agentId: string,
  teamId: string | null,
  now: Date,
): Promise<void> {
  await assignmentStatement(db, { orgId, agentId, teamId, at: now.toISOString() });
}

/** Members of any of the teams, in member order: the agents whose drain may find the teams' work. */
export async function membersOfTeams(db: Db, orgId: string, teamIds: string[]): Promise<string[]> {
  if (teamIds.length === 0) {
    return [];
  }
  const result = await db.execute(sql`
    SELECT m.agent_id, min(m.priority) AS member_order FROM team_members m
    WHERE m.org_id = ${orgId} AND m.team_id = ANY(${sql.param(teamIds)}::uuid[])
    GROUP BY m.agent_id ORDER BY member_order, m.agent_id`);
  return rowsOf<{ agent_id: string }>(result).map((r) => r.agent_id);
}

/** Every agent of the org that belongs to a team, in member order. */
export async function teamMembersOfOrg(db: Db, orgId: string): Promise<string[]> {
  const result = await db.execute(sql`
    SELECT m.agent_id, min(m.priority) AS member_order FROM team_members m
    WHERE m.org_id = ${orgId}
    GROUP BY m.agent_id ORDER BY member_order, m.agent_id`);
  return rowsOf<{ agent_id: string }>(result).map((r) => r.agent_id);
}

/** Agents of the org whose chosen status is `key`. */
export async function agentsWithStatus(db: Db, orgId: string, key: string): Promise<string[]> {
  const result = await db.execute(sql`
    SELECT id FROM agents WHERE org_id = ${orgId} AND presence_status = ${key} ORDER BY id`);
  return rowsOf<{ id: string }>(result).map((r) => r.id);
}
