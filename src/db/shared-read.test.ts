import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Db } from './client.js';
import { sharedRead } from './shared-read.js';

/** A read the test finishes by hand: each run is numbered in the order it started. */
function controlledReads() {
  const runs: { n: number; key: string; finish: (ok: boolean) => void }[] = [];
  let started = 0;
  const read = (key: string) => () =>
    new Promise<number>((resolve, reject) => {
      const n = ++started;
      runs.push({ n, key, finish: (ok) => (ok ? resolve(n) : reject(new Error(`run ${n} failed`))) });
    });
  return { runs, read, started: () => started };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));
const handle = () => ({}) as Db;

describe('sharedRead', () => {
  it('runs a lone call at once, and again for a call after it ended', async () => {
    const shared = sharedRead<number>();
    const { runs, read } = controlledReads();
    const db = handle();
    const first = shared(db, 'k', read('k'));
    assert.equal(runs.length, 1);
    runs[0]?.finish(true);
    assert.equal(await first, 1);
    const second = shared(db, 'k', read('k'));
    assert.equal(runs.length, 2);
    runs[1]?.finish(true);
    assert.equal(await second, 2);
  });

  it('makes callers that arrive during a run share the next run, not that one', async () => {
    const shared = sharedRead<number>();
    const { runs, read } = controlledReads();
    const db = handle();
    const early = shared(db, 'k', read('k'));
    const late = [shared(db, 'k', read('k')), shared(db, 'k', read('k')), shared(db, 'k', read('k'))];
    assert.equal(runs.length, 1, 'nobody joins a run that started before them');
    runs[0]?.finish(true);
    assert.equal(await early, 1);
    await settle();
    assert.equal(runs.length, 2, 'one run serves every caller that waited');
    const later = shared(db, 'k', read('k'));
    runs[1]?.finish(true);
    assert.deepEqual(await Promise.all(late), [2, 2, 2]);
    await settle();
    runs[2]?.finish(true);
    assert.equal(await later, 3);
  });

  it('hands a failed run to its callers and still runs the next for those queued behind it', async () => {
    const shared = sharedRead<number>();
    const { runs, read } = controlledReads();
    const db = handle();
    const failing = shared(db, 'k', read('k'));
    const queued = shared(db, 'k', read('k'));
    runs[0]?.finish(false);
    await assert.rejects(failing, /run 1 failed/);
    await settle();
    runs[1]?.finish(true);
    assert.equal(await queued, 2);
  });

  it('turns a read that throws into a rejection of its callers, and reads again after', async () => {
    const shared = sharedRead<number>();
    const db = handle();
    const throwing = () => {
      throw new Error('no connection');
    };
    await assert.rejects(shared(db, 'k', throwing), /no connection/);
    assert.equal(await shared(db, 'k', async () => 7), 7);
  });

  it('shares nothing between keys or database handles', async () => {
    const shared = sharedRead<number>();
    const { runs, read } = controlledReads();
    const [one, two] = [handle(), handle()];
    const calls = [shared(one, 'a', read('a')), shared(one, 'b', read('b')), shared(two, 'a', read('a'))];
    assert.equal(runs.length, 3);
    for (const run of runs) {
      run.finish(true);
    }
    assert.deepEqual(await Promise.all(calls), [1, 2, 3]);
  });

  it('answers every call from a run that started after it, one run per key at a time', async () => {
    const step = fc.oneof(
      fc.record({ call: fc.constantFrom('a', 'b') }),
      fc.record({ finish: fc.constantFrom('a', 'b'), ok: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 40 }), async (steps) => {
        const shared = sharedRead<number>();
        const { runs, read, started } = controlledReads();
        const db = handle();
        const finished = new Set<number>();
        const finish = async (run: (typeof runs)[number] | undefined, ok: boolean) => {
          if (run !== undefined) {
            finished.add(run.n);
            run.finish(ok);
            await settle();
          }
        };
        // Each call's answer: the number of the run it got, negative when that run failed.
        const calls: { key: string; after: number; answer: Promise<number> }[] = [];
        for (const s of steps) {
          if ('call' in s) {
            const after = started();
            const answer = shared(db, s.call, read(s.call)).catch(
              (err: Error) => -Number(/run (\d+)/.exec(err.message)?.[1]),
            );
            calls.push({ key: s.call, after, answer });
          } else {
            await finish(
              runs.find((r) => r.key === s.finish && !finished.has(r.n)),
              s.ok,
            );
          }
          for (const key of ['a', 'b']) {
            const running = runs.filter((r) => r.key === key && !finished.has(r.n));
            assert.ok(running.length <= 1, `two runs of ${key} at once`);
          }
        }
        // Finish what still runs, oldest first, until every call is answered.
        while (runs.some((r) => !finished.has(r.n))) {
          await finish(
            runs.find((r) => !finished.has(r.n)),
            true,
          );
        }
        for (const call of calls) {
          const run = Math.abs(await call.answer);
          assert.ok(run > call.after, `a call made when ${call.after} runs had started got run ${run}`);
          assert.equal(runs.find((r) => r.n === run)?.key, call.key);
        }
      }),
    );
  });
});
