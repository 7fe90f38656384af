import { heartbeats, presenceTransitions } from '../../observability/metrics.js';
import { assertCan, can, systemActor } from '../access.js';
import { agentExists } from '../agents/agents.repo.js';
import { fieldChanges } from '../audit/changes.js';
import { type Ctx, inTransaction } from '../context.js';
import { ERRORS, found } from '../errors.js';
import { emitEvent } from '../events/events.js';
import { FeedCache } from '../feed-cache.js';
import { type Page, toPage } from '../paging.js';
import { drainAfterCommit } from '../routing/routing.js';
import { isSupervisorOf } from '../supervisors/supervisors.repo.js';
import { findTeam } from '../teams/teams.repo.js';
import { type EffectiveStatus, effectiveStatus } from './effective-status.js';
import {
  type AgentSummary,
  type AvailabilityRow,
  findStatusRow,
  listAvailability,
  recordTransitionRow,
  updateAvailabilityRow,
} from './presence.repo.js';
import { BUILT_IN_STATUSES } from './presence-statuses.js';
import { type LiveDevice, OFFLINE, type PresenceTransition } from './presence-store.js';

/** What supervisors see of one agent: its choice, its connection and the status derived from both. */
export interface PresenceView {
  agentId: string;
  connection: 'online' | 'offline';
  status: string;
  available: boolean;
  /** The agent's choice alone (switch and status) makes it available; connection and capacity aside. */
  availableByChoice: boolean;
  channels: Record<string, boolean>;
  activeChannels: string[];
  effectiveStatus: EffectiveStatus;
  activeConversations: number;
  capacity: number;
  lastSeen: Date | null;
  changedAt: Date | null;
  requestTime: Date;
  /** Who the agent is; lists fill it in for `expand=agent`. */
  agent?: AgentSummary;
}

export interface AvailabilityInput {
  available?: boolean;
  status?: string;
  /** Merged into the agent's channel flags: a channel set to false stops being worked. */
  channels?: Record<string, boolean>;
}

export interface PresenceFilter {
  teamId?: string;
  effectiveStatus?: EffectiveStatus;
  connection?: 'online' | 'offline';
  /** Leave out disabled agents, for dialects in which a disabled agent is no agent at all. */
  excludeDisabled?: boolean;
}

const latest = (a: Date | null, b: Date | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/** Joins durable availability rows with live presence into views. */
async function toViews(ctx: Ctx, rows: AvailabilityRow[]): Promise<PresenceView[]> {
  const now = ctx.now();
  const live = await ctx.presence.read(
    ctx.actor.orgId,
    rows.map((r) => r.agentId),
    now,
  );
  return rows.map((row) => {
    const presence = live.get(row.agentId) ?? OFFLINE;
    const activeConversations = row.activeConversations;
    return {
      agentId: row.agentId,
      connection: presence.online ? 'online' : 'offline',
      status: row.status,
      available: row.available,
      availableByChoice: row.available && row.statusAvailable,
      channels: row.channels,
      activeChannels: presence.online ? presence.activeChannels : [],
      effectiveStatus: effectiveStatus({
        online: presence.online,
        available: row.available,
        statusAvailable: row.statusAvailable,
        activeConversations,
        capacity: row.capacity,
      }),
      activeConversations,
      capacity: row.capacity,
      lastSeen: latest(presence.lastSeen, row.lastSeenAt),
      changedAt: latest(row.availabilityChangedAt, row.presenceChangedAt),
      requestTime: now,
      agent: row.agent,
    };
  });
}

async function viewOf(ctx: Ctx, agentId: string): Promise<PresenceView> {
  const rows = await listAvailability(ctx.db, ctx.actor.orgId, { agentId, afterId: null, limit: 1 });
  const [view] = await toViews(ctx, rows);
  return found(view, () => ERRORS.agentNotFound(agentId));
}

/** An agent-bound key may act on its own agent; acting on others needs the right to set anyone's. */
function assertMaySet(ctx: Ctx, agentId: string): void {
  assertCan(ctx.actor, ctx.actor.agent?.id === agentId ? 'presence.set_self' : 'presence.set_any');
}

/**
 * Reading one agent's presence takes the role's right to read presence, except that an agent-bound
 * key may always read the agents its own agent supervises, whatever its role.
 */
async function assertMayRead(ctx: Ctx, agentId: string): Promise<void> {
  const self = ctx.actor.agent;
  if (
    self !== null &&
    !can(ctx.actor, 'presence.read') &&
    can(ctx.actor, 'presence.read_supervised') &&
    (await isSupervisorOf(ctx.db, ctx.actor.orgId, self.id, agentId))
  ) {
    return;
  }
  assertCan(ctx.actor, 'presence.read');
}

/** @throws forbidden; agent_not_found. */
export async function getPresence(ctx: Ctx, agentId: string): Promise<PresenceView> {
  await assertMayRead(ctx, agentId);
  return viewOf(ctx, agentId);
}

/**
 * One keyset page of presence views, optionally of one team's members and filtered by the derived
 * status or the connection. Filters on live state cannot run in SQL, so rows are read in batches
 * until the page is full.
 * @throws forbidden; team_not_found.
 */
export async function listPresence(
  ctx: Ctx,
  filter: PresenceFilter,
  page: { limit: number; afterId: string | null },
): Promise<Page<PresenceView>> {
  assertCan(ctx.actor, 'presence.read');
  const { teamId } = filter;
  if (teamId !== undefined) {
    found(await findTeam(ctx.db, ctx.actor.orgId, teamId), () => ERRORS.teamNotFound(teamId));
  }
  const matches = (v: PresenceView) =>
    (filter.effectiveStatus === undefined || v.effectiveStatus === filter.effectiveStatus) &&
    (filter.connection === undefined || v.connection === filter.connection);
  // Status and connection are known only once live presence is joined, so a filtered page may
  // need more rows than it keeps; an unfiltered one needs exactly one more than a page.
  const filtered = filter.effectiveStatus !== undefined || filter.connection !== undefined;
  const batch = filtered ? Math.max(page.limit * 2, 50) : page.limit + 1;
  const out: PresenceView[] = [];
  let afterId = page.afterId;
  while (out.length <= page.limit) {
    const rows = await listAvailability(ctx.db, ctx.actor.orgId, {
      teamId,
      afterId,
      limit: batch,
      excludeDisabled: filter.excludeDisabled,
    });
    for (const view of await toViews(ctx, rows)) {
      if (matches(view) && out.length <= page.limit) {
        out.push(view);
      }
    }
    if (rows.length < batch) {
      break;
    }
    afterId = rows[rows.length - 1]?.agentId ?? null;
  }
  return toPage(out, page.limit, (v) => v.agentId);
}

/**
 * Changes what the agent chose. Emits `agent.availability_changed` when anything changed.
 * @throws forbidden; agent_not_found; invalid_request (unknown status).
 */
export async function setAvailability(
  ctx: Ctx,
  agentId: string,
  input: AvailabilityInput,
): Promise<PresenceView> {
  assertMaySet(ctx, agentId);
  await inTransaction(ctx, async (tx) => {
    const current = await viewOf(tx, agentId);
    const status = input.status ?? current.status;
    if (input.status !== undefined && !BUILT_IN_STATUSES.has(status)) {
      if ((await findStatusRow(tx.db, tx.actor.orgId, status)) === null) {
        throw ERRORS.invalid('body.status', `is not a presence status of this org ("${status}")`);
      }
    }
    const next = {
      available: input.available ?? current.available,
      presenceStatus: status,
      channels: { ...current.channels, ...input.channels },
    };
    const unchanged =
      next.available === current.available &&
      next.presenceStatus === current.status &&
      JSON.stringify(next.channels) === JSON.stringify(current.channels);
    if (unchanged) {
      return;
    }
    await updateAvailabilityRow(tx.db, tx.actor.orgId, agentId, { ...next, at: tx.now() });
    const after = await viewOf(tx, agentId);
    await emitEvent(
      tx,
      'agent.availability_changed',
      {
        agent_id: agentId,
        available: next.available,
        status: next.presenceStatus,
        channels: next.channels,
        previous_effective_status: current.effectiveStatus,
        effective_status: after.effectiveStatus,
      },
      tx.actor.orgId,
      fieldChanges(current, after, ['available', 'status', 'channels', 'effectiveStatus']),
    );
    await drainAfterCommit(tx, [agentId]);
  });
  return viewOf(ctx, agentId);
}

async function assertAgentExists(ctx: Ctx, agentId: string): Promise<void> {
  const exists = await FeedCache.through(
    ctx.agentsSeen ?? null,
    `${ctx.actor.orgId}/${agentId}`,
    ctx.now().getTime(),
    async () => ((await agentExists(ctx.db, ctx.actor.orgId, agentId)) ? true : null),
  );
  if (exists === null) {
    throw ERRORS.agentNotFound(agentId);
  }
}

/**
 * Records a heartbeat from one of the agent's devices. Only the online transition touches the
 * database (an event and `last_seen`); the heartbeat itself lives in the presence store.
 * @throws forbidden; agent_not_found.
 */
export async function heartbeat(
  ctx: Ctx,
  agentId: string,
  input: { deviceId: string; channels?: string[] },
): Promise<void> {
  assertMaySet(ctx, agentId);
  await assertAgentExists(ctx, agentId);
  const transition = await ctx.presence.heartbeat(
    ctx.actor.orgId,
    agentId,
    input.deviceId,
    input.channels ?? [],
    ctx.now(),
  );
  heartbeats.inc();
  if (transition !== null) {
    await recordPresenceTransitions(ctx, [transition]);
  }
}

/**
 * The agent's live devices, each with its latest heartbeat and channels: what a supervisor picks
 * from to sign one out. @throws forbidden; agent_not_found.
 */
export async function listDevices(ctx: Ctx, agentId: string): Promise<LiveDevice[]> {
  await assertMayRead(ctx, agentId);
  await assertAgentExists(ctx, agentId);
  return ctx.presence.devices(ctx.actor.orgId, agentId, ctx.now());
}

/** Signs one device out; the agent goes offline at once when it was the last. @throws forbidden; agent_not_found. */
export async function signOutDevice(ctx: Ctx, agentId: string, deviceId: string): Promise<void> {
  assertMaySet(ctx, agentId);
  await assertAgentExists(ctx, agentId);
  const transition = await ctx.presence.signOut(ctx.actor.orgId, agentId, deviceId, ctx.now());
  if (transition !== null) {
    await recordPresenceTransitions(ctx, [transition]);
  }
}

/**
 * Persists online/offline transitions, whoever found them (a request, or the expiry sweep), in one
 * transaction: `last_seen` and `presence_changed_at` on the agent and an `agent.presence_changed`
 * event each. Transitions of agents deleted meanwhile are dropped.
 */
export async function recordPresenceTransitions(ctx: Ctx, transitions: PresenceTransition[]): Promise<void> {
  if (transitions.length === 0) {
    return;
  }
  for (const t of transitions) {
    presenceTransitions.inc({ to: t.online ? 'online' : 'offline' });
  }
  // A request's transitions (a heartbeat, a sign-out) are its caller's, and audited as such; the
  // sweep's are the platform's.
  const actor = ctx.audit ? ctx.actor : systemActor(transitions[0]?.orgId ?? '');
  await inTransaction({ ...ctx, actor }, async (tx) => {
    for (const t of transitions) {
      if (await recordTransitionRow(tx.db, t.orgId, t.agentId, t.at, t.lastSeen)) {
        // The status the agent had with its connection on: what it goes to, or comes from.
        const [row] = await listAvailability(tx.db, t.orgId, { agentId: t.agentId, afterId: null, limit: 1 });
        const connected =
          row === undefined
            ? 'offline'
            : effectiveStatus({
                online: true,
                available: row.available,
                statusAvailable: row.statusAvailable,
                activeConversations: row.activeConversations,
                capacity: row.capacity,
              });
        await emitEvent(
          tx,
          'agent.presence_changed',
          {
            agent_id: t.agentId,
            connection: t.online ? 'online' : 'offline',
            last_seen: t.lastSeen.toISOString(),
            previous_effective_status: t.online ? 'offline' : connected,
            effective_status: t.online ? connected : 'offline',
          },
          t.orgId,
          {
            connection: t.online ? ['offline', 'online'] : ['online', 'offline'],
            effective_status: t.online ? ['offline', connected] : [connected, 'offline'],
          },
        );
      }
    }
    // An agent that came online may take queued work at once.
    await drainAfterCommit(
      tx,
      transitions.filter((t) => t.online).map((t) => t.agentId),
    );
  });
}
