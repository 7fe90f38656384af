import assert from 'node:assert/strict';
import { findOutboxEvent } from '../src/core/events/events.repo.js';
import type { TestEnv } from './harness.js';
import { type Client, expectJson } from './http.js';

/** One record of `GET /v1/audit-log`. */
export interface AuditRecord {
  id: string;
  action: string;
  actor: { type: string; key_id: string | null; agent_id: string | null };
  target: { type: string; id: string };
  changes: { [field: string]: unknown } | null;
  request_id: string;
  ip: string;
  user_agent: string;
  dialect: string;
}

/** The org's audit records matching `query` (e.g. `target_id=...`), oldest first. */
export async function auditRecords(api: Client, query = ''): Promise<AuditRecord[]> {
  return expectJson<AuditRecord[]>(await api.get(`/v1/audit-log?limit=100&${query}`), 200).reverse();
}

/** The one record of `action` among `records`. */
export function recordOf(records: AuditRecord[], action: string): AuditRecord {
  const matching = records.filter((r) => r.action === action);
  assert.equal(matching.length, 1, `one ${action} record among ${records.map((r) => r.action).join(', ')}`);
  return matching[0] as AuditRecord;
}

/** The payload of the event a record was written with (same id): what SSE and webhooks send. */
export async function eventPayloadOf(env: TestEnv, orgId: string, record: AuditRecord): Promise<unknown> {
  const event = await findOutboxEvent(env.database.db, orgId, record.id);
  assert.ok(event, `the event of ${record.action} is in the outbox`);
  return event.data;
}
