import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { inTransaction } from '../src/core/context.js';
import { emitEvent } from '../src/core/events/events.js';
import {
  compareFeedPositions,
  type FeedPosition,
  feedPositionOf,
  listOrgFeedAfter,
  NIL_ID,
} from '../src/core/events/events.repo.js';
import { rowsOf } from '../src/db/client.js';
import { buildOrg } from './factories.js';
import { createTestEnv, TEST_DB_KIND, type TestEnv } from './harness.js';
import { sleep } from './http.js';

const WRITERS = 8;
const WRITES_EACH = 25;
const START: FeedPosition = { xid: '0', id: NIL_ID };

let env: TestEnv;
before(async () => {
  env = await createTestEnv();
});
after(async () => {
  await env.close();
});

/**
 * The property behind Last-Event-ID: however transactions interleave and however long each takes
 * to commit after writing its event, a reader that pages through the feed while they run sees
 * every event exactly once, and resuming from any position it reached yields exactly the rest.
 * Event ids are drawn when the row is written, so a transaction that writes early and commits late
 * holds a lower id than events committed before it: a feed ordered by id would skip it.
 */
describe(`the event feed under concurrent writers (${TEST_DB_KIND})`, { timeout: 180_000 }, () => {
  it('a reader following it while writers commit late sees every event once; any resume yields the rest', async () => {
    const ctx = await buildOrg(env);
    const orgId = ctx.actor.orgId;
    const from = await feedStart(ctx.db, orgId);
    let writing = true;
    /** Events committed so far. */
    let written = 0;
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; i < WRITES_EACH; i++) {
        const events = await inTransaction(ctx, async (tx) => {
          await emitEvent(tx, 'team.updated', { team_id: `w${w}-${i}`, fields: ['name'] });
          // Random commit delays: the event exists, its transaction has not committed yet.
          await sleep(Math.random() * 25);
          if (Math.random() < 0.3) {
            await emitEvent(tx, 'team.updated', { team_id: `w${w}-${i}b`, fields: ['name'] });
            return 2;
          }
          return 1;
        });
        written += events;
      }
    });
    const followed: string[] = [];
    const positions: FeedPosition[] = [];
    const reader = (async () => {
      let cursor = from;
      while (writing || cursor !== null) {
        const page = await listOrgFeedAfter(ctx.db, orgId, cursor, 7);
        for (const event of page) {
          followed.push(event.id);
          const position = { xid: String(event.xid), id: event.id };
          assert.ok(compareFeedPositions(position, cursor) > 0, 'the feed only moves forward');
          positions.push(position);
          cursor = position;
        }
        if (page.length === 0) {
          // A committed event shows once no older transaction is open anywhere on the server
          // (other test files' too): the reader waits for every committed one, then stops.
          if (!writing && followed.length >= written) {
            break;
          }
          await sleep(Math.random() * 10);
        }
      }
    })();
    await Promise.all(writers);
    writing = false;
    await reader;

    const all = (await listOrgFeedAfter(ctx.db, orgId, from, 10_000)).map((e) => e.id);
    assert.ok(all.length >= WRITERS * WRITES_EACH);
    assert.equal(all.length, written, 'every committed event is in the feed');
    assert.equal(new Set(followed).size, followed.length, 'no event twice');
    assert.deepEqual(followed, all, 'the follower saw every event, in the one feed order');

    for (const [i, position] of positions.entries()) {
      const rest = (await listOrgFeedAfter(ctx.db, orgId, position, 10_000)).map((e) => e.id);
      assert.deepEqual(rest, all.slice(i + 1), `resuming after event ${i}`);
      const found = await feedPositionOf(ctx.db, orgId, position.id);
      assert.deepEqual(found, position, 'an event id names its position');
    }
  });
});

/**
 * The position after every event the org already has. The feed trails transactions still open
 * anywhere on the server (other test files' too), so the org's setup events may not have joined it
 * yet: wait until the feed holds as many of the org's events as the outbox does, or a late one
 * would count as a writer's.
 */
async function feedStart(db: TestEnv['database']['db'], orgId: string): Promise<FeedPosition> {
  const stored = rowsOf<{ n: number }>(
    await db.execute(sql`SELECT count(*)::int AS n FROM outbox_events WHERE org_id = ${orgId}::uuid`),
  )[0]?.n;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const events = await listOrgFeedAfter(db, orgId, START, 10_000);
    if (events.length === stored || Date.now() > deadline) {
      assert.equal(events.length, stored, "the feed caught up with the org's setup events");
      const last = events.at(-1);
      return last === undefined ? START : { xid: String(last.xid), id: last.id };
    }
    await sleep(50);
  }
}
