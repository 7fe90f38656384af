import type { MemberDetailRow, TeamWithCount } from '../../../core/teams/team-details.js';
import type { TeamRow } from '../../../db/schema.js';

/** A Roster team as a Rocket.Chat department. */
export const presentDepartment = (t: TeamWithCount) => ({
  _id: t.id,
  name: t.name,
  enabled: t.enabled,
  description: t.description ?? '',
  showOnRegistration: t.showOnRegistration,
  showOnOfflineForm: t.showOnOfflineForm,
  email: t.email ?? '',
  numAgents: t.memberCount,
  archived: t.archivedAt !== null,
  // Rocket.Chat's 0 is "no limit of the department": the next default applies, as with null here.
  maxNumberSimultaneousChat: t.defaultMaxConcurrent ?? 0,
  _updatedAt: t.updatedAt.toISOString(),
});

/** A member of a team as a Rocket.Chat department agent. */
export const presentDepartmentAgent = (t: TeamRow, m: MemberDetailRow) => ({
  _id: `${t.id}:${m.agentId}`,
  departmentId: t.id,
  departmentEnabled: t.enabled && t.archivedAt === null,
  agentId: m.agentId,
  username: m.username ?? m.email,
  count: m.activeConversations,
  order: m.priority,
});
