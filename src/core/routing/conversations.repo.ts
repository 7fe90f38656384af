import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.js';
import { preparedSql, preparedSqlVariants } from '../../db/prepared.js';
import type { ConversationRow } from '../../db/schema.js';
import { appendingEvents, type EventParams } from '../events/events.js';
import type { PageRequest } from '../paging.js';
import { CHANNEL, TEAM_CAPACITY, takesTeamWork } from './eligibility.sql.js';
import {
  conversationsOf,
  type RawConversation,
  RETURNING,
  recordingAssignment,
  toConversation,
} from './routing.repo.js';

export type ConversationStatus = 'queued' | 'assigned' | 'closed';

const SELECT = sql`SELECT id, org_id, team_id, assignee_id, status, channel, external_id, priority, metadata,
  (extract(epoch from created_at) * 1000)::float8 AS created_ms,
  (extract(epoch from updated_at) * 1000)::float8 AS updated_ms,
  (extract(epoch from assigned_at) * 1000)::float8 AS assigned_ms,
  (extract(epoch from closed_at) * 1000)::float8 AS closed_ms
  FROM conversations`;

export interface NewConversation {
  id: string;
  orgId: string;
  teamId: string | null;
  channel: string | null;
  externalId: string | null;
  priority: number;
  metadata: Record<string, unknown>;
  now: Date;
  /** Inserted already assigned to this agent, the assignment recorded (the caller holds the agent's lock). */
  assigneeId: string | null;
}

type InsertParams = {
  id: string;
  orgId: string;
  teamId: string | null;
  assigneeId: string | null;
  status: 'assigned' | 'queued';
  channel: string | null;
  externalId: string | null;
  priority: number;
  metadata: string;
  at: string;
  assignedAt: string | null;
};

/**
 * The INSERT of one conversation, skipped when the org already has its external id. The agent, the
 * status and the assignment time are given as SQL, read from `from` when they come from another
 * part of the statement.
 */
const insertingConversation = (assignee: SQL, status: SQL, assignedAt: SQL, from: SQL = sql``) => sql`
    INSERT INTO conversations (id, org_id, team_id, assignee_id, status, channel, external_id, priority,
      metadata, created_at, updated_at, assigned_at)
    SELECT ${sql.placeholder('id')}::uuid, ${sql.placeholder('orgId')}::uuid, ${sql.placeholder('teamId')}::uuid,
      ${assignee}, ${status}, ${sql.placeholder('channel')}::text, ${sql.placeholder('externalId')}::text,
      ${sql.placeholder('priority')}::int, ${sql.placeholder('metadata')}::jsonb,
      ${sql.placeholder('at')}::timestamptz, ${sql.placeholder('at')}::timestamptz, ${assignedAt}
    ${from}
    ON CONFLICT (org_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
    ${RETURNING}`;

const INSERT = insertingConversation(
  sql`${sql.placeholder('assigneeId')}::uuid`,
  sql`${sql.placeholder('status')}::text`,
  sql`${sql.placeholder('assignedAt')}::timestamptz`,
);

/** Whether the conversation went in: what its assignment record and its events wait for. */
const INSERTED = sql`EXISTS (SELECT 1 FROM inserted)`;

/** A queued conversation goes in with its events, in one round trip. */
const insertStatement = preparedSql<RawConversation, InsertParams & EventParams>(
  'roster_insert_conversation',
  sql`WITH inserted AS (${INSERT}), ${appendingEvents(INSERTED)} SELECT * FROM inserted`,
);

/** An assigned one also has its assignment recorded (`recordAssignment`), in the same round trip. */
const insertAssignedStatement = preparedSql<
  RawConversation,
  InsertParams & EventParams & { agentId: string }
>(
  'roster_insert_assigned_conversation',
  sql`WITH inserted AS (${INSERT}), ${recordingAssignment(INSERTED)}, ${appendingEvents(INSERTED)}
    SELECT * FROM inserted`,
);

/**
 * Inserts the conversation with `events` (see `draftEvents`); null when the org already has one
 * with this external id: nothing is written then. One inserted already assigned (the caller holds
 * the agent's lock) has its assignment recorded.
 */
export async function insertConversation(
  db: Db,
  c: NewConversation,
  events: EventParams,
): Promise<ConversationRow | null> {
  const at = c.now.toISOString();
  const params = {
    id: c.id,
    orgId: c.orgId,
    teamId: c.teamId,
    assigneeId: c.assigneeId,
    status: c.assigneeId === null ? ('queued' as const) : ('assigned' as const),
    channel: c.channel,
    externalId: c.externalId,
    priority: c.priority,
    metadata: JSON.stringify(c.metadata),
    at,
    assignedAt: c.assigneeId === null ? null : at,
    ...events,
  };
  const [row] =
    c.assigneeId === null
      ? await insertStatement(db, params)
      : await insertAssignedStatement(db, { ...params, agentId: c.assigneeId });
  return row === undefined ? null : toConversation(row);
}

/**
 * A new conversation routed in one statement, which PostgreSQL commits by itself: it locks the
 * first of the ranked agents that no other transaction holds and that, in its newest committed
 * version, may still take one (willing, working the channel, a member of the routing team, load
 * under capacity); inserts the conversation assigned to it; records the assignment; and appends
 * the events, completing `conversation.assigned` with the agent. A row locked with SKIP LOCKED is
 * re-checked against its newest version, and every change to an agent's load waits for its lock,
 * so no claim can push an agent over capacity.
 */
const insertRoutedStatement = preparedSql<
  Partial<RawConversation> & { picked_id: string },
  Omit<InsertParams, 'assigneeId' | 'status' | 'assignedAt'> &
    EventParams & { teamId: string; agentIds: string[] }
>(
  'roster_insert_routed_conversation',
  sql`WITH picked AS (
      SELECT a.id FROM agents a
      JOIN orgs o ON o.id = a.org_id
      JOIN teams t ON t.org_id = a.org_id AND t.id = ${sql.placeholder('teamId')}::uuid
      WHERE a.org_id = ${sql.placeholder('orgId')} AND a.id = ANY(${sql.placeholder('agentIds')}::uuid[])
        AND ${takesTeamWork(CHANNEL)} AND a.assigned_count < ${TEAM_CAPACITY}
      ORDER BY array_position(${sql.placeholder('agentIds')}::uuid[], a.id) LIMIT 1
      FOR UPDATE OF a SKIP LOCKED
    ),
    inserted AS (${insertingConversation(
      sql`picked.id`,
      sql`'assigned'`,
      sql`${sql.placeholder('at')}::timestamptz`,
      sql`FROM picked`,
    )}),
    ${recordingAssignment(INSERTED, sql`(SELECT assignee_id FROM inserted)`)},
    ${appendingEvents(
      INSERTED,
      sql`CASE WHEN e.type = 'conversation.assigned'
        THEN e.payload || jsonb_build_object('agent_id', (SELECT assignee_id FROM inserted))
        ELSE e.payload END`,
    )}
    SELECT picked.id AS picked_id, inserted.* FROM picked LEFT JOIN inserted ON true`,
);

/**
 * Inserts the conversation assigned to the first of `agentIds` that can take it now, with its
 * events, in one statement (see the statement above): run it outside a transaction or as the
 * transaction's only statement. `none`: none of them was free with room, nothing was written;
 * `duplicate`: the org already has a conversation with this external id, nothing was written.
 */
export async function insertRoutedConversation(
  db: Db,
  c: Omit<NewConversation, 'assigneeId'> & { teamId: string },
  agentIds: readonly string[],
  events: EventParams,
): Promise<ConversationRow | 'none' | 'duplicate'> {
  const [row] = await insertRoutedStatement(db, {
    id: c.id,
    orgId: c.orgId,
    teamId: c.teamId,
    channel: c.channel,
    externalId: c.externalId,
    priority: c.priority,
    metadata: JSON.stringify(c.metadata),
    at: c.now.toISOString(),
    agentIds: [...agentIds],
    ...events,
  });
  if (row === undefined) {
    return 'none';
  }
  return row.id === null || row.id === undefined ? 'duplicate' : toConversation(row as RawConversation);
}

const byId = (lock: boolean) =>
  sql`${SELECT} WHERE org_id = ${sql.placeholder('orgId')} AND id = ${sql.placeholder('id')} ${lock ? sql`FOR UPDATE` : sql``}`;
const findStatement = preparedSql<RawConversation, { orgId: string; id: string }>(
  'roster_find_conversation',
  byId(false),
);
const findLockedStatement = preparedSql<RawConversation, { orgId: string; id: string }>(
  'roster_find_conversation_locked',
  byId(true),
);

export async function findConversation(
  db: Db,
  orgId: string,
  id: string,
  options: { lock?: boolean } = {},
): Promise<ConversationRow | null> {
  const [row] = await (options.lock ? findLockedStatement : findStatement)(db, { orgId, id });
  return row === undefined ? null : toConversation(row);
}

export async function findByExternalId(
  db: Db,
  orgId: string,
  externalId: string,
): Promise<ConversationRow | null> {
  const result = await db.execute(sql`${SELECT} WHERE org_id = ${orgId} AND external_id = ${externalId}`);
  return conversationsOf(result)[0] ?? null;
}

export interface ConversationFilter {
  status?: ConversationStatus;
  teamId?: string;
  assigneeId?: string;
  channel?: string;
}

export async function listConversationRows(
  db: Db,
  orgId: string,
  filter: ConversationFilter,
  page: PageRequest,
): Promise<ConversationRow[]> {
  const where: SQL[] = [sql`org_id = ${orgId}`];
  if (filter.status !== undefined) {
    where.push(sql`status = ${filter.status}`);
  }
  if (filter.teamId !== undefined) {
    where.push(sql`team_id = ${filter.teamId}`);
  }
  if (filter.assigneeId !== undefined) {
    where.push(sql`assignee_id = ${filter.assigneeId}`);
  }
  if (filter.channel !== undefined) {
    where.push(sql`channel = ${filter.channel}`);
  }
  if (page.afterId !== null) {
    where.push(sql`id > ${page.afterId}`);
  }
  const result = await db.execute(sql`${SELECT} WHERE ${sql.join(where, sql` AND `)}
    ORDER BY id OFFSET ${page.skip} LIMIT ${page.limit + 1}`);
  return conversationsOf(result);
}

/** Changes the fields of one conversation; null when it does not exist. */
export async function updateConversationRow(
  db: Db,
  orgId: string,
  id: string,
  patch: {
    status?: ConversationStatus;
    teamId?: string | null;
    assigneeId?: string | null;
    assignedAt?: Date | null;
    closedAt?: Date | null;
    updatedAt: Date;
  },
): Promise<ConversationRow | null> {
  const iso = (d: Date | null | undefined) => (d === null || d === undefined ? null : d.toISOString());
  const changed = CHANGEABLE.flatMap((field, place) => (patch[field] === undefined ? [] : [place]));
  const [row] = await updateStatement(changed.join(''))(db, {
    orgId,
    id,
    updatedAt: iso(patch.updatedAt),
    status: patch.status ?? null,
    teamId: patch.teamId ?? null,
    assigneeId: patch.assigneeId ?? null,
    assignedAt: iso(patch.assignedAt),
    closedAt: iso(patch.closedAt),
  });
  return row === undefined ? null : toConversation(row);
}

/** The fields updateConversationRow may change besides `updated_at`, and each one's SQL type. */
const CHANGEABLE = ['status', 'teamId', 'assigneeId', 'assignedAt', 'closedAt'] as const;
const COLUMN_OF: Record<(typeof CHANGEABLE)[number], [string, string]> = {
  status: ['status', 'text'],
  teamId: ['team_id', 'uuid'],
  assigneeId: ['assignee_id', 'uuid'],
  assignedAt: ['assigned_at', 'timestamptz'],
  closedAt: ['closed_at', 'timestamptz'],
};

type UpdateParams = { orgId: string; id: string; updatedAt: string | null } & Record<
  (typeof CHANGEABLE)[number],
  string | null
>;
/**
 * updateConversationRow's statement for the fields it changes (its key: their places in
 * CHANGEABLE), prepared: closing, reassigning and requeueing run one on every call, and it took
 * longer to plan than to run.
 */
const updateStatement = preparedSqlVariants<RawConversation, UpdateParams>(
  'roster_update_conversation',
  (key) => {
    const fields = [...key].map((place) => CHANGEABLE[Number(place)] as (typeof CHANGEABLE)[number]);
    const sets = [
      sql`updated_at = ${sql.placeholder('updatedAt')}::timestamptz`,
      ...fields.map((field) => {
        const [column, type] = COLUMN_OF[field];
        return sql`${sql.raw(column)} = ${sql.placeholder(field)}::${sql.raw(type)}`;
      }),
    ];
    return sql`UPDATE conversations SET ${sql.join(sets, sql`, `)}
    WHERE org_id = ${sql.placeholder('orgId')}::uuid AND id = ${sql.placeholder('id')}::uuid ${RETURNING}`;
  },
);

/**
 * Puts the agent's open conversations back in the queue and takes it off its closed ones, so that
 * the agent row can go: returns the requeued conversations.
 */
export async function releaseAgentConversations(
  db: Db,
  orgId: string,
  agentId: string,
  now: Date,
  options: { forgetClosed: boolean },
): Promise<{ id: string; teamId: string | null }[]> {
  const at = now.toISOString();
  const result = await db.execute(sql`
    UPDATE conversations SET status = 'queued', assignee_id = NULL, assigned_at = NULL, updated_at = ${at}::timestamptz
    WHERE org_id = ${orgId} AND assignee_id = ${agentId} AND status = 'assigned'
    RETURNING id, team_id`);
  if (options.forgetClosed) {
    await db.execute(sql`
      UPDATE conversations SET assignee_id = NULL
      WHERE org_id = ${orgId} AND assignee_id = ${agentId} AND status = 'closed'`);
  }
  return rowsOf<{ id: string; team_id: string | null }>(result)
    .map((r) => ({ id: r.id, teamId: r.team_id }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

/** Takes every conversation of the team out of it (the team is going); returns them. */
export async function detachTeamConversations(
  db: Db,
  orgId: string,
  teamId: string,
  now: Date,
): Promise<{ id: string; assigneeId: string | null; status: ConversationStatus }[]> {
  const result = await db.execute(sql`
    UPDATE conversations SET team_id = NULL, updated_at = ${now.toISOString()}::timestamptz
    WHERE org_id = ${orgId} AND team_id = ${teamId}
    RETURNING id, assignee_id, status`);
  return rowsOf<{ id: string; assignee_id: string | null; status: ConversationStatus }>(result)
    .map((r) => ({ id: r.id, assigneeId: r.assignee_id, status: r.status }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
