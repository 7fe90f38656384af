import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { preparedSql } from '../../db/prepared.js';
import { teams } from '../../db/schema.js';

/** A team as a join by name finds or creates it. */
export interface NamedTeam {
  id: string;
  name: string;
}

const teamsByLowerNameStatement = preparedSql<NamedTeam, { orgId: string; lowers: string[] }>(
  'roster_teams_by_lower_name',
  sql`SELECT id, name FROM teams
      WHERE org_id = ${sql.placeholder('orgId')} AND lower(name) = ANY(${sql.placeholder('lowers')}::text[])`,
);

/** The org's teams, archived ones included, whose lower-cased names are among `lowers`. */
export function teamsByLowerName(db: Db, orgId: string, lowers: string[]): Promise<NamedTeam[]> {
  return teamsByLowerNameStatement(db, { orgId, lowers });
}

/**
 * Creates teams with default settings; a name another transaction took meanwhile is skipped
 * (the unique index on lower(name) makes this wait for that transaction). Returns those created.
 */
export async function insertNamedTeams(
  db: Db,
  orgId: string,
  named: NamedTeam[],
  now: Date,
): Promise<NamedTeam[]> {
  if (named.length === 0) {
    return [];
  }
  return db
    .insert(teams)
    .values(
      named.map((t) => ({
        id: t.id,
        orgId,
        name: t.name,
        description: null,
        defaultMaxConcurrent: null,
        enabled: true,
        archivedAt: null,
        email: null,
        showOnRegistration: true,
        showOnOfflineForm: true,
        routing: 'least_busy',
        routingCursorAgentId: null,
        version: 1,
        memberCount: 0,
        externalId: null,
        createdAt: now,
        updatedAt: now,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: teams.id, name: teams.name });
}

const lockTeamsStatement = preparedSql<never, { orgId: string; teamIds: string[] }>(
  'roster_lock_teams_in_order',
  sql`SELECT id FROM teams
      WHERE org_id = ${sql.placeholder('orgId')} AND id = ANY(${sql.placeholder('teamIds')}::uuid[])
      ORDER BY id FOR NO KEY UPDATE`,
);

/**
 * Locks the teams in id order, as the member-count trigger's update would (a lock that still lets
 * other transactions add members' rows that refer to them): two calls joining agents to the same
 * teams take turns instead of deadlocking on that trigger's updates, whose order is not defined.
 */
export async function lockTeams(db: Db, orgId: string, teamIds: string[]): Promise<void> {
  await lockTeamsStatement(db, { orgId, teamIds });
}

const insertPairsStatement = preparedSql<
  { team_id: string; agent_id: string },
  { orgId: string; teamIds: string[]; agentIds: string[]; at: string }
>(
  'roster_insert_member_pairs',
  sql`INSERT INTO team_members (org_id, team_id, agent_id, created_at)
      SELECT ${sql.placeholder('orgId')}, p.team_id, p.agent_id, ${sql.placeholder('at')}::timestamptz
      FROM unnest(${sql.placeholder('teamIds')}::uuid[], ${sql.placeholder('agentIds')}::uuid[]) AS p(team_id, agent_id)
      ON CONFLICT DO NOTHING
      RETURNING team_id, agent_id`,
);

/** Adds each (team, agent) pair not there yet, in one statement; returns the pairs added. */
export function insertMemberPairs(
  db: Db,
  orgId: string,
  pairs: { teamId: string; agentId: string }[],
  now: Date,
): Promise<{ team_id: string; agent_id: string }[]> {
  return insertPairsStatement(db, {
    orgId,
    teamIds: pairs.map((p) => p.teamId),
    agentIds: pairs.map((p) => p.agentId),
    at: now.toISOString(),
  });
}
