/**
 * Event groups (migrations 0018, 0019, 0021): a run of events of one type that one change appends
 * is stored as one outbox row, and every reader of the feed still sees the events one by one, each
 * with its own id, in the order and at the positions they would have with a row each.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { asc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../src/core/context.js';
import { emitEvents } from '../src/core/events/events.js';
import {
  type FeedPosition,
  feedPositionOf,
  findOutboxEvent,
  listFeedAfter,
  listOrgFeedAfter,
  NIL_ID,
} from '../src/core/events/events.repo.js';
import { newId } from '../src/core/ids.js';
import { updateTeamMembers } from '../src/core/teams/team-members.js';
import { insertAgents } from '../src/core/teams/team-members-test-support.js';
import { rowsOf } from '../src/db/client.js';
import { outbox, outboxEvents } from '../src/db/schema.js';
import { buildOrg, buildTeam } from './factories.js';
import { createTestEnv, feedSettled, type TestEnv } from './harness.js';

const START: FeedPosition = { xid: '0', id: NIL_ID };

/** The org's whole feed, read `pageSize` events at a time, each page resuming after the last. */
async function readAll(ctx: Ctx, pageSize: number) {
  await feedSettled(ctx.db);
  const seen = [];
  let at = START;
  for (;;) {
    const page = await listOrgFeedAfter(ctx.db, ctx.actor.orgId, at, pageSize);
    if (page.length === 0) {
      return seen;
    }
    assert.ok(page.length <= pageSize);
    seen.push(...page);
    const last = page.at(-1);
    at = { xid: String(last?.xid), id: String(last?.id) };
  }
}

describe('event groups', () => {
  let env: TestEnv;
  let ctx: Ctx;
  let agentIds: string[];
  let teamId: string;

  before(async () => {
    env = await createTestEnv();
    ctx = await buildOrg(env);
    agentIds = await insertAgents(ctx, 50);
    teamId = (await buildTeam(ctx)).id;
    await updateTeamMembers(ctx, teamId, { add: agentIds, remove: [] });
    await feedSettled(env.database.db);
  });
  after(() => env?.close());

  it("stores a change's per-member events as one row, read back as the events", async () => {
    const rows = await ctx.db
      .select({ id: outbox.id, type: outbox.type, groupIds: outbox.groupIds, groupSize: outbox.groupSize })
      .from(outbox)
      .where(eq(outbox.orgId, ctx.actor.orgId))
      .orderBy(asc(outbox.xid), asc(outbox.id));
    const group = rows.find((r) => r.type === 'agent.teams_changed');
    assert.equal(rows.filter((r) => r.type === 'agent.teams_changed').length, 1, 'one row for 50 events');
    assert.equal(group?.groupSize, 50);
    assert.equal(group?.groupIds, null, 'the ids are not stored');

    const events = await ctx.db
      .select()
      .from(outboxEvents)
      .where(eq(outboxEvents.type, 'agent.teams_changed'))
      .orderBy(asc(outboxEvents.id));
    assert.equal(events.length, 50);
    assert.equal(events.at(-1)?.id, group?.id, "the row's id is its last event's");
    const prefix = group?.id.slice(0, 32);
    assert.deepEqual(
      events.map((e) => e.id),
      events.map((_, i) => `${prefix}${i.toString(16).padStart(4, '0')}`),
      "each event's id is the row's with its place in the last two bytes",
    );
    assert.ok(
      rows.every((r) => r.type === 'agent.teams_changed' || r.id.slice(0, 32) !== prefix),
      'no other event of the change shares those ids',
    );
    assert.deepEqual(events.map((e) => e.payload.agent_id).sort(), [...agentIds].sort());
    for (const e of events) {
      assert.deepEqual(e.payload.added_team_ids, [teamId]);
    }
  });

  it('reads the feed in id order and resumes inside a group, whatever the page size', async () => {
    const whole = await readAll(ctx, 1000);
    const ids = whole.map((e) => e.id);
    assert.deepEqual(ids, [...ids].sort(), 'one transaction: id order');
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(whole.filter((e) => e.type === 'agent.teams_changed').length === 50);
    for (const size of [1, 7, 49, 50, 51]) {
      assert.deepEqual(
        (await readAll(ctx, size)).map((e) => e.id),
        ids,
        `pages of ${size}`,
      );
    }
    // The platform's tail reads the same events.
    const tail = [];
    let at = START;
    for (let page = await listFeedAfter(env.database.db, at, 13); page.length > 0; ) {
      tail.push(...page.filter((e) => e.orgId === ctx.actor.orgId));
      const last = page.at(-1);
      at = { xid: String(last?.xid), id: String(last?.id) };
      page = await listFeedAfter(env.database.db, at, 13);
    }
    assert.deepEqual(
      tail.map((e) => e.id),
      ids,
    );
  });

  it('finds an event of a group by its id: its position, and the event itself', async () => {
    const events = (await readAll(ctx, 1000)).filter((e) => e.type === 'agent.teams_changed');
    const middle = events[20];
    assert.ok(middle);
    const position = await feedPositionOf(ctx.db, ctx.actor.orgId, middle.id);
    assert.deepEqual(position, { xid: middle.xid, id: middle.id });
    const found = await findOutboxEvent(ctx.db, ctx.actor.orgId, middle.id);
    assert.equal(found?.id, middle.id);
    assert.deepEqual(found?.data, middle.data);
    // Resuming after it gives the group's next event first.
    const next = await listOrgFeedAfter(ctx.db, ctx.actor.orgId, position as FeedPosition, 1);
    assert.equal(next[0]?.id, events[21]?.id);
    // Another org does not find it.
    const other = await buildOrg(env);
    assert.equal(await feedPositionOf(other.db, other.actor.orgId, middle.id), null);
  });

  it("stores what a group's payloads share once, and gives each event its payload back", async () => {
    const org = await buildOrg(env);
    const payloads = Array.from({ length: 30 }, (_, i) => ({
      agent_id: agentIds[i] as string,
      available: true,
      status: 'online',
      channels: { chat: true },
      // Present in some events only, or with a value of its own.
      ...(i % 2 === 0 ? { effective_status: 'available' as const } : {}),
      ...(i % 3 === 0 ? { previous_effective_status: 'away' as const } : {}),
    }));
    await emitEvents(
      org,
      payloads.map((payload) => ({ type: 'agent.availability_changed' as const, payload })),
    );
    const [row] = rowsOf<{ payload: { common: unknown; each: Record<string, unknown>[] } }>(
      await org.db.execute(sql`
        SELECT payload FROM outbox
        WHERE org_id = ${org.actor.orgId}::uuid AND group_size IS NOT NULL`),
    );
    assert.deepEqual(row?.payload.common, { available: true, status: 'online', channels: { chat: true } });
    assert.deepEqual(row?.payload.each[0], {
      agent_id: agentIds[0],
      effective_status: 'available',
      previous_effective_status: 'away',
    });
    assert.deepEqual(row?.payload.each[1], { agent_id: agentIds[1] });
    const feed = (await readAll(org, 7)).filter((e) => e.type === 'agent.availability_changed');
    assert.deepEqual(
      feed.map((e) => e.data),
      payloads,
    );
  });

  it('still reads a group written before migration 0021, with its ids stored', async () => {
    const org = await buildOrg(env);
    const ids = [newId(), newId(), newId()];
    await org.db.execute(sql`
      INSERT INTO outbox (id, org_id, type, payload, created_at, group_ids)
      VALUES (${ids[2]}::uuid, ${org.actor.orgId}::uuid, 'agent.teams_changed',
        ${JSON.stringify({
          common: { added_team_ids: [teamId], removed_team_ids: [] },
          each: ids.map((_, i) => ({ agent_id: agentIds[i] })),
        })}::jsonb, now(), ${`{${ids.join(',')}}`}::uuid[])`);
    const feed = (await readAll(org, 2)).filter((e) => e.type === 'agent.teams_changed');
    assert.deepEqual(
      feed.map((e) => [e.id, e.data]),
      ids.map((id, i) => [id, { added_team_ids: [teamId], removed_team_ids: [], agent_id: agentIds[i] }]),
    );
    assert.equal((await findOutboxEvent(org.db, org.actor.orgId, ids[1] as string))?.id, ids[1]);
  });

  it('splits a long run into groups of at most 1,000, and leaves short runs a row each', async () => {
    const org = await buildOrg(env);
    const run = Array.from({ length: 1200 }, (_, i) => ({
      type: 'agent.updated' as const,
      payload: { agent_id: agentIds[i % agentIds.length] as string, fields: [`f${i}`] },
    }));
    const short = Array.from({ length: 3 }, () => ({
      type: 'org.updated' as const,
      payload: { org_id: org.actor.orgId, name: 'x' },
    }));
    await emitEvents(org, [...short, ...run, ...short]);
    const rows = rowsOf<{ type: string; n: number | null }>(
      await org.db.execute(sql`
        SELECT type, group_size AS n FROM outbox
        WHERE org_id = ${org.actor.orgId}::uuid AND type <> 'org.created' ORDER BY xid, id`),
    );
    assert.deepEqual(
      rows.map((r) => [r.type, r.n]),
      [
        ...short.map(() => ['org.updated', null]),
        ['agent.updated', 1000],
        ['agent.updated', 200],
        ...short.map(() => ['org.updated', null]),
      ],
    );
    const feed = (await readAll(org, 100)).filter((e) => e.type !== 'org.created');
    assert.equal(feed.length, 1206);
    assert.deepEqual(
      feed.slice(3, 1203).map((e) => (e.data as { fields: string[] }).fields[0]),
      run.map((e) => e.payload.fields[0]),
    );
  });
});
