import { and, asc, desc, eq, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.js';
import { agents, type TeamRow, teamMembers, teams } from '../../db/schema.js';

/** A team with the number of its members: the row carries it (`member_count`, kept by triggers). */
export type TeamWithCount = TeamRow;

export const TEAM_SORT_FIELDS = [
  'name',
  'description',
  'email',
  'enabled',
  'memberCount',
  'createdAt',
  'updatedAt',
] as const;
export type TeamSortField = (typeof TEAM_SORT_FIELDS)[number];

export const MEMBER_SORT_FIELDS = ['username', 'priority', 'joinedAt', 'activeConversations'] as const;
export type MemberSortField = (typeof MEMBER_SORT_FIELDS)[number];

export interface SortKey<F extends string> {
  field: F;
  direction: 'asc' | 'desc';
}

export interface TeamSearchQuery {
  /** Part of the name, any case. */
  text?: string;
  enabled?: boolean;
  archived: 'exclude' | 'only' | 'include';
  sort: SortKey<TeamSortField>[];
  offset: number;
  limit: number;
}

const TEAM_SORT: Record<TeamSortField, SQL | typeof teams.id> = {
  name: sql`lower(${teams.name})`,
  description: sql`coalesce(${teams.description}, '')`,
  email: sql`coalesce(${teams.email}, '')`,
  enabled: sql`${teams.enabled}`,
  memberCount: sql`${teams.memberCount}`,
  createdAt: sql`${teams.createdAt}`,
  updatedAt: sql`${teams.updatedAt}`,
};

/** `text` as a LIKE pattern matching it anywhere, its wildcards taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function order<F extends string>(sort: SortKey<F>[], columns: Record<F, SQL | typeof teams.id>) {
  return sort.map((k) => (k.direction === 'asc' ? asc(columns[k.field]) : desc(columns[k.field])));
}

/** One offset page of the org's teams with their member counts, and how many match in all. */
export async function searchTeamRows(
  db: Db,
  orgId: string,
  q: TeamSearchQuery,
): Promise<{ rows: TeamWithCount[]; total: number }> {
  const where = and(
    eq(teams.orgId, orgId),
    q.text === undefined || q.text === '' ? undefined : sql`${teams.name} ILIKE ${containing(q.text)}`,
    q.enabled === undefined ? undefined : eq(teams.enabled, q.enabled),
    q.archived === 'include'
      ? undefined
      : q.archived === 'only'
        ? isNotNull(teams.archivedAt)
        : isNull(teams.archivedAt),
  );
  const [counted] = await db.select({ total: sql<number>`count(*)::int` }).from(teams).where(where);
  const rows = await db
    .select()
    .from(teams)
    .where(where)
    .orderBy(...order(q.sort, TEAM_SORT), asc(teams.id))
    .offset(q.offset)
    .limit(q.limit);
  return { rows, total: counted?.total ?? 0 };
}

/** A member with what a directory shows of it in the team. */
export interface MemberDetailRow {
  agentId: string;
  username: string | null;
  email: string;
  fullName: string;
  priority: number;
  /** Conversations of this team assigned to the member and not closed. */
  activeConversations: number;
  joinedAt: Date;
}

const activeConversations = sql<number>`(SELECT count(*)::int FROM conversations c
  WHERE c.org_id = ${teamMembers.orgId} AND c.team_id = ${teamMembers.teamId}
    AND c.assignee_id = ${teamMembers.agentId} AND c.status = 'assigned')`;

const MEMBER_SORT: Record<MemberSortField, SQL> = {
  username: sql`lower(coalesce(${agents.username}, ${agents.email}))`,
  priority: sql`${teamMembers.priority}`,
  joinedAt: sql`${teamMembers.createdAt}`,
  activeConversations,
};

/** One offset page of a team's members, and how many it has in all. */
export async function listMemberDetailRows(
  db: Db,
  orgId: string,
  teamId: string,
  page: { offset: number; limit: number | null; sort: SortKey<MemberSortField>[] },
): Promise<{ rows: MemberDetailRow[]; total: number }> {
  const where = and(eq(teamMembers.orgId, orgId), eq(teamMembers.teamId, teamId));
  const [counted] = await db.select({ total: sql<number>`count(*)::int` }).from(teamMembers).where(where);
  const query = db
    .select({
      agentId: teamMembers.agentId,
      username: agents.username,
      email: agents.email,
      fullName: agents.fullName,
      priority: teamMembers.priority,
      activeConversations,
      joinedAt: teamMembers.createdAt,
    })
    .from(teamMembers)
    .innerJoin(agents, and(eq(agents.orgId, teamMembers.orgId), eq(agents.id, teamMembers.agentId)))
    .where(where)
    .orderBy(...order(page.sort, MEMBER_SORT), asc(teamMembers.agentId))
    .offset(page.offset);
  const rows = page.limit === null ? await query : await query.limit(page.limit);
  return { rows, total: counted?.total ?? 0 };
}

/** Every team the agent is a member of, with its membership as a team's member list shows it. */
export async function listMembershipDetailRows(
  db: Db,
  orgId: string,
  agentId: string,
): Promise<{ team: TeamRow; member: MemberDetailRow }[]> {
  const rows = await db
    .select({
      team: teams,
      member: {
        agentId: teamMembers.agentId,
        username: agents.username,
        email: agents.email,
        fullName: agents.fullName,
        priority: teamMembers.priority,
        activeConversations,
        joinedAt: teamMembers.createdAt,
      },
    })
    .from(teamMembers)
    .innerJoin(teams, and(eq(teams.orgId, teamMembers.orgId), eq(teams.id, teamMembers.teamId)))
    .innerJoin(agents, and(eq(agents.orgId, teamMembers.orgId), eq(agents.id, teamMembers.agentId)))
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.agentId, agentId)))
    .orderBy(asc(teams.name), asc(teams.id));
  return rows;
}

/** A member whose priority a change moved, from `before` to `after`. */
export interface PriorityChange {
  agentId: string;
  before: number;
  after: number;
}

/**
 * Sets members' priorities in one statement; returns those whose priority changed. The rows are
 * locked first (`old`), so `before` is the priority the change replaced even when a concurrent
 * change committed in between.
 */
export async function setMemberPriorities(
  db: Db,
  orgId: string,
  teamId: string,
  entries: { agentId: string; priority: number }[],
): Promise<PriorityChange[]> {
  const ids = sql.param(entries.map((e) => e.agentId));
  const result = await db.execute(sql`
    WITH old AS (
      SELECT agent_id, priority FROM team_members
      WHERE org_id = ${orgId} AND team_id = ${teamId} AND agent_id = ANY(${ids}::uuid[])
      FOR NO KEY UPDATE
    )
    UPDATE team_members AS m SET priority = v.priority
    FROM unnest(${ids}::uuid[], ${sql.param(entries.map((e) => e.priority))}::int[]) AS v(agent_id, priority),
      old
    WHERE m.org_id = ${orgId} AND m.team_id = ${teamId} AND m.agent_id = v.agent_id
      AND old.agent_id = v.agent_id AND old.priority <> v.priority
    RETURNING m.agent_id, old.priority AS before, m.priority AS after`);
  return rowsOf<{ agent_id: string; before: number; after: number }>(result).map((r) => ({
    agentId: r.agent_id,
    before: Number(r.before),
    after: Number(r.after),
  }));
}

/** Sets or clears the team's archive mark; null when the team does not exist or was already so. */
export async function setTeamArchived(
  db: Db,
  orgId: string,
  id: string,
  archivedAt: Date | null,
  now: Date,
): Promise<TeamRow | null> {
  const rows = await db
    .update(teams)
    .set({ archivedAt, updatedAt: now, version: sql`${teams.version} + 1` })
    .where(
      and(
        eq(teams.orgId, orgId),
        eq(teams.id, id),
        archivedAt === null ? isNotNull(teams.archivedAt) : isNull(teams.archivedAt),
      ),
    )
    .returning();
  return rows[0] ?? null;
}
