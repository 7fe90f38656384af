import cliProgress from 'cli-progress';

export interface Progress {
  /** `n` more rows done. */
  tick(n: number): void;
  stop(): void;
}

/** Plain lines are this far apart when stderr is no terminal. */
const PLAIN_EVERY_MS = 5000;

/**
 * Progress on stderr: a bar with rows/s and ETA on a terminal; otherwise a plain line every 5 s
 * (a CI log or a file gets no control characters), and none at all for a run shorter than that.
 */
export function startProgress(
  total: number,
  label: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  const started = performance.now();
  let done = 0;
  const rate = () => Math.round(done / Math.max((performance.now() - started) / 1000, 0.001));
  if (stream.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format: `${label} [{bar}] {percentage}% | {value}/{total} rows | {speed} rows/s | ETA {eta_formatted}`,
        hideCursor: true,
        etaBuffer: 20,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { speed: 0 });
    return {
      tick(n) {
        done += n;
        bar.update(done, { speed: rate() });
      },
      stop() {
        bar.stop();
      },
    };
  }
  const timer = setInterval(() => {
    stream.write(`${label}: ${done}/${total} rows (${rate()} rows/s)\n`);
  }, PLAIN_EVERY_MS);
  timer.unref();
  return {
    tick(n) {
      done += n;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
