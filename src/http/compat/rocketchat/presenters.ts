import type { PresenceView } from '../../../core/presence/presence.js';
import type { MemberDetailRow, TeamWithCount } from '../../../core/teams/team-details.js';
import type { AgentRow, TeamRow } from '../../../db/schema.js';

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
  // Fields of Rocket.Chat's ILivechatDepartment for features Roster does not have, at their "off" value.
  offlineMessageChannelName: '',
  requestTagBeforeClosingChat: false,
  chatClosingTags: [] as string[],
  departmentsAllowedToForward: [] as string[],
  fallbackForwardDepartment: '',
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
  _updatedAt: m.joinedAt.toISOString(),
});

/** Rocket.Chat's user status from the agent's connection and availability. */
const userStatus = (v: PresenceView): 'online' | 'away' | 'offline' =>
  v.connection === 'offline' ? 'offline' : v.available ? 'online' : 'away';

/**
 * An agent as Rocket.Chat's livechat agent (ILivechatAgent): `statusLivechat` is the agent's
 * availability switch, `livechat.maxNumberSimultaneousChat` its capacity.
 */
export const presentLivechatAgent = (a: AgentRow, v: PresenceView, departments: string[]) => ({
  _id: a.id,
  username: a.username ?? a.email,
  name: a.fullName,
  type: 'user' as const,
  active: a.status !== 'disabled',
  status: userStatus(v),
  statusLivechat: v.available ? ('available' as const) : ('not-available' as const),
  emails: [a.email, ...a.additionalEmails].map((address) => ({ address, verified: true })),
  roles: ['user', 'livechat-agent'],
  livechat: { maxNumberSimultaneousChat: v.capacity },
  livechatCount: v.activeConversations,
  departments,
  createdAt: a.createdAt.toISOString(),
  _updatedAt: a.updatedAt.toISOString(),
});
