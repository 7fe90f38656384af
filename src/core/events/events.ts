import { type SQL, sql } from 'drizzle-orm';
import { preparedSql } from '../../db/prepared.js';
import type { Ctx } from '../context.js';
import { newId } from '../ids.js';

/** Every domain event Roster writes to the outbox, with the payload each carries. */
export interface DomainEvents {
  'org.created': { org_id: string; name: string };
  'org.updated': { org_id: string; name: string };
  'org.deleted': { org_id: string };
  'agent.created': { agent_id: string };
  'agent.updated': { agent_id: string; fields: string[] };
  'agent.deleted': { agent_id: string; team_ids: string[] };
  'agent.availability_changed': {
    agent_id: string;
    available: boolean;
    status: string;
    channels: Record<string, boolean>;
  };
  'agent.presence_changed': { agent_id: string; connection: 'online' | 'offline'; last_seen: string };
  'team.created': { team_id: string; name: string };
  'team.updated': { team_id: string; fields: string[] };
  'team.deleted': { team_id: string };
  'team.members_added': { team_id: string; agent_ids: string[] };
  'team.members_removed': { team_id: string; agent_ids: string[] };
  /** Members whose place in the team (priority) changed. */
  'team.members_updated': { team_id: string; agent_ids: string[] };
  'team.archived': { team_id: string };
  'team.unarchived': { team_id: string };
  'supervisor.agents_added': { supervisor_id: string; agent_ids: string[] };
  'supervisor.agents_removed': { supervisor_id: string; agent_ids: string[] };
  'presence_status.created': { key: string; available: boolean };
  'presence_status.updated': { key: string; available: boolean };
  'presence_status.deleted': { key: string; moved_agent_ids: string[] };
  'conversation.created': {
    conversation_id: string;
    team_id: string | null;
    channel: string | null;
    priority: number;
    external_id: string | null;
  };
  /** Waiting for an agent: no one could take it, or it was put back (`reason`). */
  'conversation.queued': { conversation_id: string; team_id: string | null; reason: QueueReason };
  'conversation.assigned': {
    conversation_id: string;
    team_id: string | null;
    agent_id: string;
    forced: boolean;
  };
  'conversation.transferred': {
    conversation_id: string;
    from_team_id: string | null;
    to_team_id: string | null;
    from_agent_id: string | null;
    to_agent_id: string | null;
  };
  'conversation.closed': { conversation_id: string; team_id: string | null; agent_id: string | null };
  'api_key.created': { api_key_id: string; scopes: string[]; agent_id: string | null };
  'api_key.deleted': { api_key_id: string };
}

export type EventType = keyof DomainEvents;

/**
 * Why a conversation waits: nobody eligible had room when it arrived or was transferred, or its
 * agent was deleted, disabled or trashed.
 */
export type QueueReason = 'no_eligible_agent' | 'agent_removed' | 'transferred';

/** Appends many events of one org in a single statement (same guarantees as `emitEvent`). */
export async function emitEvents<T extends EventType>(
  tx: Ctx,
  events: { type: T; payload: DomainEvents[T] }[],
  orgId: string = tx.actor.orgId,
): Promise<void> {
  if (events.length === 0) {
    return;
  }
  const draft = draftEvents(tx, events, orgId, tx.now());
  await appendManyStatement(tx.db, draft.params);
  draft.written();
}

/** The parameters of `appendingEvents`. */
export type EventParams = {
  eventIds: string[];
  eventOrgId: string;
  eventTypes: string[];
  eventPayloads: string[];
  eventsAt: string;
};

/**
 * Events made ready to be appended by a statement that does more (see `appendingEvents`): its
 * `params` go with that statement's, and `written()` queues them for live delivery once it is
 * known that the statement appended them.
 */
export function draftEvents<T extends EventType>(
  tx: Ctx,
  events: { type: T; payload: DomainEvents[T] }[],
  orgId: string,
  at: Date,
): { params: EventParams; written: () => void } {
  const rows = events.map((e) => ({ id: newId(), type: e.type, payload: e.payload }));
  return {
    params: {
      eventIds: rows.map((r) => r.id),
      eventOrgId: orgId,
      eventTypes: rows.map((r) => r.type),
      eventPayloads: rows.map((r) => JSON.stringify(r.payload)),
      eventsAt: at.toISOString(),
    },
    written: () => {
      tx.pending?.push(
        ...rows.map((r) => ({ id: r.id, orgId, type: r.type, data: r.payload, occurredAt: at })),
      );
    },
  };
}

/**
 * A WITH-clause part appending the events of `EventParams` to the outbox when `when` holds, so
 * that a statement making a change can write its events in the same round trip. Many rows come as
 * parallel arrays (text, cast per element), so one prepared statement fits any count. `payload`
 * may complete an event's payload (`e.type`, `e.payload`) with what only the statement knows.
 */
export const appendingEvents = (when: SQL, payload: SQL = sql`e.payload::jsonb`) => sql`
    events_appended AS (
      INSERT INTO outbox (id, org_id, type, payload, created_at)
      SELECT e.id::uuid, ${sql.placeholder('eventOrgId')}::uuid, e.type, ${payload},
        ${sql.placeholder('eventsAt')}::timestamptz
      FROM unnest(${sql.placeholder('eventIds')}::text[], ${sql.placeholder('eventTypes')}::text[],
        ${sql.placeholder('eventPayloads')}::text[]) AS e(id, type, payload)
      WHERE ${when}
    )`;

const appendManyStatement = preparedSql<never, EventParams>(
  'roster_append_events',
  sql`WITH ${appendingEvents(sql`true`)} SELECT 1`,
);

/**
 * Appends one event to the outbox through the transaction of `tx` (see `inTransaction`), so the
 * event exists exactly when the change does, and queues it for live delivery after the commit.
 */
export async function emitEvent<T extends EventType>(
  tx: Ctx,
  type: T,
  payload: DomainEvents[T],
  orgId: string = tx.actor.orgId,
): Promise<void> {
  await emitEvents(tx, [{ type, payload }], orgId);
}
