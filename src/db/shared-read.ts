import type { Db } from './client.js';

/** One key's reads: the one running now, and the one that starts when it ends (joined by all callers meanwhile). */
interface Lane<V> {
  running: Promise<V>;
  next: Promise<V> | null;
}

/**
 * Concurrent callers asking the same read of the same database handle share one run of it, and
 * each still gets an answer read after it asked: a caller that arrives while a read runs does not
 * join that one (its snapshot may predate the caller's own writes) but the next, which starts
 * when the running one ends and serves every caller that arrived meanwhile. Under load, one
 * statement then answers many requests; alone, a caller waits for nothing.
 *
 * `key` must say everything the read depends on besides the handle: callers with equal keys get
 * the same value (and the same rejection), so they must not change it.
 */
export function sharedRead<V>(): (db: Db, key: string, read: () => Promise<V>) => Promise<V> {
  const lanesOf = new WeakMap<Db, Map<string, Lane<V>>>();
  return (db, key, read) => {
    let lanes = lanesOf.get(db);
    if (lanes === undefined) {
      lanes = new Map();
      lanesOf.set(db, lanes);
    }
    const lane = lanes.get(key);
    if (lane === undefined) {
      return start(lanes, key, read);
    }
    if (lane.next === null) {
      const queued = lane.running.then(
        () => start(lanes, key, read),
        () => start(lanes, key, read),
      );
      lane.next = queued;
    }
    return lane.next;
  };

  function start(lanes: Map<string, Lane<V>>, key: string, read: () => Promise<V>): Promise<V> {
    let running: Promise<V>;
    try {
      running = read();
    } catch (err) {
      // A read that throws instead of rejecting fails its callers the same way.
      running = Promise.reject(err);
    }
    const lane = lanes.get(key);
    if (lane === undefined) {
      lanes.set(key, { running, next: null });
    } else {
      // The queued read starting: it is the running one now, and the next callers queue behind it.
      lane.running = running;
      lane.next = null;
    }
    const done = () => {
      const current = lanes.get(key);
      if (current?.running === running && current.next === null) {
        lanes.delete(key);
      }
    };
    running.then(done, done);
    return running;
  }
}
