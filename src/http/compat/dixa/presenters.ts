import type { PresenceView } from '../../../core/presence/presence.js';
import type { MemberRow } from '../../../core/teams/teams.repo.js';
import type { AgentRow, TeamRow } from '../../../db/schema.js';

/**
 * Roster rows as Dixa objects (vendor spec section 1.1: Team, TeamMember, Agent, UserPresence).
 * Dixa leaves absent optional fields out rather than sending null.
 */

/** Dixa's `createdAt` form: UTC with a Z, to the second ("2020-12-16T09:41:43Z"). */
const instant = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Dixa's presence time form: UTC to the millisecond, no zone designator ("2021-12-01T12:46:35.935"). */
const presenceTime = (d: Date) => d.toISOString().slice(0, 23);

/** Only the entries whose value is neither null nor undefined. */
function present<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: NonNullable<T[K]> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]?: NonNullable<T[K]>;
  };
}

/** A team as Dixa's Team: id and name only. */
export const presentTeam = (t: Pick<TeamRow, 'id' | 'name'>) => ({ id: t.id, name: t.name });

/** A member as Dixa's TeamMember. */
export const presentTeamMember = (m: MemberRow) => ({
  id: m.id,
  name: m.fullName,
  email: m.email,
  ...present({ phoneNumber: m.phoneNumber }),
});

/**
 * Dixa has two roles; a disabled agent, which Dixa would have downgraded to an end user, has none.
 */
function rolesOf(a: AgentRow): string[] {
  if (a.status === 'disabled') {
    return [];
  }
  return a.role === 'owner' || a.role === 'admin' ? ['Admin'] : ['Agent'];
}

/** An agent as Dixa's Agent; `displayName` is the full name. */
export const presentAgent = (a: AgentRow) => ({
  id: a.id,
  createdAt: instant(a.createdAt),
  displayName: a.fullName,
  email: a.email,
  ...present({
    avatarUrl: a.avatarUrl,
    phoneNumber: a.phoneNumber,
  }),
  additionalEmails: a.additionalEmails,
  additionalPhoneNumbers: a.additionalPhoneNumbers,
  ...present({ firstName: a.firstName, lastName: a.lastName }),
  middleNames: a.middleNames,
  roles: rolesOf(a),
});

export type DixaAgent = ReturnType<typeof presentAgent>;

/** Working/Away is the agent's own choice; Online/Offline its connection; they are separate axes. */
export const presentPresence = (v: PresenceView) => ({
  userId: v.agentId,
  requestTime: presenceTime(v.requestTime),
  ...present({ lastSeen: v.lastSeen === null ? null : presenceTime(v.lastSeen) }),
  presenceStatus: v.availableByChoice ? 'Working' : 'Away',
  connectionStatus: v.connection === 'online' ? 'Online' : 'Offline',
  activeChannels: v.activeChannels,
});
