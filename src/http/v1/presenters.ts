import type { PresenceView } from '../../core/presence/presence.js';
import type { PresenceStatus } from '../../core/presence/presence-statuses.js';
import type { LiveDevice } from '../../core/presence/presence-store.js';
import type { ConversationStatus } from '../../core/routing/conversations.repo.js';
import type { RoutingMode } from '../../core/routing/selection.js';
import type { MemberRow } from '../../core/teams/teams.repo.js';
import type { AgentRow, ApiKeyRow, ConversationRow, OrgRow, TeamRow } from '../../db/schema.js';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

export const presentOrg = (o: OrgRow) => ({
  id: o.id,
  name: o.name,
  default_max_concurrent: o.defaultMaxConcurrent,
  created_at: o.createdAt.toISOString(),
  updated_at: o.updatedAt.toISOString(),
});

export const presentMember = (m: MemberRow) => ({
  id: m.id,
  email: m.email,
  full_name: m.fullName,
  priority: m.priority,
});

export const presentTeamSummary = (t: TeamRow) => ({
  id: t.id,
  name: t.name,
  description: t.description,
  default_max_concurrent: t.defaultMaxConcurrent,
  enabled: t.enabled,
  archived_at: iso(t.archivedAt),
  email: t.email,
  show_on_registration: t.showOnRegistration,
  show_on_offline_form: t.showOnOfflineForm,
  // The column's check constraint admits only the modes.
  routing: t.routing as RoutingMode,
  member_count: t.memberCount,
  created_at: t.createdAt.toISOString(),
  updated_at: t.updatedAt.toISOString(),
});

export const presentTeam = (t: TeamRow & { members: MemberRow[] }) => ({
  ...presentTeamSummary(t),
  members: t.members.map(presentMember),
});

export const presentAgent = (a: AgentRow) => ({
  id: a.id,
  user_id: a.userId,
  email: a.email,
  full_name: a.fullName,
  first_name: a.firstName,
  last_name: a.lastName,
  username: a.username,
  phone_number: a.phoneNumber,
  middle_names: a.middleNames,
  avatar_url: a.avatarUrl,
  additional_emails: a.additionalEmails,
  additional_phone_numbers: a.additionalPhoneNumbers,
  role: a.role,
  status: a.status,
  max_concurrent: a.maxConcurrent,
  attributes: a.attributes,
  tags: a.tags,
  tag_colors: a.tagColors,
  profile_status: a.profileStatus,
  settings: a.settings,
  trashed_at: iso(a.trashedAt),
  created_by: a.createdBy,
  created_at: a.createdAt.toISOString(),
  updated_at: a.updatedAt.toISOString(),
});

export const presentApiKey = (k: ApiKeyRow) => ({
  id: k.id,
  name: k.name,
  scopes: k.scopes,
  agent_id: k.agentId,
  last4: k.last4,
  created_at: k.createdAt.toISOString(),
  expires_at: iso(k.expiresAt),
  last_used_at: iso(k.lastUsedAt),
});

/** A presence view; with `withAgent`, who the agent is too (`expand=agent`). */
export const presentPresence = (v: PresenceView, withAgent = false) => ({
  agent_id: v.agentId,
  connection: v.connection,
  status: v.status,
  available: v.available,
  channels: v.channels,
  active_channels: v.activeChannels,
  effective_status: v.effectiveStatus,
  active_conversations: v.activeConversations,
  capacity: v.capacity,
  last_seen: iso(v.lastSeen),
  changed_at: iso(v.changedAt),
  request_time: v.requestTime.toISOString(),
  ...(withAgent && v.agent !== undefined
    ? { agent: { id: v.agent.id, full_name: v.agent.fullName, email: v.agent.email, role: v.agent.role } }
    : {}),
});

export const presentPresenceStatus = (s: PresenceStatus) => ({
  key: s.key,
  label: s.label,
  available: s.available,
  built_in: s.builtIn,
});

export const presentConversation = (c: ConversationRow) => ({
  id: c.id,
  team_id: c.teamId,
  assignee_id: c.assigneeId,
  status: c.status as ConversationStatus,
  channel: c.channel,
  external_id: c.externalId,
  priority: c.priority,
  metadata: c.metadata,
  created_at: c.createdAt.toISOString(),
  updated_at: c.updatedAt.toISOString(),
  assigned_at: iso(c.assignedAt),
  closed_at: iso(c.closedAt),
});

/** A live device; it stops counting `ttlMs` after its latest heartbeat unless it beats again. */
export function presentDevice(device: LiveDevice, ttlMs: number) {
  return {
    device_id: device.id,
    last_seen: device.lastSeen.toISOString(),
    expires_at: new Date(device.lastSeen.getTime() + ttlMs).toISOString(),
    channels: device.channels,
  };
}
