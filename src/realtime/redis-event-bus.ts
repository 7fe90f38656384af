import type { Redis } from 'ioredis';
import { type EventBus, type EventListener, LocalEventBus, type PublishedEvent } from '../core/events/bus.js';
import { closeRedisClient, DEFAULT_REDIS_PREFIX } from './redis-client.js';

export interface RedisEventBusOptions {
  /** Prepended to the channel name, so tests (or two deployments on one Redis) stay apart. */
  prefix?: string;
}

interface WireEvent {
  id: string;
  orgId: string;
  type: string;
  data: Record<string, unknown>;
  occurredAt: string;
}

/**
 * Fans committed events out to every instance through Redis pub/sub. The publisher receives its
 * own events back through Redis like everyone else, so each instance delivers each event exactly
 * once; only when Redis cannot carry them does it deliver them locally instead.
 */
export class RedisEventBus implements EventBus {
  private readonly local = new LocalEventBus();
  private readonly channel: string;
  /** A connection in subscriber mode can run nothing else, hence a second one. */
  private readonly subscriber: Redis;
  private subscribed = false;
  private readonly subscribing: Promise<void>;

  constructor(
    private readonly publisher: Redis,
    options: RedisEventBusOptions = {},
  ) {
    this.channel = `${options.prefix ?? DEFAULT_REDIS_PREFIX}events`;
    // SUBSCRIBE waits in the queue until Redis is reachable, however long that takes (no request
    // waits on it), and is sent again after every reconnect (the 'ready' handler below). Not by
    // ioredis's autoResubscribe: its SUBSCRIBE's promise has no handler, so a connection dropped
    // before the reply rejects it unhandled, and Node ends the process on that.
    this.subscriber = publisher.duplicate({
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      commandTimeout: undefined,
      autoResubscribe: false,
    });
    this.subscriber.on('error', () => {});
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.channel) {
        this.receive(message);
      }
    });
    let reconnect = false;
    this.subscriber.on('ready', () => {
      // The first time, the SUBSCRIBE queued below goes out now; after a reconnect, a new one.
      this.subscribed = true;
      if (reconnect) {
        this.subscriber.subscribe(this.channel).catch(() => {});
      }
      reconnect = true;
    });
    this.subscriber.on('close', () => {
      this.subscribed = false;
    });
    this.subscribing = this.subscriber.subscribe(this.channel).then(
      () => {
        this.subscribed = true;
      },
      () => {},
    );
  }

  /** Resolves once the first SUBSCRIBE went through, or after `timeoutMs`; true when subscribed. */
  async ready(timeoutMs = 2_000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([this.subscribing, timeout]);
    clearTimeout(timer);
    return this.subscribed;
  }

  async publish(events: PublishedEvent[]): Promise<void> {
    if (events.length === 0) {
      return;
    }
    const wire: WireEvent[] = events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() }));
    // Our own subscriber is down: Redis would not bring these back to us, so hand them over here.
    let deliverHere = !this.subscribed;
    try {
      await this.publisher.publish(this.channel, JSON.stringify(wire));
    } catch {
      deliverHere = true;
    }
    if (deliverHere) {
      this.local.deliver(events);
    }
  }

  private receive(message: string): void {
    let wire: WireEvent[];
    try {
      wire = JSON.parse(message) as WireEvent[];
    } catch {
      return;
    }
    if (!Array.isArray(wire)) {
      return;
    }
    this.local.deliver(wire.map((e) => ({ ...e, occurredAt: new Date(e.occurredAt) })));
  }

  subscribe(listener: EventListener): () => void {
    return this.local.subscribe(listener);
  }

  /** Ends the subscriber connection it opened; the publishing connection belongs to its creator. */
  async close(): Promise<void> {
    await this.local.close();
    this.subscriber.removeAllListeners('message');
    await closeRedisClient(this.subscriber);
  }
}
