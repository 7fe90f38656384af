import { type SQL, sql } from 'drizzle-orm';

/*
 * SQL fragments that say who may take routed work, shared by the candidate query, the routed
 * insert and the agent locks. They name the agent `a`, the team `t` and the org `o`.
 */

/** The agent's chosen status counts as available (built-in working/away, or the org's own). */
const STATUS_AVAILABLE = sql`CASE a.presence_status WHEN 'working' THEN true WHEN 'away' THEN false
  ELSE coalesce((SELECT ps.available FROM presence_statuses ps
                 WHERE ps.org_id = a.org_id AND ps.key = a.presence_status), false) END`;

/** What the agent chose makes it take work: active, not trashed, available with an available status. */
export const WILLING = sql`(a.status = 'active' AND a.trashed_at IS NULL AND a.available AND ${STATUS_AVAILABLE})`;

/** The agent works `channel`: no channel given, or its flag for it is not switched off. */
export const works = (channel: SQL) =>
  sql`(${channel} IS NULL OR coalesce((a.channels ->> ${channel})::boolean, true))`;

/** A team takes new work: enabled, not archived, and not manual. */
export const TEAM_ROUTES = sql`(t.enabled AND t.archived_at IS NULL AND t.routing <> 'manual')`;

/** The channel parameter of a routing statement (null: any channel). */
export const CHANNEL = sql`${sql.placeholder('channel')}::text`;

/**
 * The agent may take team `t`'s routed work on `channel` now, capacity aside: willing, working the
 * channel, a member of the team, and the team routes.
 */
export const takesTeamWork = (channel: SQL) =>
  sql`(${WILLING} AND ${works(channel)} AND ${TEAM_ROUTES}
    AND EXISTS (SELECT 1 FROM team_members m
                WHERE m.org_id = a.org_id AND m.team_id = t.id AND m.agent_id = a.id))`;

/** The agent's capacity in team `t`: its own, else the team's default, else the org's. */
export const TEAM_CAPACITY = sql`coalesce(a.max_concurrent, t.default_max_concurrent, o.default_max_concurrent)`;
