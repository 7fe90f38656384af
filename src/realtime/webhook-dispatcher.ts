import { systemActor } from '../core/access.js';
import type { Ctx } from '../core/context.js';
import type { EventBus, PublishedEvent } from '../core/events/bus.js';
import { matchesType } from '../core/events/event-filter.js';
import { NIL_ID } from '../core/events/events.repo.js';
import { newId } from '../core/ids.js';
import type { PresenceStore } from '../core/presence/presence-store.js';
import type { AttemptResult } from '../core/webhooks/policy.js';
import type { SecretBox } from '../core/webhooks/secret-box.js';
import { disableWebhook } from '../core/webhooks/webhooks.js';
import {
  claimEndpoints,
  type EndpointSettings,
  endpointFeedPage,
  finishQueued,
  nextQueued,
  releaseEndpoints,
  saveProgress,
} from '../core/webhooks/webhooks.repo.js';
import type { Db } from '../db/client.js';
import type { WebhookEndpointRow } from '../db/schema.js';
import type { AppTracing } from '../observability/tracing.js';
import type { FeedTailer } from './feed-tailer.js';
import { attemptDelivery, deliverPage } from './webhook-attempt.js';
import type { SendRequest } from './webhook-egress.js';

export interface DispatcherOptions {
  /** The platform handle (all orgs): the sender works for every org. */
  db: Db;
  feed: FeedTailer;
  events: EventBus;
  presence: PresenceStore;
  /** Decides retries and leases; a test's controllable clock. Signatures use the wall clock. */
  now: () => Date;
  send: (request: SendRequest) => Promise<AttemptResult>;
  /** Opens sealed signing secrets (ROSTER_WEBHOOK_SECRETS_KEY); absent: secrets are stored plain. */
  secrets?: SecretBox;
  timeoutMs: number;
  /** How long a claim lasts; renewed every `tickMs`, so it must be well above it and the timeout. */
  leaseMs: number;
  /** How often leases are renewed and claimed, and every owned endpoint looked at. */
  tickMs: number;
  /** This instance's name in leases. */
  owner?: string;
  log?: { warn(details: object, message: string): void };
  /** With tracing on: each attempt gets a client span, and its request the span's `traceparent`. */
  trace?: AppTracing['outgoing'];
}

/** Events read per page of an endpoint's feed; progress is saved once per page. */
const PAGE = 100;
const CLAIM_LIMIT = 1_000;
/** Any position: a read of no events (`limit` 0) reads an endpoint's settings alone. */
const FEED_START = { xid: '0', id: NIL_ID };

/**
 * How long an event waits for others to join it before its endpoint's sender wakes. Each wake
 * costs a feed read and a progress save whatever the page holds: under a steady stream of events
 * this turns pages of one event each into pages of several, for 20 ms of latency.
 */
const GATHER_MS = 20;

interface Owned {
  row: WebhookEndpointRow;
  running: Promise<void> | null;
  again: boolean;
  /** The wake pending after an event (see GATHER_MS). */
  waking: NodeJS.Timeout | null;
  /** Progress saves so far: a row read before the latest save is older than `row`. */
  saves: number;
  /**
   * Whether the queue of sends asked for by hand (redeliver, recover, test) is to be read: on
   * every tick, not on every event's wake, which would cost a query per wake for a queue that
   * is nearly always empty. A send asked for waits for the next tick, as it did before.
   */
  queueDue: boolean;
}

/**
 * Delivers the feed to webhook endpoints. Each instance leases endpoints (claimed with SKIP
 * LOCKED, renewed while it runs, taken over by another instance once a lease runs out), so an
 * endpoint has one sender at a time and gets its events one after another, in feed order: the
 * next waits until the previous one succeeded or was given up. Progress (cursor, retry state and
 * the attempts' log) is saved after each page, so a crash sends a page again at worst: at least once.
 */
export class WebhookDispatcher {
  readonly #o: DispatcherOptions;
  readonly #owner: string;
  readonly #owned = new Map<string, Owned>();
  #timer: NodeJS.Timeout | null = null;
  #unsubscribe: (() => void) | null = null;
  #ticking: Promise<void> | null = null;
  #stopped = false;

  constructor(options: DispatcherOptions) {
    this.#o = options;
    this.#owner = options.owner ?? newId();
  }

  get owner(): string {
    return this.#owner;
  }

  /** Ids of the endpoints this instance sends to now. */
  get ownedIds(): string[] {
    return [...this.#owned.keys()];
  }

  start(): void {
    this.#timer = setInterval(() => void this.tick(), this.#o.tickMs);
    this.#timer.unref();
    void this.tick();
  }

  /** Renews and claims leases, then looks at every owned endpoint. */
  tick(): Promise<void> {
    if (this.#ticking === null) {
      this.#ticking = this.#tick().finally(() => {
        this.#ticking = null;
      });
    }
    return this.#ticking;
  }

  /** One tick, then waits until every endpoint has done what is due (for tests and shutdown). */
  async runDue(): Promise<void> {
    await this.tick();
    await this.idle();
  }

  /** Resolves once no endpoint is being worked on. */
  async idle(): Promise<void> {
    for (;;) {
      const running = [...this.#owned.values()].map((o) => o.running).filter((p) => p !== null);
      if (running.length === 0) {
        return;
      }
      await Promise.all(running);
    }
  }

  /** Stops sending, waits for attempts under way, and gives the leases up for others to take. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== null) {
      clearInterval(this.#timer);
    }
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    for (const owned of this.#owned.values()) {
      if (owned.waking !== null) {
        clearTimeout(owned.waking);
      }
    }
    await this.#ticking;
    await this.idle();
    this.#owned.clear();
    await releaseEndpoints(this.#o.db, this.#owner).catch(() => {});
  }

  async #tick(): Promise<void> {
    if (this.#stopped) {
      return;
    }
    const now = this.#o.now();
    // A sender may save progress while the claim reads the rows: its row is then newer than the read.
    const savesBefore = new Map([...this.#owned].map(([id, o]) => [id, o.saves]));
    let claimed: WebhookEndpointRow[];
    try {
      claimed = await claimEndpoints(
        this.#o.db,
        this.#owner,
        now,
        new Date(now.getTime() + this.#o.leaseMs),
        CLAIM_LIMIT,
      );
    } catch (err) {
      this.#o.log?.warn({ err }, 'claiming webhook endpoints failed');
      return;
    }
    const ids = new Set(claimed.map((r) => r.id));
    for (const id of this.#owned.keys()) {
      if (!ids.has(id)) {
        this.#owned.delete(id);
      }
    }
    for (const row of claimed) {
      const known = this.#owned.get(row.id);
      if (known === undefined) {
        this.#owned.set(row.id, { row, running: null, again: false, waking: null, saves: 0, queueDue: true });
      } else if (known.running === null && known.saves === savesBefore.get(row.id)) {
        known.row = row;
      }
    }
    this.#follow();
    for (const owned of this.#owned.values()) {
      owned.queueDue = true;
      this.#pump(owned);
    }
  }

  /** Listens to the feed while it owns endpoints (the tailer reads only while someone listens). */
  #follow(): void {
    if (this.#owned.size > 0 && this.#unsubscribe === null && !this.#stopped) {
      this.#unsubscribe = this.#o.feed.subscribe((event) => this.#onEvent(event));
    } else if (this.#owned.size === 0 && this.#unsubscribe !== null) {
      this.#unsubscribe();
      this.#unsubscribe = null;
    }
  }

  #onEvent(event: PublishedEvent): void {
    for (const owned of this.#owned.values()) {
      if (owned.row.orgId === event.orgId && matchesType(owned.row.eventTypes, event.type)) {
        this.#wakeSoon(owned);
      }
    }
  }

  #wakeSoon(owned: Owned): void {
    if (owned.waking !== null || this.#stopped) {
      return;
    }
    owned.waking = setTimeout(() => {
      owned.waking = null;
      this.#pump(owned);
    }, GATHER_MS);
    owned.waking.unref();
  }

  #pump(owned: Owned): void {
    if (this.#stopped) {
      return;
    }
    if (owned.running !== null) {
      owned.again = true;
      return;
    }
    owned.running = (async () => {
      do {
        owned.again = false;
        try {
          await this.#work(owned);
        } catch (err) {
          this.#o.log?.warn({ err, webhook_id: owned.row.id }, 'webhook delivery failed');
          return;
        }
      } while (owned.again && !this.#stopped && this.#owned.get(owned.row.id) === owned);
    })().finally(() => {
      owned.running = null;
    });
  }

  /** Sends what is queued by hand, then the endpoint's feed from its cursor, until something stops it. */
  async #work(owned: Owned): Promise<void> {
    const db = this.#o.db;
    const queued = owned.queueDue ? await nextQueued(db, owned.row.id, PAGE) : [];
    // A full page may have more behind it: this pass is followed by another that reads again.
    owned.queueDue = queued.length === PAGE;
    owned.again ||= owned.queueDue;
    if (queued.length > 0 && !(await this.#refresh(owned))) {
      return;
    }
    for (const item of queued) {
      const event = {
        id: item.eventId,
        type: item.eventType,
        orgId: item.orgId,
        occurredAt: item.occurredAt,
        data: item.payload,
      };
      const { row, verdict } = await attemptDelivery(this.#o, owned.row, event, 1, item.trigger, true);
      await finishQueued(db, item.id, row);
      if (verdict.outcome === 'gone') {
        await this.#disable(owned, 'gone');
        return;
      }
    }
    for (;;) {
      let row = owned.row;
      if (this.#stopped || !row.enabled || this.#owned.get(row.id) !== owned) {
        return;
      }
      if (row.headNextAt !== null && row.headNextAt.getTime() > this.#o.now().getTime()) {
        return;
      }
      const page = await endpointFeedPage(
        db,
        row.id,
        this.#owner,
        { xid: row.cursorXid, id: row.cursorId },
        PAGE,
      );
      if (!this.#settle(owned, page?.settings ?? null) || page === null || page.events.length === 0) {
        return;
      }
      const { events } = page;
      row = owned.row;
      const { progress, attempts, halt } = await deliverPage(this.#o, row, events);
      const kept = await saveProgress(db, this.#owner, row.id, progress, attempts, this.#o.now());
      if (!kept) {
        this.#owned.delete(row.id);
        return;
      }
      owned.row = { ...row, ...progress };
      owned.saves += 1;
      if (halt === 'gone' || halt === 'failing') {
        await this.#disable(owned, halt);
        return;
      }
      // A short page was the feed's end when read. An event settling after it wakes the sender
      // (and marks a running one to go again), so reading on now would most often find nothing.
      if (halt === 'retry' || events.length < PAGE) {
        return;
      }
    }
  }

  /**
   * Reads the endpoint's settings again before sending: the API may have changed its URL, event
   * types or secret since the row was read (a rotation signs with both secrets at once, on every
   * instance). False when it was disabled or deleted, or the lease went: nothing is sent.
   */
  async #refresh(owned: Owned): Promise<boolean> {
    const page = await endpointFeedPage(this.#o.db, owned.row.id, this.#owner, FEED_START, 0);
    return this.#settle(owned, page?.settings ?? null);
  }

  /** Takes the settings just read (null: no longer held); false when nothing is to be sent. */
  #settle(owned: Owned, settings: EndpointSettings | null): boolean {
    if (settings === null || !settings.enabled) {
      this.#owned.delete(owned.row.id);
      return false;
    }
    owned.row = { ...owned.row, ...settings };
    return true;
  }

  async #disable(owned: Owned, reason: 'gone' | 'failing'): Promise<void> {
    const ctx: Ctx = {
      actor: systemActor(owned.row.orgId),
      db: this.#o.db,
      now: this.#o.now,
      events: this.#o.events,
      presence: this.#o.presence,
    };
    await disableWebhook(ctx, owned.row, reason);
    owned.row = { ...owned.row, enabled: false };
    this.#owned.delete(owned.row.id);
  }
}
