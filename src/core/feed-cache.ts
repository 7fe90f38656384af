/** What a feed cache holds at most, and for how long at most it trusts an entry. */
export interface FeedCacheOptions {
  maxEntries: number;
  maxAgeMs: number;
}

const DEFAULTS: FeedCacheOptions = { maxEntries: 10_000, maxAgeMs: 60_000 };

/**
 * Answers this process read from the database, kept until the database announces a change that
 * may affect them. It listens to a change feed (`Database.authChanges`): any change forgets every
 * entry, and while announcements cannot be heard (the listening connection is down) it holds
 * nothing at all, so every caller reads.
 *
 * A read that started before a change may finish after the announcement: `generation`, taken
 * before the read and handed to `remember`, keeps such a stale answer out. Callers hold only
 * answers that were found (a miss is never held, so guessing ids cannot fill the cache), and an
 * entry is read again after `maxAgeMs` in any case.
 */
export class FeedCache<V> {
  readonly #options: FeedCacheOptions;
  readonly #entries = new Map<string, { value: V; at: number }>();
  #generation = 0;
  #live = false;

  constructor(options: Partial<FeedCacheOptions> = {}) {
    this.#options = { ...DEFAULTS, ...options };
  }

  /** Bumped by every change: a read's answer is only remembered if none came in between. */
  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#entries.size;
  }

  lookup(key: string, nowMs: number): V | null {
    const entry = this.#entries.get(key);
    if (entry === undefined) {
      return null;
    }
    if (nowMs - entry.at >= this.#options.maxAgeMs) {
      this.#entries.delete(key);
      return null;
    }
    return entry.value;
  }

  /**
   * The value held for `key`, else what `read` finds (held when found, unless a change came in
   * during the read). `cache` may be null: then `read` answers every time.
   */
  static async through<V>(
    cache: FeedCache<V> | null,
    key: string,
    nowMs: number,
    read: () => Promise<V | null>,
  ): Promise<V | null> {
    const held = cache?.lookup(key, nowMs) ?? null;
    if (held !== null) {
      return held;
    }
    const generation = cache?.generation ?? 0;
    const value = await read();
    if (value !== null) {
      cache?.remember(key, value, generation, nowMs);
    }
    return value;
  }

  /** Holds `value` for `key`, unless something changed since `generation` was taken. */
  remember(key: string, value: V, generation: number, nowMs: number): void {
    if (!this.#live || generation !== this.#generation) {
      return;
    }
    if (this.#entries.size >= this.#options.maxEntries && !this.#entries.has(key)) {
      // The oldest entry goes first (a Map keeps insertion order).
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) {
        this.#entries.delete(oldest.value);
      }
    }
    this.#entries.set(key, { value, at: nowMs });
  }

  /** Replaces the value held for `key`, if any, keeping its age. */
  protected revise(key: string, revise: (value: V) => V): void {
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      entry.value = revise(entry.value);
    }
  }

  // ChangeListener

  changed(): void {
    this.#generation++;
    this.#entries.clear();
  }

  live(on: boolean): void {
    this.#live = on;
    this.changed();
  }
}
