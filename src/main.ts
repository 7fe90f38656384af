import closeWithGrace from 'close-with-grace';
import { ConfigError, loadConfig } from './config.js';
import { verifiedCaches } from './core/api-keys/key-cache.js';
import { initPlatform } from './core/platform/platform.js';
import { openDatabase } from './db/client.js';
import { buildApp } from './http/app.js';
import { startOutboxRetention } from './realtime/outbox-retention.js';
import { startPresenceSweeper } from './realtime/presence-sweeper.js';
import { createRealtime } from './realtime/realtime.js';

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

  const database = await openDatabase(
    config.databaseUrl === null
      ? { kind: 'pglite', dataDir: config.dataDir }
      : {
          kind: 'postgres',
          url: config.databaseUrl,
          poolSize: config.databasePoolSize,
          migrationUrl: config.migrationDatabaseUrl,
        },
  );
  const { platform, generatedMasterKey } = await initPlatform(database.db, {
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
    presence: realtime.presence,
    limiter: realtime.limiter,
  });

  const stopSweeper = startPresenceSweeper({
    ...realtime,
    db: database.db,
    forOrg: database.forOrg,
    now: () => new Date(),
    log: app.log,
  });
  const stopRetention = startOutboxRetention(database.db, config.eventsRetentionHours, app.log);

  closeWithGrace({ delay: config.shutdownGraceMs }, async ({ signal, err }) => {
    if (err) {
      app.log.error({ err }, 'shutting down after a fatal error');
    } else {
      app.log.info({ signal }, 'shutting down');
    }
    drain();
    if (!err && config.shutdownDrainMs > 0) {
      // Readiness fails first while the listener stays open, so load balancers stop sending new
      // requests before connections are refused; what still arrives meanwhile is served.
      await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainMs));
    }
    await app.close();
    await stopSweeper();
    await stopRetention();
    await realtime.close();
    await database.close();
  });

  const address = await app.listen({ host: config.host, port: config.port });
  app.log.info(
    {
      address,
      database: database.kind,
      row_security: database.rowSecurity,
      default_org_id: platform.defaultOrgId,
    },
    'roster ready',
  );
  // Route schemas compile on first use; the rest now compile in the background, a few
  // milliseconds at a time, so that a schema that does not compile shows up in the log at once.
  const warm = await schemas.warmUp();
  for (const failure of warm.failures) {
    app.log.error({ err: failure.error, schema: failure.schema }, 'a route schema does not compile');
  }
  app.log.info({ compiled: warm.compiled, ms: Math.round(warm.ms) }, 'route schemas compiled');
}

main().catch((err) => {
  process.stderr.write(`Roster failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
