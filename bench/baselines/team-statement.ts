/** Shared by the baselines of a (http-pg.ts) and a' (pglite-loop.ts). */

// Roster's statement for GET /v1/teams/{id} (teams.repo.ts, findTeamWithMembers): the columns
// of its response (and the version for its ETag), and every member as one JSON array.
export const TEAM_WITH_MEMBERS_SQL = `SELECT id, name, description, default_max_concurrent, enabled, archived_at, email,
    show_on_registration, show_on_offline_form, routing, member_count, created_at, updated_at, version,
    (SELECT coalesce(json_agg(json_build_array(a.id, a.email, a.full_name, a.phone_number, m.priority)
                              ORDER BY m.agent_id), '[]')
     FROM team_members m JOIN agents a ON a.org_id = m.org_id AND a.id = m.agent_id
     WHERE m.org_id = $1 AND m.team_id = $2) AS members
  FROM teams WHERE org_id = $1 AND id = $2`;

/** The response of GET /v1/teams/{id}, as Roster writes it, from that statement's row. */
export function teamBody(
  row: Record<string, unknown> & { members: [string, string, string, unknown, number][] },
) {
  const { version: _version, members, ...team } = row;
  return JSON.stringify({
    ...team,
    members: members.map(([id, email, full_name, _phone, priority]) => ({ id, email, full_name, priority })),
  });
}
