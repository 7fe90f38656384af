import { atCapacity } from '../../../core/presence/effective-status.js';
import type { PresenceView } from '../../../core/presence/presence.js';
import type { AgentRow } from '../../../db/schema.js';

/** Tiledesk's user names: the agent's own, else its full name split at the first space. */
function names(a: AgentRow): { firstname: string; lastname: string } {
  const [first = '', ...rest] = a.fullName.split(' ');
  return { firstname: a.firstName ?? first, lastname: a.lastName ?? rest.join(' ') };
}

/**
 * An agent as a Tiledesk teammate: availability is the agent's own switch and presence its
 * connection, both exactly as /v1 reports them; busy follows the core's capacity rule.
 */
export const presentTeammate = (a: AgentRow, v: PresenceView) => ({
  _id: a.id,
  id: a.id,
  id_project: a.orgId,
  id_user: { _id: a.userId, email: a.email, ...names(a) },
  role: a.role,
  user_available: v.available,
  profileStatus: a.profileStatus,
  max_served_chat: v.capacity,
  max_assigned_chat: v.capacity,
  number_assigned_requests: v.activeConversations,
  isBusy: atCapacity(v.activeConversations, v.capacity),
  attributes: a.attributes,
  tags: a.tags.map((tag) => {
    const color = a.tagColors[tag];
    return color === undefined ? { tag } : { tag, color };
  }),
  settings: a.settings,
  presence: { status: v.connection, changedAt: (a.presenceChangedAt ?? a.createdAt).toISOString() },
  isAuthenticated: true,
  status: a.status,
  trashed: a.trashedAt !== null,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
  createdBy: a.createdBy,
});

export const presentPendingRecord = (a: AgentRow) => ({
  _id: a.id,
  email: a.email,
  role: a.role,
  id_project: a.orgId,
  createdBy: a.createdBy,
  createdAt: a.createdAt.toISOString(),
  updatedAt: a.updatedAt.toISOString(),
});

export const presentPendingInvitation = (a: AgentRow) => ({
  msg: 'User not found, save invite to pending',
  pendingInvitation: presentPendingRecord(a),
});
