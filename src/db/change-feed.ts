import pg from 'pg';

/**
 * The channel on which the database announces, at commit, a change to anything authentication
 * reads: an API key's row, or the role, status or trash of an agent (migration 0010's triggers).
 */
export const AUTH_CHANNEL = 'roster_auth';

/** Told of every announced change, and of whether announcements are being heard at all. */
export interface ChangeListener {
  changed(): void;
  /** False while changes could go unheard (the listening connection is down); true once heard again. */
  live(on: boolean): void;
}

/**
 * The announcements of one channel, as this process hears them. `live` is false until the
 * database listens and whenever the listening connection is lost: a listener must then assume
 * that anything may have changed.
 */
export class ChangeFeed {
  readonly #listeners = new Set<ChangeListener>();
  #live = false;

  get live(): boolean {
    return this.#live;
  }

  /** Adds a listener, telling it at once whether the feed is live; returns its removal. */
  subscribe(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    listener.live(this.#live);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  changed(): void {
    for (const listener of this.#listeners) {
      listener.changed();
    }
  }

  setLive(on: boolean): void {
    if (on === this.#live) {
      return;
    }
    this.#live = on;
    for (const listener of this.#listeners) {
      listener.live(on);
    }
  }
}

/** The `application_name` of the connection that `listenForever` keeps. */
export const LISTENER_NAME = 'roster-listener';

/** Waits between attempts to listen again, growing to this bound. */
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 10_000;

/**
 * Keeps one connection of its own listening on `channel` for as long as the process runs,
 * reconnecting after a loss, and feeds what it hears to `feed`. The feed is live exactly while
 * that connection listens. It is separate from the pool, whose idle connections come and go.
 */
export function listenForever(url: string, channel: string, feed: ChangeFeed): { stop(): Promise<void> } {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let delay = RETRY_MIN_MS;

  const lost = (from: pg.Client) => {
    if (client !== from) {
      return;
    }
    client = null;
    feed.setLive(false);
    if (!stopped) {
      retry = setTimeout(connect, delay);
      retry.unref();
      delay = Math.min(delay * 2, RETRY_MAX_MS);
    }
  };

  const connect = async () => {
    retry = null;
    // Named, so that an operator can tell it apart in pg_stat_activity.
    const next = new pg.Client({ connectionString: url, application_name: LISTENER_NAME });
    client = next;
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    next.on('notification', (message) => {
      if (message.channel === channel) {
        feed.changed();
      }
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch {
      lost(next);
      next.end().catch(() => {});
      return;
    }
    if (stopped || client !== next) {
      next.end().catch(() => {});
      return;
    }
    delay = RETRY_MIN_MS;
    feed.setLive(true);
  };

  void connect();
  return {
    stop: async () => {
      stopped = true;
      if (retry !== null) {
        clearTimeout(retry);
      }
      const current = client;
      client = null;
      feed.setLive(false);
      await current?.end().catch(() => {});
    },
  };
}
