import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.js';
import { preparedSql } from '../../db/prepared.js';
import type { ConversationRow } from '../../db/schema.js';
import type { Candidate, RoutingMode } from './selection.js';

/** Conversations assigned to the agent: what counts against its capacity. */
const activeCount = (agent: SQL) =>
  sql`(SELECT count(*) FROM conversations x
       WHERE x.org_id = a.org_id AND x.assignee_id = ${agent} AND x.status = 'assigned')`;

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

const teamRouting = preparedSql<
  { routing: RoutingMode; takes_work: boolean; cursor_id: string | null; cursor_order: number | null },
  { orgId: string; teamId: string }
>(
  'roster_team_routing',
  sql`
    SELECT t.routing, t.enabled AND t.archived_at IS NULL AS takes_work, t.routing_cursor_agent_id AS cursor_id,
      (SELECT m.priority FROM team_members m
       WHERE m.org_id = t.org_id AND m.team_id = t.id AND m.agent_id = t.routing_cursor_agent_id) AS cursor_order
    FROM teams t WHERE t.org_id = ${sql.placeholder('orgId')} AND t.id = ${sql.placeholder('teamId')}`,
);

export async function findTeamRouting(db: Db, orgId: string, teamId: string): Promise<TeamRouting | null> {
  const [row] = await teamRouting(db, { orgId, teamId });
  if (row === undefined) {
    return null;
  }
  return {
    mode: row.routing,
    takesWork: row.takes_work,
    cursor:
      row.cursor_id === null
        ? null
        : // A cursor agent that left the team keeps its place at the front of the order.
          { memberOrder: row.cursor_order ?? Number.NEGATIVE_INFINITY, agentId: row.cursor_id },
  };
}

const candidates = preparedSql<
  {
    agent_id: string;
    member_order: number;
    last_assigned_ms: number | null;
    capacity: number;
    active: number;
  },
  { orgId: string; teamId: string; channel: string | null }
>(
  'roster_routing_candidates',
  sql`
    SELECT * FROM (
      SELECT a.id AS agent_id, m.priority AS member_order,
        (extract(epoch from a.last_assigned_at) * 1000)::float8 AS last_assigned_ms,
        coalesce(a.max_concurrent, t.default_max_concurrent, o.default_max_concurrent) AS capacity,
        ${activeCount(sql`a.id`)}::int AS active
      FROM team_members m
      JOIN teams t ON t.org_id = m.org_id AND t.id = m.team_id
      JOIN agents a ON a.org_id = m.org_id AND a.id = m.agent_id
      JOIN orgs o ON o.id = m.org_id
      WHERE m.org_id = ${sql.placeholder('orgId')} AND m.team_id = ${sql.placeholder('teamId')}
        AND ${TEAM_ROUTES} AND ${WILLING} AND ${works(sql`${sql.placeholder('channel')}::text`)}
    ) c
    WHERE c.active < c.capacity`,
);

/**
 * Members of the team that the database says may take a conversation on `channel` now: willing,
 * working the channel, with fewer active conversations than their capacity in this team. Whether
 * they are online is the presence store's answer, asked by the caller.
 */
export async function findCandidates(
  db: Db,
  orgId: string,
  teamId: string,
  channel: string | null,
): Promise<Candidate[]> {
  return (await candidates(db, { orgId, teamId, channel })).map((r) => ({
    agentId: r.agent_id,
    memberOrder: Number(r.member_order),
    lastAssignedAt: r.last_assigned_ms === null ? null : new Date(Number(r.last_assigned_ms)),
    capacity: Number(r.capacity),
    active: Number(r.active),
  }));
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
  max_concurrent: number | null;
  org_default: number;
  channels: Record<string, boolean>;
  capacity: number;
  enabled: boolean;
  willing: boolean;
  eligible: boolean | null;
}

type LockParams = { orgId: string; agentId: string; teamId: string | null; channel: string | null };

const lockStatement = (skipLocked: boolean) => {
  const team = sql`${sql.placeholder('teamId')}::uuid`;
  return sql`
    SELECT a.max_concurrent, o.default_max_concurrent AS org_default, a.channels,
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
    WHERE a.org_id = ${sql.placeholder('orgId')} AND a.id = ${sql.placeholder('agentId')}
    FOR UPDATE OF a ${skipLocked ? sql`SKIP LOCKED` : sql``}`;
};
const lockWaiting = preparedSql<LockRow, LockParams>('roster_lock_agent', lockStatement(false));
const lockSkipping = preparedSql<LockRow, LockParams>('roster_lock_agent_skip', lockStatement(true));
const agentRowExists = preparedSql<{ one: number }, { orgId: string; agentId: string }>(
  'roster_agent_row_exists',
  sql`SELECT 1 AS one FROM agents WHERE org_id = ${sql.placeholder('orgId')} AND id = ${sql.placeholder('agentId')}`,
);
const activeOfAgent = preparedSql<{ active: number }, { orgId: string; agentId: string }>(
  'roster_agent_active',
  sql`
    SELECT count(*)::int AS active FROM conversations
    WHERE org_id = ${sql.placeholder('orgId')} AND assignee_id = ${sql.placeholder('agentId')}
      AND status = 'assigned'`,
);

/**
 * Locks the agent's row (`FOR UPDATE`) until the transaction ends, so that claims on the agent
 * take turns: the capacity check of the next statement then counts every assignment committed
 * before it. Without the lock, two transactions could both see the last slot free. With
 * `skipLocked`, an agent another transaction holds is reported `locked` instead of waited for.
 */
export async function lockAgent(
  db: Db,
  orgId: string,
  agentId: string,
  teamId: string | null,
  channel: string | null,
  options: { skipLocked?: boolean } = {},
): Promise<LockedAgent | 'locked' | null> {
  const lock = options.skipLocked ? lockSkipping : lockWaiting;
  const [row] = await lock(db, { orgId, agentId, teamId, channel });
  if (row === undefined) {
    if (options.skipLocked) {
      // Either another transaction holds the agent, or it does not exist: tell them apart.
      const exists = await agentRowExists(db, { orgId, agentId });
      return exists.length > 0 ? 'locked' : null;
    }
    return null;
  }
  // Counted after the lock is held: this statement's snapshot includes every earlier claim.
  const [count] = await activeOfAgent(db, { orgId, agentId });
  return {
    capacity: Number(row.capacity),
    active: Number(count?.active ?? 0),
    enabled: row.enabled,
    willing: row.willing,
    eligible: row.eligible === true,
    maxConcurrent: row.max_concurrent,
    orgDefault: Number(row.org_default),
    channels: row.channels,
  };
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
 * agent's load against `capacity`. Run it while holding `lockAgent`'s lock. Null when the
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

/** Records a routed assignment on the agent (least-busy tie-break) and the team (round-robin cursor). */
const assignmentStatement = preparedSql<
  never,
  { orgId: string; agentId: string; teamId: string | null; at: string }
>(
  'roster_record_assignment',
  // One round trip for both rows, agent first as before; without a team the second matches none.
  sql`
    WITH agent AS (
      UPDATE agents SET last_assigned_at = ${sql.placeholder('at')}::timestamptz
      WHERE org_id = ${sql.placeholder('orgId')} AND id = ${sql.placeholder('agentId')}
    )
    UPDATE teams SET routing_cursor_agent_id = ${sql.placeholder('agentId')}
    WHERE org_id = ${sql.placeholder('orgId')} AND id = ${sql.placeholder('teamId')}::uuid
      AND routing = 'round_robin'`,
);

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
