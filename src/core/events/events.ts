import { type SQL, sql } from 'drizzle-orm';
import { preparedSql } from '../../db/prepared.js';
import type { AuditChanges } from '../audit/changes.js';
import type { Ctx } from '../context.js';
import type { EffectiveStatus } from '../presence/effective-status.js';
import { assignIds, type DraftRow } from './event-groups.js';

/**
 * The names of changed fields as events list them: snake_case, as in the /v1 API
 * (`maxConcurrent` -> `max_concurrent`), whatever the core's own names are.
 */
export function changedFields(keys: readonly string[]): string[] {
  return keys.map((key) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
}

/** Every domain event Roster writes to the outbox, with the payload each carries. */
export interface DomainEvents {
  'org.created': { org_id: string; name: string };
  'org.updated': { org_id: string; name: string };
  'org.deleted': { org_id: string };
  /** `team_ids`: the teams it was created a member of (a bulk call's `teams`), else empty. */
  'agent.created': { agent_id: string; team_ids: string[] };
  'agent.updated': { agent_id: string; fields: string[] };
  'agent.deleted': { agent_id: string; team_ids: string[] };
  'agent.availability_changed': {
    agent_id: string;
    available: boolean;
    status: string;
    channels: Record<string, boolean>;
    /** Effective status (offline, away, busy, available) before and after, where it was worked out. */
    previous_effective_status?: EffectiveStatus;
    effective_status?: EffectiveStatus;
  };
  'agent.presence_changed': {
    agent_id: string;
    connection: 'online' | 'offline';
    last_seen: string;
    previous_effective_status: EffectiveStatus;
    effective_status: EffectiveStatus;
  };
  /** The agent's own capacity (max concurrent conversations) moved. */
  'agent.capacity_changed': {
    agent_id: string;
    previous_max_concurrent: number | null;
    max_concurrent: number | null;
  };
  /** Teams the agent joined or left, in one change. */
  'agent.teams_changed': { agent_id: string; added_team_ids: string[]; removed_team_ids: string[] };
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
  /** An endpoint stopped: the receiver answered 410 (`gone`), or every attempt failed for 5 days (`failing`). */
  'webhook.disabled': { webhook_id: string; reason: 'gone' | 'failing' };
}

export type EventType = keyof DomainEvents;

/**
 * Why a conversation waits: nobody eligible had room when it arrived or was transferred, or its
 * agent was deleted, disabled or trashed.
 */
export type QueueReason = 'no_eligible_agent' | 'agent_removed' | 'transferred';

/**
 * One event to append. `changes`, when given, is what its audit record says changed (each field
 * [before, after], see `fieldChanges`) instead of the payload; it is stored in the audit log only,
 * never sent with the event.
 */
export interface EventDraft<T extends EventType> {
  type: T;
  payload: DomainEvents[T];
  changes?: AuditChanges;
  /**
   * False for an event that only restates, agent by agent, a change another event of the same
   * transaction is audited by (`agent.teams_changed` beside `team.members_added`): one action, one
   * audit record, however many agents it touches.
   */
  audited?: false;
}

/** Appends many events of one org in a single statement (same guarantees as `emitEvent`). */
export async function emitEvents<T extends EventType>(
  tx: Ctx,
  events: EventDraft<T>[],
  orgId: string = tx.actor.orgId,
): Promise<void> {
  if (events.length === 0 || tx.recordEvents === false) {
    return;
  }
  const draft = draftEvents(tx, events, orgId, tx.now());
  await appendManyStatement(tx.db, draft.params);
  draft.written();
}

/** The parameters of `appendingEvents`. */
export type EventParams = {
  /**
   * The events as one JSON array of `{id, type, payload, audited, changes, grouped}`: one value
   * for the driver to send and the server to parse, whatever the count. A grouped event is here
   * only if it is audited (its audit record is a row of its own).
   */
  eventRows: string;
  /** The groups (`GroupRow`, see `assignIds` in event-groups.ts) as one JSON array. */
  eventGroups: string;
  eventOrgId: string;
  eventsAt: string;
  /** master, key or agent for a request's change (audited); null for background work (not audited). */
  auditActorType: string | null;
  auditKeyId: string | null;
  auditAgentId: string | null;
  auditRequestId: string | null;
  auditIp: string | null;
  auditUserAgent: string | null;
  auditDialect: string | null;
};

type AuditParams = Omit<EventParams, 'eventRows' | 'eventGroups' | 'eventOrgId' | 'eventsAt'>;

/** The audit parameters of a change that is not audited. */
const NO_AUDIT: AuditParams = {
  auditActorType: null,
  auditKeyId: null,
  auditAgentId: null,
  auditRequestId: null,
  auditIp: null,
  auditUserAgent: null,
  auditDialect: null,
};

/** Who made the change of `tx` and from where, for its audit records; none for background work. */
function auditParams(tx: Ctx): AuditParams {
  const audit = tx.audit ?? null;
  if (audit === null) {
    return NO_AUDIT;
  }
  const { actor } = tx;
  return {
    auditActorType: actor.agent !== null ? 'agent' : actor.isMaster ? 'master' : 'key',
    auditKeyId: actor.keyId,
    auditAgentId: actor.agent?.id ?? null,
    auditRequestId: audit.requestId,
    auditIp: audit.ip,
    auditUserAgent: audit.userAgent,
    auditDialect: audit.dialect,
  };
}

/**
 * Events made ready to be appended by a statement that does more (see `appendingEvents`): its
 * `params` go with that statement's, and `written()` queues them for live delivery once it is
 * known that the statement appended them.
 */
export function draftEvents<T extends EventType>(
  tx: Ctx,
  events: EventDraft<T>[],
  orgId: string,
  at: Date,
): { params: EventParams; written: () => void } {
  if (tx.recordEvents === false) {
    return {
      params: {
        ...NO_AUDIT,
        eventRows: '[]',
        eventGroups: '[]',
        eventOrgId: orgId,
        eventsAt: at.toISOString(),
      },
      written: () => {},
    };
  }
  const rows: DraftRow[] = events.map((e) => ({
    id: '',
    type: e.type,
    payload: e.payload,
    changes: e.changes,
    audited: e.audited !== false,
  }));
  const groups = assignIds(rows);
  return {
    params: {
      // A grouped event is sent on its own too only for its audit record. \`changes\` left out
      // (undefined) is null: the audit record then holds the payload.
      eventRows: JSON.stringify(rows.filter((r) => !r.grouped || r.audited)),
      eventGroups: JSON.stringify(groups),
      eventOrgId: orgId,
      eventsAt: at.toISOString(),
      ...auditParams(tx),
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
 * that a statement making a change can write its events in the same round trip. The rows come as
 * one JSON array, so one prepared statement fits any count; the driver would otherwise quote every
 * payload into an array literal and the server parse it back element by element. `payload`
 * may complete an event's payload (`e.type`, `e.payload`) with what only the statement knows; it
 * applies to events stored alone (a statement that completes payloads writes too few for a group).
 * A request's change gets an audit record per event, whose changes are the event's own (`e.changes`,
 * see `EventDraft`) or else its payload.
 */
export const appendingEvents = (when: SQL, payload: SQL = sql`e.payload`) => sql`
    events_given AS (
      SELECT * FROM jsonb_to_recordset(${sql.placeholder('eventRows')}::jsonb)
        AS e(id uuid, type text, payload jsonb, audited boolean, changes jsonb, grouped boolean)
    ),
    events_appended AS (
      INSERT INTO outbox (id, org_id, type, payload, created_at)
      SELECT e.id, ${sql.placeholder('eventOrgId')}::uuid, e.type, ${payload},
        ${sql.placeholder('eventsAt')}::timestamptz
      FROM events_given e
      WHERE e.grouped IS NOT TRUE AND ${when}
    ),
    groups_appended AS (
      INSERT INTO outbox (id, org_id, type, payload, created_at, group_size)
      SELECT g.id, ${sql.placeholder('eventOrgId')}::uuid, g.type, g.payload,
        ${sql.placeholder('eventsAt')}::timestamptz, g.size
      FROM jsonb_to_recordset(${sql.placeholder('eventGroups')}::jsonb)
        AS g(id uuid, type text, payload jsonb, size int)
      WHERE ${when}
    ),
    audit_appended AS (
      INSERT INTO audit_log (id, org_id, occurred_at, actor_type, actor_key_id, actor_agent_id, action,
        target_type, target_id, changes, request_id, ip, user_agent, dialect)
      SELECT e.id, ${sql.placeholder('eventOrgId')}::uuid, ${sql.placeholder('eventsAt')}::timestamptz,
        ${sql.placeholder('auditActorType')}::text, ${sql.placeholder('auditKeyId')}::uuid,
        ${sql.placeholder('auditAgentId')}::uuid, e.type, split_part(e.type, '.', 1),
        ${AUDIT_TARGET}, COALESCE(e.changes, ${payload}),
        ${sql.placeholder('auditRequestId')}::text, ${sql.placeholder('auditIp')}::text,
        ${sql.placeholder('auditUserAgent')}::text, ${sql.placeholder('auditDialect')}::text
      FROM events_given e
      WHERE ${sql.placeholder('auditActorType')}::text IS NOT NULL AND e.audited AND ${when}
    )`;

/**
 * The id an audit record names as its target: the thing of the event type's first word. Written
 * with the event, in the same statement: a request's change is audited exactly when it happens.
 */
const AUDIT_TARGET = sql.raw(`CASE split_part(e.type, '.', 1)
        WHEN 'conversation' THEN e.payload->>'conversation_id'
        WHEN 'team' THEN e.payload->>'team_id'
        WHEN 'agent' THEN e.payload->>'agent_id'
        WHEN 'supervisor' THEN e.payload->>'supervisor_id'
        WHEN 'api_key' THEN e.payload->>'api_key_id'
        WHEN 'webhook' THEN e.payload->>'webhook_id'
        WHEN 'presence_status' THEN e.payload->>'key'
        WHEN 'org' THEN e.payload->>'org_id'
      END`);

const appendManyStatement = preparedSql<never, EventParams>(
  'roster_append_events',
  sql`WITH ${appendingEvents(sql`true`)} SELECT 1`,
);

/**
 * Appends one event to the outbox through the transaction of `tx` (see `inTransaction`), so the
 * event exists exactly when the change does, and queues it for live delivery after the commit.
 * `changes`: what the audit record of a request's change says changed, instead of the payload
 * (see `EventDraft`).
 */
export async function emitEvent<T extends EventType>(
  tx: Ctx,
  type: T,
  payload: DomainEvents[T],
  orgId: string = tx.actor.orgId,
  changes?: AuditChanges,
): Promise<void> {
  await emitEvents(tx, [{ type, payload, changes }], orgId);
}
