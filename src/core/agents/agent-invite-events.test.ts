import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { buildOrg } from '../../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { outboxEvents } from '../../db/schema.js';
import type { Ctx } from '../context.js';
import { inviteAgent } from './agent-lifecycle.js';
import { disableAgent } from './agents.js';

async function availabilityEvents(ctx: Ctx, agentId: string) {
  const rows = await ctx.db
    .select({ payload: outboxEvents.payload })
    .from(outboxEvents)
    .where(and(eq(outboxEvents.orgId, ctx.actor.orgId), eq(outboxEvents.type, 'agent.availability_changed')));
  return rows
    .map((r) => r.payload as { agent_id: string; available: boolean })
    .filter((p) => p.agent_id === agentId);
}

describe('invitations that set availability', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(async () => {
    await env.close();
  });

  it('emit agent.availability_changed when they create or bring back an unavailable agent', async () => {
    const ctx = await buildOrg(env);
    const { agent } = await inviteAgent(ctx, {
      email: 'new-person@invite.test',
      role: 'agent',
      available: false,
    });
    assert.equal(agent.available, false);
    assert.deepEqual(
      (await availabilityEvents(ctx, agent.id)).map((e) => e.available),
      [false],
    );

    await disableAgent(ctx, agent.id);
    const before = (await availabilityEvents(ctx, agent.id)).length;
    const again = await inviteAgent(ctx, { email: 'new-person@invite.test', role: 'agent', available: true });
    assert.equal(again.outcome, 'restored');
    const events = await availabilityEvents(ctx, agent.id);
    assert.equal(events.length, before + 1);
    assert.equal(events.at(-1)?.available, true);
  });
});
