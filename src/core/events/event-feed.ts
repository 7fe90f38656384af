import type { Ctx } from '../context.js';
import { ERRORS } from '../errors.js';
import { listMemberRows } from '../teams/teams.repo.js';
import type { PublishedEvent } from './bus.js';
import { createEventMatcher, parseTypePatterns } from './event-filter.js';
import { listOutboxEventsAfter, outboxEventExists } from './events.repo.js';

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
  /** Null when the subscriber starts from now; otherwise the id to replay after. */
  afterId: string | null;
  /** Call once per event in stream order (it tracks team membership). */
  matches: (event: PublishedEvent) => boolean;
  /** One page of the org's stored events after `afterId`, in id order. */
  readBacklog: (afterId: string, limit: number) => Promise<PublishedEvent[]>;
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
  if (last !== null && !(await outboxEventExists(ctx.db, orgId, last.id))) {
    throw ERRORS.invalid(last.field, 'is not the id of an event this org still keeps');
  }
  const teamId = request.teamId ?? null;
  const members = teamId === null ? [] : (await listMemberRows(ctx.db, orgId, teamId, null)).map((m) => m.id);
  return {
    orgId,
    afterId: last?.id ?? null,
    matches: createEventMatcher({ orgId, types, teamId }, members),
    readBacklog: (afterId, limit) => listOutboxEventsAfter(ctx.db, orgId, afterId, limit),
  };
}
