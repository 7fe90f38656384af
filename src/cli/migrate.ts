import { loadConfig } from '../config.js';
import { openDatabase } from '../db/client.js';

/** Opens the database the server's configuration names, which applies every pending migration, and closes it. */
export async function migrateDatabase(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(
    config.databaseUrl === null
      ? { kind: 'pglite', dataDir: config.dataDir }
      : {
          kind: 'postgres',
          url: config.databaseUrl,
          poolSize: 1,
          migrationUrl: config.migrationDatabaseUrl,
        },
  );
  await database.close();
}
