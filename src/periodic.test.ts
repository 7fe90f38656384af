import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runPeriodically } from './periodic.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runPeriodically', () => {
  it('waits firstMs, never runs two passes at once, and goes on after a failure', async () => {
    const started = Date.now();
    const starts: number[] = [];
    const failures: unknown[] = [];
    let running = 0;
    let overlapped = false;
    const stop = runPeriodically({
      firstMs: 60,
      intervalMs: 5,
      pass: async () => {
        starts.push(Date.now() - started);
        overlapped ||= running > 0;
        running++;
        await sleep(30);
        running--;
        if (starts.length === 1) {
          throw new Error('first pass fails');
        }
      },
      failed: (err) => failures.push(err),
    });
    while (starts.length < 3) {
      await sleep(5);
    }
    await stop();
    assert.ok((starts[0] ?? 0) >= 55, `first pass after firstMs, not at ${starts[0]} ms`);
    assert.equal(overlapped, false, 'a pass began while another ran');
    // Each pass begins only after the one before has ended (30 ms) and the interval (5 ms).
    assert.ok((starts[1] ?? 0) - (starts[0] ?? 0) >= 33, `passes ${starts.join(', ')} ms`);
    assert.deepEqual(
      failures.map((e) => (e as Error).message),
      ['first pass fails'],
    );
  });

  it('stop waits for the pass under way, and no pass follows it', async () => {
    let passes = 0;
    let finished = false;
    const stop = runPeriodically({
      intervalMs: 1,
      pass: async () => {
        passes++;
        await sleep(40);
        finished = true;
      },
      failed: () => {},
    });
    while (passes === 0) {
      await sleep(1);
    }
    await stop();
    assert.equal(finished, true);
    await sleep(20);
    assert.equal(passes, 1);
  });

  it('goes on when a pass throws before its promise and when the failure report throws', {
    timeout: 5_000,
  }, async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    let passes = 0;
    const reported: string[] = [];
    const stop = runPeriodically({
      intervalMs: 1,
      pass: () => {
        passes++;
        if (passes === 1) {
          throw new Error('thrown, not rejected');
        }
        return Promise.reject(new Error('rejected'));
      },
      failed: (err) => {
        reported.push((err as Error).message);
        throw new Error('the log failed');
      },
    });
    try {
      while (passes < 3) {
        await sleep(2);
      }
      await stop();
      await sleep(10);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
    assert.deepEqual(reported.slice(0, 2), ['thrown, not rejected', 'rejected']);
    assert.deepEqual(unhandled, []);
  });
});
