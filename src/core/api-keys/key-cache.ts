import type { KeyForAuth } from './api-keys.repo.js';

/** What a key cache holds at most, and for how long at most it trusts an entry. */
export interface KeyCacheOptions {
  maxEntries: number;
  maxAgeMs: number;
}

const DEFAULTS: KeyCacheOptions = { maxEntries: 10_000, maxAgeMs: 60_000 };

/**
 * The API keys this process has found by their hash, so that a request made with a known key does
 * not read it again. It is a listener of the database's announcements of changes to keys and
 * agents (`Database.authChanges`): any change forgets every entry, and while announcements cannot
 * be heard (the listening connection is down) it holds nothing at all, so every request reads.
 *
 * A read that started before a change may finish after the announcement: `generation` taken
 * before the read and handed to `remember` keeps such a stale answer out. Keys that were not found
 * are never held, so guessing secrets cannot fill the cache. Expiry is checked on every use from
 * the row held, and an entry is read again after `maxAgeMs` in any case.
 */
export class KeyCache {
  readonly #options: KeyCacheOptions;
  readonly #entries = new Map<string, { found: KeyForAuth; at: number }>();
  #generation = 0;
  #live = false;

  constructor(options: Partial<KeyCacheOptions> = {}) {
    this.#options = { ...DEFAULTS, ...options };
  }

  /** Bumped by every change: a read's answer is only remembered if none came in between. */
  get generation(): number {
    return this.#generation;
  }

  get size(): number {
    return this.#entries.size;
  }

  lookup(hash: string, nowMs: number): KeyForAuth | null {
    const entry = this.#entries.get(hash);
    if (entry === undefined) {
      return null;
    }
    if (nowMs - entry.at >= this.#options.maxAgeMs) {
      this.#entries.delete(hash);
      return null;
    }
    return entry.found;
  }

  /** Holds `found` for `hash`, unless something changed since `generation` was taken. */
  remember(hash: string, found: KeyForAuth, generation: number, nowMs: number): void {
    if (!this.#live || generation !== this.#generation) {
      return;
    }
    if (this.#entries.size >= this.#options.maxEntries && !this.#entries.has(hash)) {
      // The oldest entry goes first (a Map keeps insertion order).
      const oldest = this.#entries.keys().next();
      if (oldest.done !== true) {
        this.#entries.delete(oldest.value);
      }
    }
    this.#entries.set(hash, { found, at: nowMs });
  }

  /** The key's use was recorded at `at`: the entry held says so, so use is not recorded again at once. */
  touched(hash: string, at: Date): void {
    const entry = this.#entries.get(hash);
    if (entry !== undefined) {
      entry.found = { ...entry.found, key: { ...entry.found.key, lastUsedAt: at } };
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
