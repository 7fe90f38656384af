/** What background work logs: what a pass did, and what failed. pino's logger is one. */
export interface BackgroundLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

/**
 * Runs `pass` on an unref'd timer (it never keeps the process alive): first `firstMs` after
 * start, then `intervalMs` after each pass has ended, so a slow pass is never stacked upon. A
 * pass that fails (or throws before its promise) goes to `failed`, and the next runs as planned,
 * even when `failed` itself throws. Returns a stop function that
 * resolves once a pass under way has finished, so that what it uses (the database) can be closed
 * after it.
 */
export function runPeriodically(options: {
  pass: () => Promise<void>;
  failed: (err: unknown) => void;
  intervalMs: number;
  firstMs?: number;
}): () => Promise<void> {
  let running: Promise<void> | null = null;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  // Nothing a pass or its report throws escapes: a rejection no one awaits would end the process.
  const once = async () => {
    try {
      await options.pass();
    } catch (err) {
      try {
        options.failed(err);
      } catch {
        // Reporting the failure failed too; the next pass runs as planned all the same.
      }
    }
  };
  const schedule = (delay: number) => {
    timer = setTimeout(() => {
      running = once().finally(() => {
        running = null;
        if (!stopped) {
          schedule(options.intervalMs);
        }
      });
    }, delay);
    timer.unref();
  };
  schedule(options.firstMs ?? options.intervalMs);
  return async () => {
    stopped = true;
    if (timer !== null) {
      clearTimeout(timer);
    }
    await running;
  };
}
