import { resolve } from 'node:path';
import type { Command } from 'commander';
import { action } from '../command.js';
import { resolveConnection, UsageError } from '../config.js';
import { say } from '../output.js';

const dataDir = (given: string | undefined) => resolve(given ?? process.env.ROSTER_DATA_DIR ?? './data');

/** `roster backup|restore|migrate-data`: the embedded database's copies and its move to PostgreSQL (src/ops). */
export function opsCommands(program: Command): void {
  program
    .command('backup')
    .argument('[file]', 'Where to write the tarball (default roster-backup-<time>.tar.gz)')
    .description('Copy the running server’s embedded database to a file (needs the master key)')
    .action(
      action(async (opts, file) => {
        const conn = await resolveConnection(opts);
        const masterKey = conn.key ?? process.env.ROSTER_MASTER_KEY;
        if (masterKey === undefined) {
          throw new UsageError('backup needs the master key: --key, ROSTER_KEY or ROSTER_MASTER_KEY');
        }
        const { backup } = await import('../../ops/backup.js');
        const target = file ?? `roster-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`;
        const result = await backup({ url: conn.url, masterKey, file: target });
        say(`Backup written to ${result.file} (${result.bytes} bytes)`);
        return 0;
      }),
    );
  program
    .command('restore')
    .argument('<file>', 'A tarball written by roster backup')
    .option('--data-dir <dir>', 'The data directory to restore into (ROSTER_DATA_DIR, default ./data)')
    .option('--force', 'Move a database already there aside instead of refusing')
    .description('Restore the embedded database from a backup (with the server stopped)')
    .action(
      action(async (opts, file) => {
        const { restore } = await import('../../ops/backup.js');
        const result = await restore({
          file: file as string,
          dataDir: dataDir(opts.dataDir as string | undefined),
          force: opts.force === true,
        });
        if (result.movedAside !== null) {
          say(`The database that was there is now in ${result.movedAside}`);
        }
        say(`Restored into ${result.dataDir}: ${JSON.stringify(result.rows)}`);
        return 0;
      }),
    );
  program
    .command('migrate-data')
    .requiredOption('--to <url>', 'An empty PostgreSQL database (postgres://...)')
    .option('--data-dir <dir>', 'The embedded database to copy (ROSTER_DATA_DIR, default ./data)')
    .description(
      'Copy every row of the embedded database into PostgreSQL and verify the counts (server stopped)',
    )
    .action(
      action(async (opts) => {
        const { migrateData } = await import('../../ops/migrate-data.js');
        const result = await migrateData({
          dataDir: dataDir(opts.dataDir as string | undefined),
          to: opts.to as string,
          log: say,
        });
        say(`Copied and verified: ${JSON.stringify(result.rows)}`);
        return 0;
      }),
    );
}
