import { isRetryableConflict } from '../../db/errors.js';
import type { ConversationRow } from '../../db/schema.js';
import { routingDecisions, routingDuration } from '../../observability/metrics.js';
import { systemActor } from '../access.js';
import { afterCommit, type Ctx, inTransaction } from '../context.js';
import { emitEvent } from '../events/events.js';
import { lockAgent, lockFirstFreeAgent } from './agent-locks.repo.js';
import { findConversation } from './conversations.repo.js';
import {
  ALL_CANDIDATES,
  claimNextQueued,
  claimQueued,
  findTeamCandidates,
  membersOfTeams,
  recordAssignment,
  teamMembersOfOrg,
} from './routing.repo.js';
import { type Candidate, rankCandidates } from './selection.js';

/**
 * How often routing looks again at the candidates: after a candidate turned out full (another
 * claim took its last slot, so the others' state is stale too) or when every candidate was held by
 * another claim. Each round follows progress elsewhere; the bound only stops a runaway.
 */
const MAX_ROUNDS = 1000;
const MAX_RETRIES = 5;

/** Routing is the platform's work, whoever triggered it: it acts with the system actor of the org. */
const asSystem = (ctx: Ctx): Ctx => ({ ...ctx, actor: systemActor(ctx.actor.orgId) });

/** Runs one short transaction again when PostgreSQL aborted it to break a deadlock. */
export async function retrying<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= MAX_RETRIES || !isRetryableConflict(err)) {
        throw err;
      }
    }
  }
}

/**
 * The team's members that can take the conversation now, best first by the team's mode: the
 * database's candidates (willing, working the channel, room left) ranked by the pure choice, and
 * of those the first `CLAIM_SPAN` that the presence store says are online. The database ranks
 * too and sends only the best `CANDIDATE_PAGE` (with ties), so a decision in a large team parses,
 * ranks and asks the presence of a few dozen members, not of every one; only when too few of
 * those are online are all of them read. Presence is asked in rank order, a batch at a time.
 * Keeping the online ones of a ranked list gives the same order as ranking the online ones.
 * Empty when the team takes no work or routes manually; null when the team does not exist.
 */
export async function rankedCandidates(
  ctx: Ctx,
  teamId: string,
  conversation: { id: string; channel: string | null },
): Promise<Candidate[] | null> {
  const page = await onlineCandidates(ctx, teamId, conversation, CANDIDATE_PAGE);
  if (page === null || page.online.length >= CLAIM_SPAN || page.read < CANDIDATE_PAGE) {
    return page?.online ?? null;
  }
  return (await onlineCandidates(ctx, teamId, conversation, ALL_CANDIDATES))?.online ?? null;
}

/** The first `CLAIM_SPAN` online of the team's best `limit` candidates, and how many were read. */
async function onlineCandidates(
  ctx: Ctx,
  teamId: string,
  conversation: { id: string; channel: string | null },
  limit: number,
): Promise<{ online: Candidate[]; read: number } | null> {
  const found = await findTeamCandidates(ctx.db, ctx.actor.orgId, teamId, conversation.channel, limit);
  if (found === null) {
    return null;
  }
  const { team, candidates } = found;
  if (!team.takesWork || team.mode === 'manual') {
    return { online: [], read: 0 };
  }
  const ranked = rankCandidates(
    candidates,
    { mode: team.mode, cursor: team.cursor, seed: conversation.id },
    ctx.now(),
  );
  const online: Candidate[] = [];
  for (let from = 0; from < ranked.length && online.length < CLAIM_SPAN; from += PRESENCE_BATCH) {
    const batch = ranked.slice(from, from + PRESENCE_BATCH);
    const live = await ctx.presence.read(
      ctx.actor.orgId,
      batch.map((c) => c.agentId),
      ctx.now(),
    );
    online.push(...batch.filter((c) => live.get(c.agentId)?.online === true));
  }
  return { online: online.slice(0, CLAIM_SPAN), read: candidates.length };
}

/**
 * How many of the best candidates the database sends first: twice the claim span, so that a
 * team with half its members online needs one query. A team with fewer online is read whole.
 */
const CANDIDATE_PAGE = 64;

/**
 * At most this many of the best candidates are offered to one claim: enough to pass over every
 * routing of the team running at the same time, few enough to keep the locking statement short.
 */
const CLAIM_SPAN = 32;

/** Candidates whose presence is asked at once (one round trip to a shared store). */
const PRESENCE_BATCH = 64;

type ClaimOutcome =
  | { kind: 'assigned'; conversation: ConversationRow }
  | { kind: 'full' }
  | { kind: 'locked' }
  | { kind: 'gone' };

/**
 * Tries to give the queued conversation to one of the ranked agents, in its own transaction: lock
 * the first of them that no other claim holds (with `wait`, the first one, waiting for it),
 * re-check it (still eligible, room left), then the claim statement. `full`: it cannot take it;
 * `locked`: other claims hold every one of them right now; `gone`: the conversation is no longer
 * queued.
 */
function claim(
  ctx: Ctx,
  conversation: ConversationRow,
  ranked: readonly Candidate[],
  wait: boolean,
): Promise<ClaimOutcome> {
  const orgId = ctx.actor.orgId;
  const { teamId, channel } = conversation;
  return retrying(() =>
    inTransaction(ctx, async (tx): Promise<ClaimOutcome> => {
      const agent = wait
        ? await lockAgent(tx.db, orgId, ranked[0]?.agentId ?? '', teamId, channel)
        : await lockFirstFreeAgent(
            tx.db,
            orgId,
            ranked.map((c) => c.agentId),
            teamId,
            channel,
          );
      if (agent === null) {
        return wait ? { kind: 'full' } : { kind: 'locked' };
      }
      if (!agent.eligible || agent.active >= agent.capacity) {
        return { kind: 'full' };
      }
      const now = tx.now();
      const row = await claimQueued(tx.db, orgId, conversation.id, agent.id, agent.capacity, now);
      if (row === null) {
        return { kind: 'gone' };
      }
      await recordAssignment(tx.db, orgId, agent.id, row.teamId, now);
      await emitEvent(tx, 'conversation.assigned', {
        conversation_id: row.id,
        team_id: row.teamId,
        agent_id: agent.id,
        forced: false,
      });
      return { kind: 'assigned', conversation: row };
    }),
  );
}

/**
 * Routes one queued conversation by its team's mode: candidates from the database, those online
 * from the presence store, the pure choice, then the claim, falling through to the next candidate
 * when one lost its last slot meanwhile. Returns the conversation as it is afterwards (still queued
 * when nobody can take it). Runs outside any transaction, each claim in its own.
 * `justInserted` is the row as its creator committed it, which saves reading it again: should it
 * have changed since, the claim finds it no longer queued and the row is read then.
 */
export async function routeConversation(
  ctx: Ctx,
  conversationId: string,
  justInserted?: ConversationRow,
): Promise<ConversationRow | null> {
  const started = performance.now();
  const routed = await routeOnce(ctx, conversationId, justInserted);
  routingDuration.observe((performance.now() - started) / 1000);
  routingDecisions.inc({
    outcome: routed === null ? 'gone' : routed.status === 'queued' ? 'queued' : 'assigned',
  });
  return routed;
}

async function routeOnce(
  ctx: Ctx,
  conversationId: string,
  justInserted?: ConversationRow,
): Promise<ConversationRow | null> {
  const sys = asSystem(ctx);
  const orgId = sys.actor.orgId;
  let conversation = justInserted ?? (await findConversation(sys.db, orgId, conversationId));
  let waitNextRound = false;
  for (let round = 0; round < MAX_ROUNDS && conversation !== null; round++) {
    if (conversation.status !== 'queued' || conversation.teamId === null) {
      return conversation;
    }
    const ranked = await rankedCandidates(sys, conversation.teamId, conversation);
    if (ranked === null || ranked.length === 0) {
      return conversation;
    }
    // Concurrent routings of one team rank alike: rather than queue behind the same agent's lock,
    // each passes over agents another claim holds. When all were held, the next round waits.
    const outcome = await claim(sys, conversation, ranked, waitNextRound);
    waitNextRound = true;
    if (outcome.kind === 'assigned') {
      return outcome.conversation;
    }
    if (outcome.kind === 'gone') {
      return findConversation(sys.db, orgId, conversationId);
    }
    if (outcome.kind === 'full') {
      // Someone took its last slot: the other candidates' counts are stale as well.
      waitNextRound = false;
    }
    conversation = await findConversation(sys.db, orgId, conversationId);
  }
  return conversation;
}

/** Gives the agent the next queued conversation it can take, in one transaction; null when none. */
function drainOne(ctx: Ctx, agentId: string): Promise<ConversationRow | null> {
  const orgId = ctx.actor.orgId;
  return retrying(() =>
    inTransaction(ctx, async (tx) => {
      const agent = await lockAgent(tx.db, orgId, agentId, null, null);
      if (agent === null || !agent.willing) {
        return null;
      }
      const now = tx.now();
      const row = await claimNextQueued(tx.db, orgId, agent, now);
      if (row === null) {
        return null;
      }
      await recordAssignment(tx.db, orgId, agentId, row.teamId, now);
      await emitEvent(tx, 'conversation.assigned', {
        conversation_id: row.id,
        team_id: row.teamId,
        agent_id: agentId,
        forced: false,
      });
      return row;
    }),
  );
}

/**
 * The queue drain: the agents (of one org) that may just have become able to take work get the
 * oldest, highest-priority queued work of their teams, one conversation at a time and taking turns,
 * for as long as each has room. Offline agents are skipped. Returns how many were assigned.
 */
export async function drainAgents(ctx: Ctx, agentIds: readonly string[]): Promise<number> {
  const sys = asSystem(ctx);
  const ids = [...new Set(agentIds)];
  if (ids.length === 0) {
    return 0;
  }
  const live = await sys.presence.read(sys.actor.orgId, ids, sys.now());
  let waiting = ids.filter((id) => live.get(id)?.online === true);
  let assigned = 0;
  while (waiting.length > 0) {
    const next: string[] = [];
    for (const id of waiting) {
      if ((await drainOne(sys, id)) !== null) {
        assigned++;
        next.push(id);
      }
    }
    waiting = next;
  }
  if (assigned > 0) {
    routingDecisions.inc({ outcome: 'drained' }, assigned);
  }
  return assigned;
}

/** Drains for every member of the teams (their routing settings changed). */
export async function drainTeams(ctx: Ctx, teamIds: readonly string[]): Promise<number> {
  return drainAgents(ctx, await membersOfTeams(ctx.db, ctx.actor.orgId, [...teamIds]));
}

/** Drains for the agents once the transaction of `tx` commits (see `afterCommit`). */
export function drainAfterCommit(tx: Ctx, agentIds: readonly string[]): Promise<void> {
  if (agentIds.length === 0) {
    return Promise.resolve();
  }
  const ids = [...agentIds];
  return afterCommit(tx, async (ctx) => {
    await drainAgents(ctx, ids);
  });
}

/** Drains for the teams' members once the transaction of `tx` commits. */
export function drainTeamsAfterCommit(tx: Ctx, teamIds: readonly string[]): Promise<void> {
  if (teamIds.length === 0) {
    return Promise.resolve();
  }
  const ids = [...teamIds];
  return afterCommit(tx, async (ctx) => {
    await drainTeams(ctx, ids);
  });
}

/**
 * Drains for every team member of the org once the transaction of `tx` commits: the org's default
 * capacity rose. `orgId` may differ from the caller's org (the master key manages every org).
 */
export function drainOrgAfterCommit(tx: Ctx, orgId: string): Promise<void> {
  return afterCommit(tx, async (ctx) => {
    const inOrg = { ...ctx, actor: systemActor(orgId) };
    await drainAgents(inOrg, await teamMembersOfOrg(inOrg.db, orgId));
  });
}

/** Routes the conversations once the transaction of `tx` commits (they were put back in the queue). */
export function routeAfterCommit(tx: Ctx, conversationIds: readonly string[]): Promise<void> {
  if (conversationIds.length === 0) {
    return Promise.resolve();
  }
  const ids = [...conversationIds];
  return afterCommit(tx, async (ctx) => {
    for (const id of ids) {
      await routeConversation(ctx, id);
    }
  });
}
