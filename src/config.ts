import { resolve } from 'node:path';

/** Every setting Roster reads from the environment, parsed and typed in one place. */
export interface Config {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  /** Role that runs the migrations and owns the tables; null: `databaseUrl`'s own role. */
  migrationDatabaseUrl: string | null;
  databasePoolSize: number;
  masterKey: string | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimitBytes: number;
  /** Most time a client may take to send a whole request (headers and body); 0 disables. */
  requestTimeoutMs: number;
  shutdownGraceMs: number;
  /** After SIGTERM, how long /readyz fails while requests are still served, before the listener closes. */
  shutdownDrainMs: number;
  /** Redis for presence and event fan-out across instances; null keeps both in process. */
  redisUrl: string | null;
  presenceTtlSeconds: number;
  eventsRetentionHours: number;
  sseKeepAliveSeconds: number;
  /** Requests a minute per API key (token refill rate); 0 turns rate limiting off. */
  rateLimitPerMinute: number;
  /** Requests a key may save up and spend at once (token bucket size). */
  rateLimitBurst: number;
  /** Event-loop delay above which requests are shed with 503; 0 turns shedding off. */
  maxEventLoopDelayMs: number;
  /** Keep verified keys and known agents in memory, forgotten on the database's announcements. */
  keyCache: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

function str(env: Env, name: string): string | null {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? null : raw.trim();
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = str(env, name);
  if (raw === null) {
    return fallback;
  }
  if (!/^\d+$/.test(raw)) {
    throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  }
  const value = Number(raw);
  if (value < min || value > max) {
    throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = str(env, name);
  if (raw === null) {
    return fallback;
  }
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}

/** A URL whose scheme is one of `protocols` (each with its colon), or null when unset. */
function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = str(env, name);
  if (raw === null) {
    return null;
  }
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

function masterKey(env: Env): string | null {
  const raw = str(env, 'ROSTER_MASTER_KEY');
  if (raw !== null && raw.length < 32) {
    throw new ConfigError('ROSTER_MASTER_KEY', 'must be at least 32 characters long');
  }
  return raw;
}

/**
 * Reads the configuration from `env` (the process environment by default).
 * @throws ConfigError naming the first variable whose value is invalid.
 */
export function loadConfig(env: Env = process.env): Config {
  return {
    host: str(env, 'HOST') ?? '127.0.0.1',
    port: int(env, 'PORT', 8080, 0, 65535),
    dataDir: resolve(str(env, 'ROSTER_DATA_DIR') ?? './data'),
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    migrationDatabaseUrl: url(env, 'ROSTER_MIGRATION_DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePoolSize: int(env, 'ROSTER_DB_POOL_SIZE', 10, 1, 200),
    masterKey: masterKey(env),
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
    bodyLimitBytes: int(env, 'ROSTER_BODY_LIMIT_BYTES', 1_048_576, 1024, 104_857_600),
    requestTimeoutMs: int(env, 'ROSTER_REQUEST_TIMEOUT_MS', 30_000, 0, 3_600_000),
    shutdownGraceMs: int(env, 'ROSTER_SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    shutdownDrainMs: int(env, 'ROSTER_SHUTDOWN_DRAIN_MS', 1_000, 0, 600_000),
    redisUrl: url(env, 'REDIS_URL', ['redis:', 'rediss:']),
    presenceTtlSeconds: int(env, 'ROSTER_PRESENCE_TTL_SECONDS', 60, 5, 86_400),
    eventsRetentionHours: int(env, 'ROSTER_EVENTS_RETENTION_HOURS', 24, 1, 8_760),
    sseKeepAliveSeconds: int(env, 'ROSTER_SSE_KEEPALIVE_SECONDS', 15, 1, 300),
    rateLimitPerMinute: int(env, 'ROSTER_RATE_LIMIT_PER_MINUTE', 1_200, 0, 6_000_000),
    rateLimitBurst: int(env, 'ROSTER_RATE_LIMIT_BURST', 100, 1, 1_000_000),
    maxEventLoopDelayMs: int(env, 'ROSTER_MAX_EVENT_LOOP_DELAY_MS', 1_000, 0, 60_000),
    keyCache: oneOf(env, 'ROSTER_KEY_CACHE', ['on', 'off'] as const, 'on') === 'on',
  };
}
