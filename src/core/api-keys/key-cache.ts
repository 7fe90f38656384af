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
