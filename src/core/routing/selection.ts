/** How a team hands its work to members. `manual` leaves it queued until someone assigns it. */
export const ROUTING_MODES = ['manual', 'round_robin', 'least_busy'] as const;
export type RoutingMode = (typeof ROUTING_MODES)[number];

/** An agent that passed every eligibility check the database and the presence store can make. */
export interface Candidate {
  agentId: string;
  /** Conversations assigned to it right now. */
  active: number;
  /** Its capacity for this team: agent > team > org. */
  capacity: number;
  /** When routing last gave it a conversation; null when never. */
  lastAssignedAt: Date | null;
  /** Its member order in the team (lower first). */
  memberOrder: number;
}

/** The team's side of the choice. */
export interface RoutingPolicy {
  mode: RoutingMode;
  /**
   * round_robin: where the last assignment went, as a position in member order (that agent's
   * order and id). The agent may have left meanwhile: the position still says who comes next.
   */
  cursor: { memberOrder: number; agentId: string } | null;
  /**
   * least_busy: breaks the ties left after load and idle time (the conversation id, say). Routings
   * running at once then spread over equally good agents instead of all trying the same one first.
   * Without it, ties go by member order.
   */
  seed?: string;
}

/** FNV-1a: a cheap, stable 32-bit hash, enough to shuffle ties the same way every time. */
const FNV_OFFSET = 0x811c9dc5;

/** Continues an FNV-1a hash `h` over `text` (so a shared prefix is hashed once). */
function hashOn(h: number, text: string): number {
  let out = h;
  for (let i = 0; i < text.length; i++) {
    out ^= text.charCodeAt(i);
    out = Math.imul(out, 0x01000193) >>> 0;
  }
  return out;
}

const byMemberOrder = (
  a: { memberOrder: number; agentId: string },
  b: { memberOrder: number; agentId: string },
) => a.memberOrder - b.memberOrder || (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0);

/**
 * Every candidate with room, best first, by the team's policy; empty for `manual`. The claim tries
 * them in this order, so a candidate that loses its last slot to a concurrent claim is skipped
 * for the next best. Pure: the same inputs always give the same order.
 */
export function rankCandidates(
  candidates: readonly Candidate[],
  policy: RoutingPolicy,
  now: Date,
): Candidate[] {
  const open = candidates.filter((c) => c.active < c.capacity);
  switch (policy.mode) {
    case 'manual':
      return [];
    case 'least_busy': {
      // Sort keys are worked out once per candidate, not once per comparison: a team can have
      // thousands of members, and routing ranks them on every decision.
      const nowMs = now.getTime();
      const seeded = policy.seed === undefined ? null : hashOn(FNV_OFFSET, `${policy.seed}/`);
      const keyed = open.map((c) => ({
        c,
        // Longest since its last assignment first; never assigned counts as longest.
        idle: c.lastAssignedAt === null ? Number.POSITIVE_INFINITY : nowMs - c.lastAssignedAt.getTime(),
        tie: seeded === null ? 0 : hashOn(seeded, c.agentId),
      }));
      keyed.sort(
        (a, b) =>
          a.c.active - b.c.active ||
          (a.idle === b.idle ? 0 : a.idle > b.idle ? -1 : 1) ||
          a.tie - b.tie ||
          byMemberOrder(a.c, b.c),
      );
      return keyed.map((k) => k.c);
    }
    case 'round_robin': {
      const ordered = [...open].sort(byMemberOrder);
      const cursor = policy.cursor;
      if (cursor === null) {
        return ordered;
      }
      // The first member after the cursor, then around the circle.
      const next = ordered.findIndex((c) => byMemberOrder(c, cursor) > 0);
      return next <= 0 ? ordered : [...ordered.slice(next), ...ordered.slice(0, next)];
    }
  }
}

/** The agent that should take the next conversation, or null when none can (or the team is manual). */
export function selectAgent(
  candidates: readonly Candidate[],
  policy: RoutingPolicy,
  now: Date,
): Candidate | null {
  return rankCandidates(candidates, policy, now)[0] ?? null;
}
