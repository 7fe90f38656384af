import { systemActor } from '../core/access.js';
import type { EventBus } from '../core/events/bus.js';
import { groupBy } from '../core/group-by.js';
import { recordPresenceTransitions } from '../core/presence/presence.js';
import type { PresenceStore, PresenceTransition } from '../core/presence/presence-store.js';
import type { Db } from '../db/client.js';

export interface SweeperDeps {
  db: Db;
  /** Each org's transitions are written through its own handle (row-level security); default `db`. */
  forOrg?: (orgId: string) => Db;
  events: EventBus;
  presence: PresenceStore;
  now: () => Date;
  /** False only to measure what events cost (ROSTER_RECORD_EVENTS=off); absent: true. */
  recordEvents?: boolean;
  log: { error: (obj: object, msg: string) => void };
}

/** Transitions kept for a later sweep while the database cannot take them; beyond, the oldest go. */
export const MAX_UNRECORDED = 100_000;

/**
 * Expires devices whose heartbeat is older than the TTL and records the agents that went offline.
 * Run once; `startPresenceSweeper` runs it every second, so an agent that stopped beating goes
 * offline within TTL + 1 s (the issue allows 5 s).
 *
 * The store forgets an expired device as it reports it, so a transition the database could not
 * take would be lost: `unrecorded` carries such transitions from one sweep to the next (this
 * sweep records them first and leaves in it those it could not record). Each org's transitions
 * share a transaction, so a failure in one org neither loses nor blocks another's. A retried
 * transition that a newer one has overtaken meanwhile is dropped (see `recordTransitionRow`).
 * @returns how many transitions were recorded.
 * @throws the first failure, once every org has had its turn.
 */
export async function sweepPresence(
  deps: Omit<SweeperDeps, 'log'>,
  unrecorded: PresenceTransition[] = [],
): Promise<number> {
  const transitions = [...unrecorded.splice(0), ...(await deps.presence.sweep(deps.now()))];
  const byOrg = groupBy(transitions, (t) => t.orgId);
  let recorded = 0;
  let failure: unknown = null;
  for (const [orgId, orgTransitions] of byOrg) {
    const ctx = {
      actor: systemActor(orgId),
      db: deps.forOrg?.(orgId) ?? deps.db,
      now: deps.now,
      events: deps.events,
      presence: deps.presence,
      recordEvents: deps.recordEvents ?? true,
    };
    try {
      await recordPresenceTransitions(ctx, orgTransitions);
      recorded += orgTransitions.length;
    } catch (err) {
      failure ??= err;
      unrecorded.push(...orgTransitions);
    }
  }
  unrecorded.splice(0, Math.max(0, unrecorded.length - MAX_UNRECORDED));
  if (failure !== null) {
    throw failure;
  }
  return recorded;
}

/** Starts the periodic sweep; returns the function that stops it. */
export function startPresenceSweeper(deps: SweeperDeps, intervalMs = 1000): () => Promise<void> {
  const unrecorded: PresenceTransition[] = [];
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    // A sweep slower than the interval (a database that hangs) is not stacked upon.
    running ??= sweepPresence(deps, unrecorded)
      .catch((err) =>
        deps.log.error({ err, unrecorded: unrecorded.length }, 'presence sweep failed; will retry'),
      )
      .finally(() => {
        running = null;
      });
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
