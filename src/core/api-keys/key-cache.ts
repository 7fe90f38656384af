import { FeedCache } from '../feed-cache.js';
import type { KeyForAuth } from './api-keys.repo.js';

/**
 * The API keys this process has found by their hash, so that a request made with a known key does
 * not read it again (see `FeedCache`: any announced change to keys or agents forgets them all).
 * Expiry is checked on every use from the row held.
 */
export class KeyCache extends FeedCache<KeyForAuth> {
  /** The key's use was recorded at `at`: the entry held says so, so use is not recorded again at once. */
  touched(hash: string, at: Date): void {
    this.revise(hash, (found) => ({ ...found, key: { ...found.key, lastUsedAt: at } }));
  }
}

/** The caches a server keeps of what authentication and heartbeats read. */
export interface VerifiedCaches {
  keys: KeyCache;
  /** Agents (`org/agent`) found to exist. */
  agentsSeen: FeedCache<true>;
  /** Stops listening: from then on they hold nothing. */
  stop(): void;
}

/**
 * The caches a server keeps, listening to `changes` (the database's `authChanges`). Without
 * `changes` they never hear the database and so never hold anything: every request reads.
 */
export function verifiedCaches(
  changes: { subscribe(listener: FeedCache<unknown>): () => void } | null,
): VerifiedCaches {
  const keys = new KeyCache();
  const agentsSeen = new FeedCache<true>({ maxEntries: 100_000 });
  const stops = changes === null ? [] : [changes.subscribe(keys), changes.subscribe(agentsSeen)];
  return {
    keys,
    agentsSeen,
    stop: () => {
      for (const stop of stops) {
        stop();
      }
      keys.live(false);
      agentsSeen.live(false);
    },
  };
}
