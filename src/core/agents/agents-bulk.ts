import { uniqueViolation } from '../../db/errors.js';
import { assertCan, can } from '../access.js';
import { type Ctx, inTransaction } from '../context.js';
import { DomainError, ErrorCode } from '../errors.js';
import { type EventDraft, type EventType, emitEvents } from '../events/events.js';
import { newId } from '../ids.js';
import { drainAfterCommit } from '../routing/routing.js';
import { joinTeamsByName } from '../teams/team-joins.js';
import {
  agentsByEmail,
  agentsHoldingUsernames,
  type BulkAgentRow,
  findAgent,
  type ImportedAgent,
  insertAgentsWithUsers,
  type NewBulkAgent,
  updateAgentRows,
} from './agents.repo.js';
import {
  type BulkAgentItem,
  type BulkAgentOptions,
  type BulkAgentOutcome,
  type BulkAgentResult,
  created,
  differingFields,
  FIELDS,
  type Field,
  failure,
  updateChanges,
  updated,
} from './agents-bulk-items.js';

export {
  type BulkAgentItem,
  type BulkAgentOptions,
  type BulkAgentOutcome,
  type BulkAgentResult,
  type BulkAgentStatus,
  MAX_BULK_AGENTS,
} from './agents-bulk-items.js';

/**
 * The agents of the items that did not fail join the teams their items name (`joinTeamsByName`):
 * each result gets the teams its agent joined; returns the teams created and the events to append.
 */
async function joinNamedTeams(
  tx: Ctx,
  items: BulkAgentItem[],
  results: BulkAgentResult[],
  options: { dryRun: boolean; newAgents?: ReadonlySet<string> },
): Promise<{ teamsCreated: BulkAgentOutcome['teamsCreated']; events: EventDraft<EventType>[] }> {
  const joins = items.flatMap((item, i) => {
    const result = results[i];
    return item.teams?.length && result !== undefined && result.status !== 'failed'
      ? [{ agentId: result.agentId ?? '', teams: item.teams }]
      : [];
  });
  const outcome = await joinTeamsByName(tx, joins, options);
  for (const result of results) {
    result.joinedTeamIds = (result.agentId !== null && outcome.joined.get(result.agentId)) || [];
  }
  return { teamsCreated: outcome.teamsCreated, events: outcome.events };
}

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
 * Items naming teams have their agents join them in the same transaction (`joinTeamsByName`).
 * @throws forbidden; conflict (another call created or renamed the same agents at the same time);
 *   team_full.
 */
export async function upsertAgents(
  ctx: Ctx,
  items: BulkAgentItem[],
  options: BulkAgentOptions,
): Promise<BulkAgentOutcome> {
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
      const creates: { index: number; item: BulkAgentItem; row: NewBulkAgent }[] = [];
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
          creates.push({
            index,
            item,
            row: {
              id: newId(),
              email: item.email,
              full_name: item.fullName,
              role: item.role ?? 'agent',
              username: item.username,
              phone_number: item.phoneNumber,
              max_concurrent: item.maxConcurrent,
              tags: item.tags ?? [],
              new_user_id: newId(),
            },
          });
          return;
        }
        const fields = differingFields(item, agent);
        const result = { index, email: item.email, agentId: agent.id, fields: fields.map((f) => FIELDS[f]) };
        if (fields.length === 0 || !options.update) {
          results[index] = { ...result, status: 'unchanged', error: null, joinedTeamIds: [] };
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
      const taken = (entry: { index: number; item: BulkAgentItem; row: { id: string; email: string } }) => {
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
          existing.get(entry.row.email.toLowerCase())?.id ?? null,
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
        const { teamsCreated } = await joinNamedTeams(tx, items, results, { dryRun: true });
        return { results, teamsCreated };
      }
      if (toCreate.length > 0) {
        for (const c of toCreate) {
          results[c.index] = created(c, c.row.id);
        }
        const createdBy = await callerUserId(tx);
        await insertAgentsWithUsers(
          tx.db,
          { orgId, createdBy, now },
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
      const joined = await joinNamedTeams(tx, items, results, {
        dryRun: false,
        newAgents: new Set(toCreate.map((c) => c.row.id)),
      });
      // One statement appends every event of the call. A new agent's teams are in its agent.created.
      await emitEvents(tx, [
        ...toCreate.map((c) => ({
          type: 'agent.created' as const,
          payload: { agent_id: c.row.id, team_ids: results[c.index]?.joinedTeamIds ?? [] },
        })),
        ...toUpdate.map((u) => ({
          type: 'agent.updated' as const,
          payload: { agent_id: u.row.id, fields: u.fields.map((f) => FIELDS[f]) },
          changes: updateChanges(u.agent, u.row, u.fields),
        })),
        ...joined.events,
      ]);
      // More room: queued work may be theirs now.
      await drainAfterCommit(
        tx,
        toUpdate.filter((u) => u.fields.includes('maxConcurrent')).map((u) => u.row.id),
      );
      return { results, teamsCreated: joined.teamsCreated };
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
