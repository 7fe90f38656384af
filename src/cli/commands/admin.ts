import type { Command } from 'commander';
import { connect, ok } from '../api.js';
import { action, commaList } from '../command.js';
import { configPath, DEFAULT_PROFILE, saveProfile, UsageError } from '../config.js';
import { printRecord, printRows, say } from '../output.js';

export function adminCommands(program: Command): void {
  program
    .command('login')
    .description(
      'Check --key against the server at --url and store both as a profile (--profile, default "default")',
    )
    .action(
      action(async (opts) => {
        if (opts.url === undefined || opts.key === undefined) {
          throw new UsageError('login needs --url URL and --key KEY');
        }
        const api = await connect({ url: opts.url, key: opts.key, org: opts.org });
        const check = await api.client.GET('/v1/agents', { params: { query: { ...api.org, limit: 1 } } });
        // A key that authenticates is good even without agents:read (403); only 401 refuses it.
        if (check.response.status === 401) {
          await ok(Promise.resolve(check));
        }
        const name = opts.profile ?? DEFAULT_PROFILE;
        await saveProfile(name, {
          url: api.conn.url,
          key: opts.key as string,
          ...(opts.org === undefined ? {} : { org: opts.org }),
        });
        say(`Logged in to ${api.conn.url}; profile "${name}" saved in ${configPath()}`);
        return 0;
      }),
    );

  const orgs = program.command('orgs').description('Orgs (master key)');
  orgs
    .command('list')
    .description('List orgs')
    .action(
      action(async (opts) => {
        const api = await connect(opts);
        const rows = await ok(api.client.GET('/v1/orgs'));
        printRows(rows, ['id', 'name', 'default_max_concurrent', 'created_at'], opts.json === true);
        return 0;
      }),
    );
  orgs
    .command('create <name>')
    .description('Create an org')
    .action(
      action(async (opts, name) => {
        const api = await connect(opts);
        printRecord(
          await ok(api.client.POST('/v1/orgs', { body: { name: name as string } })),
          opts.json === true,
        );
        return 0;
      }),
    );
  orgs
    .command('delete <id>')
    .description('Delete an org and everything in it')
    .action(
      action(async (opts, id) => {
        const api = await connect(opts);
        await ok(api.client.DELETE('/v1/orgs/{id}', { params: { path: { id: id as string } } }));
        say(`Deleted org ${id}`);
        return 0;
      }),
    );

  const keys = program.command('keys').description('API keys');
  keys
    .command('list')
    .description('List the API keys of the org')
    .action(
      action(async (opts) => {
        const api = await connect(opts);
        const rows = await ok(
          api.client.GET('/v1/api-keys', { params: { query: { ...api.org, limit: 100 } } }),
        );
        printRows(
          rows,
          ['id', 'name', 'scopes', 'agent_id', 'last4', 'expires_at', 'last_used_at'],
          opts.json === true,
        );
        return 0;
      }),
    );
  keys
    .command('create')
    .description('Create an API key; its secret is printed once')
    .requiredOption('--name <name>', 'name of the key')
    .requiredOption(
      '--scopes <scopes>',
      'comma list of scopes, e.g. agents:read,teams:write (or *)',
      commaList,
    )
    .option('--agent <id>', 'agent the key acts as')
    .option('--expires <date>', 'when the key stops working (ISO 8601 date or time)')
    .action(
      action(async (opts) => {
        let expires: string | undefined;
        if (opts.expires !== undefined) {
          const at = new Date(opts.expires as string);
          if (Number.isNaN(at.getTime())) {
            throw new UsageError(`--expires: "${opts.expires}" is not a date (use e.g. 2027-01-31)`);
          }
          expires = at.toISOString();
        }
        const api = await connect(opts);
        const key = await ok(
          api.client.POST('/v1/api-keys', {
            params: { query: api.org },
            body: {
              name: opts.name as string,
              scopes: opts.scopes as never,
              ...(opts.agent === undefined ? {} : { agent_id: opts.agent as string }),
              ...(expires === undefined ? {} : { expires_at: expires }),
            },
          }),
        );
        printRecord(key, opts.json === true);
        return 0;
      }),
    );
  keys
    .command('revoke <id>')
    .description('Revoke (delete) an API key')
    .action(
      action(async (opts, id) => {
        const api = await connect(opts);
        await ok(
          api.client.DELETE('/v1/api-keys/{id}', { params: { path: { id: id as string }, query: api.org } }),
        );
        say(`Revoked key ${id}`);
        return 0;
      }),
    );

  program
    .command('serve')
    .description('Run the Roster server in this process (configured by its environment variables)')
    .action(async () => {
      await import('../../main.js');
    });
  program
    .command('migrate')
    .description(
      'Apply the database migrations (DATABASE_URL, or the embedded database in ROSTER_DATA_DIR) and exit',
    )
    .action(
      action(async () => {
        const { migrateDatabase } = await import('../migrate.js');
        await migrateDatabase();
        say('Migrations applied');
        return 0;
      }),
    );
}
