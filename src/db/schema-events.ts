/**
 * The event feed: the transactional outbox every write appends its events to, and the view that
 * reads it as events. Re-exported by schema.ts, which drizzle-kit reads.
 */
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, pgView, text, uuid } from 'drizzle-orm/pg-core';
import { ts, xid8 } from './columns.js';

/**
 * Transactional outbox: every write appends its domain events here in the same transaction.
 * No foreign key to orgs, so the tombstone event of a deleted org survives it.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey(),
    orgId: uuid('org_id').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    createdAt: ts('created_at').notNull(),
    /** The writing transaction: the feed's order is (xid, id), read below the snapshot's xmin. */
    xid: xid8('xid').notNull().default(sql`pg_current_xact_id()`),
    /**
     * A group: the ids of a run of events of one type that one change appended together (a team's
     * members' `agent.teams_changed`), in id order, stored as one row. `id` is then the last of
     * them and `payload` `{common, each}`: what all their payloads share, and each one's own keys
     * (migration 0019). The feed reads a group as its events (`outbox_events`).
     */
    groupIds: uuid('group_ids').array(),
    /**
     * A group as groups are written since migration 0021: how many events it holds. Their ids are
     * not stored: the n-th is `id` with its last two bytes set to n - 1 (`groupIds` in
     * src/core/events/event-groups.ts).
     */
    groupSize: integer('group_size'),
  },
  (t) => [index('outbox_org_idx').on(t.orgId, t.xid, t.id), index('outbox_feed_idx').on(t.xid, t.id)],
);

/** The outbox as its events, a group row as its events (migration 0018 defines the view). */
export const outboxEvents = pgView('outbox_events', {
  /** The outbox row's id: the event's own, or the last of its group's. */
  rowId: uuid('row_id').notNull(),
  id: uuid('id').notNull(),
  orgId: uuid('org_id').notNull(),
  type: text('type').notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  createdAt: ts('created_at').notNull(),
  xid: xid8('xid').notNull(),
  /** The event's place in its group (0 for an event stored alone). */
  n: bigint('n', { mode: 'number' }).notNull(),
}).existing();

export type OutboxRow = typeof outbox.$inferSelect;
