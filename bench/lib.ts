/**
 * Shared machinery of `npm run bench`: processes, a fresh PostgreSQL database, load generation
 * and the statistics every scenario reports.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { ensureBundle } from '../scripts/build.mjs';
import { platformRoleName } from '../src/db/platform-role.js';
import { SLICE_SECONDS } from './settings.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const PG_ADMIN_URL = process.env.ROSTER_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const MASTER_KEY = 'roster_mk_bench_0123456789abcdef0123456789abcdef';
export const POOL_SIZE = 10;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------
// Statistics

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return { median, min: sorted[0] ?? 0, max: sorted[sorted.length - 1] ?? 0 };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) {
    return 0;
  }
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? 0;
}

/**
 * `sides` in the order of turn `turn`: each takes every place in turn (turn 0 as given, turn 1
 * starting from the second, ...), so that across turns no side always runs after the others, on
 * tables their runs have grown.
 */
export function inTurn<T>(sides: readonly T[], turn: number): T[] {
  const start = turn % sides.length;
  return [...sides.slice(start), ...sides.slice(0, start)];
}

// ---------------------------------------------------------------------------------------------
// Processes

export interface Proc {
  child: ChildProcess;
  base: string;
  /** Resident set size of the process now, in MiB (Linux). */
  rssMiB: () => number;
  stop: () => Promise<void>;
}

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) {
    child.kill('SIGKILL');
  }
});

/**
 * Starts an entry point as a process (a TypeScript one through tsx, a JavaScript one with plain
 * node) and waits until `GET {readyPath}` answers 200; `startedInMs` counts from the spawn.
 */
export async function startProcess(
  entry: string,
  env: Record<string, string>,
  port: number,
  readyPath = '/readyz',
): Promise<Proc & { startedInMs: number }> {
  const started = performance.now();
  // E.g. ROSTER_BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles Roster under a scenario.
  const extra = process.env.ROSTER_BENCH_NODE_ARGS?.split(' ').filter((a) => a !== '') ?? [];
  const args = [...extra, ...(entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry])];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.once('exit', () => children.delete(child));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`${entry} exited before it was ready:\n${stderr}`);
    }
    try {
      const res = await fetch(`${base}${readyPath}`);
      if (res.status === 200) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(`${entry} was not ready within 120 s:\n${stderr}`);
    }
    await sleep(20);
  }
  const startedInMs = performance.now() - started;
  await untilSettled(child.pid);
  return {
    child,
    base,
    startedInMs,
    rssMiB: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    },
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** User + system CPU seconds the process has used so far (Linux; 0 when it is not known). */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) {
    return 0;
  }
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * Waits, after a process has answered ready, until it has finished what it does right after
 * start: two quarter-seconds in a row in which it used at most 20 ms of CPU, or 15 s at most.
 * Roster compiles its remaining route schemas then (schema-compilers.ts, about half a second of
 * CPU, spread over many seconds when requests arrive at once); a run that started at once would
 * measure that one-off work as if every second of a long-running server paid it.
 */
async function untilSettled(pid: number | undefined): Promise<void> {
  const deadline = Date.now() + 15_000;
  let quiet = 0;
  let before = cpuSeconds(pid);
  while (quiet < 2 && Date.now() < deadline) {
    await sleep(250);
    const now = cpuSeconds(pid);
    quiet = now - before <= 0.02 ? quiet + 1 : 0;
    before = now;
  }
}

let nextPort = 18_080;
export const freePort = () => nextPort++;

/** Starts Roster as `npm start` runs it: the bundle, rebuilt first if src/ changed since. */
export async function startRoster(env: Record<string, string>) {
  const bundle = await ensureBundle();
  // The benchmark measures capacity, so Roster's own limits (rate, overload shedding) are off.
  return startProcess(
    bundle,
    {
      ROSTER_MASTER_KEY: MASTER_KEY,
      ROSTER_RATE_LIMIT_PER_MINUTE: '0',
      ROSTER_MAX_EVENT_LOOP_DELAY_MS: '0',
      ...env,
    },
    freePort(),
  );
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

export interface BenchDb {
  /** As the admin role (a superuser): what the superuser mode serves as, and what seeds data. */
  url: string;
  /** As BENCH_APP_ROLE, an ordinary role held to row-level security: the RLS mode's. */
  appUrl: string;
  drop: () => Promise<void>;
}

/** The ordinary role (neither superuser nor BYPASSRLS) Roster serves as in RLS mode. */
export const BENCH_APP_ROLE = 'roster_bench_app';

/**
 * How Roster meets the database: as the superuser of the quick start, or as the production
 * deployment does, an ordinary role held to row-level security with the tables migrated (and
 * owned) by another role, `ROSTER_MIGRATION_DATABASE_URL`.
 */
export type Mode = 'superuser' | 'rls';
export const MODES: readonly Mode[] = ['superuser', 'rls'];

/** The environment that points Roster at `db` in `mode`. */
export function databaseEnv(db: BenchDb, mode: Mode): Record<string, string> {
  return mode === 'superuser'
    ? { DATABASE_URL: db.url, ROSTER_DB_POOL_SIZE: String(POOL_SIZE) }
    : {
        DATABASE_URL: db.appUrl,
        ROSTER_MIGRATION_DATABASE_URL: db.url,
        ROSTER_DB_POOL_SIZE: String(POOL_SIZE),
      };
}

/** A fresh, empty database on the machine's PostgreSQL server (and BENCH_APP_ROLE, once). */
export async function freshDatabase(label: string): Promise<BenchDb> {
  const name = `roster_bench_${label}_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.query(`DO $$ BEGIN
      CREATE ROLE ${BENCH_APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const appUrl = new URL(url);
  appUrl.username = BENCH_APP_ROLE;
  appUrl.password = '';
  return {
    url: url.toString(),
    appUrl: appUrl.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      // The platform role and its gate that Roster made for it in RLS mode.
      const platform = platformRoleName(name);
      await c.query(`DROP ROLE IF EXISTS ${platform}_gate, ${platform}`);
      await c.end();
    },
  };
}

export async function pgVersion(): Promise<string> {
  const c = new pg.Client({ connectionString: PG_ADMIN_URL });
  await c.connect();
  const { rows } = await c.query<{ server_version: string }>('SHOW server_version');
  await c.end();
  return rows[0]?.server_version ?? 'unknown';
}

// ---------------------------------------------------------------------------------------------
// HTTP

export async function api<T = unknown>(
  base: string,
  key: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T; ms: number }> {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${key}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, ms };
}

export async function must<T>(p: Promise<{ status: number; body: T }>, expected: number): Promise<T> {
  const res = await p;
  if (res.status !== expected) {
    throw new Error(`expected ${expected}, got ${res.status}: ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

export interface Load {
  rps: number;
  /** Requests completed, and the seconds the run took (rps is autocannon's per-second average). */
  completed: number;
  seconds: number;
  /** Every 2xx response's latency (ms), in the order they arrived. */
  latencies: number[];
  p50: number;
  p99: number;
  errors: number;
  /** What the errors were, for the message of a run that had some. */
  errorKinds: string;
}

/** Drives `url` with autocannon; `paths` (if given) are requested in turn. */
export async function load(options: {
  url: string;
  key: string;
  seconds: number;
  /** Stop after this many requests instead of after `seconds`. */
  amount?: number;
  connections: number;
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH';
  body?: string;
  paths?: string[];
}): Promise<Load> {
  const headers: Record<string, string> = { authorization: `Bearer ${options.key}` };
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  let i = 0;
  const paths = options.paths;
  const latencies: number[] = [];
  // Without a callback autocannon returns its instance, which is also the run's promise (its
  // published types give only the promise).
  const run = autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    amount: options.amount,
    method: options.method ?? 'GET',
    headers,
    body: options.body,
    requests:
      paths === undefined
        ? undefined
        : [
            {
              setupRequest: (req) => {
                const path = paths[i++ % paths.length] as string;
                return { ...req, path };
              },
            },
          ],
  }) as Promise<autocannon.Result> & autocannon.Instance;
  run.on('response', (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) {
      latencies.push(ms);
    }
  });
  const result = await run;
  return {
    rps: result.requests.average,
    completed: result.requests.total,
    seconds: result.duration,
    latencies,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    errorKinds: `${result.errors} connection errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx (${JSON.stringify(result.statusCodeStats)})`,
  };
}

/**
 * Runs `once` for each of `sides`, `rounds` times, the sides taking turns round by round, each going
 * first in turn (`inTurn`, from turn `first`); returns each side's results in the order they came.
 */
export async function takeTurns<S, T>(
  sides: readonly S[],
  rounds: number,
  first: number,
  once: (side: S) => Promise<T>,
): Promise<Map<S, T[]>> {
  const results = new Map<S, T[]>(sides.map((side) => [side, []]));
  for (let i = 0; i < rounds; i++) {
    for (const side of inTurn(sides, first + i)) {
      results.get(side)?.push(await once(side));
    }
  }
  return results;
}

/**
 * Loads each of `sides` for `seconds` in all, in slices of about SLICE_SECONDS: the sides take
 * turns slice by slice, each going first in turn (`turn` shifts the first order), so that every
 * side meets each few seconds of the machine that the others meet. This machine's speed drifts by
 * a quarter or more within minutes, for any server alike; runs of 10 s one after the other had
 * carried that drift into the ratio of two sides. Per side: requests per second over all its
 * slices, p50 and p99 of all its responses' latencies, errors summed.
 */
export async function inSlices<S>(
  sides: readonly S[],
  seconds: number,
  turn: number,
  drive: (side: S, seconds: number) => Promise<Load>,
): Promise<Map<S, Load>> {
  const slices = Math.max(1, Math.round(seconds / SLICE_SECONDS));
  const runs = await takeTurns(sides, slices, turn * slices, (side) => drive(side, seconds / slices));
  return new Map(
    [...runs].map(([side, of]) => {
      const completed = of.reduce((sum, run) => sum + run.completed, 0);
      const took = of.reduce((sum, run) => sum + run.seconds, 0);
      const latencies = of.flatMap((run) => run.latencies);
      const load: Load = {
        rps: took > 0 ? completed / took : 0,
        completed,
        seconds: took,
        latencies,
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        errors: of.reduce((sum, run) => sum + run.errors, 0),
        errorKinds: of
          .filter((run) => run.errors > 0)
          .map((run) => run.errorKinds)
          .join('; '),
      };
      return [side, load];
    }),
  );
}

/**
 * Calls `task(i)` at `rate` per second for `seconds`, not waiting for one to finish before the
 * next is due (at most `maxInFlight` at once); returns how many were made.
 */
export async function paced(
  maxInFlight: number,
  rate: number,
  seconds: number,
  task: (i: number) => Promise<void>,
): Promise<number> {
  const started = performance.now();
  const inFlight = new Set<Promise<void>>();
  const failures: unknown[] = [];
  let i = 0;
  while (performance.now() - started < seconds * 1000 && failures.length === 0) {
    const wait = started + (i / rate) * 1000 - performance.now();
    if (wait > 0) {
      await sleep(wait);
    }
    if (inFlight.size >= maxInFlight) {
      await Promise.race(inFlight);
    }
    const p: Promise<void> = task(i++)
      .catch((err: unknown) => {
        failures.push(err);
      })
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }
  await Promise.all(inFlight);
  if (failures.length > 0) {
    throw failures[0];
  }
  return i;
}
