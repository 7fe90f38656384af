import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { preparedSql } from '../../db/prepared.js';
import { CHANNEL, takesTeamWork, WILLING } from './eligibility.sql.js';

/*
 * The agent row locks that make claims take turns: every change to an agent's load happens under
 * its row lock, taken before the conversation's.
 */

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
      ${takesTeamWork(CHANNEL)} AS eligible
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
