import { type Command, Option } from 'commander';
import { stringify } from 'csv-stringify/sync';
import { AGENT_COLUMNS } from '../agents-csv.js';
import { type Api, allPages, connect, ok } from '../api.js';
import { action } from '../command.js';
import { importAgents } from '../import.js';
import { printJson, printRecord, printRows } from '../output.js';

const LIST_COLUMNS = ['id', 'email', 'full_name', 'role', 'status', 'tags'];

/** Every agent matching the filters, all pages. */
export function listAllAgents(
  api: Api,
  filter: { team_id?: string; role?: string; status?: string; q?: string },
) {
  return allPages((after) =>
    api.client.GET('/v1/agents', {
      params: { query: { ...api.org, ...(filter as Record<string, never>), limit: 100, after } },
    }),
  );
}

/** Agent id -> names of its teams, read team by team (one listing per team, not per agent). */
async function teamNamesByAgent(api: Api): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  const teams = await allPages((after) =>
    api.client.GET('/v1/teams', { params: { query: { ...api.org, limit: 100, after } } }),
  );
  for (const team of teams) {
    const members = await allPages((after) =>
      api.client.GET('/v1/teams/{id}/members', {
        params: { path: { id: team.id }, query: { ...api.org, limit: 100, after } },
      }),
    );
    for (const member of members) {
      names.set(member.id, [...(names.get(member.id) ?? []), team.name]);
    }
  }
  return names;
}

export function agentCommands(program: Command): void {
  const agents = program.command('agents').description('Agents');
  agents
    .command('list')
    .description('List agents (every page)')
    .option('--team <id>', 'only members of this team')
    .addOption(
      new Option('--role <role>', 'only this role').choices(['owner', 'admin', 'supervisor', 'agent']),
    )
    .addOption(new Option('--status <status>', 'only this status').choices(['active', 'invited', 'disabled']))
    .option('--q <text>', 'name or email contains this text (case-insensitive)')
    .action(
      action(async (opts) => {
        const api = await connect(opts);
        const rows = await listAllAgents(api, {
          team_id: opts.team as string | undefined,
          role: opts.role as string | undefined,
          status: opts.status as string | undefined,
          q: opts.q as string | undefined,
        });
        printRows(rows, LIST_COLUMNS, opts.json === true);
        return 0;
      }),
    );
  agents
    .command('get <id>')
    .description('Show one agent')
    .action(
      action(async (opts, id) => {
        const api = await connect(opts);
        const agent = await ok(
          api.client.GET('/v1/agents/{id}', { params: { path: { id: id as string }, query: api.org } }),
        );
        printRecord(agent, opts.json === true);
        return 0;
      }),
    );
  agents
    .command('import <file>')
    .description(
      `Create (and with --update, update) agents from a CSV file matched by email; columns by header: ${AGENT_COLUMNS.join(', ')}`,
    )
    .option('--dry-run', 'check every row and report what would change; write nothing')
    .option(
      '--update',
      'write the differing fields of agents that exist (otherwise they are left as they are)',
    )
    .action(
      action(async (opts, file) => {
        const api = await connect(opts);
        return importAgents(api, file as string, {
          dryRun: opts.dryRun === true,
          update: opts.update === true,
          json: opts.json === true,
        });
      }),
    );
  agents
    .command('export')
    .description('Write agents to stdout as CSV (the import format) or JSON')
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'))
    .option('--team <id>', 'only members of this team')
    .action(
      action(async (opts) => {
        const api = await connect(opts);
        const [rows, teams] = await Promise.all([
          listAllAgents(api, { team_id: opts.team as string | undefined }),
          teamNamesByAgent(api),
        ]);
        const records = rows.map((a) => ({
          email: a.email,
          full_name: a.full_name,
          role: a.role,
          username: a.username ?? '',
          phone_number: a.phone_number ?? '',
          max_concurrent: a.max_concurrent ?? '',
          tags: a.tags.join(';'),
          teams: (teams.get(a.id) ?? []).join(';'),
        }));
        if (opts.format === 'json' || opts.json === true) {
          printJson(rows.map((a) => ({ ...a, teams: teams.get(a.id) ?? [] })));
          return 0;
        }
        process.stdout.write(stringify(records, { header: true, columns: [...AGENT_COLUMNS] }));
        return 0;
      }),
    );
}
