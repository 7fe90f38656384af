import { and, asc, eq, gt, ilike, inArray, isNotNull, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.js';
import { preparedPerDb } from '../../db/prepared.js';
import { type AgentRow, agents, teamMembers } from '../../db/schema.js';
import type { PageRequest } from '../paging.js';

export interface AgentFilter {
  role?: string;
  /** Any of these roles. */
  roles?: string[];
  /** Only agents in the trash (true) or only agents out of it (false). */
  trashed?: boolean;
  /** Only the agent that is this person. */
  userId?: string;
  /** Only the agents that are these people. */
  userIds?: string[];
  status?: string;
  teamId?: string;
  /** Case-insensitive substring of the full name or the email. */
  q?: string;
  /** Exact address, case-insensitive: the primary email or one of the additional ones. */
  email?: string;
  /** Exact number: the primary phone number or one of the additional ones. */
  phone?: string;
  /** Exact username, case-insensitive. */
  username?: string;
  /** Only these agents. */
  ids?: string[];
  /** Only agents in this presence status (`working`, `away` or one of the org's own). */
  presenceStatus?: string;
  /** Leave out disabled agents, for dialects in which a disabled agent is no agent at all. */
  excludeDisabled?: boolean;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

const orgAndId = and(eq(agents.orgId, sql.placeholder('orgId')), eq(agents.id, sql.placeholder('id')));

const findAgentQuery = preparedPerDb((db) =>
  db.select().from(agents).where(orgAndId).prepare('roster_find_agent'),
);

export async function findAgent(db: Db, orgId: string, id: string): Promise<AgentRow | null> {
  const rows = await findAgentQuery(db).execute({ orgId, id });
  return rows[0] ?? null;
}

const lockAgentQuery = preparedPerDb((db) =>
  db.select().from(agents).where(orgAndId).for('no key update').prepare('roster_lock_agent_for_change'),
);

/**
 * The agent, its row locked until the transaction ends as an update locks it (rows that
 * refer to it can still be added): the state a change starts from, for its audit record.
 */
export async function lockAgentRow(db: Db, orgId: string, id: string): Promise<AgentRow | null> {
  const rows = await lockAgentQuery(db).execute({ orgId, id });
  return rows[0] ?? null;
}

const agentExistsQuery = preparedPerDb((db) =>
  db.select({ id: agents.id }).from(agents).where(orgAndId).prepare('roster_agent_exists'),
);

/** Whether the org has the agent (in the trash or not); reads nothing else of it. */
export async function agentExists(db: Db, orgId: string, id: string): Promise<boolean> {
  const rows = await agentExistsQuery(db).execute({ orgId, id });
  return rows.length > 0;
}

/** The agent whose primary email is `email`, case-insensitive. */
export async function findAgentByEmail(db: Db, orgId: string, email: string): Promise<AgentRow | null> {
  const rows = await db
    .select()
    .from(agents)
    .where(and(eq(agents.orgId, orgId), sql`lower(${agents.email}) = lower(${email})`));
  return rows[0] ?? null;
}

export function listAgentRows(
  db: Db,
  orgId: string,
  filter: AgentFilter,
  page: PageRequest,
): Promise<AgentRow[]> {
  const conditions: (SQL | undefined)[] = [eq(agents.orgId, orgId)];
  if (filter.role !== undefined) {
    conditions.push(eq(agents.role, filter.role));
  }
  if (filter.status !== undefined) {
    conditions.push(eq(agents.status, filter.status));
  }
  if (filter.userId !== undefined) {
    conditions.push(eq(agents.userId, filter.userId));
  }
  if (filter.userIds !== undefined) {
    conditions.push(inArray(agents.userId, filter.userIds));
  }
  if (filter.roles !== undefined) {
    conditions.push(inArray(agents.role, filter.roles));
  }
  if (filter.trashed !== undefined) {
    conditions.push(filter.trashed ? isNotNull(agents.trashedAt) : isNull(agents.trashedAt));
  }
  if (filter.q !== undefined) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(or(ilike(agents.fullName, pattern), ilike(agents.email, pattern)));
  }
  if (filter.email !== undefined) {
    const email = filter.email.toLowerCase();
    conditions.push(
      or(
        sql`lower(${agents.email}) = ${email}`,
        sql`EXISTS (SELECT 1 FROM unnest(${agents.additionalEmails}) e WHERE lower(e) = ${email})`,
      ),
    );
  }
  if (filter.phone !== undefined) {
    conditions.push(
      or(eq(agents.phoneNumber, filter.phone), sql`${filter.phone} = ANY(${agents.additionalPhoneNumbers})`),
    );
  }
  if (filter.username !== undefined) {
    conditions.push(sql`lower(${agents.username}) = ${filter.username.toLowerCase()}`);
  }
  if (filter.ids !== undefined) {
    conditions.push(inArray(agents.id, filter.ids));
  }
  if (filter.presenceStatus !== undefined) {
    conditions.push(eq(agents.presenceStatus, filter.presenceStatus));
  }
  if (filter.excludeDisabled) {
    conditions.push(ne(agents.status, 'disabled'));
  }
  if (filter.teamId !== undefined) {
    conditions.push(
      inArray(
        agents.id,
        db
          .select({ id: teamMembers.agentId })
          .from(teamMembers)
          .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, filter.teamId))),
      ),
    );
  }
  if (page.afterId !== null) {
    conditions.push(gt(agents.id, page.afterId));
  }
  return db
    .select()
    .from(agents)
    .where(and(...conditions))
    .orderBy(asc(agents.id))
    .offset(page.skip)
    .limit(page.limit + 1);
}

/** Ids among `ids` that are agents of the org. */
export async function existingAgentIds(db: Db, orgId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const rows = await db
    .select({ id: agents.id })
    .from(agents)
    .where(and(eq(agents.orgId, orgId), sql`${agents.id} = ANY(${sql.param(ids)}::uuid[])`));
  return new Set(rows.map((r) => r.id));
}

export async function insertAgent(db: Db, row: AgentRow): Promise<AgentRow> {
  await db.insert(agents).values(row);
  return row;
}

export async function updateAgentRow(
  db: Db,
  orgId: string,
  id: string,
  patch: Partial<AgentRow>,
): Promise<AgentRow | null> {
  const rows = await db
    .update(agents)
    .set({ ...patch, version: sql`${agents.version} + 1` })
    .where(and(eq(agents.orgId, orgId), eq(agents.id, id)))
    .returning();
  return rows[0] ?? null;
}

/** The agent's version, its row locked until the transaction ends; null when there is no such agent. */
export async function lockAgentVersion(db: Db, orgId: string, id: string): Promise<number | null> {
  const rows = await db
    .select({ version: agents.version })
    .from(agents)
    .where(and(eq(agents.orgId, orgId), eq(agents.id, id)))
    .for('update');
  return rows[0]?.version ?? null;
}

/** Deletes the agent; its memberships and keys go with it through the foreign keys. */
export async function deleteAgentRow(db: Db, orgId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(agents)
    .where(and(eq(agents.orgId, orgId), eq(agents.id, id)))
    .returning({ id: agents.id });
  return rows.length > 0;
}

export async function teamIdsOfAgent(db: Db, orgId: string, agentId: string): Promise<string[]> {
  const rows = await db
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.agentId, agentId)));
  return rows.map((r) => r.teamId);
}

/** Takes the agent out of every team; returns the teams it left. */
export async function deleteMembershipsOfAgent(db: Db, orgId: string, agentId: string): Promise<string[]> {
  const rows = await db
    .delete(teamMembers)
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.agentId, agentId)))
    .returning({ teamId: teamMembers.teamId });
  return rows.map((r) => r.teamId).sort();
}

/** What a bulk import compares and keeps of an agent that exists. */
const importedColumns = {
  id: agents.id,
  userId: agents.userId,
  email: agents.email,
  fullName: agents.fullName,
  role: agents.role,
  status: agents.status,
  username: agents.username,
  phoneNumber: agents.phoneNumber,
  maxConcurrent: agents.maxConcurrent,
  tags: agents.tags,
  tagColors: agents.tagColors,
  createdBy: agents.createdBy,
  createdAt: agents.createdAt,
};

export type ImportedAgent = Pick<AgentRow, keyof typeof importedColumns>;

/**
 * The org's agents whose primary email is one of `lowerEmails` (lower-cased), only what an import
 * compares; with `lock`, their rows stay locked until the transaction ends.
 */
export async function agentsByEmail(
  db: Db,
  orgId: string,
  lowerEmails: string[],
  lock: boolean,
): Promise<ImportedAgent[]> {
  if (lowerEmails.length === 0) {
    return [];
  }
  const query = db
    .select(importedColumns)
    .from(agents)
    .where(
      and(eq(agents.orgId, orgId), sql`lower(${agents.email}) = ANY(${sql.param(lowerEmails)}::text[])`),
    );
  return lock ? query.for('update') : query;
}

/** Which agent holds each of `lowerUsernames` (lower-cased): lower-cased username -> agent id. */
export async function agentsHoldingUsernames(
  db: Db,
  orgId: string,
  lowerUsernames: string[],
): Promise<Map<string, string>> {
  if (lowerUsernames.length === 0) {
    return new Map();
  }
  const result = await db.execute(sql`
    SELECT id, lower(username) AS username FROM agents
    WHERE org_id = ${orgId} AND lower(username) = ANY(${sql.param(lowerUsernames)}::text[])`);
  return new Map(rowsOf<{ id: string; username: string }>(result).map((r) => [r.username, r.id]));
}

/** The columns a bulk import writes; the others take their defaults (new agents) or stay (updates). */
export interface BulkAgentRow {
  id: string;
  org_id: string;
  user_id: string;
  email: string;
  full_name: string;
  role: string;
  status: string;
  username: string | null;
  phone_number: string | null;
  max_concurrent: number | null;
  tags: string[];
  tag_colors: Record<string, string>;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** A new agent of a bulk import: what differs from one agent to the next (the rest is shared). */
export interface NewBulkAgent {
  id: string;
  email: string;
  full_name: string;
  role: string;
  username?: string | null;
  phone_number?: string | null;
  max_concurrent?: number | null;
  tags: string[];
  /** The id its user gets when nobody has the email yet. */
  new_user_id: string;
}

/**
 * Inserts many active agents of the org, and the users they are (one per email, created when
 * nobody has the email yet; existing users are never changed), in one statement. The rows come as
 * one JSON parameter holding only what differs per agent, fields left out being null; what all
 * share (org, creator, time) comes once. Naming the record's columns (`jsonb_to_recordset`) costs
 * the server less than populating the agents row type from each element, and the smaller
 * parameter less to build, send and parse: 43 ms instead of 56 ms for 1,000 agents here.
 */
export async function insertAgentsWithUsers(
  db: Db,
  shared: { orgId: string; createdBy: string | null; now: Date },
  rows: NewBulkAgent[],
): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  const at = shared.now.toISOString();
  await db.execute(sql`
    WITH given AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS a(id uuid, email text,
        full_name text, role text, username text, phone_number text, max_concurrent integer,
        tags text[], new_user_id uuid)
    ), people AS (
      INSERT INTO users (id, email, full_name, created_at)
      SELECT new_user_id, email, full_name, ${at}::timestamptz FROM given
      ON CONFLICT ((lower(email))) DO UPDATE SET email = users.email
      RETURNING id, lower(email) AS email
    )
    INSERT INTO agents (id, org_id, user_id, email, full_name, role, status, username, phone_number,
      max_concurrent, tags, tag_colors, created_by, created_at, updated_at)
    SELECT g.id, ${shared.orgId}::uuid, p.id, g.email, g.full_name, g.role, 'active', g.username,
      g.phone_number, g.max_concurrent, g.tags, '{}'::jsonb, ${shared.createdBy}::uuid,
      ${at}::timestamptz, ${at}::timestamptz
    FROM given g JOIN people p ON p.email = lower(g.email)`);
}

/** Rewrites the imported fields of many agents of the org in one statement, bumping their versions. */
export async function updateAgentRows(db: Db, orgId: string, rows: BulkAgentRow[]): Promise<void> {
  if (rows.length === 0) {
    return;
  }
  await db.execute(sql`
    UPDATE agents a SET full_name = r.full_name, role = r.role, username = r.username,
      phone_number = r.phone_number, max_concurrent = r.max_concurrent, tags = r.tags,
      tag_colors = r.tag_colors, updated_at = r.updated_at, version = a.version + 1
    FROM jsonb_populate_recordset(NULL::agents, ${JSON.stringify(rows)}::jsonb) r
    WHERE a.org_id = ${orgId} AND a.id = r.id`);
}
