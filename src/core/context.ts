import type { Db } from '../db/client.js';
import type { Actor } from './access.js';
import type { EventBus, PublishedEvent } from './events/bus.js';
import type { FeedCache } from './feed-cache.js';
import type { PresenceStore } from './presence/presence-store.js';

/** Where a change came from, for its audit record: set for requests, absent for background work. */
export interface AuditSource {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  /** The API dialect of the request: v1, dixa, tiledesk, webex, rocketchat. */
  dialect: string;
}

/** Everything a use case needs: who calls, the database handle, the clock and the live services. */
export interface Ctx {
  /** Set for a request: every change it makes is audited with it (see `appendingEvents`). */
  audit?: AuditSource | null;
  actor: Actor;
  db: Db;
  now: () => Date;
  events: EventBus;
  presence: PresenceStore;
  /** Set inside a transaction: events written to the outbox, published once it commits. */
  pending?: PublishedEvent[];
  /** Set inside a transaction: work to run once it commits (see `afterCommit`). */
  afterCommit?: ((ctx: Ctx) => Promise<void>)[];
  /**
   * Agents (`org/agent`) found to exist, kept current by the database's change announcements: a
   * heartbeat of a known agent then reads nothing from the database. Absent: always read.
   */
  agentsSeen?: FeedCache<true> | null;
  /**
   * False only in a server measuring what events cost (ROSTER_RECORD_EVENTS=off): changes then
   * append no event and no audit record (see `draftEvents`).
   */
  recordEvents?: boolean;
  /** Where failures that must not fail the caller are reported (a request's logger); none: silent. */
  log?: { warn: (obj: object, msg: string) => void };
}

/**
 * Runs `fn` inside one transaction, handing it a context whose `db` is that transaction.
 * Events emitted inside are published only after the commit, so no subscriber ever sees a change
 * that was rolled back. A call inside a transaction joins it.
 */
export async function inTransaction<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.pending !== undefined) {
    return fn(ctx);
  }
  const pending: PublishedEvent[] = [];
  const hooks: ((ctx: Ctx) => Promise<void>)[] = [];
  const result = await ctx.db.transaction((db) =>
    fn({ ...ctx, db: db as unknown as Db, pending, afterCommit: hooks }),
  );
  await afterCommitted(ctx, pending, hooks);
  return result;
}

/**
 * Like `inTransaction`, for work that is a single statement, which PostgreSQL commits by itself:
 * it saves the BEGIN and COMMIT round trips. `fn` must run exactly one statement through
 * `tx.db`; its events and follow-up work go out once that returns, as after a commit. Inside a
 * transaction already, it joins that one.
 */
export async function inOneStatement<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.pending !== undefined) {
    return fn(ctx);
  }
  const pending: PublishedEvent[] = [];
  const hooks: ((ctx: Ctx) => Promise<void>)[] = [];
  const result = await fn({ ...ctx, pending, afterCommit: hooks });
  await afterCommitted(ctx, pending, hooks);
  return result;
}

/**
 * What follows the commit of a transaction opened with `ctx`: publishes its events, then runs its
 * follow-up work with `ctx`. For a transaction opened elsewhere than `inTransaction` (one held
 * across request hooks) whose use cases collected both.
 */
export async function afterCommitted(
  ctx: Ctx,
  events: PublishedEvent[],
  hooks: ((ctx: Ctx) => Promise<void>)[],
): Promise<void> {
  if (events.length > 0) {
    // Delivery is best effort: the outbox already holds the events for replay.
    await ctx.events.publish(events).catch((err) => ctx.log?.warn({ err }, 'live event delivery failed'));
  }
  for (const hook of hooks) {
    // The change is committed: follow-up work (routing) must not turn it into a failure. What it
    // left undone (a queue not drained) is picked up by the next change that drains it.
    await hook(ctx).catch((err) => ctx.log?.warn({ err }, 'follow-up after commit failed'));
  }
}

/**
 * Runs `fn` once the transaction of `ctx` commits, outside it and with the context that opened
 * it; at once when `ctx` is not in a transaction. Work that must see the change committed (the
 * queue drains of routing) goes here, so it never holds the caller's locks or sees a rollback.
 */
export async function afterCommit(ctx: Ctx, fn: (ctx: Ctx) => Promise<void>): Promise<void> {
  if (ctx.afterCommit !== undefined) {
    ctx.afterCommit.push(fn);
    return;
  }
  await fn(ctx);
}
