import type { Actor, Role } from '../../../core/access.js';

/** The Rocket.Chat permissions Roster answers for. */
export type RocketChatPermission =
  | 'view-livechat-departments'
  | 'manage-livechat-departments'
  | 'add-livechat-department-agents'
  | 'remove-livechat-department'
  | 'view-l-room'
  | 'manage-livechat-agents';

const ALL: RocketChatPermission[] = [
  'view-livechat-departments',
  'manage-livechat-departments',
  'add-livechat-department-agents',
  'remove-livechat-department',
  'view-l-room',
  'manage-livechat-agents',
];

/** Rocket.Chat's named permissions, derived from the agent's Roster role: the one table. */
const ROLE_PERMISSIONS: Record<Role, ReadonlySet<RocketChatPermission>> = {
  owner: new Set(ALL),
  admin: new Set(ALL),
  supervisor: new Set(['view-livechat-departments', 'add-livechat-department-agents', 'view-l-room']),
  agent: new Set(['view-l-room']),
};

/** True when the caller's agent holds `permission` (callers of this dialect are always agents). */
export function hasPermission(actor: Actor, permission: RocketChatPermission): boolean {
  return actor.agent !== null && ROLE_PERMISSIONS[actor.agent.role].has(permission);
}

/** True when the caller holds any of `permissions` (Rocket.Chat's `hasAny`). */
export function hasAnyPermission(actor: Actor, permissions: readonly RocketChatPermission[]): boolean {
  return permissions.some((p) => hasPermission(actor, p));
}
