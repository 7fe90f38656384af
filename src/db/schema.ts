import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import { ts } from './columns.js';

// The event feed, the webhook tables with the audit log, and the sessions live in files of their
// own; the schema is the sum of them.
export * from './schema-events.js';
export * from './schema-integrations.js';
export * from './schema-sessions.js';

/** Platform-wide settings that are not tied to an org (the master key hash, the default org). */
export const platformSettings = pgTable('platform_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const orgs = pgTable(
  'orgs',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** Capacity of an agent when neither the agent nor its team sets one. */
    defaultMaxConcurrent: integer('default_max_concurrent').notNull().default(5),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [check('orgs_default_max_concurrent_check', sql`${t.defaultMaxConcurrent} BETWEEN 0 AND 1000`)],
);

/**
 * A person, platform-wide: the same email in two orgs is one user with an agent in each. Names are
 * those the person was first registered with; each org keeps its own profile on the agent.
 */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    email: text('email').notNull(),
    fullName: text('full_name').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

export const agents = pgTable(
  'agents',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    /** The person this agent is; always the user of `email`. */
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    email: text('email').notNull(),
    fullName: text('full_name').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    username: text('username'),
    phoneNumber: text('phone_number'),
    middleNames: text('middle_names').array().notNull().default(sql`'{}'::text[]`),
    avatarUrl: text('avatar_url'),
    /** Further addresses of the agent; only `email` is unique in the org. */
    additionalEmails: text('additional_emails').array().notNull().default(sql`'{}'::text[]`),
    additionalPhoneNumbers: text('additional_phone_numbers').array().notNull().default(sql`'{}'::text[]`),
    role: text('role').notNull().default('agent'),
    status: text('status').notNull().default('active'),
    maxConcurrent: integer('max_concurrent'),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** Display colour of some of `tags`, by tag (Tiledesk tag objects carry one). */
    tagColors: jsonb('tag_colors').$type<Record<string, string>>().notNull().default({}),
    /** A free status text the agent shows (Tiledesk profileStatus); not its availability. */
    profileStatus: text('profile_status').notNull().default(''),
    /** The agent's own preferences (notifications, ...), free-form. */
    settings: jsonb('settings').$type<Record<string, unknown>>().notNull().default({}),
    /** Set while the agent is in the trash: kept on record, out of every team, restorable. */
    trashedAt: ts('trashed_at'),
    /** The user who created the agent; null when an org-level key or the master key did. */
    createdBy: uuid('created_by'),
    // Availability: what the agent chose, durable. Connection presence lives in the presence store.
    available: boolean('available').notNull().default(true),
    presenceStatus: text('presence_status').notNull().default('working'),
    channels: jsonb('channels').$type<Record<string, boolean>>().notNull().default({}),
    availabilityChangedAt: ts('availability_changed_at'),
    /** Written only at online/offline transitions, never per heartbeat. */
    presenceChangedAt: ts('presence_changed_at'),
    lastSeenAt: ts('last_seen_at'),
    /** When routing last gave this agent a conversation (least-busy tie-break). */
    lastAssignedAt: ts('last_assigned_at'),
    /**
     * Conversations assigned to the agent now (status `assigned`): what counts against its
     * capacity. Kept by triggers on `conversations` (migration 0011), whatever changes them.
     */
    assignedCount: integer('assigned_count').notNull().default(0),
    /** Bumped by every change of the agent's own fields: its ETag (optimistic concurrency). */
    version: integer('version').notNull().default(1),
    /** The identity provider's id of this person (SCIM `externalId`); unique in the org when set. */
    externalId: text('external_id'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    unique('agents_org_id_id_key').on(t.orgId, t.id),
    uniqueIndex('agents_org_external_id_key')
      .on(t.orgId, t.externalId)
      .where(sql`${t.externalId} IS NOT NULL`),
    /** SCIM `userName`: the username, or the email of an agent without one (filters by it, case-insensitive). */
    index('agents_org_scim_user_name_idx').on(t.orgId, sql`lower(coalesce(${t.username}, ${t.email}))`),
    uniqueIndex('agents_org_email_key').on(t.orgId, sql`lower(${t.email})`),
    index('agents_user_idx').on(t.userId),
    uniqueIndex('agents_org_username_key')
      .on(t.orgId, sql`lower(${t.username})`)
      .where(sql`${t.username} IS NOT NULL`),
    check('agents_role_check', sql`${t.role} IN ('owner', 'admin', 'supervisor', 'agent')`),
    check('agents_status_check', sql`${t.status} IN ('active', 'invited', 'disabled')`),
    check('agents_max_concurrent_check', sql`${t.maxConcurrent} BETWEEN 0 AND 1000`),
  ],
);

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description'),
    /** Capacity of members that set none of their own; null falls through to the org default. */
    defaultMaxConcurrent: integer('default_max_concurrent'),
    /** A disabled team takes no new work; it stays listed. */
    enabled: boolean('enabled').notNull().default(true),
    /** Set while archived: hidden from default listings, takes no new work, restorable. */
    archivedAt: ts('archived_at'),
    /** Contact address of the team (Rocket.Chat department email). */
    email: text('email'),
    /** Offered to customers when they start a conversation / leave an offline message. */
    showOnRegistration: boolean('show_on_registration').notNull().default(true),
    showOnOfflineForm: boolean('show_on_offline_form').notNull().default(true),
    /** How queued work is given to members: manual, round_robin or least_busy. */
    routing: text('routing').notNull().default('least_busy'),
    /** round_robin: the member who received the team's last assignment. */
    routingCursorAgentId: uuid('routing_cursor_agent_id'),
    /** Bumped by every change of the team, its settings or its members: its ETag. */
    version: integer('version').notNull().default(1),
    /** How many members the team has, kept by triggers on team_members (migration 0009). */
    memberCount: integer('member_count').notNull().default(0),
    /** The identity provider's id of this group (SCIM `externalId`). */
    externalId: text('external_id'),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [
    unique('teams_org_id_id_key').on(t.orgId, t.id),
    uniqueIndex('teams_org_name_key').on(t.orgId, sql`lower(${t.name})`),
    check('teams_default_max_concurrent_check', sql`${t.defaultMaxConcurrent} BETWEEN 0 AND 1000`),
    check('teams_routing_check', sql`${t.routing} IN ('manual', 'round_robin', 'least_busy')`),
  ],
);

/** Membership rows carry org_id so that both foreign keys prove team and agent share the org. */
export const teamMembers = pgTable(
  'team_members',
  {
    orgId: uuid('org_id').notNull(),
    teamId: uuid('team_id').notNull(),
    agentId: uuid('agent_id').notNull(),
    /** Member order: lower first (round-robin order, Rocket.Chat `order`). */
    priority: integer('priority').notNull().default(0),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.agentId] }),
    foreignKey({ columns: [t.orgId, t.teamId], foreignColumns: [teams.orgId, teams.id] }).onDelete('cascade'),
    foreignKey({
      columns: [t.orgId, t.agentId],
      foreignColumns: [agents.orgId, agents.id],
    }).onDelete('cascade'),
    index('team_members_agent_idx').on(t.orgId, t.agentId),
  ],
);

/**
 * Supervisor assignments: the supervising agent and an agent it monitors, both of one org (both
 * foreign keys carry org_id). Either agent's deletion takes the assignment with it.
 */
export const supervisorAgents = pgTable(
  'supervisor_agents',
  {
    orgId: uuid('org_id').notNull(),
    supervisorId: uuid('supervisor_id').notNull(),
    agentId: uuid('agent_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.supervisorId, t.agentId] }),
    foreignKey({
      name: 'supervisor_agents_supervisor_fk',
      columns: [t.orgId, t.supervisorId],
      foreignColumns: [agents.orgId, agents.id],
    }).onDelete('cascade'),
    foreignKey({
      name: 'supervisor_agents_agent_fk',
      columns: [t.orgId, t.agentId],
      foreignColumns: [agents.orgId, agents.id],
    }).onDelete('cascade'),
    index('supervisor_agents_agent_idx').on(t.orgId, t.agentId),
    check('supervisor_agents_not_self_check', sql`${t.supervisorId} <> ${t.agentId}`),
  ],
);

/**
 * A unit of work (ticket, chat, call). `assigned` rows count against the assignee's capacity;
 * the team and assignee links are cleared by the core (never by cascade) so that deleting a team
 * or an agent requeues or unassigns its work in the same transaction, with events.
 */
export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id'),
    assigneeId: uuid('assignee_id'),
    status: text('status').notNull().default('queued'),
    channel: text('channel'),
    externalId: text('external_id'),
    priority: integer('priority').notNull().default(0),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
    assignedAt: ts('assigned_at'),
    closedAt: ts('closed_at'),
  },
  (t) => [
    foreignKey({
      name: 'conversations_team_fk',
      columns: [t.orgId, t.teamId],
      foreignColumns: [teams.orgId, teams.id],
    }),
    foreignKey({
      name: 'conversations_assignee_fk',
      columns: [t.orgId, t.assigneeId],
      foreignColumns: [agents.orgId, agents.id],
    }),
    check('conversations_status_check', sql`${t.status} IN ('queued', 'assigned', 'closed')`),
    check(
      'conversations_assignee_check',
      sql`(${t.status} = 'assigned') = (${t.assigneeId} IS NOT NULL AND ${t.assignedAt} IS NOT NULL) OR ${t.status} = 'closed'`,
    ),
    uniqueIndex('conversations_org_external_key')
      .on(t.orgId, t.externalId)
      .where(sql`${t.externalId} IS NOT NULL`),
    index('conversations_org_idx').on(t.orgId, t.id),
    /** Active load per agent: the capacity check counts these. */
    index('conversations_active_idx').on(t.orgId, t.assigneeId).where(sql`${t.status} = 'assigned'`),
    /** The queue: oldest, highest-priority work of a team first. */
    index('conversations_queue_idx')
      .on(t.orgId, t.teamId, t.priority.desc(), t.createdAt, t.id)
      .where(sql`${t.status} = 'queued'`),
  ],
);

/** An org's own presence statuses, beside the built-in `working` (available) and `away` (not). */
export const presenceStatuses = pgTable(
  'presence_statuses',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    label: text('label').notNull(),
    available: boolean('available').notNull(),
    createdAt: ts('created_at').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key] })],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    scopes: text('scopes').array().notNull(),
    agentId: uuid('agent_id'),
    keyHash: text('key_hash').notNull(),
    last4: text('last4').notNull(),
    createdAt: ts('created_at').notNull(),
    expiresAt: ts('expires_at'),
    lastUsedAt: ts('last_used_at'),
  },
  (t) => [
    uniqueIndex('api_keys_hash_key').on(t.keyHash),
    index('api_keys_org_idx').on(t.orgId, t.id),
    foreignKey({
      columns: [t.orgId, t.agentId],
      foreignColumns: [agents.orgId, agents.id],
    }).onDelete('cascade'),
  ],
);

/**
 * Idempotency keys of /v1 writes (Stripe's semantics): the first successful response to a key,
 * stored in the transaction of its effect, replayed for 24 hours to retries with the same body.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    /** The API key's id, or `master`: one client's keys never answer another's. */
    caller: text('caller').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of method, path and body: the same key with another request is refused. */
    fingerprint: text('fingerprint').notNull(),
    status: integer('status').notNull(),
    contentType: text('content_type'),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.caller, t.key] }),
    index('idempotency_keys_created_idx').on(t.createdAt),
  ],
);

export type OrgRow = typeof orgs.$inferSelect;
export type AgentRow = typeof agents.$inferSelect;
export type UserRow = typeof users.$inferSelect;
export type TeamRow = typeof teams.$inferSelect;
export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type IdempotencyKeyRow = typeof idempotencyKeys.$inferSelect;
export type ConversationRow = typeof conversations.$inferSelect;
export type PresenceStatusRow = typeof presenceStatuses.$inferSelect;
