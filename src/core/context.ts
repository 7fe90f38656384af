import type { Db } from '../db/client.js';
import type { Actor } from './access.js';
import type { EventBus, PublishedEvent } from './events/bus.js';
import type { PresenceStore } from './presence/presence-store.js';

/** Everything a use case needs: who calls, the database handle, the clock and the live services. */
export interface Ctx {
  actor: Actor;
  db: Db;
  now: () => Date;
  events: EventBus;
  presence: PresenceStore;
  /** Set inside a transaction: events written to the outbox, published once it commits. */
  pending?: PublishedEvent[];
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
  const result = await ctx.db.transaction((db) => fn({ ...ctx, db: db as unknown as Db, pending }));
  if (pending.length > 0) {
    // Delivery is best effort: the outbox already holds the events for replay.
    await ctx.events.publish(pending).catch(() => {});
  }
  return result;
}
