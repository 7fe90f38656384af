import type { EventBus, EventListener, PublishedEvent } from '../core/events/bus.js';
import { type FeedPosition, feedEnd, listFeedAfter } from '../core/events/events.repo.js';
import type { Db } from '../db/client.js';

export interface FeedTailerOptions {
  /** How often the feed is read when nothing announced a commit (another instance without Redis). */
  pollMs?: number;
  /** Events read per query. */
  batch?: number;
  log?: { warn(details: object, message: string): void };
}

/** Waits before reading again when an announced event has not settled yet, doubling to `pollMs`. */
const RETRY_MIN_MS = 5;
/** Announced ids remembered while waiting for them to settle; older ones are forgotten. */
const MAX_AWAITED = 10_000;

/**
 * Follows the platform's event feed (every org, in feed order) for this instance's subscribers:
 * the event streams and the webhook sender. It reads only while someone listens, starting from
 * "now"; the event bus only wakes it (a commit here, or on another instance through Redis), and a
 * timer covers what no one announced. Each listener receives every event after the position the
 * tailer held when `ready()` resolved, exactly once and in feed order.
 */
export class FeedTailer {
  readonly #db: Db;
  readonly #bus: EventBus;
  readonly #pollMs: number;
  readonly #batch: number;
  readonly #log: FeedTailerOptions['log'];
  readonly #listeners = new Set<EventListener>();
  readonly #awaited = new Set<string>();
  #position: FeedPosition | null = null;
  #starting: Promise<void> | null = null;
  #unsubscribeBus: (() => void) | null = null;
  #poll: NodeJS.Timeout | null = null;
  #retry: NodeJS.Timeout | null = null;
  #retryMs = RETRY_MIN_MS;
  #reading = false;
  #again = false;
  #closed = false;

  constructor(db: Db, bus: EventBus, options: FeedTailerOptions = {}) {
    this.#db = db;
    this.#bus = bus;
    this.#pollMs = options.pollMs ?? 250;
    this.#batch = options.batch ?? 500;
    this.#log = options.log;
  }

  /** The position the tailer has read up to; null while it is not following the feed. */
  get position(): FeedPosition | null {
    return this.#position;
  }

  /** Adds a listener; the returned function removes it. The tailer starts with its first listener. */
  subscribe(listener: EventListener): () => void {
    this.#listeners.add(listener);
    if (this.#position === null && this.#starting === null && !this.#closed) {
      this.#starting = this.#start();
    }
    return () => {
      this.#listeners.delete(listener);
      if (this.#listeners.size === 0) {
        this.#stop();
      }
    };
  }

  /** Resolves once the tailer holds a position: listeners added before get everything after it. */
  async ready(): Promise<void> {
    while (this.#starting !== null) {
      await this.#starting;
    }
  }

  /** Reads the feed now (after a commit). */
  wake(): void {
    if (this.#position === null || this.#closed) {
      return;
    }
    if (this.#reading) {
      this.#again = true;
      return;
    }
    void this.#read();
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#listeners.clear();
    this.#stop();
    await this.#starting?.catch(() => {});
  }

  async #start(): Promise<void> {
    try {
      // Listen to announcements first: a commit announced while the position is read is read after.
      this.#unsubscribeBus = this.#bus.subscribe((event) => this.#announced(event));
      const position = await feedEnd(this.#db);
      if (this.#listeners.size > 0 && !this.#closed) {
        this.#position = position;
        this.#poll = setInterval(() => this.wake(), this.#pollMs);
        this.#poll.unref();
      } else {
        this.#unsubscribeBus?.();
        this.#unsubscribeBus = null;
      }
    } catch (err) {
      this.#log?.warn({ err }, 'the event feed could not be opened; retrying');
      this.#unsubscribeBus?.();
      this.#unsubscribeBus = null;
      if (!this.#closed) {
        await new Promise((resolve) => setTimeout(resolve, this.#pollMs));
        if (this.#listeners.size > 0) {
          return this.#start();
        }
      }
    } finally {
      this.#starting = null;
    }
    this.wake();
  }

  #stop(): void {
    this.#unsubscribeBus?.();
    this.#unsubscribeBus = null;
    if (this.#poll !== null) {
      clearInterval(this.#poll);
      this.#poll = null;
    }
    if (this.#retry !== null) {
      clearTimeout(this.#retry);
      this.#retry = null;
    }
    this.#position = null;
    this.#awaited.clear();
  }

  #announced(event: PublishedEvent): void {
    if (this.#awaited.size >= MAX_AWAITED) {
      this.#awaited.clear();
    }
    this.#awaited.add(event.id);
    this.wake();
  }

  async #read(): Promise<void> {
    this.#reading = true;
    try {
      do {
        this.#again = false;
        const from = this.#position;
        if (from === null) {
          return;
        }
        const events = await listFeedAfter(this.#db, from, this.#batch);
        if (this.#position !== from) {
          // Stopped (and perhaps restarted) meanwhile: what was read belongs to no one.
          return;
        }
        for (const event of events) {
          this.#position = { xid: event.xid ?? from.xid, id: event.id };
          this.#awaited.delete(event.id);
          for (const listener of this.#listeners) {
            try {
              listener(event);
            } catch {
              // A listener's own failure is its business; the others still get the event.
            }
          }
        }
        if (events.length === this.#batch) {
          this.#again = true;
        }
      } while (this.#again && !this.#closed);
    } catch (err) {
      this.#log?.warn({ err }, 'reading the event feed failed; retrying');
      this.#scheduleRetry();
      return;
    } finally {
      this.#reading = false;
    }
    if (this.#awaited.size > 0) {
      // Announced but not settled yet: an older transaction still runs. Look again soon.
      this.#scheduleRetry();
    } else {
      this.#retryMs = RETRY_MIN_MS;
    }
  }

  #scheduleRetry(): void {
    if (this.#retry !== null || this.#position === null || this.#closed) {
      return;
    }
    this.#retry = setTimeout(() => {
      this.#retry = null;
      this.wake();
    }, this.#retryMs);
    this.#retry.unref();
    this.#retryMs = Math.min(this.#retryMs * 2, this.#pollMs);
  }
}
