import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.js';
import { preparedSql } from '../../db/prepared.js';
import type { ConversationRow } from '../../db/schema.js';
import type { Candidate, RoutingMode } from './selection.js';

/** The agent's chosen status counts as available (built-in working/away, or the org's own). */
const STATUS_AVAILABLE = sql`CASE a.presence_status WHEN 'working' THEN true WHEN 'away' THEN false
  ELSE coalesce((SELECT ps.available FROM presence_statuses ps
                 WHERE ps.org_id = a.org_id AND ps.key = a.presence_status), false) END`;

/** What the agent chose makes it take work: active, not trashed, available with an available status. */
const WILLING = sql`(a.status = 'active' AND a.trashed_at IS NULL AND a.available AND ${STATUS_AVAILABLE})`;

/** The agent works `channel`: no channel given, or its flag for it is not switched off. */
const works = (channel: SQL) =>
  sql`(${channel} IS NULL OR coalesce((a.channels ->> ${channel})::boolean, true))`;

/** A team takes new work: enabled, not archived, and not manual. */
const TEAM_ROUTES = sql`(t.enabled AND t.archived_at IS NULL AND t.routing <> 'manual')`;

/** The team's routing settings, with the member position of its round-robin cursor. */
export interface TeamRouting {
  mode: RoutingMode;
  takesWork: boolean;
  cursor: { memberOrder: number; agentId: string } | null;
}

/** A candidate as the routing query sends it: agent id, member order, last assignment (ms), capacity, load. */
type CandidateTuple = [string, number, number | null, number, number];

const teamCandidates = preparedSql<
  {
    routing: RoutingMode;
    takes_work: boolean;
    cursor_id: string | null;
    cursor_order: number | null;
    candidates: CandidateTuple[];
  },
  { orgId: string; teamId: string; channel: string | null }
>(
  'roster_team_candidates',
  // One row: the team's settings, and its candidates as one JSON array, which costs the driver a
  // single value to parse instead of five per member. Each member's load is its `assigned_count`,
  // kept by triggers: counting every member's conversations here cost a read of each of them.
  sql`
    SELECT t.routing, t.enabled AND t.archived_at IS NULL AS takes_work,
      t.routing_cursor_agent_id AS cursor_id, cursor_member.priority AS cursor_order,
      (SELECT coalesce(json_agg(json_build_array(a.id, m.priority,
                date_part('epoch', a.last_assigned_at) * 1000, room.capacity, a.assigned_count)), '[]')
       FROM team_members m
       JOIN agents a ON a.org_id = m.org_id AND a.id = m.agent_id
       CROSS JOIN LATERAL (
         SELECT coalesce(a.max_concurrent, t.default_max_concurrent, o.default_max_concurrent) AS capacity) room
       WHERE m.org_id = t.org_id AND m.team_id = t.id
         AND ${TEAM_ROUTES} AND ${WILLING} AND ${works(sql`${sql.placeholder('channel')}::text`)}
         AND a.assigned_count < room.capacity) AS candidates
    FROM teams t
    JOIN orgs o ON o.id = t.org_id
    LEFT JOIN team_members cursor_member ON cursor_member.org_id = t.org_id
      AND cursor_member.team_id = t.id AND cursor_member.agent_id = t.routing_cursor_agent_id
    WHERE t.org_id = ${sql.placeholder('orgId')} AND t.id = ${sql.placeholder('teamId')}`,
);

/**
 * The team's routing settings and the members that the database says may take a conversation on
 * `channel` now: willing, working the channel, with fewer active conversations than their capacity
 * in this team (none when the team takes no work or is manual). Whether they are online is the
 * presence store's answer, asked by the caller. Null when the team does not exist.
 */
export async function findTeamCandidates(
  db: Db,
  orgId: string,
  teamId: string,
  channel: string | null,
): Promise<{ team: TeamRouting; candidates: Candidate[] } | null> {
  const [row] = await teamCandidates(db, { orgId, teamId, channel });
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

/** The agent row, locked for this transaction, with what a claim needs to know. */
export interface LockedAgent {
  /** Capacity for a conversation of the given team (or, without one, of its most generous team). */
  capacity: number;
  active: number;
  /** Active and not trashed: may hold work at all. */
  enabled: boolean;
  /** Enabled, available with an available status: takes routed work of any team. */
  willing: boolean;
  /** Enabled, available with an available status, working the channel, member of the team. */
  eligible: boolean;
  maxConcurrent: number | null;
  orgDefault: number;
  channels: Record<string, boolean>;
}

interface LockRow {
  agent_id: string;
  active: number;
  max_concurrent: number | null;
  org_default: number;
  channels: Record<string, boolean>;
  capacity: number;
  enabled: boolean;
  willing: boolean;
  eligible: boolean | null;
}

/**
 * Locks an agent row of the org and reads what a claim needs of it. `which` is the condition that
 * picks the row (with its ORDER BY and LIMIT), `lock` the locking clause.
 */
const lockStatement = (which: SQL, lock: SQL) => {
  const team = sql`${sql.placeholder('teamId')}::uuid`;
  return sql`
    SELECT a.id AS agent_id, a.max_concurrent, o.default_max_concurrent AS org_default, a.channels,
      a.assigned_count AS active,
      coalesce(a.max_concurrent,
        CASE WHEN ${team} IS NULL THEN
          (SELECT max(t2.default_max_concurrent) FROM team_members m2
           JOIN teams t2 ON t2.org_id = m2.org_id AND t2.id = m2.team_id
           WHERE m2.org_id = a.org_id AND m2.agent_id = a.id)
        ELSE t.default_max_concurrent END,
        o.default_max_concurrent) AS capacity,
      (a.status = 'active' AND a.trashed_at IS NULL) AS enabled,
      ${WILLING} AS willing,
      (${WILLING} AND ${works(sql`${sql.placeholder('channel')}::text`)} AND ${TEAM_ROUTES}
        AND EXISTS (SELECT 1 FROM team_members m
                    WHERE m.org_id = a.org_id AND m.team_id = t.id AND m.agent_id = a.id)) AS eligible
    FROM agents a
    JOIN orgs o ON o.id = a.org_id
    LEFT JOIN teams t ON t.org_id = a.org_id AND t.id = ${team}
    WHERE a.org_id = ${sql.placeholder('orgId')} AND ${which}
    ${lock}`;
};
type LockParams = { orgId: string; teamId: string | null; channel: string | null };
const lockOne = preparedSql<LockRow, LockParams & { agentId: string }>(
  'roster_lock_agent',
  lockStatement(sql`a.id = ${sql.placeholder('agentId')}`, sql`FOR UPDATE OF a`),
);
const lockFirst = preparedSql<LockRow, LockParams & { agentIds: string[] }>(
  'roster_lock_first_agent',
  // Rows are locked in the order given and held ones skipped: the first free one of the list.
  lockStatement(
    sql`a.id = ANY(${sql.placeholder('agentIds')}::uuid[])
      ORDER BY array_position(${sql.placeholder('agentIds')}::uuid[], a.id) LIMIT 1`,
    sql`FOR UPDATE OF a SKIP LOCKED`,
  ),
);
/**
 * The locked row as a claim reads it. Its load (`assigned_count`) is exact for as long as the
 * lock is held: a row locked with FOR UPDATE comes back as its newest committed version, and every
 * assignment to the agent changes that column under the same lock (the triggers' update waits for
 * it), so no claim can have added one unseen.
 */
function lockedAgent(row: LockRow): LockedAgent & { id: string } {
  return {
    id: row.agent_id,
    capacity: Number(row.capacity),
    active: Number(row.active),
    enabled: row.enabled,
    willing: row.willing,
    eligible: row.eligible === true,
    maxConcurrent: row.max_concurrent,
    orgDefault: Number(row.org_default),
    channels: row.channels,
  };
}

/**
 * Locks the agent's row (`FOR UPDATE`) until the transaction ends, so that claims on the agent
 * take turns: the capacity check of the next statement then counts every assignment committed
 * before it. Without the lock, two transactions could both see the last slot free. Waits while
 * another transaction holds it; null when the agent does not exist.
 */
export async function lockAgent(
  db: Db,
  orgId: string,
  agentId: string,
  teamId: string | null,
  channel: string | null,
): Promise<(LockedAgent & { id: string }) | null> {
  const [row] = await lockOne(db, { orgId, agentId, teamId, channel });
  return row === undefined ? null : lockedAgent(row);
}

/**
 * Like `lockAgent`, for the first of `agentIds` (in that order) that no other transaction holds,
 * in one statement: concurrent routings that ranked the same agents first pass over each other's
 * picks instead of queueing behind them. Null when every one is held (or gone).
 */
export async function lockFirstFreeAgent(
  db: Db,
  orgId: string,
  agentIds: readonly string[],
  teamId: string | null,
  channel: string | null,
): Promise<(LockedAgent & { id: string }) | null> {
  const [row] = await lockFirst(db, { orgId, agentIds: [...agentIds], teamId, channel });
  return row === undefined ? null : lockedAgent(row);
}

const lockRows = preparedSql<{ id: string }, { orgId: string; agentIds: string[] }>(
  'roster_lock_agent_rows',
  sql`SELECT id FROM agents WHERE org_id = ${sql.placeholder('orgId')} AND id = ANY(${sql.placeholder('agentIds')}::uuid[])
      ORDER BY id FOR UPDATE`,
);

/**
 * Locks the agents' rows, in id order, until the transaction ends: for a change to a conversation
 * that moves load off (or onto) them, which takes their locks before the conversation's, as every
 * claim does. The triggers that keep `assigned_count` update those rows at the end of the
 * conversation's statement: without this, they would take the agents' locks after the
 * conversation's, the other way round, and two such changes could wait on each other.
 */
export async function lockAgentRows(
  db: Db,
  orgId: string,
  agentIds: readonly (string | null)[],
): Promise<void> {
  const ids = agentIds.filter((id): id is string => id !== null);
  if (ids.length > 0) {
    await lockRows(db, { orgId, agentIds: ids });
  }
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
  const at = now.toISOString();
  const result = await db.execute(sql`
    WITH next AS (
      SELECT c.id AS next_id FROM conversations c
      JOIN team_members m ON m.org_id = c.org_id AND m.team_id = c.team_id AND m.agent_id = ${agent.id}
      JOIN teams t ON t.org_id = c.org_id AND t.id = c.team_id
      WHERE c.org_id = ${orgId} AND c.status = 'queued' AND ${TEAM_ROUTES}
        AND (c.channel IS NULL OR coalesce((${JSON.stringify(agent.channels)}::jsonb ->> c.channel)::boolean, true))
        AND (SELECT count(*) FROM conversations x
             WHERE x.org_id = ${orgId} AND x.assignee_id = ${agent.id} AND x.status = 'assigned')
          < coalesce(${agent.maxConcurrent}::int, t.default_max_concurrent, ${agent.orgDefault}::int)
      ORDER BY c.priority DESC, c.created_at, c.id
      LIMIT 1
      FOR UPDATE OF c SKIP LOCKED
    )
    UPDATE conversations c
    SET status = 'assigned', assignee_id = ${agent.id}, assigned_at = ${at}::timestamptz,
      updated_at = ${at}::timestamptz
    FROM next WHERE c.id = next.next_id AND c.org_id = ${orgId}
    ${RETURNING}`);
  return conversationsOf(result)[0] ?? null;
}

/**
 * The two updates that record a routed assignment, on the agent (least-busy tie-break) and on the
 * team (round-robin cursor; without a team it matches none), as the named parts of a WITH clause,
 * so that a statement making the assignment can record it in the same round trip. Only rows that
 * also meet `when` change. Parameters: `orgId`, `agentId`, `teamId`, `at`.
 */
export const recordingAssignment = (when: SQL) => sql`
    agent_assigned AS (
      UPDATE agents SET last_assigned_at = ${sql.placeholder('at')}::timestamptz
      WHERE org_id = ${sql.placeholder('orgId')} AND id = ${sql.placeholder('agentId')} AND ${when}
    ),
    team_cursor AS (
      UPDATE teams SET routing_cursor_agent_id = ${sql.placeholder('agentId')}
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
