import type { Ctx } from '../context.js';
import { ERRORS } from '../errors.js';
import { listMemberRows } from '../teams/teams.repo.js';
import type { PublishedEvent } from './bus.js';
import { createEventMatcher, parseTypePatterns } from './event-filter.js';
import {
  currentFeedSnapshot,
  type FeedPosition,
  type FeedSnapshot,
  feedPositionOf,
  listOrgFeedAfter,
} from './events.repo.js';

/** What a subscriber asks for; fields name the input they came from, for error messages. */
export interface EventFeedRequest {
  /** Comma list of types and `prefix.*` patterns, as given. */
  types?: string;
  teamId?: string;
  /** The last event the subscriber received, to resume after it. */
  lastEventId?: { id: string; field: string } | null;
}

/** One subscriber's view of the org's events: which to deliver, and what it missed. */
export interface EventFeed {
  orgId: string;
  /** Null when the subscriber starts from now; otherwise the feed position to replay after. */
  after: FeedPosition | null;
  /**
   * For a subscriber starting from now: what had committed when it subscribed. Live events of
   * those transactions are not sent (the instance's tail of the feed can still be behind them).
   */
  since?: FeedSnapshot | null;
  /** Call once per event in stream order (it tracks team membership). */
  matches: (event: PublishedEvent) => boolean;
  /** One page of the org's settled events after `after`, in feed order. */
  readBacklog: (after: FeedPosition, limit: number) => Promise<PublishedEvent[]>;
}

/**
 * Validates a subscription and loads what its filter needs (the team's members).
 * A team id the org does not have yields an empty member set rather than 404: the stream then
 * carries nothing about it, as `GET /v1/agents?team_id=` lists nobody, and a resuming client
 * still gets the `team.deleted` of a team that is gone.
 * @throws invalid_request for a malformed type list, or a last event id the org's outbox does not
 * hold (unknown, another org's, or already past retention: the client cannot be told what it missed).
 */
export async function openEventFeed(ctx: Ctx, request: EventFeedRequest): Promise<EventFeed> {
  const orgId = ctx.actor.orgId;
  const types = parseTypePatterns(request.types);
  const last = request.lastEventId ?? null;
  const after = last === null ? null : await feedPositionOf(ctx.db, orgId, last.id.toLowerCase());
  if (last !== null && after === null) {
    throw ERRORS.invalid(last.field, 'is not the id of an event this org still keeps');
  }
  const teamId = request.teamId ?? null;
  const members = teamId === null ? [] : (await listMemberRows(ctx.db, orgId, teamId, null)).map((m) => m.id);
  const since = after === null ? await currentFeedSnapshot(ctx.db) : null;
  return {
    orgId,
    after,
    since,
    matches: createEventMatcher({ orgId, types, teamId }, members),
    readBacklog: (from, limit) => listOrgFeedAfter(ctx.db, orgId, from, limit),
  };
}
