import { isIP } from 'node:net';
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
  /** How long a request waits for a PostgreSQL connection (new or pooled) before a 503; 0: forever. */
  databaseConnectTimeoutMs: number;
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
  /**
   * Requests with invalid credentials allowed per client address a minute (0: no limit), and how
   * many may come at once; beyond, the address is answered 429 with Retry-After.
   */
  authFailuresPerMinute: number;
  authFailuresBurst: number;
  /** Event-loop delay above which requests are shed with 503; 0 turns shedding off. */
  maxEventLoopDelayMs: number;
  /** Keep verified keys and known agents in memory, forgotten on the database's announcements. */
  keyCache: boolean;
  /**
   * Write events and audit records with every change (on). Off only to measure what they cost, as
   * `npm run bench` does: changes then write neither, so no stream, webhook or audit log sees them.
   */
  recordEvents: boolean;
  /**
   * Which peers' X-Forwarded-* headers to believe (Fastify's `trustProxy`): false (none), true
   * (any), a hop count, or a comma-separated list of proxy addresses or CIDR ranges.
   */
  trustProxy: boolean | number | string;
  /** Hosts (as written in URLs) and CIDRs webhooks may reach although not public (loopback, private). */
  webhookAllowHosts: string[];
  /**
   * Keys sealing webhook signing secrets at rest (ROSTER_WEBHOOK_SECRETS_KEY, then
   * ROSTER_WEBHOOK_SECRETS_KEY_PREVIOUS): the first seals, each opens; none: stored plain.
   */
  webhookSecretsKeys: Buffer[];
  /** How long a webhook receiver has to answer. */
  webhookTimeoutMs: number;
  /** How long an instance's claim on a webhook endpoint lasts without renewal (a crashed instance's runs out). */
  webhookLeaseSeconds: number;
  /** Audit records older than this are deleted. */
  auditRetentionDays: number;
  /** Seconds between the embedded database's vacuum and analyse passes; 0 turns them off. */
  embeddedMaintenanceSeconds: number;
  /** Serve `GET /metrics` on this port, a listener of its own; null: not on a port of its own. */
  metricsPort: number | null;
  /** Bearer token `GET /metrics` requires; alone, it serves /metrics on the public port. */
  metricsToken: string | null;
  /** Label the agent and capacity gauges by org (series grow with the number of orgs). */
  metricsPerOrg: boolean;
  /** Teams whose queue gauges get series of their own. */
  metricsTeams: string[];
  /** OpenTelemetry tracing: on when an OTLP endpoint is configured and the SDK is not disabled. */
  tracing: boolean;
  /** How long a console session (`POST /v1/sessions`) lasts before it must sign in again. */
  sessionTtlSeconds: number;
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

const PROXY_ENTRY = /^[0-9A-Fa-f:.]+(\/\d{1,3})?$/;

function trustProxy(env: Env): boolean | number | string {
  const raw = str(env, 'ROSTER_TRUST_PROXY');
  if (raw === null || raw === 'false' || raw === 'off') {
    return false;
  }
  if (raw === 'true' || raw === 'on') {
    return true;
  }
  if (/^\d+$/.test(raw)) {
    return int(env, 'ROSTER_TRUST_PROXY', 0, 1, 100);
  }
  const entries = raw.split(',').map((entry) => entry.trim());
  if (entries.some((entry) => !PROXY_ENTRY.test(entry))) {
    throw new ConfigError(
      'ROSTER_TRUST_PROXY',
      'must be true, false, a hop count, or a comma-separated list of proxy addresses or CIDR ranges',
    );
  }
  return entries.join(',');
}

/** A comma list of hosts and CIDRs (`10.0.0.0/8`, `fd00::/8`); the CIDRs must parse. */
function allowHosts(env: Env, name: string): string[] {
  const raw = str(env, name);
  if (raw === null) {
    return [];
  }
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const max = family === 6 ? 128 : 32;
    if (
      prefix !== undefined &&
      (extra !== undefined || family === 0 || !/^\d+$/.test(prefix) || Number(prefix) > max)
    ) {
      throw new ConfigError(name, `"${entry}" is neither a host nor a CIDR`);
    }
  }
  return entries;
}

function masterKey(env: Env): string | null {
  const raw = str(env, 'ROSTER_MASTER_KEY');
  if (raw !== null && raw.length < 32) {
    throw new ConfigError('ROSTER_MASTER_KEY', 'must be at least 32 characters long');
  }
  return raw;
}

function metricsToken(env: Env): string | null {
  const raw = str(env, 'ROSTER_METRICS_TOKEN');
  if (raw !== null && raw.length < 16) {
    throw new ConfigError('ROSTER_METRICS_TOKEN', 'must be at least 16 characters long');
  }
  return raw;
}

/** A 32-byte key, written as base64 (44 characters) or hex (64). */
function key32(env: Env, name: string): Buffer | null {
  const raw = str(env, name);
  if (raw === null) {
    return null;
  }
  const key = /^[0-9a-fA-F]{64}$/.test(raw)
    ? Buffer.from(raw, 'hex')
    : /^[A-Za-z0-9+/]{43}=$/.test(raw)
      ? Buffer.from(raw, 'base64')
      : null;
  if (key === null) {
    throw new ConfigError(name, 'must be 32 random bytes as base64 (44 characters) or hex (64 characters)');
  }
  return key;
}

function secretsKeys(env: Env): Buffer[] {
  const current = key32(env, 'ROSTER_WEBHOOK_SECRETS_KEY');
  const previous = key32(env, 'ROSTER_WEBHOOK_SECRETS_KEY_PREVIOUS');
  if (current === null && previous !== null) {
    throw new ConfigError(
      'ROSTER_WEBHOOK_SECRETS_KEY_PREVIOUS',
      'is set without ROSTER_WEBHOOK_SECRETS_KEY: set the new key there, the old one here',
    );
  }
  return [current, previous].filter((k): k is Buffer => k !== null);
}

function uuidList(env: Env, name: string): string[] {
  const raw = str(env, name);
  const ids =
    raw === null
      ? []
      : raw
          .split(',')
          .map((id) => id.trim().toLowerCase())
          .filter(Boolean);
  for (const id of ids) {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
      throw new ConfigError(name, `must be a comma-separated list of team ids, got "${id}"`);
    }
  }
  return ids;
}

/** The standard OTEL_* switches: an OTLP endpoint (all signals, or traces) and OTEL_SDK_DISABLED. */
function tracing(env: Env): boolean {
  const endpoint = str(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ?? str(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  if (endpoint === null || str(env, 'OTEL_SDK_DISABLED')?.toLowerCase() === 'true') {
    return false;
  }
  url(
    env,
    str(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') === null
      ? 'OTEL_EXPORTER_OTLP_ENDPOINT'
      : 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    ['http:', 'https:'],
  );
  return true;
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
    databaseConnectTimeoutMs: int(env, 'ROSTER_DB_CONNECT_TIMEOUT_MS', 10_000, 0, 600_000),
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
    authFailuresPerMinute: int(env, 'ROSTER_AUTH_FAILURES_PER_MINUTE', 30, 0, 6_000_000),
    authFailuresBurst: int(env, 'ROSTER_AUTH_FAILURES_BURST', 20, 1, 1_000_000),
    maxEventLoopDelayMs: int(env, 'ROSTER_MAX_EVENT_LOOP_DELAY_MS', 1_000, 0, 60_000),
    keyCache: oneOf(env, 'ROSTER_KEY_CACHE', ['on', 'off'] as const, 'on') === 'on',
    recordEvents: oneOf(env, 'ROSTER_RECORD_EVENTS', ['on', 'off'] as const, 'on') === 'on',
    trustProxy: trustProxy(env),
    webhookAllowHosts: allowHosts(env, 'ROSTER_WEBHOOK_ALLOW_HOSTS'),
    webhookSecretsKeys: secretsKeys(env),
    webhookTimeoutMs: int(env, 'ROSTER_WEBHOOK_TIMEOUT_MS', 15_000, 100, 60_000),
    webhookLeaseSeconds: int(env, 'ROSTER_WEBHOOK_LEASE_SECONDS', 30, 2, 3_600),
    auditRetentionDays: int(env, 'ROSTER_AUDIT_RETENTION_DAYS', 365, 1, 36_500),
    embeddedMaintenanceSeconds: int(env, 'ROSTER_EMBEDDED_MAINTENANCE_SECONDS', 60, 0, 86_400),
    metricsPort:
      str(env, 'ROSTER_METRICS_PORT') === null ? null : int(env, 'ROSTER_METRICS_PORT', 0, 0, 65535),
    metricsToken: metricsToken(env),
    metricsPerOrg: oneOf(env, 'ROSTER_METRICS_PER_ORG', ['on', 'off'] as const, 'off') === 'on',
    metricsTeams: uuidList(env, 'ROSTER_METRICS_TEAMS'),
    tracing: tracing(env),
    sessionTtlSeconds: int(env, 'ROSTER_SESSION_TTL_SECONDS', 28_800, 60, 604_800),
  };
}
