import { ERRORS } from '../errors.js';
import type { PublishedEvent } from './bus.js';

/** What a subscriber asked to see: its org, optionally some types, optionally one team. */
export interface EventFilter {
  orgId: string;
  /** Exact types and `prefix.*` patterns; null lets every type through. */
  types: readonly string[] | null;
  teamId: string | null;
}

// Type names are dotted lower-case words; a pattern may end in `.*`, or be `*` alone.
const PATTERN_RE = /^(?:\*|[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*(?:\.\*)?)$/;

/**
 * Parses a comma list of event types such as `team.*,agent.presence_changed`; blanks around
 * items are ignored. Returns null (every type) when `raw` is absent or contains `*`.
 * @throws invalid_request naming `field` when an item is not a type name or a prefix pattern.
 */
export function parseTypePatterns(raw: string | undefined | null, field = 'query.types'): string[] | null {
  if (raw === undefined || raw === null) {
    return null;
  }
  const items = raw.split(',').map((item) => item.trim());
  for (const item of items) {
    if (!PATTERN_RE.test(item)) {
      throw ERRORS.invalid(
        field,
        `contains "${item}", which is neither an event type nor a prefix like team.*`,
      );
    }
  }
  return items.includes('*') ? null : [...new Set(items)];
}

/**
 * True when `type` is one of the patterns, starts with the prefix of a `prefix.*` pattern, or a
 * pattern is `*` (a webhook's stored `event_types` keep it as given).
 */
export function matchesType(patterns: readonly string[] | null, type: string): boolean {
  if (patterns === null) {
    return true;
  }
  return patterns.some((p) =>
    p === '*' ? true : p.endsWith('.*') ? type.startsWith(p.slice(0, -1)) : p === type,
  );
}

const stringField = (event: PublishedEvent, name: string): string | null => {
  const value = event.data[name];
  return typeof value === 'string' ? value : null;
};

const stringList = (event: PublishedEvent, name: string): string[] => {
  const value = event.data[name];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

/**
 * True when the event is about the team: a team event naming it, a conversation event of its work
 * (moved in or out of it included), or an agent event of one of its members. An event's `team_ids`
 * counts too: `agent.deleted` names the teams the agent left, in case the member set did not know
 * of the membership, and `agent.created` the teams it was created in, which the member set learns
 * only from the `team.members_added` after it.
 */
export function isAboutTeam(event: PublishedEvent, teamId: string, members: ReadonlySet<string>): boolean {
  if (event.type.startsWith('team.')) {
    return stringField(event, 'team_id') === teamId;
  }
  if (event.type.startsWith('conversation.')) {
    return [
      stringField(event, 'team_id'),
      stringField(event, 'from_team_id'),
      stringField(event, 'to_team_id'),
    ].includes(teamId);
  }
  if (event.type.startsWith('agent.')) {
    const agentId = stringField(event, 'agent_id');
    return (agentId !== null && members.has(agentId)) || stringList(event, 'team_ids').includes(teamId);
  }
  return false;
}

/**
 * The team's member set once `event` has happened; the same set when the event changes nothing.
 * Membership follows the stream, so a stream filtered by team keeps up without asking the database.
 */
export function nextTeamMembers(
  event: PublishedEvent,
  teamId: string,
  members: ReadonlySet<string>,
): ReadonlySet<string> {
  const ofTeam = stringField(event, 'team_id') === teamId;
  switch (event.type) {
    case 'team.members_added':
      return ofTeam ? new Set([...members, ...stringList(event, 'agent_ids')]) : members;
    case 'team.members_removed': {
      if (!ofTeam) {
        return members;
      }
      const removed = new Set(stringList(event, 'agent_ids'));
      return new Set([...members].filter((id) => !removed.has(id)));
    }
    case 'team.deleted':
      return ofTeam ? new Set() : members;
    case 'agent.deleted': {
      const agentId = stringField(event, 'agent_id');
      return agentId !== null && members.has(agentId)
        ? new Set([...members].filter((id) => id !== agentId))
        : members;
    }
    default:
      return members;
  }
}

/** True when a subscriber with `filter` and the team's current `members` should receive the event. */
export function matchesEvent(
  filter: EventFilter,
  members: ReadonlySet<string>,
  event: PublishedEvent,
): boolean {
  return (
    event.orgId === filter.orgId &&
    matchesType(filter.types, event.type) &&
    (filter.teamId === null || isAboutTeam(event, filter.teamId, members))
  );
}

/**
 * A matcher to call once per event, in stream order. It carries the team's member set forward
 * from every event of the org, including those the type filter hides: a stream of
 * `agent.presence_changed` for a team still has to learn who joined it.
 */
export function createEventMatcher(
  filter: EventFilter,
  initialMembers: Iterable<string> = [],
): (event: PublishedEvent) => boolean {
  let members: ReadonlySet<string> = new Set(initialMembers);
  return (event) => {
    if (event.orgId !== filter.orgId) {
      return false;
    }
    const matched = matchesEvent(filter, members, event);
    if (filter.teamId !== null) {
      members = nextTeamMembers(event, filter.teamId, members);
    }
    return matched;
  };
}
