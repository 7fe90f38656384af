import { and, asc, desc, eq, gt, ilike, ne, or, type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../db/client.js';
import { type AgentRow, agents, supervisorAgents } from '../../db/schema.js';
import { groupBy } from '../group-by.js';
import type { PageRequest } from '../paging.js';

/** Sort orders of supervisor and agent lists (Webex's `order`); without one, lists run in id order. */
export const SUPERVISOR_ORDERS = ['firstName', 'lastName', 'firstName-desc', 'lastName-desc'] as const;
export type SupervisorOrder = (typeof SUPERVISOR_ORDERS)[number];

export interface PersonFilter {
  /** Case-insensitive substring of the full, first or last name. */
  name?: string;
  /** Substring of the phone number. */
  phone?: string;
  order?: SupervisorOrder;
}

export interface SupervisorRow extends AgentRow {
  agentCount: number;
}

export interface SupervisedRow extends AgentRow {
  assignedAt: Date;
}

export interface Assignment {
  supervisorId: string;
  agentId: string;
}

/** Outcome of one id of a bulk add; ids that are not agents of the org are absent from the result. */
export type AddOutcome = 'added' | 'duplicate' | 'not_available';

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The filter and order of a person list as SQL: conditions and the ORDER BY terms (id last). */
function personQuery(filter: PersonFilter, page: PageRequest): { where: SQL[]; orderBy: SQL[] } {
  const where: SQL[] = [];
  if (filter.name !== undefined) {
    const pattern = `%${escapeLike(filter.name)}%`;
    where.push(
      or(
        ilike(agents.fullName, pattern),
        ilike(agents.firstName, pattern),
        ilike(agents.lastName, pattern),
      ) as SQL,
    );
  }
  if (filter.phone !== undefined) {
    where.push(ilike(agents.phoneNumber, `%${escapeLike(filter.phone)}%`));
  }
  // Keyset paging only in id order; a sorted list pages by offset.
  if (filter.order === undefined && page.afterId !== null) {
    where.push(gt(agents.id, page.afterId));
  }
  // Without a first or last name of its own, an agent's full name splits at its first space.
  const first = sql`coalesce(${agents.firstName}, split_part(${agents.fullName}, ' ', 1))`;
  const last = sql`coalesce(${agents.lastName},
    CASE WHEN strpos(${agents.fullName}, ' ') = 0 THEN '' ELSE substr(${agents.fullName}, strpos(${agents.fullName}, ' ') + 1) END)`;
  const orderBy: SQL[] = [];
  if (filter.order !== undefined) {
    const column = filter.order.startsWith('firstName') ? first : last;
    orderBy.push(filter.order.endsWith('-desc') ? desc(column) : asc(column));
  }
  orderBy.push(asc(agents.id));
  return { where, orderBy };
}

/** Agents with at least one assignment, each with the number of agents it supervises. */
export async function listSupervisorRows(
  db: Db,
  orgId: string,
  filter: PersonFilter,
  page: PageRequest,
): Promise<SupervisorRow[]> {
  const counts = db
    .select({
      supervisorId: supervisorAgents.supervisorId,
      agentCount: sql<number>`count(*)::int`.as('agent_count'),
    })
    .from(supervisorAgents)
    .where(eq(supervisorAgents.orgId, orgId))
    .groupBy(supervisorAgents.supervisorId)
    .as('counts');
  const { where, orderBy } = personQuery(filter, page);
  const rows = await db
    .select({ agent: agents, agentCount: counts.agentCount })
    .from(agents)
    .innerJoin(counts, eq(counts.supervisorId, agents.id))
    .where(and(eq(agents.orgId, orgId), ...where))
    .orderBy(...orderBy)
    .offset(page.skip)
    .limit(page.limit + 1);
  return rows.map((r) => ({ ...r.agent, agentCount: Number(r.agentCount) }));
}

/** The agents `supervisorId` supervises. */
export async function listSupervisedRows(
  db: Db,
  orgId: string,
  supervisorId: string,
  filter: PersonFilter,
  page: PageRequest,
): Promise<SupervisedRow[]> {
  const { where, orderBy } = personQuery(filter, page);
  const rows = await db
    .select({ agent: agents, assignedAt: supervisorAgents.createdAt })
    .from(supervisorAgents)
    .innerJoin(agents, and(eq(agents.orgId, supervisorAgents.orgId), eq(agents.id, supervisorAgents.agentId)))
    .where(and(eq(supervisorAgents.orgId, orgId), eq(supervisorAgents.supervisorId, supervisorId), ...where))
    .orderBy(...orderBy)
    .offset(page.skip)
    .limit(page.limit + 1);
  return rows.map((r) => ({ ...r.agent, assignedAt: r.assignedAt }));
}

/**
 * Agents that are not disabled: those that may be assigned (`agents`), or those that may become
 * supervisors, i.e. are not supervisors yet (`supervisors`).
 */
export function listCandidateRows(
  db: Db,
  orgId: string,
  kind: 'agents' | 'supervisors',
  filter: PersonFilter,
  page: PageRequest,
): Promise<AgentRow[]> {
  const { where, orderBy } = personQuery(filter, page);
  if (kind === 'supervisors') {
    where.push(
      sql`NOT EXISTS (SELECT 1 FROM supervisor_agents s WHERE s.org_id = ${orgId} AND s.supervisor_id = ${agents.id})`,
    );
  }
  return db
    .select()
    .from(agents)
    .where(and(eq(agents.orgId, orgId), ne(agents.status, 'disabled'), ...where))
    .orderBy(...orderBy)
    .offset(page.skip)
    .limit(page.limit + 1);
}

/**
 * The agent, locked against a concurrent update (a disable waits for this transaction, and this
 * one sees a disable that committed first). Null when it is not an agent of the org.
 */
export async function lockAgent(db: Db, orgId: string, id: string): Promise<AgentRow | null> {
  const rows = await db
    .select()
    .from(agents)
    .where(and(eq(agents.orgId, orgId), eq(agents.id, id)))
    .for('share');
  return rows[0] ?? null;
}

export async function countSupervised(db: Db, orgId: string, supervisorId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(supervisorAgents)
    .where(and(eq(supervisorAgents.orgId, orgId), eq(supervisorAgents.supervisorId, supervisorId)));
  return Number(rows[0]?.n ?? 0);
}

/** The agents each of `supervisorIds` supervises, by supervisor (ids in order); none: absent. */
export async function supervisedIdsOf(
  db: Db,
  orgId: string,
  supervisorIds: string[],
): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ supervisorId: supervisorAgents.supervisorId, agentId: supervisorAgents.agentId })
    .from(supervisorAgents)
    .where(
      and(
        eq(supervisorAgents.orgId, orgId),
        sql`${supervisorAgents.supervisorId} = ANY(${sql.param(supervisorIds)}::uuid[])`,
      ),
    )
    .orderBy(asc(supervisorAgents.agentId));
  return groupBy(
    rows,
    (r) => r.supervisorId,
    (r) => r.agentId,
  );
}

export async function isSupervisorOf(
  db: Db,
  orgId: string,
  supervisorId: string,
  agentId: string,
): Promise<boolean> {
  const rows = await db
    .select({ agentId: supervisorAgents.agentId })
    .from(supervisorAgents)
    .where(
      and(
        eq(supervisorAgents.orgId, orgId),
        eq(supervisorAgents.supervisorId, supervisorId),
        eq(supervisorAgents.agentId, agentId),
      ),
    );
  return rows.length > 0;
}

/**
 * Assigns the org's agents among `agentIds` to the supervisor in one statement. Disabled agents and
 * the supervisor itself are `not_available`; agents already assigned are `duplicate`. The named
 * agents are locked for share, so a concurrent disable cannot leave an assignment behind.
 */
export async function insertAssignments(
  db: Db,
  orgId: string,
  supervisorId: string,
  agentIds: string[],
  now: Date,
): Promise<Map<string, AddOutcome>> {
  const result = await db.execute(sql`
    WITH found AS (
      SELECT id, status <> 'disabled' AND id <> ${supervisorId}::uuid AS eligible
      FROM agents WHERE org_id = ${orgId} AND id = ANY(${sql.param(agentIds)}::uuid[])
      FOR SHARE
    ), ins AS (
      INSERT INTO supervisor_agents (org_id, supervisor_id, agent_id, created_at)
      SELECT ${orgId}, ${supervisorId}, id, ${now.toISOString()}::timestamptz FROM found WHERE eligible
      ON CONFLICT DO NOTHING
      RETURNING agent_id
    )
    SELECT found.id,
      CASE WHEN NOT found.eligible THEN 'not_available'
        WHEN ins.agent_id IS NOT NULL THEN 'added' ELSE 'duplicate' END AS outcome
    FROM found LEFT JOIN ins ON ins.agent_id = found.id`);
  return new Map(rowsOf<{ id: string; outcome: AddOutcome }>(result).map((r) => [r.id, r.outcome]));
}

/**
 * Unassigns `agentIds` from the supervisor in one statement: true when removed, false when the
 * agent exists but was not assigned; ids that are not agents of the org are absent.
 */
export async function deleteAssignments(
  db: Db,
  orgId: string,
  supervisorId: string,
  agentIds: string[],
): Promise<Map<string, boolean>> {
  const ids = sql.param(agentIds);
  const result = await db.execute(sql`
    WITH found AS (
      SELECT id FROM agents WHERE org_id = ${orgId} AND id = ANY(${ids}::uuid[])
    ), del AS (
      DELETE FROM supervisor_agents
      WHERE org_id = ${orgId} AND supervisor_id = ${supervisorId} AND agent_id = ANY(${ids}::uuid[])
      RETURNING agent_id
    )
    SELECT found.id, del.agent_id IS NOT NULL AS changed
    FROM found LEFT JOIN del ON del.agent_id = found.id`);
  return new Map(rowsOf<{ id: string; changed: boolean }>(result).map((r) => [r.id, r.changed]));
}

/**
 * Deletes assignments of the org in one statement: those of the given supervisors, those in which
 * the given agent takes either part, or (`all`) every one. Returns what was deleted.
 */
export async function deleteAssignmentsWhere(
  db: Db,
  orgId: string,
  which: { supervisorIds: string[] } | { eitherSide: string } | 'all',
): Promise<Assignment[]> {
  let condition: SQL | undefined;
  if (which === 'all') {
    condition = undefined;
  } else if ('supervisorIds' in which) {
    condition = sql`${supervisorAgents.supervisorId} = ANY(${sql.param(which.supervisorIds)}::uuid[])`;
  } else {
    condition = or(
      eq(supervisorAgents.supervisorId, which.eitherSide),
      eq(supervisorAgents.agentId, which.eitherSide),
    );
  }
  return db
    .delete(supervisorAgents)
    .where(and(eq(supervisorAgents.orgId, orgId), condition))
    .returning({ supervisorId: supervisorAgents.supervisorId, agentId: supervisorAgents.agentId });
}
