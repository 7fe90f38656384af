import type { Db } from '../../db/client.js';
import type { PresenceSnapshot, QueueSnapshot } from '../../observability/metrics.js';
import { effectiveStatus } from '../presence/effective-status.js';
import { listAvailability } from '../presence/presence.repo.js';
import type { PresenceStore } from '../presence/presence-store.js';
import { OFFLINE } from '../presence/presence-store.js';
import { allOrgIds, queuedByTeam } from './metrics.repo.js';

const BATCH = 1_000;

/**
 * Agents by effective status and the capacity use of online agents, per org, derived exactly as
 * the presence API derives them (durable rows joined with live presence). Disabled agents are left
 * out. Read at scrape time, in batches.
 */
export async function presenceSnapshot(
  db: Db,
  presence: PresenceStore,
  now: () => Date,
): Promise<PresenceSnapshot> {
  const orgs: PresenceSnapshot['orgs'] = [];
  for (const orgId of await allOrgIds(db)) {
    const byStatus: Record<string, number> = {};
    let active = 0;
    let capacity = 0;
    let afterId: string | null = null;
    for (;;) {
      const rows = await listAvailability(db, orgId, { afterId, limit: BATCH, excludeDisabled: true });
      const live = await presence.read(
        orgId,
        rows.map((r) => r.agentId),
        now(),
      );
      for (const row of rows) {
        const online = (live.get(row.agentId) ?? OFFLINE).online;
        const status = effectiveStatus({
          online,
          available: row.available,
          statusAvailable: row.statusAvailable,
          activeConversations: row.activeConversations,
          capacity: row.capacity,
        });
        byStatus[status] = (byStatus[status] ?? 0) + 1;
        if (online) {
          active += row.activeConversations;
          capacity += row.capacity;
        }
      }
      if (rows.length < BATCH) {
        break;
      }
      afterId = rows[rows.length - 1]?.agentId ?? null;
    }
    orgs.push({ orgId, byStatus, active, capacity });
  }
  return { orgs };
}

/** The scrape-time sources of the domain gauges (agents, capacity, queues). */
export function metricSnapshots(
  db: Db,
  presence: PresenceStore,
  now: () => Date,
): { presence: () => Promise<PresenceSnapshot>; queues: () => Promise<QueueSnapshot[]> } {
  return {
    presence: () => presenceSnapshot(db, presence, now),
    queues: () => queuedByTeam(db),
  };
}
