import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CountingBus, eventually } from '../../test/sse.js';
import type { PublishedEvent } from '../core/events/bus.js';
import type { EventFeed } from '../core/events/event-feed.js';
import { type FeedPosition, NIL_ID, parseFeedSnapshot } from '../core/events/events.repo.js';
import { newId } from '../core/ids.js';
import { type EventStream, EventStreamHub, formatSseEvent } from './sse.js';

const ORG = newId();
let xid = 100;

/** A new event, later in the feed than every one made before (one transaction each). */
const event = (orgId = ORG, data: Record<string, unknown> = {}): PublishedEvent => ({
  id: newId(),
  orgId,
  type: 'team.updated',
  data,
  occurredAt: new Date('2026-01-02T03:04:05.678Z'),
  xid: String(xid++),
});

const feed = (
  after: FeedPosition | null,
  readBacklog: EventFeed['readBacklog'] = async () => [],
): EventFeed => ({
  orgId: ORG,
  after,
  matches: (e) => e.orgId === ORG,
  readBacklog,
});

/** Collects what the stream writes, as the HTTP response would. */
function collect(stream: EventStream): { text: () => string; ids: () => string[] } {
  let text = '';
  stream.body.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return { text: () => text, ids: () => [...text.matchAll(/^id: (.+)$/gm)].map((m) => m[1] ?? '') };
}

describe('formatSseEvent', () => {
  it('writes id, event and the JSON event on one data line', () => {
    const e = event(ORG, { team_id: 't', fields: ['name'] });
    assert.equal(
      formatSseEvent(e),
      `id: ${e.id}\nevent: team.updated\ndata: {"id":"${e.id}","type":"team.updated",` +
        `"occurred_at":"2026-01-02T03:04:05.678Z","org_id":"${ORG}","data":{"team_id":"t","fields":["name"]}}\n\n`,
    );
  });
});

describe('EventStreamHub', () => {
  it('replays the backlog, then what arrived meanwhile, without doubling what both hold', async () => {
    const bus = new CountingBus();
    const all = [event(), event(), event(), event(), event()] as const;
    const [e1, e2, e3, e4, e5] = all;
    const stranger = event(newId());
    const hub = new EventStreamHub();
    const stream = await hub.open({
      bus,
      orgId: ORG,
      keepAliveMs: 60_000,
      openFeed: async () => {
        // Committed while the feed loads: e1 is also in the backlog, e5 is not.
        await bus.publish([e1, stranger]);
        return feed({ xid: '1', id: NIL_ID }, async () => {
          await bus.publish([e3, e5]);
          return [e1, e2, e3, e4];
        });
      },
    });
    const out = collect(stream);
    await eventually(() => out.ids().length >= 5, 1000, 'five events');
    assert.deepEqual(
      out.ids(),
      all.map((e) => e.id),
    );
    assert.ok(out.text().startsWith(': connected\n\n'));
    await bus.publish([e2]);
    const live = event();
    await bus.publish([live]);
    await eventually(() => out.ids().length === 6, 1000, 'the live event');
    assert.equal(out.ids()[5], live.id);
    stream.close();
    assert.equal(bus.active, 0);
    assert.equal(hub.size, 0);
  });

  it('starting from now, skips live events of transactions that had committed before it came', async () => {
    const bus = new CountingBus();
    const hub = new EventStreamHub();
    // When it subscribed, e1 had committed, e2 was running, e3 had committed after e2 began, and
    // e4 had not begun. The feed trails and hands it all four: e2 and e4 are news to it.
    const [e1, e2, e3, e4] = [event(), event(), event(), event()];
    const since = parseFeedSnapshot(`${e2.xid}:${e4.xid}:${e2.xid}`);
    const stream = await hub.open({
      bus,
      orgId: ORG,
      keepAliveMs: 60_000,
      openFeed: async () => ({ ...feed(null), since }),
    });
    const out = collect(stream);
    await bus.publish([e1, e2, e3, e4]);
    await eventually(() => out.ids().length >= 2, 1000, 'two events');
    assert.deepEqual(out.ids(), [e2.id, e4.id]);
    stream.close();
  });

  it('unsubscribes when the feed is refused', async () => {
    const bus = new CountingBus();
    const hub = new EventStreamHub();
    const refusal = new Error('unknown Last-Event-ID');
    await assert.rejects(
      hub.open({ bus, orgId: ORG, keepAliveMs: 60_000, openFeed: () => Promise.reject(refusal) }),
      refusal,
    );
    assert.equal(bus.active, 0);
    assert.equal(hub.size, 0);
  });

  it('cuts off a subscriber that stops reading', async () => {
    const bus = new CountingBus();
    const hub = new EventStreamHub();
    const stream = await hub.open({ bus, orgId: ORG, keepAliveMs: 60_000, openFeed: async () => feed(null) });
    const big = 'x'.repeat(64 * 1024);
    for (let i = 0; i < 40 && !stream.body.destroyed; i++) {
      await bus.publish([event(ORG, { big })]);
    }
    assert.ok(stream.body.destroyed, 'the body was destroyed');
    assert.equal(bus.active, 0);
    assert.equal(hub.size, 0);
  });

  it('ends every stream on closeAll, and one opened afterwards at once', async () => {
    const bus = new CountingBus();
    const hub = new EventStreamHub();
    const open = () => hub.open({ bus, orgId: ORG, keepAliveMs: 60_000, openFeed: async () => feed(null) });
    const streams = [await open(), await open()];
    hub.closeAll();
    const late = await open();
    for (const stream of [...streams, late]) {
      assert.equal(stream.body.writableEnded, true);
    }
    assert.equal(bus.active, 0);
    assert.equal(hub.size, 0);
  });
});
