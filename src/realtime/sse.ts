import { PassThrough } from 'node:stream';
import type { EventListener, PublishedEvent } from '../core/events/bus.js';
import type { EventFeed } from '../core/events/event-feed.js';
import { committedIn, compareFeedPositions, type FeedPosition } from '../core/events/events.repo.js';
import { recordFeedDelivery, sseConnections } from '../observability/metrics.js';

/** Response headers of an event stream; `no-transform` and `x-accel-buffering` stop proxies buffering it. */
export const SSE_HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
} as const;

/** Stored events read per query while replaying: bounded, so one resume never loads a day at once. */
const BACKLOG_BATCH = 500;
/** A subscriber this far behind is cut off; it reconnects with Last-Event-ID and catches up. */
const MAX_BUFFERED_BYTES = 1 << 20;
const MAX_PENDING_EVENTS = 10_000;

/** Renders one event as an SSE frame: `id`, `event`, and the JSON event on one `data` line. */
export function formatSseEvent(event: PublishedEvent): string {
  const data = {
    id: event.id,
    type: event.type,
    occurred_at: event.occurredAt.toISOString(),
    org_id: event.orgId,
    data: event.data,
  };
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Where a stream's live events come from: the instance's tail of the feed (see FeedTailer). */
export interface LiveEvents {
  subscribe(listener: EventListener): () => void;
  /** Resolves once events given to listeners subscribed before are contiguous in the feed. */
  ready?(): Promise<void>;
}

export interface EventStreamOptions {
  bus: LiveEvents;
  orgId: string;
  keepAliveMs: number;
  /** Validates and loads the subscription; called once the stream already listens to the bus. */
  openFeed: () => Promise<EventFeed>;
  log?: { warn(details: object, message: string): void };
}

/**
 * One subscriber's stream. It subscribes first and only then loads its feed and replays the
 * backlog, holding live events meanwhile. Both come in feed order (events.repo.ts), and the
 * backlog, read later, reaches at least as far as where the live events start: whatever commits
 * during the handover is in one or the other, and nothing at or before the last position sent
 * goes out again.
 */
export class EventStream {
  /** The bytes to send; ending or destroying it ends the subscription. */
  readonly body = new PassThrough();
  private closed = false;
  private live = false;
  private feed: EventFeed | null = null;
  private readonly held: PublishedEvent[] = [];
  /** Feed position of the last event this stream passed (sent or filtered out). */
  private last: FeedPosition | null = null;
  private readonly unsubscribe: () => void;
  private keepAlive: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: EventStreamOptions,
    private readonly onClosed: (stream: EventStream) => void,
  ) {
    this.unsubscribe = options.bus.subscribe((event) => this.onLive(event));
    this.body.once('close', () => this.close());
    // A cut-off destroys the body with an error, possibly before Fastify listens to it; the
    // reason is logged by cutOff, and an unheard 'error' event would bring the process down.
    this.body.on('error', () => {});
  }

  /** Loads the feed, then streams: backlog first, then live. Rejects (and closes) when the feed is refused. */
  async start(): Promise<void> {
    try {
      await this.options.bus.ready?.();
      this.feed = await this.options.openFeed();
    } catch (err) {
      this.close();
      throw err;
    }
    // A first chunk makes the server send the headers now rather than with the first event.
    this.write(': connected\n\n');
    this.keepAlive = setInterval(() => this.write(': keep-alive\n\n'), this.options.keepAliveMs);
    this.keepAlive.unref();
    void this.replay(this.feed);
  }

  /** Stops the subscription and its timer and ends the body; safe to call more than once. */
  close(): void {
    if (this.closed) {
      return;
    }
    this.closed = true;
    this.unsubscribe();
    if (this.keepAlive !== null) {
      clearInterval(this.keepAlive);
    }
    this.held.length = 0;
    this.onClosed(this);
    if (!this.body.destroyed) {
      this.body.end();
    }
  }

  private onLive(event: PublishedEvent): void {
    if (this.closed || event.orgId !== this.options.orgId) {
      return;
    }
    if (this.live) {
      if (this.deliver(event)) {
        recordFeedDelivery('sse', event.occurredAt);
      }
      return;
    }
    this.held.push(event);
    if (this.held.length > MAX_PENDING_EVENTS) {
      this.cutOff('too many live events while replaying');
    }
  }

  private async replay(feed: EventFeed): Promise<void> {
    let cursor = feed.after;
    this.last = feed.after;
    try {
      while (cursor !== null && !this.closed) {
        const batch = await feed.readBacklog(cursor, BACKLOG_BATCH);
        for (const event of batch) {
          this.deliver(event);
        }
        const tail = batch[batch.length - 1];
        cursor = batch.length === BACKLOG_BATCH && tail !== undefined ? positionOf(tail) : null;
        if (cursor !== null) {
          await this.drained();
        }
      }
    } catch (err) {
      // Headers are out, so no error status is possible: end, and let the client resume.
      this.options.log?.warn({ err }, 'event stream backlog failed; closing the stream');
      this.close();
      return;
    }
    this.live = true;
    for (const event of this.held.splice(0)) {
      this.deliver(event);
    }
  }

  /**
   * Sends the event if it is past this stream's position and the feed wants it; the feed sees
   * every event once. Returns whether it was sent.
   */
  private deliver(event: PublishedEvent): boolean {
    if (this.closed || this.feed === null) {
      return false;
    }
    const position = positionOf(event);
    if (this.last !== null && compareFeedPositions(position, this.last) <= 0) {
      return false;
    }
    const since = this.feed.since;
    if (since && event.xid !== undefined && committedIn(since, event.xid)) {
      // Committed before this subscriber came: not news to it.
      return false;
    }
    this.last = position;
    if (!this.feed.matches(event)) {
      return false;
    }
    this.write(formatSseEvent(event));
    return true;
  }

  private write(chunk: string): void {
    if (this.closed) {
      return;
    }
    this.body.write(chunk);
    if (this.body.writableLength > MAX_BUFFERED_BYTES) {
      this.cutOff('subscriber too slow');
    }
  }

  /** Drops the connection at once; the client's Last-Event-ID brings it back where it was. */
  private cutOff(reason: string): void {
    this.options.log?.warn({ reason }, 'event stream cut off');
    this.body.destroy(new Error(`event stream cut off: ${reason}`));
    this.close();
  }

  private drained(): Promise<void> {
    if (!this.body.writableNeedDrain || this.closed) {
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = () => {
        this.body.off('drain', done);
        this.body.off('close', done);
        resolve();
      };
      this.body.on('drain', done);
      this.body.on('close', done);
    });
  }
}

const positionOf = (event: PublishedEvent): FeedPosition => ({ xid: event.xid ?? '0', id: event.id });

/** The open streams of one server, so that shutting down can end them instead of waiting on them. */
export class EventStreamHub {
  private readonly streams = new Set<EventStream>();
  private closing = false;

  /**
   * Opens and starts a stream; rejects with the feed's error (nothing is sent then).
   * A stream opened while the server shuts down comes back already ended.
   */
  async open(options: EventStreamOptions): Promise<EventStream> {
    const stream = new EventStream(options, (s) => {
      this.streams.delete(s);
      sseConnections.dec();
    });
    this.streams.add(stream);
    sseConnections.inc();
    await stream.start();
    if (this.closing) {
      stream.close();
    }
    return stream;
  }

  /** How many streams are open. */
  get size(): number {
    return this.streams.size;
  }

  /** Ends every open stream and every one still starting. */
  closeAll(): void {
    this.closing = true;
    for (const stream of [...this.streams]) {
      stream.close();
    }
  }
}
