import assert from 'node:assert/strict';
import { isAbsolute, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';

function assertConfigError(env: Record<string, string>, variable: string): void {
  assert.throws(
    () => loadConfig(env),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError, `expected ConfigError, got ${String(err)}`);
      assert.equal(err.variable, variable);
      assert.match(err.message, new RegExp(`^${variable}: `));
      return true;
    },
  );
}

describe('loadConfig', () => {
  it('uses the documented defaults on an empty environment', () => {
    const config = loadConfig({});
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8080);
    assert.equal(config.dataDir, resolve('./data'));
    assert.ok(isAbsolute(config.dataDir), 'the data dir is absolute');
    assert.equal(config.databaseUrl, null);
    assert.equal(config.masterKey, null);
    assert.equal(config.logLevel, 'info');
  });

  it('treats blank values as unset', () => {
    const config = loadConfig({ HOST: '  ', PORT: '', ROSTER_MASTER_KEY: ' ' });
    assert.equal(config.host, '127.0.0.1');
    assert.equal(config.port, 8080);
    assert.equal(config.masterKey, null);
  });

  it('reads valid values', () => {
    const key = 'k'.repeat(32);
    const config = loadConfig({
      HOST: '0.0.0.0',
      PORT: '3000',
      ROSTER_DATA_DIR: 'some/dir',
      DATABASE_URL: 'postgres://u@db:5432/roster',
      LOG_LEVEL: 'debug',
      ROSTER_MASTER_KEY: key,
    });
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.port, 3000);
    assert.equal(config.dataDir, resolve('some/dir'));
    assert.equal(config.databaseUrl, 'postgres://u@db:5432/roster');
    assert.equal(config.logLevel, 'debug');
    assert.equal(config.masterKey, key);
    assert.equal(
      loadConfig({ DATABASE_URL: 'postgresql://u@db/roster' }).databaseUrl,
      'postgresql://u@db/roster',
    );
  });

  it('rejects a port that is not a number', () => {
    assertConfigError({ PORT: 'abc' }, 'PORT');
  });

  it('rejects a port out of range', () => {
    assertConfigError({ PORT: '70000' }, 'PORT');
  });

  it('rejects a database URL that is not PostgreSQL', () => {
    assertConfigError({ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL');
    assertConfigError({ DATABASE_URL: 'not a url' }, 'DATABASE_URL');
    assertConfigError({ ROSTER_MIGRATION_DATABASE_URL: 'mysql://x' }, 'ROSTER_MIGRATION_DATABASE_URL');
  });

  it('reads the migration database URL, unset by default', () => {
    assert.equal(loadConfig({}).migrationDatabaseUrl, null);
    assert.equal(
      loadConfig({ ROSTER_MIGRATION_DATABASE_URL: 'postgres://owner@db/roster' }).migrationDatabaseUrl,
      'postgres://owner@db/roster',
    );
  });

  it('reads the presence and event settings, and a Redis URL only with a redis scheme', () => {
    const config = loadConfig({
      REDIS_URL: 'redis://127.0.0.1:6379',
      ROSTER_PRESENCE_TTL_SECONDS: '30',
      ROSTER_EVENTS_RETENTION_HOURS: '48',
      ROSTER_SSE_KEEPALIVE_SECONDS: '5',
    });
    assert.equal(config.redisUrl, 'redis://127.0.0.1:6379');
    assert.equal(config.presenceTtlSeconds, 30);
    assert.equal(config.eventsRetentionHours, 48);
    assert.equal(config.sseKeepAliveSeconds, 5);
    assert.equal(loadConfig({}).redisUrl, null);
    assert.equal(loadConfig({}).presenceTtlSeconds, 60);
    assertConfigError({ REDIS_URL: 'http://127.0.0.1:6379' }, 'REDIS_URL');
    assertConfigError({ ROSTER_PRESENCE_TTL_SECONDS: '1' }, 'ROSTER_PRESENCE_TTL_SECONDS');
  });

  it('reads the limits: rate, burst, event-loop lag and request timeout, each with its default', () => {
    const defaults = loadConfig({});
    assert.deepEqual(
      [
        defaults.rateLimitPerMinute,
        defaults.rateLimitBurst,
        defaults.maxEventLoopDelayMs,
        defaults.requestTimeoutMs,
      ],
      [1_200, 100, 1_000, 30_000],
    );
    const config = loadConfig({
      ROSTER_RATE_LIMIT_PER_MINUTE: '0',
      ROSTER_RATE_LIMIT_BURST: '5',
      ROSTER_MAX_EVENT_LOOP_DELAY_MS: '0',
      ROSTER_REQUEST_TIMEOUT_MS: '5000',
    });
    assert.deepEqual(
      [config.rateLimitPerMinute, config.rateLimitBurst, config.maxEventLoopDelayMs, config.requestTimeoutMs],
      [0, 5, 0, 5_000],
    );
    assertConfigError({ ROSTER_RATE_LIMIT_PER_MINUTE: '-1' }, 'ROSTER_RATE_LIMIT_PER_MINUTE');
    assertConfigError({ ROSTER_RATE_LIMIT_BURST: '0' }, 'ROSTER_RATE_LIMIT_BURST');
    assertConfigError({ ROSTER_MAX_EVENT_LOOP_DELAY_MS: 'soon' }, 'ROSTER_MAX_EVENT_LOOP_DELAY_MS');
    assertConfigError({ ROSTER_REQUEST_TIMEOUT_MS: '1.5' }, 'ROSTER_REQUEST_TIMEOUT_MS');
  });

  it('keeps verified keys in memory unless ROSTER_KEY_CACHE is off', () => {
    assert.equal(loadConfig({}).keyCache, true);
    assert.equal(loadConfig({ ROSTER_KEY_CACHE: 'on' }).keyCache, true);
    assert.equal(loadConfig({ ROSTER_KEY_CACHE: 'off' }).keyCache, false);
    assertConfigError({ ROSTER_KEY_CACHE: 'no' }, 'ROSTER_KEY_CACHE');
  });

  it('records events and audit records unless ROSTER_RECORD_EVENTS is off', () => {
    assert.equal(loadConfig({}).recordEvents, true);
    assert.equal(loadConfig({ ROSTER_RECORD_EVENTS: 'off' }).recordEvents, false);
    assertConfigError({ ROSTER_RECORD_EVENTS: 'false' }, 'ROSTER_RECORD_EVENTS');
  });

  it('believes X-Forwarded-* only from the proxies ROSTER_TRUST_PROXY names', () => {
    assert.equal(loadConfig({}).trustProxy, false);
    assert.equal(loadConfig({ ROSTER_TRUST_PROXY: 'off' }).trustProxy, false);
    assert.equal(loadConfig({ ROSTER_TRUST_PROXY: 'true' }).trustProxy, true);
    assert.equal(loadConfig({ ROSTER_TRUST_PROXY: '2' }).trustProxy, 2);
    assert.equal(loadConfig({ ROSTER_TRUST_PROXY: '127.0.0.1, ::1/128' }).trustProxy, '127.0.0.1,::1/128');
    assertConfigError({ ROSTER_TRUST_PROXY: 'the proxy' }, 'ROSTER_TRUST_PROXY');
    assertConfigError({ ROSTER_TRUST_PROXY: '0' }, 'ROSTER_TRUST_PROXY');
  });

  it('serves metrics only when a port or a token is set, and traces only with an OTLP endpoint', () => {
    const off = loadConfig({});
    assert.deepEqual(
      [off.metricsPort, off.metricsToken, off.metricsPerOrg, off.tracing],
      [null, null, false, false],
    );
    const on = loadConfig({
      ROSTER_METRICS_PORT: '9464',
      ROSTER_METRICS_TOKEN: 'a-token-of-sixteen+',
      ROSTER_METRICS_PER_ORG: 'on',
      ROSTER_METRICS_TEAMS: '01a2443a-f301-74d2-acdd-6c302bf547e6, 01A2443A-F301-74D2-ACDD-6C302BF547E7',
      OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318',
    });
    assert.equal(on.metricsPort, 9464);
    assert.equal(on.metricsToken, 'a-token-of-sixteen+');
    assert.equal(on.metricsPerOrg, true);
    assert.deepEqual(on.metricsTeams, [
      '01a2443a-f301-74d2-acdd-6c302bf547e6',
      '01a2443a-f301-74d2-acdd-6c302bf547e7',
    ]);
    assert.equal(on.tracing, true);
    assert.equal(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318', OTEL_SDK_DISABLED: 'true' }).tracing,
      false,
    );
    assertConfigError({ ROSTER_METRICS_PORT: 'x' }, 'ROSTER_METRICS_PORT');
    assertConfigError({ ROSTER_METRICS_TOKEN: 'short' }, 'ROSTER_METRICS_TOKEN');
    assertConfigError({ ROSTER_METRICS_TEAMS: 'team-a' }, 'ROSTER_METRICS_TEAMS');
    assertConfigError({ OTEL_EXPORTER_OTLP_ENDPOINT: 'ftp://x' }, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  });

  it('reads the webhook secrets keys as base64 or hex of 32 bytes, the new one first', () => {
    const b64 = Buffer.alloc(32, 7).toString('base64');
    const hex = Buffer.alloc(32, 9).toString('hex');
    assert.deepEqual(loadConfig({}).webhookSecretsKeys, []);
    assert.deepEqual(
      loadConfig({ ROSTER_WEBHOOK_SECRETS_KEY: hex, ROSTER_WEBHOOK_SECRETS_KEY_PREVIOUS: b64 })
        .webhookSecretsKeys,
      [Buffer.alloc(32, 9), Buffer.alloc(32, 7)],
    );
    assertConfigError({ ROSTER_WEBHOOK_SECRETS_KEY: 'not-a-key' }, 'ROSTER_WEBHOOK_SECRETS_KEY');
    assertConfigError(
      { ROSTER_WEBHOOK_SECRETS_KEY: Buffer.alloc(16).toString('base64') },
      'ROSTER_WEBHOOK_SECRETS_KEY',
    );
    assertConfigError({ ROSTER_WEBHOOK_SECRETS_KEY_PREVIOUS: b64 }, 'ROSTER_WEBHOOK_SECRETS_KEY_PREVIOUS');
  });

  it('rejects an unknown log level', () => {
    assertConfigError({ LOG_LEVEL: 'loud' }, 'LOG_LEVEL');
  });

  it('rejects a master key shorter than 32 characters', () => {
    assertConfigError({ ROSTER_MASTER_KEY: 'short' }, 'ROSTER_MASTER_KEY');
    assertConfigError({ ROSTER_MASTER_KEY: 'k'.repeat(31) }, 'ROSTER_MASTER_KEY');
  });

  it('names the invalid variable even when other variables are valid', () => {
    assertConfigError({ PORT: '8081', HOST: 'localhost', LOG_LEVEL: 'loud' }, 'LOG_LEVEL');
  });
});
