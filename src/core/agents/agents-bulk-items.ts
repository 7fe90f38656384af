/** The items and results of a bulk agent call, and how an item compares with its agent. */
import type { Role } from '../access.js';
import { type AuditChanges, fieldChanges } from '../audit/changes.js';
import type { BulkAgentRow, ImportedAgent } from './agents.repo.js';

/** Most agents one bulk call may create or update. */
export const MAX_BULK_AGENTS = 1000;

/** One agent of a bulk call, matched by email (case-insensitive); absent fields are left as they are. */
export interface BulkAgentItem {
  email: string;
  /** Required to create the agent; optional when it exists. */
  fullName?: string;
  role?: Role;
  username?: string | null;
  phoneNumber?: string | null;
  maxConcurrent?: number | null;
  tags?: string[];
  /** Teams, by name, the agent is to be a member of (added, never removed; missing ones created). */
  teams?: string[];
}

export type BulkAgentStatus = 'created' | 'updated' | 'unchanged' | 'failed';

export interface BulkAgentResult {
  /** Position of the item in the call. */
  index: number;
  email: string;
  status: BulkAgentStatus;
  /** The agent matched or created; null when the item failed before either. */
  agentId: string | null;
  /** Fields that differ from the agent's: written (`updated`) or, without `update`, left as they were. */
  fields: string[];
  error: { code: string; field: string | null; message: string } | null;
  /** Teams of the item's `teams` the agent joined (not those it was in already). */
  joinedTeamIds: string[];
}

export interface BulkAgentOutcome {
  /** One per item, in input order. */
  results: BulkAgentResult[];
  /** Teams named by items that did not exist and were created (in a dry run, would be: no id). */
  teamsCreated: { id: string | null; name: string }[];
}

export interface BulkAgentOptions {
  /** Whether agents that exist get the differing fields written; otherwise they are left as they are. */
  update: boolean;
  /** Only work out the results: nothing is written (created agents get no id). */
  dryRun?: boolean;
}

/** The item's fields as the agent's own fields are named in events (snake_case). */
export const FIELDS = {
  fullName: 'full_name',
  role: 'role',
  username: 'username',
  phoneNumber: 'phone_number',
  maxConcurrent: 'max_concurrent',
  tags: 'tags',
} as const satisfies Record<Exclude<keyof BulkAgentItem, 'email' | 'teams'>, string>;

export type Field = keyof typeof FIELDS;

const sameValue = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((v, i) => v === b[i])
    : (a ?? null) === (b ?? null);

/** The item's fields whose values differ from the agent's. */
export function differingFields(item: BulkAgentItem, agent: ImportedAgent): Field[] {
  return (Object.keys(FIELDS) as Field[]).filter(
    (f) => item[f] !== undefined && !sameValue(item[f], agent[f]),
  );
}

/** What an update changes, for its audit record: each differing field, [the agent's, the row's]. */
export function updateChanges(agent: ImportedAgent, row: BulkAgentRow, fields: Field[]): AuditChanges {
  return {
    ...Object.fromEntries(fields.map((f) => [FIELDS[f], [agent[f] ?? null, row[FIELDS[f]]]])),
    ...fieldChanges({ tagColors: agent.tagColors }, { tagColors: row.tag_colors }, ['tagColors']),
  };
}

export const failure = (
  index: number,
  email: string,
  code: string,
  field: string | null,
  message: string,
  agentId: string | null = null,
): BulkAgentResult => ({
  index,
  email,
  status: 'failed',
  agentId,
  fields: [],
  error: { code, field, message },
  joinedTeamIds: [],
});

/** An item's result when it creates an agent (its id, or null in a dry run). */
export const created = (
  entry: { index: number; item: BulkAgentItem },
  agentId: string | null,
): BulkAgentResult => ({
  index: entry.index,
  email: entry.item.email,
  status: 'created',
  agentId,
  fields: [],
  error: null,
  joinedTeamIds: [],
});

/** An item's result when it updates its agent's `fields`. */
export const updated = (entry: {
  index: number;
  item: BulkAgentItem;
  row: BulkAgentRow;
  fields: Field[];
}): BulkAgentResult => ({
  index: entry.index,
  email: entry.item.email,
  status: 'updated',
  agentId: entry.row.id,
  fields: entry.fields.map((f) => FIELDS[f]),
  error: null,
  joinedTeamIds: [],
});
