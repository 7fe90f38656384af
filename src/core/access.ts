import { ERRORS } from './errors.js';

/** Every scope an API key can hold. `*` on a key stands for all of them. */
export const SCOPES = [
  'teams:read',
  'teams:write',
  'teams:delete',
  'agents:read',
  'agents:write',
  'agents:delete',
  'presence:read',
  'presence:write',
  'supervisors:read',
  'supervisors:write',
  'conversations:read',
  'conversations:write',
  'keys:read',
  'keys:write',
  'events:read',
  'webhooks:read',
  'webhooks:write',
  'audit:read',
  /** SCIM 2.0 provisioning at /scim/v2: identity providers create, change and remove agents and teams. */
  'scim',
] as const;

export type Scope = (typeof SCOPES)[number];

export const ROLES = ['owner', 'admin', 'supervisor', 'agent'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: the platform master key, or an org's API key, possibly bound to an agent. */
export interface Actor {
  /** The org every query of this request is filtered by. */
  orgId: string;
  isMaster: boolean;
  keyId: string | null;
  scopes: ReadonlySet<Scope>;
  /** Set when the key acts as an agent: its role then limits what the scopes allow. */
  agent: { id: string; role: Role } | null;
}

export const ALL_SCOPES: ReadonlySet<Scope> = new Set(SCOPES);

/** Expands `*` and drops duplicates, keeping the canonical order of SCOPES. */
export function expandScopes(scopes: readonly string[]): Scope[] {
  if (scopes.includes('*')) {
    return [...SCOPES];
  }
  return SCOPES.filter((s) => scopes.includes(s));
}

export const isScope = (value: string): value is Scope => (SCOPES as readonly string[]).includes(value);

export function hasScope(actor: Actor, scope: Scope): boolean {
  return actor.scopes.has(scope);
}

/** @throws scope_missing when the actor's key does not hold `scope`. */
export function assertScope(actor: Actor, scope: Scope): void {
  if (!hasScope(actor, scope)) {
    throw ERRORS.scopeMissing(scope);
  }
}

/** Actions the role policy decides on; scopes are checked separately, per route. */
export type Action =
  | 'team.read'
  | 'team.create'
  | 'team.update'
  | 'team.delete'
  | 'team.members.manage'
  | 'agent.read'
  | 'agent.create'
  | 'agent.update'
  | 'agent.update_self'
  /** Setting the capacity (max_concurrent) of the caller's own agent. */
  | 'agent.set_own_capacity'
  | 'agent.delete'
  | 'agent.grant_owner'
  | 'key.manage_any'
  | 'key.manage_own'
  | 'presence.read'
  | 'presence.set_self'
  | 'presence.set_any'
  | 'presence_status.manage'
  | 'supervisor.read'
  | 'supervisor.manage'
  /** Reading the presence of an agent the caller's own agent supervises. */
  | 'presence.read_supervised'
  | 'conversation.read'
  /** Creating, closing and transferring any conversation of the org. */
  | 'conversation.manage'
  /** Closing and transferring the conversations assigned to the caller's own agent. */
  | 'conversation.manage_own'
  /** Assigning an agent beyond its capacity (`force`). */
  | 'conversation.force'
  /** Managing the org's webhook endpoints and reading their delivery log. */
  | 'webhook.manage'
  /** Reading the org's audit log. */
  | 'audit.read';

const READ: Action[] = ['team.read', 'agent.read', 'presence.read', 'supervisor.read', 'conversation.read'];
const SELF: Action[] = [
  'agent.update_self',
  // Agents pace themselves: Tiledesk lets a teammate set its own max chats, and so does Roster.
  'agent.set_own_capacity',
  'key.manage_own',
  'presence.set_self',
  'presence.read_supervised',
  'conversation.manage_own',
];
const CONVERSATIONS: Action[] = ['conversation.manage', 'conversation.force'];

/** The role table: what an agent-bound key may do, on top of what its scopes allow. */
const ROLE_POLICY: Record<Role, ReadonlySet<Action>> = {
  owner: new Set<Action>([
    ...READ,
    ...SELF,
    'team.create',
    'team.update',
    'team.delete',
    'team.members.manage',
    'agent.create',
    'agent.update',
    'agent.delete',
    'agent.grant_owner',
    'key.manage_any',
    'presence.set_any',
    'presence_status.manage',
    'supervisor.manage',
    ...CONVERSATIONS,
    'webhook.manage',
    'audit.read',
  ]),
  admin: new Set<Action>([
    ...READ,
    ...SELF,
    'team.create',
    'team.update',
    'team.delete',
    'team.members.manage',
    'agent.create',
    'agent.update',
    'agent.delete',
    'key.manage_any',
    'presence.set_any',
    'presence_status.manage',
    'supervisor.manage',
    ...CONVERSATIONS,
    'webhook.manage',
    'audit.read',
  ]),
  supervisor: new Set<Action>([
    ...READ,
    ...SELF,
    ...CONVERSATIONS,
    'team.members.manage',
    'presence.set_any',
  ]),
  agent: new Set<Action>([...READ, ...SELF]),
};

/** The actor of background work (presence expiry): acts for the platform, in the given org. */
export function systemActor(orgId: string): Actor {
  return { orgId, isMaster: true, keyId: null, scopes: ALL_SCOPES, agent: null };
}

/** True when the actor's role allows `action`; keys not bound to an agent are limited by scopes only. */
export function can(actor: Actor, action: Action): boolean {
  if (actor.agent === null) {
    return true;
  }
  return ROLE_POLICY[actor.agent.role].has(action);
}

/** @throws forbidden when the actor's role does not allow `action`. */
export function assertCan(actor: Actor, action: Action): void {
  if (!can(actor, action)) {
    throw ERRORS.forbidden(`The role "${actor.agent?.role}" of this key's agent does not allow ${action}`);
  }
}
