import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FeedCache } from '../feed-cache.js';
import type { KeyForAuth } from './api-keys.repo.js';
import { KeyCache } from './key-cache.js';

function keyFound(id: string): KeyForAuth {
  return {
    key: {
      id,
      orgId: '00000000-0000-7000-8000-000000000001',
      name: id,
      scopes: ['*'],
      agentId: null,
      keyHash: `hash-${id}`,
      last4: 'abcd',
      createdAt: new Date(0),
      expiresAt: null,
      lastUsedAt: null,
    },
    agentRole: null,
    agentStatus: null,
    agentTrashed: null,
  };
}

/** A cache that hears announcements. */
function liveCache(options: ConstructorParameters<typeof KeyCache>[0] = {}): KeyCache {
  const cache = new KeyCache(options);
  cache.live(true);
  return cache;
}

describe('KeyCache', () => {
  it('holds what it is given and hands it back by hash', () => {
    const cache = liveCache();
    const found = keyFound('a');
    cache.remember('h-a', found, cache.generation, 1000);
    assert.equal(cache.lookup('h-a', 1001), found);
    assert.equal(cache.lookup('h-b', 1001), null);
  });

  it('holds nothing while announcements cannot be heard', () => {
    const cache = new KeyCache();
    cache.remember('h-a', keyFound('a'), cache.generation, 0);
    assert.equal(cache.lookup('h-a', 0), null);
    cache.live(true);
    cache.remember('h-a', keyFound('a'), cache.generation, 0);
    assert.notEqual(cache.lookup('h-a', 0), null);
    cache.live(false);
    assert.equal(cache.lookup('h-a', 0), null, 'going deaf forgets everything');
    assert.equal(cache.size, 0);
  });

  it('forgets everything on a change', () => {
    const cache = liveCache();
    cache.remember('h-a', keyFound('a'), cache.generation, 0);
    cache.remember('h-b', keyFound('b'), cache.generation, 0);
    cache.changed();
    assert.equal(cache.size, 0);
    assert.equal(cache.lookup('h-a', 0), null);
  });

  it('refuses an answer read before a change that came in meanwhile', () => {
    const cache = liveCache();
    const before = cache.generation;
    cache.changed();
    cache.remember('h-a', keyFound('a'), before, 0);
    assert.equal(cache.lookup('h-a', 0), null);
    cache.remember('h-a', keyFound('a'), cache.generation, 0);
    assert.notEqual(cache.lookup('h-a', 0), null);
  });

  it('reads an entry again once it is maxAgeMs old', () => {
    const cache = liveCache({ maxAgeMs: 100 });
    cache.remember('h-a', keyFound('a'), cache.generation, 1000);
    assert.notEqual(cache.lookup('h-a', 1099), null);
    assert.equal(cache.lookup('h-a', 1100), null);
    assert.equal(cache.size, 0);
  });

  it('holds at most maxEntries, dropping the oldest', () => {
    const cache = liveCache({ maxEntries: 3 });
    for (const id of ['a', 'b', 'c', 'd']) {
      cache.remember(`h-${id}`, keyFound(id), cache.generation, 0);
    }
    assert.equal(cache.size, 3);
    assert.equal(cache.lookup('h-a', 0), null);
    for (const id of ['b', 'c', 'd']) {
      assert.equal(cache.lookup(`h-${id}`, 0)?.key.id, id);
    }
    cache.remember('h-d', keyFound('d'), cache.generation, 0);
    assert.equal(cache.size, 3, 'remembering a held key again drops nothing');
    assert.notEqual(cache.lookup('h-b', 0), null);
  });

  it('records a use on the entry held, without touching the row it was given', () => {
    const cache = liveCache();
    const found = keyFound('a');
    cache.remember('h-a', found, cache.generation, 0);
    const at = new Date(5000);
    cache.touched('h-a', at);
    assert.deepEqual(cache.lookup('h-a', 0)?.key.lastUsedAt, at);
    assert.equal(found.key.lastUsedAt, null);
    cache.touched('h-unknown', at);
    assert.equal(cache.size, 1);
  });

  it('reads through: once, then from what it holds; a miss or no cache reads every time', async () => {
    const cache = liveCache();
    let reads = 0;
    const read = async () => {
      reads++;
      return keyFound('a');
    };
    assert.equal((await FeedCache.through(cache, 'h-a', 0, read))?.key.id, 'a');
    assert.equal((await FeedCache.through(cache, 'h-a', 0, read))?.key.id, 'a');
    assert.equal(reads, 1);
    const missing = async () => {
      reads++;
      return null;
    };
    assert.equal(await FeedCache.through(cache, 'h-b', 0, missing), null);
    assert.equal(await FeedCache.through(cache, 'h-b', 0, missing), null);
    assert.equal(reads, 3, 'a miss is never held');
    await FeedCache.through(null, 'h-a', 0, read);
    await FeedCache.through(null, 'h-a', 0, read);
    assert.equal(reads, 5, 'without a cache every call reads');
  });
});
