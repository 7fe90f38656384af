import { uniqueViolation } from '../../db/errors.js';
import { assertCan, can, type Role } from '../access.js';
import { type AuditChanges, fieldChanges } from '../audit/changes.js';
import { type Ctx, inTransaction } from '../context.js';
import { DomainError, ErrorCode } from '../errors.js';
import { emitEvents } from '../events/events.js';
import { newId } from '../ids.js';
import { drainAfterCommit } from '../routing/routing.js';
import { upsertUsers } from '../users/users.repo.js';
import {
  agentsByEmail,
  agentsHoldingUsernames,
  type BulkAgentRow,
  findAgent,
  type ImportedAgent,
  insertAgentRows,
  updateAgentRows,
} from './agents.repo.js';

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
}

export interface BulkAgentOptions {
  /** Whether agents that exist get the differing fields written; otherwise they are left as they are. */
  update: boolean;
  /** Only work out the results: nothing is written (created agents get no id). */
  dryRun?: boolean;
}

/** The item's fields as the agent's own fields are named in events (snake_case). */
const FIELDS = {
  fullName: 'full_name',
  role: 'role',
  username: 'username',
  phoneNumber: 'phone_number',
  maxConcurrent: 'max_concurrent',
  tags: 'tags',
} as const satisfies Record<Exclude<keyof BulkAgentItem, 'email'>, string>;

type Field = keyof typeof FIELDS;

const sameValue = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && a.every((v, i) => v === b[i])
    : (a ?? null) === (b ?? null);

/** The item's fields whose values differ from the agent's. */
function differingFields(item: BulkAgentItem, agent: ImportedAgent): Field[] {
  return (Object.keys(FIELDS) as Field[]).filter(
    (f) => item[f] !== undefined && !sameValue(item[f], agent[f]),
  );
}

/** What an update changes, for its audit record: each differing field, [the agent's, the row's]. */
function updateChanges(agent: ImportedAgent, row: BulkAgentRow, fields: Field[]): AuditChanges {
  return {
    ...Object.fromEntries(fields.map((f) => [FIELDS[f], [agent[f] ?? null, row[FIELDS[f]]]])),
    ...fieldChanges({ tagColors: agent.tagColors }, { tagColors: row.tag_colors }, ['tagColors']),
  };
}

const failure = (
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
});

/** An item's result when it creates an agent (its id, or null in a dry run). */
const created = (entry: { index: number; item: BulkAgentItem }, agentId: string | null): BulkAgentResult => ({
  index: entry.index,
  email: entry.item.email,
  status: 'created',
  agentId,
  fields: [],
  error: null,
});

/** An item's result when it updates its agent's `fields`. */
const updated = (entry: {
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
});

/** The one user id of the calling agent-bound key, or null. */
async function callerUserId(ctx: Ctx): Promise<string | null> {
  const agentId = ctx.actor.agent?.id;
  return agentId === undefined ? null : ((await findAgent(ctx.db, ctx.actor.orgId, agentId))?.userId ?? null);
}

/**
 * Creates or updates up to MAX_BULK_AGENTS agents, matched by email case-insensitively, in one
 * transaction and a fixed number of statements whatever the count. Each item gets its own result:
 * one that cannot be applied (a repeated email, a new agent without a name, a username another
 * agent holds, an owner role the caller may not grant) fails alone and the others go on.
 * An item equal to its agent is `unchanged`, so a repeated call changes nothing and emits nothing.
 * @throws forbidden; conflict (another call created or renamed the same agents at the same time).
 */
export async function upsertAgents(
  ctx: Ctx,
  items: BulkAgentItem[],
  options: BulkAgentOptions,
): Promise<BulkAgentResult[]> {
  assertCan(ctx.actor, 'agent.create');
  if (options.update) {
    assertCan(ctx.actor, 'agent.update');
  }
  const orgId = ctx.actor.orgId;
  const mayGrantOwner = can(ctx.actor, 'agent.grant_owner');
  try {
    return await inTransaction(ctx, async (tx) => {
      const now = ctx.now();
      const lowers = items.map((i) => i.email.toLowerCase());
      const existing = new Map(
        // Rows to update are locked; the others are only compared (a new agent's email is held by
        // the unique index, which turns a concurrent creation into a conflict).
        (await agentsByEmail(tx.db, orgId, [...new Set(lowers)], options.update && !options.dryRun)).map(
          (a) => [a.email.toLowerCase(), a],
        ),
      );
      const results: BulkAgentResult[] = [];
      const creates: { index: number; item: BulkAgentItem; row: BulkAgentRow }[] = [];
      const updates: {
        index: number;
        item: BulkAgentItem;
        row: BulkAgentRow;
        fields: Field[];
        agent: ImportedAgent;
      }[] = [];
      const seen = new Set<string>();
      const usernames = new Map<string, number>();
      items.forEach((item, index) => {
        const lower = lowers[index] as string;
        if (seen.has(lower)) {
          results[index] = failure(
            index,
            item.email,
            'duplicate',
            'email',
            'appears earlier in the same call',
          );
          return;
        }
        seen.add(lower);
        const agent = existing.get(lower);
        const username = item.username?.toLowerCase();
        if (username !== undefined) {
          if (usernames.has(username)) {
            results[index] = failure(
              index,
              item.email,
              ErrorCode.AgentUsernameTaken,
              'username',
              `"${item.username}" is given to another agent earlier in the same call`,
            );
            return;
          }
          usernames.set(username, index);
        }
        if (agent === undefined) {
          if (item.fullName === undefined) {
            results[index] = failure(
              index,
              item.email,
              ErrorCode.InvalidRequest,
              'full_name',
              'is required for a new agent',
            );
            return;
          }
          if (item.role === 'owner' && !mayGrantOwner) {
            results[index] = failure(
              index,
              item.email,
              ErrorCode.Forbidden,
              'role',
              'only an owner may create owners',
            );
            return;
          }
          const tags = item.tags ?? [];
          creates.push({
            index,
            item,
            row: {
              id: newId(),
              org_id: orgId,
              user_id: '',
              email: item.email,
              full_name: item.fullName,
              role: item.role ?? 'agent',
              status: 'active',
              username: item.username ?? null,
              phone_number: item.phoneNumber ?? null,
              max_concurrent: item.maxConcurrent ?? null,
              tags,
              tag_colors: {},
              created_by: null,
              created_at: now.toISOString(),
              updated_at: now.toISOString(),
            },
          });
          return;
        }
        const fields = differingFields(item, agent);
        const result = { index, email: item.email, agentId: agent.id, fields: fields.map((f) => FIELDS[f]) };
        if (fields.length === 0 || !options.update) {
          results[index] = { ...result, status: 'unchanged', error: null };
          return;
        }
        if (fields.includes('role') && (agent.role === 'owner' || item.role === 'owner') && !mayGrantOwner) {
          results[index] = failure(
            index,
            item.email,
            ErrorCode.Forbidden,
            'role',
            'only an owner may change an owner',
            agent.id,
          );
          return;
        }
        const tags = item.tags ?? agent.tags;
        updates.push({
          index,
          item,
          fields,
          agent,
          row: {
            id: agent.id,
            org_id: orgId,
            user_id: agent.userId,
            email: agent.email,
            full_name: item.fullName ?? agent.fullName,
            role: item.role ?? agent.role,
            status: agent.status,
            username: item.username === undefined ? agent.username : item.username,
            phone_number: item.phoneNumber === undefined ? agent.phoneNumber : item.phoneNumber,
            max_concurrent: item.maxConcurrent === undefined ? agent.maxConcurrent : item.maxConcurrent,
            tags,
            tag_colors: Object.fromEntries(Object.entries(agent.tagColors).filter(([t]) => tags.includes(t))),
            created_by: agent.createdBy,
            created_at: agent.createdAt.toISOString(),
            updated_at: now.toISOString(),
          },
        });
      });

      // A username another agent already holds fails the item that wants it.
      const holders = await agentsHoldingUsernames(tx.db, orgId, [...usernames.keys()]);
      const taken = (entry: { index: number; item: BulkAgentItem; row: BulkAgentRow }) => {
        const holder = entry.item.username ? holders.get(entry.item.username.toLowerCase()) : undefined;
        if (holder === undefined || holder === entry.row.id) {
          return false;
        }
        results[entry.index] = failure(
          entry.index,
          entry.item.email,
          ErrorCode.AgentUsernameTaken,
          'username',
          `"${entry.item.username}" is already taken by another agent`,
          entry.row.id === '' ? null : (existing.get(entry.row.email.toLowerCase())?.id ?? null),
        );
        return true;
      };
      const toCreate = creates.filter((c) => !taken(c));
      const toUpdate = updates.filter((u) => !taken(u));

      if (options.dryRun) {
        for (const c of toCreate) {
          results[c.index] = created(c, null);
        }
        for (const u of toUpdate) {
          results[u.index] = updated(u);
        }
        return results;
      }
      if (toCreate.length > 0) {
        const userIds = await upsertUsers(
          tx.db,
          toCreate.map((c) => ({
            email: c.row.email,
            fullName: c.row.full_name,
            firstName: null,
            lastName: null,
          })),
          now,
        );
        const createdBy = await callerUserId(tx);
        for (const c of toCreate) {
          c.row.user_id = userIds.get(c.row.email.toLowerCase()) ?? '';
          c.row.created_by = createdBy;
          results[c.index] = created(c, c.row.id);
        }
        await insertAgentRows(
          tx.db,
          toCreate.map((c) => c.row),
        );
      }
      await updateAgentRows(
        tx.db,
        orgId,
        toUpdate.map((u) => u.row),
      );
      for (const u of toUpdate) {
        results[u.index] = updated(u);
      }
      await emitEvents<'agent.created' | 'agent.updated'>(tx, [
        ...toCreate.map((c) => ({ type: 'agent.created' as const, payload: { agent_id: c.row.id } })),
        ...toUpdate.map((u) => ({
          type: 'agent.updated' as const,
          payload: { agent_id: u.row.id, fields: u.fields.map((f) => FIELDS[f]) },
          changes: updateChanges(u.agent, u.row, u.fields),
        })),
      ]);
      // More room: queued work may be theirs now.
      await drainAfterCommit(
        tx,
        toUpdate.filter((u) => u.fields.includes('maxConcurrent')).map((u) => u.row.id),
      );
      return results;
    });
  } catch (err) {
    if (uniqueViolation(err) !== null) {
      throw new DomainError(
        ErrorCode.Conflict,
        'Another change to the same agents was made at the same time; repeat the call',
      );
    }
    throw err;
  }
}
