import { and, asc, eq, getTableColumns, gt, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { preparedPerDb, preparedSql } from '../../db/prepared.js';
import { agents, type TeamRow, teamMembers, teams } from '../../db/schema.js';
import { appendingEvents, type EventParams } from '../events/events.js';
import type { PageRequest } from '../paging.js';

export interface MemberRow {
  id: string;
  email: string;
  fullName: string;
  phoneNumber: string | null;
  /** Member order in the team: lower first. */
  priority: number;
}

const findTeamQuery = preparedPerDb((db) =>
  db
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, sql.placeholder('orgId')), eq(teams.id, sql.placeholder('id'))))
    .prepare('roster_find_team'),
);

export async function findTeam(db: Db, orgId: string, id: string): Promise<TeamRow | null> {
  const rows = await findTeamQuery(db).execute({ orgId, id });
  return rows[0] ?? null;
}

export function listTeamRows(
  db: Db,
  orgId: string,
  page: PageRequest,
  filter: { archived?: boolean; enabled?: boolean } = {},
): Promise<TeamRow[]> {
  return db
    .select()
    .from(teams)
    .where(
      and(
        eq(teams.orgId, orgId),
        page.afterId === null ? undefined : gt(teams.id, page.afterId),
        filter.archived === undefined
          ? undefined
          : filter.archived
            ? isNotNull(teams.archivedAt)
            : isNull(teams.archivedAt),
        filter.enabled === undefined ? undefined : eq(teams.enabled, filter.enabled),
      ),
    )
    .orderBy(asc(teams.id))
    .offset(page.skip)
    .limit(page.limit + 1);
}

export function listTeamsOfAgent(
  db: Db,
  orgId: string,
  agentId: string,
  page: PageRequest,
): Promise<TeamRow[]> {
  return db
    .select(getTableColumns(teams))
    .from(teamMembers)
    .innerJoin(teams, and(eq(teams.orgId, teamMembers.orgId), eq(teams.id, teamMembers.teamId)))
    .where(
      and(
        eq(teamMembers.orgId, orgId),
        eq(teamMembers.agentId, agentId),
        page.afterId === null ? undefined : gt(teams.id, page.afterId),
      ),
    )
    .orderBy(asc(teams.id))
    .offset(page.skip)
    .limit(page.limit + 1);
}

export async function insertTeam(db: Db, row: TeamRow): Promise<TeamRow> {
  await db.insert(teams).values(row);
  return row;
}

export async function updateTeamRow(
  db: Db,
  orgId: string,
  id: string,
  patch: Partial<
    Pick<
      TeamRow,
      | 'name'
      | 'description'
      | 'defaultMaxConcurrent'
      | 'enabled'
      | 'archivedAt'
      | 'email'
      | 'showOnRegistration'
      | 'showOnOfflineForm'
      | 'routing'
      | 'externalId'
      | 'updatedAt'
    >
  >,
): Promise<TeamRow | null> {
  const rows = await db
    .update(teams)
    .set({ ...patch, version: sql`${teams.version} + 1` })
    .where(and(eq(teams.orgId, orgId), eq(teams.id, id)))
    .returning();
  return rows[0] ?? null;
}

const BUMP = sql`UPDATE teams SET version = version + 1
      WHERE org_id = ${sql.placeholder('orgId')} AND id = ANY(${sql.placeholder('teamIds')}::uuid[])
      RETURNING id, member_count`;

type Bumped = { id: string; member_count: number };

const bumpTeamsStatement = preparedSql<Bumped, { orgId: string; teamIds: string[] }>(
  'roster_bump_teams',
  BUMP,
);

const bumpTeamsWithEventsStatement = preparedSql<Bumped, { orgId: string; teamIds: string[] } & EventParams>(
  'roster_bump_teams_with_events',
  sql`WITH bumped AS (${BUMP}), ${appendingEvents(sql`true`)} SELECT * FROM bumped`,
);

/**
 * Counts one more change of each team (its members changed): their ETags move on. Returns their
 * member counts as of now (teams that do not exist are left out). `events` (see `draftEvents`),
 * when given, are appended in the same statement.
 */
export function bumpTeams(db: Db, orgId: string, teamIds: string[], events?: EventParams): Promise<Bumped[]> {
  return events === undefined
    ? bumpTeamsStatement(db, { orgId, teamIds })
    : bumpTeamsWithEventsStatement(db, { orgId, teamIds, ...events });
}

/**
 * The team, its row locked until the transaction ends as an update locks it (rows that
 * refer to it can still be added): the state a change starts from, for its audit record.
 */
export async function lockTeam(db: Db, orgId: string, id: string): Promise<TeamRow | null> {
  const rows = await db
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, id)))
    .for('no key update');
  return rows[0] ?? null;
}

/** The team's version, its row locked until the transaction ends; null when there is no such team. */
export async function lockTeamVersion(db: Db, orgId: string, id: string): Promise<number | null> {
  const rows = await db
    .select({ version: teams.version })
    .from(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, id)))
    .for('update');
  return rows[0]?.version ?? null;
}

/** Deletes the team; its memberships go with it through the foreign key. */
export async function deleteTeamRow(db: Db, orgId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(teams)
    .where(and(eq(teams.orgId, orgId), eq(teams.id, id)))
    .returning({ id: teams.id });
  return rows.length > 0;
}

const memberColumns = {
  id: agents.id,
  email: agents.email,
  fullName: agents.fullName,
  phoneNumber: agents.phoneNumber,
  priority: teamMembers.priority,
};
const memberJoin = and(eq(agents.orgId, teamMembers.orgId), eq(agents.id, teamMembers.agentId));

/**
 * Every member of a team, for a team just changed and for a stream filtered by team (GET team
 * reads its members with the team, `findTeamWithMembers`): prepared, and its rows taken as the
 * driver returns them, without Drizzle's per-column mapping.
 */
const allMembers = preparedSql<
  { id: string; email: string; full_name: string; phone_number: string | null; priority: number },
  { orgId: string; teamId: string }
>(
  'roster_team_members',
  sql`SELECT a.id, a.email, a.full_name, a.phone_number, m.priority
      FROM team_members m JOIN agents a ON a.org_id = m.org_id AND a.id = m.agent_id
      WHERE m.org_id = ${sql.placeholder('orgId')} AND m.team_id = ${sql.placeholder('teamId')}
      ORDER BY m.agent_id`,
);

/** A member as the team-with-members statement sends it: id, email, full name, phone, order. */
type MemberTuple = [string, string, string, string | null, number];

const findTeamWithMembersQuery = preparedPerDb((db) =>
  db
    .select({
      ...getTableColumns(teams),
      // Every member as one JSON array in the team's row: one statement instead of two, and one
      // value for the driver to parse instead of five per member.
      members: sql<MemberTuple[]>`(
        SELECT coalesce(json_agg(json_build_array(a.id, a.email, a.full_name, a.phone_number, m.priority)
                                 ORDER BY m.agent_id), '[]')
        FROM team_members m JOIN agents a ON a.org_id = m.org_id AND a.id = m.agent_id
        WHERE m.org_id = ${sql.placeholder('orgId')} AND m.team_id = ${sql.placeholder('id')})`,
    })
    .from(teams)
    .where(and(eq(teams.orgId, sql.placeholder('orgId')), eq(teams.id, sql.placeholder('id'))))
    .prepare('roster_find_team_with_members'),
);

/** The team and all its members in agent-id order, in one statement; null when it does not exist. */
export async function findTeamWithMembers(
  db: Db,
  orgId: string,
  id: string,
): Promise<(TeamRow & { members: MemberRow[] }) | null> {
  const [row] = await findTeamWithMembersQuery(db).execute({ orgId, id });
  if (row === undefined) {
    return null;
  }
  const members = row.members.map(([memberId, email, fullName, phoneNumber, priority]) => ({
    id: memberId,
    email,
    fullName,
    phoneNumber,
    priority,
  }));
  return { ...row, members };
}

/** Members of a team in agent-id order, optionally one page of them. */
export async function listMemberRows(
  db: Db,
  orgId: string,
  teamId: string,
  page: PageRequest | null,
): Promise<MemberRow[]> {
  if (page === null) {
    const rows = await allMembers(db, { orgId, teamId });
    return rows.map((r) => ({
      id: r.id,
      email: r.email,
      fullName: r.full_name,
      phoneNumber: r.phone_number,
      priority: r.priority,
    }));
  }
  return db
    .select(memberColumns)
    .from(teamMembers)
    .innerJoin(agents, memberJoin)
    .where(
      and(
        eq(teamMembers.orgId, orgId),
        eq(teamMembers.teamId, teamId),
        page.afterId ? gt(teamMembers.agentId, page.afterId) : undefined,
      ),
    )
    .orderBy(asc(teamMembers.agentId))
    .offset(page.skip)
    .limit(page.limit + 1);
}

/** What a membership change found: the ids that are agents of the org, and those it changed. */
interface MemberChange {
  found: string[] | null;
  changed: string[] | null;
}

/**
 * The agents of the org among `ids`, and the change (`changing`, a data-modifying WITH part that
 * returns `agent_id`) applied to them. Both come back as JSON arrays (one value each for the driver
 * to parse; a PostgreSQL array of 1,000 is parsed a character at a time) and are matched up in
 * JavaScript: joining the two 1,000-row parts in SQL was planned as a nested loop whenever the
 * planner took `ANY` of the array for a few rows, and a bulk change of 1,000 then cost 1,000,000
 * comparisons (38 ms instead of 11).
 */
const memberChange = (name: string, changing: SQL) =>
  preparedSql<MemberChange, { orgId: string; teamId: string; ids: string[]; at?: string }>(
    name,
    sql`WITH found AS (
      SELECT id FROM agents WHERE org_id = ${sql.placeholder('orgId')} AND id = ANY(${sql.placeholder('ids')}::uuid[])
    ), changed AS (${changing})
    SELECT (SELECT json_agg(id) FROM found) AS found, (SELECT json_agg(agent_id) FROM changed) AS changed`,
  );

const insertMembersStatement = memberChange(
  'roster_insert_members',
  sql`INSERT INTO team_members (org_id, team_id, agent_id, created_at)
      SELECT ${sql.placeholder('orgId')}, ${sql.placeholder('teamId')}, id, ${sql.placeholder('at')}::timestamptz
      FROM found
      ON CONFLICT DO NOTHING
      RETURNING agent_id`,
);

const deleteMembersStatement = memberChange(
  'roster_delete_members',
  sql`DELETE FROM team_members
      WHERE org_id = ${sql.placeholder('orgId')} AND team_id = ${sql.placeholder('teamId')}
        AND agent_id = ANY(${sql.placeholder('ids')}::uuid[])
      RETURNING agent_id`,
);

/** For each id found, whether the change changed it. */
function outcomes(change: MemberChange | undefined): Map<string, boolean> {
  const changed = new Set(change?.changed ?? []);
  return new Map((change?.found ?? []).map((id) => [id, changed.has(id)]));
}

/**
 * Adds the org's agents among `agentIds` to the team in one statement.
 * Returns, for each id that is an agent of the org, whether it was added (false: already a member).
 * Ids that are not agents of the org are absent from the result.
 */
export async function insertMembers(
  db: Db,
  orgId: string,
  teamId: string,
  agentIds: string[],
  now: Date,
): Promise<Map<string, boolean>> {
  const [row] = await insertMembersStatement(db, { orgId, teamId, ids: agentIds, at: now.toISOString() });
  return outcomes(row);
}

/**
 * Removes `agentIds` from the team in one statement. Same result shape as `insertMembers`:
 * true when removed, false when the agent exists but was not a member.
 */
export async function deleteMembers(
  db: Db,
  orgId: string,
  teamId: string,
  agentIds: string[],
): Promise<Map<string, boolean>> {
  const [row] = await deleteMembersStatement(db, { orgId, teamId, ids: agentIds });
  return outcomes(row);
}
