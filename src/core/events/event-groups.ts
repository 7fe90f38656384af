import type { AuditChanges } from '../audit/changes.js';
import { newId } from '../ids.js';

/** An event about to be appended, as `draftEvents` prepares it. */
export type DraftRow = {
  id: string;
  type: string;
  payload: Record<string, unknown>;
  changes: AuditChanges | undefined;
  audited: boolean;
  /** Stored in a group's row (see `assignIds`), not a row of its own. */
  grouped?: true;
};

/**
 * One outbox row holding a run of events (migration 0021): how many, and their payloads as what
 * they all share and each one's own keys (migration 0019). Its id is the last event's; the
 * others' ids follow from it (see `groupIds`).
 */
export type GroupRow = {
  id: string;
  type: string;
  size: number;
  payload: { common: Record<string, unknown>; each: Record<string, unknown>[] };
};

/** A run of events of one type this long or longer is stored as groups of at most GROUP_MAX. */
const GROUP_MIN = 20;
const GROUP_MAX = 1000;

/**
 * `count` ids in a row for one group's events: one new id, its last two bytes replaced by 0, 1, 2,
 * .... They sort together, after every id made before and before every id made after (the bytes
 * that count a process's ids up come earlier), and the view `outbox_events` derives each from the
 * group row's id, the last of them, so a group stores none of them (migration 0021).
 */
function groupIds(count: number): string[] {
  const prefix = newId().slice(0, 32);
  return Array.from({ length: count }, (_, i) => prefix + i.toString(16).padStart(4, '0'));
}

/**
 * Gives `rows` their ids, in order, and returns the groups that the outbox stores as one row each:
 * the runs of events of one type (no other event of the transaction between them) at least
 * GROUP_MIN long, in groups of at most GROUP_MAX. A 1,000-member change's `agent.teams_changed`
 * then costs one row and its index entries, not 1,000 (migration 0018), and one id drawn, not
 * 1,000. The feed reads a group back as its events, each with its own id, in the order and at the
 * positions they would have with a row each.
 */
export function assignIds(rows: DraftRow[]): GroupRow[] {
  const groups: GroupRow[] = [];
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    if (i < rows.length && rows[i]?.type === rows[start]?.type) {
      continue;
    }
    if (i - start >= GROUP_MIN) {
      for (let first = start; first < i; first += GROUP_MAX) {
        groups.push(groupOf(rows.slice(first, Math.min(first + GROUP_MAX, i))));
      }
    } else {
      for (let j = start; j < i; j++) {
        (rows[j] as DraftRow).id = newId();
      }
    }
    start = i;
  }
  return groups;
}

/** Whether two payload values are the same JSON: at once when they are one value (a shared array). */
function same(a: unknown, b: unknown): boolean {
  if (a === b) {
    return true;
  }
  return typeof a === 'object' && typeof b === 'object' && JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The group of `members` (one type, in order), with their ids, its payload split into what every
 * member's payload holds alike, sent and stored once, and each member's own keys: a team's
 * members' events differ only in `agent_id`.
 */
function groupOf(members: DraftRow[]): GroupRow {
  const first = members[0]?.payload ?? {};
  const shared = new Set(
    Object.keys(first).filter((key) => members.every((m) => same(m.payload[key], first[key]))),
  );
  const common: Record<string, unknown> = {};
  for (const key of shared) {
    common[key] = first[key];
  }
  const ids = groupIds(members.length);
  const each = members.map((m, i) => {
    m.id = ids[i] as string;
    m.grouped = true;
    const own: Record<string, unknown> = {};
    for (const key in m.payload) {
      if (!shared.has(key)) {
        own[key] = m.payload[key];
      }
    }
    return own;
  });
  return {
    id: ids.at(-1) ?? '',
    type: members[0]?.type ?? '',
    size: members.length,
    payload: { common, each },
  };
}
