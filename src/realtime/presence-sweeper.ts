import { systemActor } from '../core/access.js';
import type { EventBus } from '../core/events/bus.js';
import { recordPresenceTransitions } from '../core/presence/presence.js';
import type { PresenceStore } from '../core/presence/presence-store.js';
import type { Db } from '../db/client.js';

export interface SweeperDeps {
  db: Db;
  /** Each org's transitions are written through its own handle (row-level security); default `db`. */
  forOrg?: (orgId: string) => Db;
  events: EventBus;
  presence: PresenceStore;
  now: () => Date;
  log: { error: (obj: object, msg: string) => void };
}

/**
 * Expires devices whose heartbeat is older than the TTL and records the agents that went offline.
 * Run once; `startPresenceSweeper` runs it every second, so an agent that stopped beating goes
 * offline within TTL + 1 s (the issue allows 5 s).
 */
export async function sweepPresence(deps: Omit<SweeperDeps, 'log'>): Promise<number> {
  const transitions = await deps.presence.sweep(deps.now());
  // Each org's transitions share a transaction, so a failure in one org does not lose another's.
  const byOrg = new Map<string, typeof transitions>();
  for (const t of transitions) {
    byOrg.set(t.orgId, [...(byOrg.get(t.orgId) ?? []), t]);
  }
  for (const [orgId, orgTransitions] of byOrg) {
    const ctx = {
      actor: systemActor(orgId),
      db: deps.forOrg?.(orgId) ?? deps.db,
      now: deps.now,
      events: deps.events,
      presence: deps.presence,
    };
    await recordPresenceTransitions(ctx, orgTransitions);
  }
  return transitions.length;
}

/** Starts the periodic sweep; returns the function that stops it. */
export function startPresenceSweeper(deps: SweeperDeps, intervalMs = 1000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = sweepPresence(deps).catch((err) => deps.log.error({ err }, 'presence sweep failed'));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
