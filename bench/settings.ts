/**
 * The command line of `npm run bench` and the sizes every scenario derives from it.
 * `--quick` is a smoke run of the harness (figures not meaningful); `--only=a,d` picks scenarios
 * (with the ones they build on).
 */
const args = process.argv.slice(2);

export const QUICK = args.includes('--quick');
export const ONLY: string[] | undefined = args
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
/** Alternating Roster / baseline pairs per figure. */
export const PAIRS = QUICK ? 1 : 3;
/** Seconds of each load run. */
export const SECONDS = QUICK ? 2 : 10;
/** Seconds of each slice of a run whose sides take turns slice by slice (`inSlices`). */
export const SLICE_SECONDS = 2;
export const BULK_ITERATIONS = QUICK ? 5 : 40;
export const SEQUENTIAL_SAMPLES = QUICK ? 20 : 200;
export const REDIS_URL = process.env.ROSTER_BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/7';
