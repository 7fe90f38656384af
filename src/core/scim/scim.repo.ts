import { and, asc, eq, inArray, not, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type AgentRow, agents, type TeamRow, teamMembers, teams } from '../../db/schema.js';
import type { CompareOp, CountedPage, GroupField, IndexPage, Predicate, UserField } from './query.js';

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** How one field is compared: its SQL, whether case is ignored, and whether it holds several values. */
interface Column {
  expr: SQL;
  caseless?: boolean;
  /** A set of values (emails, phones): the comparison holds when it holds for any of them. */
  many?: boolean;
  /** Compared as a timestamp or a boolean rather than as text. */
  type?: 'time' | 'bool';
}

/** SCIM's userName of an agent: its username, or its email when it has none (index 0016). */
export const USER_NAME = sql`lower(coalesce(${agents.username}, ${agents.email}))`;

const USER_COLUMNS: Record<UserField, Column> = {
  id: { expr: sql`${agents.id}::text` },
  userName: { expr: sql`coalesce(${agents.username}, ${agents.email})`, caseless: true },
  externalId: { expr: sql`${agents.externalId}` },
  email: {
    expr: sql`array_prepend(${agents.email}, ${agents.additionalEmails})`,
    caseless: true,
    many: true,
  },
  fullName: { expr: sql`${agents.fullName}`, caseless: true },
  firstName: { expr: sql`${agents.firstName}`, caseless: true },
  lastName: { expr: sql`${agents.lastName}`, caseless: true },
  phone: {
    expr: sql`array_remove(array_prepend(${agents.phoneNumber}, ${agents.additionalPhoneNumbers}), NULL)`,
    many: true,
  },
  active: { expr: sql`(${agents.status} <> 'disabled' AND ${agents.trashedAt} IS NULL)`, type: 'bool' },
  role: { expr: sql`${agents.role}`, caseless: true },
  employeeNumber: { expr: sql`(${agents.attributes} ->> 'employee_number')` },
  department: { expr: sql`(${agents.attributes} ->> 'department')`, caseless: true },
  createdAt: { expr: sql`${agents.createdAt}`, type: 'time' },
  updatedAt: { expr: sql`${agents.updatedAt}`, type: 'time' },
};

const GROUP_COLUMNS: Record<GroupField, Column> = {
  id: { expr: sql`${teams.id}::text` },
  name: { expr: sql`${teams.name}`, caseless: true },
  externalId: { expr: sql`${teams.externalId}` },
  member: {
    expr: sql`array(SELECT m.agent_id::text FROM team_members m WHERE m.org_id = ${teams.orgId} AND m.team_id = ${teams.id})`,
    many: true,
  },
  createdAt: { expr: sql`${teams.createdAt}`, type: 'time' },
  updatedAt: { expr: sql`${teams.updatedAt}`, type: 'time' },
};

const ORDERING: Record<'gt' | 'ge' | 'lt' | 'le', SQL> = {
  gt: sql.raw('>'),
  ge: sql.raw('>='),
  lt: sql.raw('<'),
  le: sql.raw('<='),
};

/** One comparison of a single value `v` (an SQL expression) with the literal. */
function compareOne(v: SQL, column: Column, op: CompareOp, value: string | number | boolean | null): SQL {
  if (column.type === 'bool') {
    const truth = value === true;
    return op === 'ne' ? sql`${v} <> ${truth}` : sql`${v} = ${truth}`;
  }
  if (column.type === 'time') {
    const at = sql`${String(value)}::timestamptz`;
    if (op === 'eq' || op === 'ne') {
      return op === 'eq' ? sql`${v} = ${at}` : sql`${v} IS DISTINCT FROM ${at}`;
    }
    if (op === 'co' || op === 'sw' || op === 'ew') {
      return sql`false`;
    }
    return sql`${v} ${ORDERING[op]} ${at}`;
  }
  const text = value === null ? null : String(value);
  const lhs = column.caseless ? sql`lower(${v})` : v;
  const rhs = column.caseless && text !== null ? text.toLowerCase() : text;
  switch (op) {
    case 'eq':
      return rhs === null ? sql`${v} IS NULL` : sql`${lhs} = ${rhs}`;
    case 'ne':
      return sql`${lhs} IS DISTINCT FROM ${rhs}`;
    case 'co':
      return sql`${lhs} LIKE ${`%${escapeLike(rhs ?? '')}%`}`;
    case 'sw':
      return sql`${lhs} LIKE ${`${escapeLike(rhs ?? '')}%`}`;
    case 'ew':
      return sql`${lhs} LIKE ${`%${escapeLike(rhs ?? '')}`}`;
    default:
      return sql`${lhs} ${ORDERING[op]} ${rhs}`;
  }
}

function compare(column: Column, op: CompareOp, value: string | number | boolean | null): SQL {
  if (!column.many) {
    return compareOne(column.expr, column, op, value);
  }
  const any = (inner: SQL) => sql`EXISTS (SELECT 1 FROM unnest(${column.expr}) AS x(v) WHERE ${inner})`;
  if (op === 'ne') {
    return sql`NOT ${any(compareOne(sql`x.v`, column, 'eq', value))}`;
  }
  return any(compareOne(sql`x.v`, column, op, value));
}

function present(column: Column): SQL {
  if (column.many) {
    return sql`cardinality(${column.expr}) > 0`;
  }
  return column.type === undefined
    ? sql`coalesce(${column.expr}, '') <> ''`
    : sql`${column.expr} IS NOT NULL`;
}

function condition<F extends string>(columns: Record<F, Column>, p: Predicate<F>): SQL {
  switch (p.kind) {
    case 'compare':
      return compare(columns[p.field], p.op, p.value);
    case 'present':
      return present(columns[p.field]);
    case 'and':
      return and(...p.items.map((i) => condition(columns, i))) ?? sql`true`;
    case 'or':
      return or(...p.items.map((i) => condition(columns, i))) ?? sql`false`;
    case 'not':
      return not(condition(columns, p.item));
    case 'all':
      return sql`true`;
    case 'none':
      return sql`false`;
  }
}

/** Agents matching `p`, in id order (uuid v7: creation order), and how many match in all. */
export async function listAgentsWhere(
  db: Db,
  orgId: string,
  p: Predicate<UserField>,
  page: IndexPage,
): Promise<CountedPage<AgentRow>> {
  const where = and(eq(agents.orgId, orgId), condition(USER_COLUMNS, p));
  const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(agents).where(where);
  const total = counted?.n ?? 0;
  if (page.count === 0 || page.startIndex > total) {
    return { total, items: [] };
  }
  const items = await db
    .select()
    .from(agents)
    .where(where)
    .orderBy(asc(agents.id))
    .offset(page.startIndex - 1)
    .limit(page.count);
  return { total, items };
}

/** Teams matching `p`, in id order, and how many match in all. */
export async function listTeamsWhere(
  db: Db,
  orgId: string,
  p: Predicate<GroupField>,
  page: IndexPage,
): Promise<CountedPage<TeamRow>> {
  const where = and(eq(teams.orgId, orgId), condition(GROUP_COLUMNS, p));
  const [counted] = await db.select({ n: sql<number>`count(*)::int` }).from(teams).where(where);
  const total = counted?.n ?? 0;
  if (page.count === 0 || page.startIndex > total) {
    return { total, items: [] };
  }
  const items = await db
    .select()
    .from(teams)
    .where(where)
    .orderBy(asc(teams.id))
    .offset(page.startIndex - 1)
    .limit(page.count);
  return { total, items };
}

/** Agents whose userName (see USER_NAME) or externalId is the one given; the identity of a SCIM user. */
export function findAgentsByIdentity(
  db: Db,
  orgId: string,
  userName: string,
  externalId: string | null,
): Promise<AgentRow[]> {
  const byName = sql`${USER_NAME} = ${userName.toLowerCase()}`;
  return db
    .select()
    .from(agents)
    .where(
      and(
        eq(agents.orgId, orgId),
        externalId === null ? byName : or(byName, eq(agents.externalId, externalId)),
      ),
    )
    .orderBy(asc(agents.id));
}

/** A member as a SCIM group lists it: the agent's id and name. */
export interface GroupMember {
  teamId: string;
  agentId: string;
  fullName: string;
}

/** The members of each of `teamIds`, in agent-id order. */
export async function membersOfTeams(db: Db, orgId: string, teamIds: string[]): Promise<GroupMember[]> {
  if (teamIds.length === 0) {
    return [];
  }
  return db
    .select({ teamId: teamMembers.teamId, agentId: teamMembers.agentId, fullName: agents.fullName })
    .from(teamMembers)
    .innerJoin(agents, and(eq(agents.orgId, teamMembers.orgId), eq(agents.id, teamMembers.agentId)))
    .where(and(eq(teamMembers.orgId, orgId), inArray(teamMembers.teamId, teamIds)))
    .orderBy(asc(teamMembers.teamId), asc(teamMembers.agentId));
}

/** The team of this name (case-insensitive), if any. */
export async function findTeamByName(db: Db, orgId: string, name: string): Promise<TeamRow | null> {
  const rows = await db
    .select()
    .from(teams)
    .where(and(eq(teams.orgId, orgId), sql`lower(${teams.name}) = ${name.toLowerCase()}`));
  return rows[0] ?? null;
}
