import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { buildAgent, buildOrg } from '../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../test/harness.js';
import type { Ctx } from '../core/context.js';
import { heartbeat } from '../core/presence/presence.js';
import type { PresenceTransition } from '../core/presence/presence-store.js';
import type { Db } from '../db/client.js';
import { outboxEvents } from '../db/schema.js';
import { MemoryPresenceStore } from './memory-presence-store.js';
import { sweepPresence } from './presence-sweeper.js';

const TTL_MS = 60_000;

/** A database that refuses every transaction, as one that went away does. */
const downDb = {
  transaction: async () => {
    throw new Error('database unavailable');
  },
} as unknown as Db;

async function presenceEvents(ctx: Ctx, orgId = ctx.actor.orgId) {
  const rows = await ctx.db
    .select({ payload: outboxEvents.payload })
    .from(outboxEvents)
    .where(and(eq(outboxEvents.orgId, orgId), eq(outboxEvents.type, 'agent.presence_changed')))
    .orderBy(asc(outboxEvents.id));
  return rows.map((r) => r.payload as { agent_id: string; connection: string });
}

describe('presence sweeper', () => {
  let env: TestEnv;
  before(async () => {
    env = await createTestEnv();
  });
  after(() => env.close());

  /** Two orgs sharing one presence store and clock, each with an agent whose device beat once. */
  async function twoOrgs() {
    const clock = { now: new Date('2026-03-01T08:00:00.000Z') };
    const presence = new MemoryPresenceStore(TTL_MS);
    const at = (ctx: Ctx): Ctx => ({ ...ctx, presence, now: () => new Date(clock.now) });
    const a = at(await buildOrg(env));
    const b = at(await buildOrg(env));
    const agentA = await buildAgent(a);
    const agentB = await buildAgent(b);
    await heartbeat(a, agentA.id, { deviceId: 'a' });
    await heartbeat(b, agentB.id, { deviceId: 'b' });
    const deps = { db: env.database.db, events: a.events, presence, now: () => new Date(clock.now) };
    const advance = (ms: number) => {
      clock.now = new Date(clock.now.getTime() + ms);
    };
    return { a, b, agentA, agentB, deps, advance };
  }

  it('keeps the transitions the database could not take and records them at the next sweep', async () => {
    const { a, b, deps, advance } = await twoOrgs();
    advance(TTL_MS + 1);
    const unrecorded: PresenceTransition[] = [];
    // Org A's database is down for this sweep; org B's is not, and must not wait for A's.
    const flaky = (orgId: string) => (orgId === a.actor.orgId ? downDb : env.database.forOrg(orgId));
    await assert.rejects(sweepPresence({ ...deps, forOrg: flaky }, unrecorded), /database unavailable/);
    assert.deepEqual(
      unrecorded.map((t) => t.orgId),
      [a.actor.orgId],
    );
    assert.deepEqual(
      (await presenceEvents(b)).map((e) => e.connection),
      ['online', 'offline'],
    );

    assert.equal(await sweepPresence(deps, unrecorded), 1);
    assert.deepEqual(unrecorded, []);
    assert.deepEqual(
      (await presenceEvents(a)).map((e) => e.connection),
      ['online', 'offline'],
    );
    assert.equal(await sweepPresence(deps, unrecorded), 0, 'nothing is recorded twice');
  });

  it('drops a retried offline transition once the agent is back online', async () => {
    const { a, agentA, deps, advance } = await twoOrgs();
    advance(TTL_MS + 1);
    const unrecorded: PresenceTransition[] = [];
    await assert.rejects(sweepPresence({ ...deps, forOrg: () => downDb }, unrecorded));
    assert.equal(unrecorded.length, 2);
    // The agent comes back before the database does: its online transition is newer.
    advance(1_000);
    await heartbeat(a, agentA.id, { deviceId: 'a' });
    await sweepPresence(deps, unrecorded);
    assert.deepEqual(
      (await presenceEvents(a)).map((e) => e.connection),
      ['online', 'online'],
      'the stale offline is not written after the newer online',
    );
  });
});
