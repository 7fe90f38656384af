import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createPgDatabase, masterActor, TEST_DB_KIND, TEST_MASTER_KEY } from '../../../test/harness.js';
import { type Database, openDatabase } from '../../db/client.js';
import { MemoryPresenceStore } from '../../realtime/memory-presence-store.js';
import type { Ctx } from '../context.js';
import { LocalEventBus } from '../events/bus.js';
import { createOrg } from '../orgs/orgs.js';
import { initPlatform } from '../platform/platform.js';
import { closeConversation, listConversations } from './conversations.js';
import { createConversation } from './create-conversation.js';
import { buildRoutedTeam, countByStatus, loads, setMemberOrder } from './routing-test-support.js';

/**
 * Many Roster instances assigning at once: two connection pools on one PostgreSQL database (two
 * instances) sharing one presence store, as they would share Redis. Needs real concurrency, so it
 * runs on PostgreSQL only; PGlite has a single connection and serializes everything.
 */
const skip =
  TEST_DB_KIND === 'postgres'
    ? false
    : 'needs PostgreSQL (ROSTER_TEST_DB=postgres): PGlite has one connection';

const AGENTS = 50;
const CAPACITY = 2;
const CONVERSATIONS = 1000;

let databases: Database[] = [];
let drop: () => Promise<void> = async () => {};
let instances: Ctx[] = [];

before(async () => {
  if (skip) {
    return;
  }
  const pg = await createPgDatabase();
  drop = pg.drop;
  databases = [
    await openDatabase({ kind: 'postgres', url: pg.url, poolSize: 10 }),
    await openDatabase({ kind: 'postgres', url: pg.url, poolSize: 10 }),
  ];
  const first = databases[0] as Database;
  const { platform } = await initPlatform(first.db, { masterKey: TEST_MASTER_KEY, now: new Date() });
  const presence = new MemoryPresenceStore(600_000);
  const events = new LocalEventBus();
  const base = (db: Database): Ctx => ({
    actor: masterActor(platform.defaultOrgId),
    db: db.db,
    now: () => new Date(),
    events,
    presence,
  });
  const org = await createOrg(base(first), { name: 'Concurrency' });
  instances = databases.map((db) => ({ ...base(db), actor: masterActor(org.id) }));
});

after(async () => {
  for (const db of databases) {
    await db.close();
  }
  await drop();
});

const instance = (i: number) => instances[i % instances.length] as Ctx;

async function assignedIds(ctx: Ctx): Promise<string[]> {
  const ids: string[] = [];
  let afterId: string | null = null;
  do {
    const page = await listConversations(ctx, { status: 'assigned' }, { skip: 0, limit: 100, afterId });
    ids.push(...page.items.map((c) => c.id));
    afterId = page.next === null ? null : (page.items.at(-1)?.id ?? null);
  } while (afterId !== null);
  return ids;
}

function assertNoAgentAbove(load: Map<string, number>): void {
  const worst = Math.max(0, ...load.values());
  assert.ok(worst <= CAPACITY, `an agent holds ${worst} conversations, capacity ${CAPACITY}`);
}

describe('routing under concurrency', { skip }, () => {
  it(`${CONVERSATIONS} concurrent conversations into ${AGENTS} agents of capacity ${CAPACITY}`, async () => {
    const ctx = instance(0);
    const { teamId } = await buildRoutedTeam(ctx, { size: AGENTS, capacity: CAPACITY });

    const created = await Promise.all(
      Array.from({ length: CONVERSATIONS }, (_, i) => createConversation(instance(i), { teamId })),
    );
    assert.equal(created.length, CONVERSATIONS);
    assert.deepEqual(await countByStatus(ctx), {
      assigned: AGENTS * CAPACITY,
      queued: CONVERSATIONS - AGENTS * CAPACITY,
    });
    const load = await loads(ctx);
    assertNoAgentAbove(load);
    assert.equal(load.size, AGENTS, 'every agent got work');

    // Closing the assigned ones, all at once, hands each freed slot exactly one queued conversation.
    let queued = CONVERSATIONS - AGENTS * CAPACITY;
    let closed = 0;
    while (closed < CONVERSATIONS) {
      const ids = await assignedIds(ctx);
      assert.equal(ids.length, Math.min(AGENTS * CAPACITY, CONVERSATIONS - closed));
      await Promise.all(ids.map((id, i) => closeConversation(instance(i), id)));
      closed += ids.length;
      const refill = Math.min(queued, ids.length);
      queued -= refill;
      const counts = await countByStatus(ctx);
      assert.equal(counts.closed, closed);
      assert.equal(counts.queued ?? 0, queued);
      assert.equal(counts.assigned ?? 0, refill);
      assertNoAgentAbove(await loads(ctx));
    }
  });
});

describe('a new conversation and held agents', { skip }, () => {
  it('goes to the next best agent when another transaction holds the best one, without waiting', {
    timeout: 20_000,
  }, async () => {
    const org = await createOrg(instance(0), { name: 'Held agents' });
    const [one, two] = instances.map((c) => ({ ...c, actor: masterActor(org.id) })) as [Ctx, Ctx];
    const { teamId, agentIds } = await buildRoutedTeam(one, { size: 2, mode: 'round_robin' });
    const [first, second] = agentIds as [string, string];
    await setMemberOrder(one, teamId, [first, second]);

    // Instance one holds the first agent's row (as a claim in flight would) while two creates.
    const created = await one.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT 1 FROM agents WHERE org_id = ${org.id} AND id = ${first} FOR UPDATE`);
      return createConversation(two, { teamId });
    });
    assert.equal(created.conversation.status, 'assigned');
    assert.equal(created.conversation.assigneeId, second);

    // With nobody holding it, the first agent is next in member order again.
    const next = await createConversation(two, { teamId });
    assert.equal(next.conversation.assigneeId, first);

    // Each was created and assigned in one transaction: both events, in that order, per conversation.
    const events = await one.db.execute(sql`
      SELECT type, payload->>'conversation_id' AS conversation FROM outbox_events
      WHERE org_id = ${org.id} AND type LIKE 'conversation.%' ORDER BY id`);
    const rows = (events as unknown as { rows: { type: string; conversation: string }[] }).rows;
    assert.deepEqual(rows, [
      { type: 'conversation.created', conversation: created.conversation.id },
      { type: 'conversation.assigned', conversation: created.conversation.id },
      { type: 'conversation.created', conversation: next.conversation.id },
      { type: 'conversation.assigned', conversation: next.conversation.id },
    ]);
  });
});
