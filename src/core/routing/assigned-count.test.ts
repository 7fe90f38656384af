import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildOrg } from '../../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { rowsOf } from '../../db/client.js';
import { trashAgent } from '../agents/agent-lifecycle.js';
import { deleteAgent, disableAgent } from '../agents/agents.js';
import type { Ctx } from '../context.js';
import { closeConversation, transferConversation } from './conversations.js';
import { createConversation } from './create-conversation.js';
import { buildRoutedTeam, loads } from './routing-test-support.js';

/**
 * `agents.assigned_count` (what routing reads as an agent's load) is kept by triggers on
 * conversations: after every kind of change it must equal the count of the agent's assigned
 * conversations, whichever path made the change.
 */

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
});
after(() => env.close());

/** Every agent of the org whose kept count differs from its conversations' count. */
async function drift(ctx: Ctx): Promise<string[]> {
  const counted = await loads(ctx);
  const result = await ctx.db.execute(
    sql`SELECT id, assigned_count FROM agents WHERE org_id = ${ctx.actor.orgId}`,
  );
  return rowsOf<{ id: string; assigned_count: number }>(result)
    .filter((a) => Number(a.assigned_count) !== (counted.get(a.id) ?? 0))
    .map((a) => `${a.id}: kept ${a.assigned_count}, counted ${counted.get(a.id) ?? 0}`);
}

describe('assigned_count', () => {
  it('follows routing, explicit assignment, transfer, close, disable, trash and delete', async () => {
    const ctx = await buildOrg(env);
    const { teamId, agentIds } = await buildRoutedTeam(ctx, { size: 3, capacity: 5 });
    const [a, b, c] = agentIds as [string, string, string];
    const created = [];
    for (let i = 0; i < 7; i++) {
      created.push((await createConversation(ctx, { teamId })).conversation);
    }
    assert.deepEqual(await drift(ctx), [], 'after routing');
    const explicit = (await createConversation(ctx, { teamId, agentId: a })).conversation;
    assert.deepEqual(await drift(ctx), [], 'after an explicit assignment');

    await transferConversation(ctx, explicit.id, { agentId: b });
    assert.deepEqual(await drift(ctx), [], 'after a transfer to another agent');
    await transferConversation(ctx, explicit.id, { teamId });
    assert.deepEqual(await drift(ctx), [], 'after a transfer back to the queue (and routing)');

    const first = created[0];
    assert.ok(first);
    await closeConversation(ctx, first.id);
    await closeConversation(ctx, first.id);
    assert.deepEqual(await drift(ctx), [], 'after closing (twice)');

    await disableAgent(ctx, a);
    assert.deepEqual(await drift(ctx), [], 'after disabling an agent (its work requeued)');
    await trashAgent(ctx, b);
    assert.deepEqual(await drift(ctx), [], 'after trashing an agent');
    await deleteAgent(ctx, c);
    assert.deepEqual(await drift(ctx), [], 'after deleting an agent');
    const counted = await loads(ctx);
    assert.equal(counted.size, 0, 'nobody is left to hold work');
  });

  it('follows changes made in SQL, many rows at once', async () => {
    const ctx = await buildOrg(env);
    const { teamId, agentIds } = await buildRoutedTeam(ctx, { size: 4, capacity: 3 });
    for (let i = 0; i < 10; i++) {
      await createConversation(ctx, { teamId });
    }
    await ctx.db.execute(sql`
      UPDATE conversations SET assignee_id = ${agentIds[0]}
      WHERE org_id = ${ctx.actor.orgId} AND status = 'assigned' AND assignee_id = ${agentIds[1]}`);
    assert.deepEqual(await drift(ctx), [], 'after moving one agent’s work to another');
    await ctx.db.execute(sql`
      UPDATE conversations SET status = 'closed', closed_at = now()
      WHERE org_id = ${ctx.actor.orgId} AND status = 'assigned' AND assignee_id = ${agentIds[2]}`);
    assert.deepEqual(await drift(ctx), [], 'after closing in bulk');
    await ctx.db.execute(
      sql`DELETE FROM conversations WHERE org_id = ${ctx.actor.orgId} AND status = 'assigned'`,
    );
    assert.deepEqual(await drift(ctx), [], 'after deleting');
  });
});
