/**
 * `npm run backup -- FILE`, `npm run restore -- FILE [--force]` and
 * `npm run migrate-data -- --to postgres://...`: thin command lines over src/ops/ (the functions a
 * `roster` command calls as well). Settings come from the same environment as the server's:
 * ROSTER_URL (else http://127.0.0.1:$PORT) and ROSTER_MASTER_KEY for a backup, ROSTER_DATA_DIR
 * (default ./data) for a restore or a move to PostgreSQL; options override them.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backup, restore } from '../src/ops/backup.js';
import { migrateData } from '../src/ops/migrate-data.js';

const USAGE = `usage:
  npm run backup -- [FILE] [--url URL]             (server running; ROSTER_MASTER_KEY set)
  npm run restore -- FILE [--data-dir DIR] [--force] (server stopped)
  npm run migrate-data -- --to postgres://... [--data-dir DIR] (server stopped)`;

const fail = (message: string): never => {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
};

const dataDir = (given: string | undefined) => resolve(given ?? process.env.ROSTER_DATA_DIR ?? './data');

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      'data-dir': { type: 'string' },
      to: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  if (command === 'backup') {
    const masterKey = process.env.ROSTER_MASTER_KEY ?? fail('ROSTER_MASTER_KEY must be set');
    const url = values.url ?? process.env.ROSTER_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8080}`;
    const file = positionals[0] ?? `roster-backup-${new Date().toISOString().replace(/[:.]/g, '-')}.tar.gz`;
    const result = await backup({ url, masterKey, file });
    process.stdout.write(`backup written to ${result.file} (${result.bytes} bytes)\n`);
  } else if (command === 'restore') {
    const file = positionals[0] ?? fail('restore needs the backup FILE');
    const result = await restore({ file, dataDir: dataDir(values['data-dir']), force: values.force });
    if (result.movedAside !== null) {
      process.stdout.write(`the database that was there is now in ${result.movedAside}\n`);
    }
    process.stdout.write(`restored into ${result.dataDir}: ${JSON.stringify(result.rows)}\n`);
  } else if (command === 'migrate-data') {
    const to = values.to ?? fail('migrate-data needs --to postgres://...');
    const result = await migrateData({
      dataDir: dataDir(values['data-dir']),
      to,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(`copied and verified: ${JSON.stringify(result.rows)}\n`);
  } else {
    fail(`unknown command ${command ?? ''}`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
