import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig } from './config.js';
import { verifiedCaches } from './core/api-keys/key-cache.js';
import { metricSnapshots } from './core/platform/metric-snapshots.js';
import { initPlatform } from './core/platform/platform.js';
import { resealWebhookSecrets } from './core/webhooks/reseal.js';
import { SecretBox } from './core/webhooks/secret-box.js';
import { openDatabase } from './db/client.js';
import { startEmbeddedMaintenance } from './db/embedded-maintenance.js';
import { buildApp } from './http/app.js';
import { startMetricsServer } from './observability/http-metrics.js';
import { configureMetrics } from './observability/metrics.js';
import { FeedTailer } from './realtime/feed-tailer.js';
import { startOutboxRetention } from './realtime/outbox-retention.js';
import { startPresenceSweeper } from './realtime/presence-sweeper.js';
import { createRealtime } from './realtime/realtime.js';
import { WebhookDispatcher } from './realtime/webhook-dispatcher.js';
import { createSender, EgressPolicy } from './realtime/webhook-egress.js';

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Invalid configuration: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }

  // Tracing starts before anything it instruments is used; when off, none of it is even loaded.
  const tracing = config.tracing
    ? await (await import('./observability/tracing-sdk.js')).startTracing()
    : null;

  const database = await openDatabase(
    config.databaseUrl === null
      ? { kind: 'pglite', dataDir: config.dataDir }
      : {
          kind: 'postgres',
          url: config.databaseUrl,
          poolSize: config.databasePoolSize,
          connectTimeoutMs: config.databaseConnectTimeoutMs,
          migrationUrl: config.migrationDatabaseUrl,
        },
  );
  const { platform, generatedMasterKey, replacedMasterKey } = await initPlatform(database.db, {
    masterKey: config.masterKey,
    now: new Date(),
  });
  if (generatedMasterKey !== null) {
    process.stdout.write(
      `ROSTER_MASTER_KEY=${generatedMasterKey}  <- generated master key: store it now, it is shown only this once\n`,
    );
  }

  const realtime = await createRealtime(config);
  // Verified keys and known agents, forgotten whenever the database announces a change to them.
  // Off (ROSTER_KEY_CACHE=off), they never hear the database and so never hold anything.
  const { keys, agentsSeen } = verifiedCaches(config.keyCache ? database.authChanges : null);
  // This instance's tail of the event feed: event streams and webhooks read it.
  const feed = new FeedTailer(database.db, realtime.events);
  const egress = new EgressPolicy(config.webhookAllowHosts);
  const secrets = new SecretBox(config.webhookSecretsKeys);
  const sealing = await resealWebhookSecrets(database.db, secrets);
  const { app, drain, schemas } = await buildApp({
    db: database.db,
    forOrg: database.forOrg,
    ping: database.ping,
    platform,
    keys,
    agentsSeen,
    config,
    now: () => new Date(),
    events: realtime.events,
    feed,
    egress,
    secrets,
    presence: realtime.presence,
    limiter: realtime.limiter,
    authFailures: realtime.authFailures,
    backup: database.dump ?? null,
    tracing: tracing?.app ?? null,
    recordEvents: config.recordEvents,
  });
  let draining = false;
  configureMetrics(
    {
      ...metricSnapshots(database.db, realtime.presence, () => new Date()),
      pool: database.poolStats,
      redis: realtime.redisState,
      ready: async () => {
        await database.ping();
        return !draining;
      },
    },
    { perOrg: config.metricsPerOrg, teams: new Set(config.metricsTeams) },
  );
  const metricsServer =
    config.metricsPort === null
      ? null
      : await startMetricsServer({ host: config.host, port: config.metricsPort, token: config.metricsToken });

  if (replacedMasterKey) {
    app.log.warn(
      'ROSTER_MASTER_KEY differs from the stored master key: the configured key is now the master key ' +
        '(its hash is stored, so it keeps working when the variable is unset); the previous master key no longer works',
    );
  } else if (config.masterKey !== null) {
    app.log.info('using the master key from ROSTER_MASTER_KEY');
  }

  if (sealing.resealed > 0) {
    app.log.info(
      { endpoints: sealing.resealed },
      'webhook signing secrets sealed with ROSTER_WEBHOOK_SECRETS_KEY',
    );
  }
  if (sealing.unreadable > 0) {
    app.log.error(
      { endpoints: sealing.unreadable },
      'webhook signing secrets are sealed with a key not configured (ROSTER_WEBHOOK_SECRETS_KEY, ROSTER_WEBHOOK_SECRETS_KEY_PREVIOUS): ' +
        'these endpoints receive nothing until it is set again',
    );
  }

  if (!config.recordEvents) {
    app.log.warn(
      'ROSTER_RECORD_EVENTS=off: changes write no events and no audit records (for measuring their cost only)',
    );
  }
  const stopSweeper = startPresenceSweeper({
    ...realtime,
    recordEvents: config.recordEvents,
    db: database.db,
    forOrg: database.forOrg,
    now: () => new Date(),
    log: app.log,
  });
  const stopRetention = startOutboxRetention(database.db, config.eventsRetentionHours, app.log, {
    auditRetentionDays: config.auditRetentionDays,
  });
  // PGlite has no autovacuum process: Roster applies autovacuum's rule to it (the embedded database only).
  const stopMaintenance =
    database.maintain !== undefined && config.embeddedMaintenanceSeconds > 0
      ? startEmbeddedMaintenance(database.maintain, config.embeddedMaintenanceSeconds * 1000, app.log)
      : async () => {};
  const webhooks = new WebhookDispatcher({
    db: database.db,
    feed,
    events: realtime.events,
    presence: realtime.presence,
    now: () => new Date(),
    send: createSender(egress),
    secrets,
    timeoutMs: config.webhookTimeoutMs,
    leaseMs: config.webhookLeaseSeconds * 1000,
    tickMs: 1_000,
    log: app.log,
    trace: tracing?.app.outgoing,
  });

  closeWithGrace({ delay: config.shutdownGraceMs }, async ({ signal, err }) => {
    if (err) {
      app.log.error({ err }, 'shutting down after a fatal error');
    } else {
      app.log.info({ signal }, 'shutting down');
    }
    drain();
    draining = true;
    if (!err && config.shutdownDrainMs > 0) {
      // Readiness fails first while the listener stays open, so load balancers stop sending new
      // requests before connections are refused; what still arrives meanwhile is served.
      await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
    }
    await app.close();
    await webhooks.stop();
    await stopSweeper();
    await stopRetention();
    await stopMaintenance();
    await feed.close();
    await realtime.close();
    await database.close();
    await metricsServer?.close();
    await tracing?.shutdown();
  });

  const address = await app.listen({ host: config.host, port: config.port });
  webhooks.start();
  app.log.info(
    {
      address,
      database: database.kind,
      row_security: database.rowSecurity,
      // Under row-level security: 'plain' policies, or 'initplan' and why (docs/operations.md).
      ...(database.policies === undefined ? {} : { row_security_policies: database.policies }),
      // Whether presence, live events and rate limits are shared through Redis or kept in process.
      redis: config.redisUrl !== null,
      default_org_id: platform.defaultOrgId,
      webhook_sender: webhooks.owner,
      metrics: metricsServer?.address ?? (config.metricsToken === null ? 'off' : `${address}/metrics`),
      tracing: tracing === null ? 'off' : 'on',
    },
    'roster ready',
  );
  // Route schemas compile on first use; the rest now compile in the background, a few
  // milliseconds at a time, so that a schema that does not compile shows up in the log at once.
  const warm = await schemas.warmUp();
  for (const failure of warm.failures) {
    app.log.error({ err: failure.error, schema: failure.schema }, 'a route schema does not compile');
  }
  app.log.info(
    { compiled: warm.compiled, serializers: warm.serializers, ms: Math.round(warm.ms) },
    'route schemas compiled',
  );
}

main().catch((err) => {
  process.stderr.write(`Roster failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
