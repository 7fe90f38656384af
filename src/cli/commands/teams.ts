import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { csvRecords, describeProblem } from '../agents-csv.js';
import { type Api, allPages, connect, ok } from '../api.js';
import { action } from '../command.js';
import { printJson, printRecord, printRows, say } from '../output.js';
import { listAllAgents } from './agents.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Adds or removes members 1,000 at a time; prints one line per agent (or the results as JSON). */
async function changeMembers(api: Api, team: string, ids: string[], how: 'add' | 'remove', json: boolean) {
  const results: { id: string; action: string; status: string }[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const part = ids.slice(i, i + 1000);
    const answer = await ok(
      api.client.PATCH('/v1/teams/{id}/members', {
        params: { path: { id: team }, query: api.org },
        body: how === 'add' ? { add: part, remove: [] } : { add: [], remove: part },
      }),
    );
    results.push(...answer.results);
  }
  if (json) {
    printJson(results);
  } else {
    printRows(results, ['id', 'action', 'status'], false);
  }
  return results.some((r) => r.status === 'not_found') ? 1 : 0;
}

export function teamCommands(program: Command): void {
  const teams = program.command('teams').description('Teams and their members');
  teams
    .command('list')
    .description('List teams (every page)')
    .option('--archived', 'archived teams instead')
    .action(
      action(async (opts) => {
        const api = await connect(opts);
        const rows = await allPages((after) =>
          api.client.GET('/v1/teams', {
            params: { query: { ...api.org, archived: opts.archived === true, limit: 100, after } },
          }),
        );
        printRows(rows, ['id', 'name', 'description', 'routing', 'enabled'], opts.json === true);
        return 0;
      }),
    );
  teams
    .command('create <name>')
    .description('Create a team')
    .option('--description <text>', 'what the team does')
    .action(
      action(async (opts, name) => {
        const api = await connect(opts);
        const body = {
          name: name as string,
          ...(opts.description ? { description: opts.description as string } : {}),
        };
        printRecord(
          await ok(api.client.POST('/v1/teams', { params: { query: api.org }, body })),
          opts.json === true,
        );
        return 0;
      }),
    );
  teams
    .command('delete <id>')
    .description('Delete a team')
    .action(
      action(async (opts, id) => {
        const api = await connect(opts);
        await ok(
          api.client.DELETE('/v1/teams/{id}', { params: { path: { id: id as string }, query: api.org } }),
        );
        say(`Deleted team ${id}`);
        return 0;
      }),
    );

  const members = teams.command('members').description('Members of a team');
  members
    .command('add <team> <agents...>')
    .description('Add agents (ids) to a team, in one transaction per 1,000')
    .action(
      action(async (opts, team, ...agents) => {
        const api = await connect(opts);
        return changeMembers(api, team as string, agents, 'add', opts.json === true);
      }),
    );
  members
    .command('remove <team> <agents...>')
    .description('Remove agents (ids) from a team')
    .action(
      action(async (opts, team, ...agents) => {
        const api = await connect(opts);
        return changeMembers(api, team as string, agents, 'remove', opts.json === true);
      }),
    );
  members
    .command('import <team> <file>')
    .description('Add the agents of a CSV file to a team: an email or id column (other columns are ignored)')
    .action(
      action(async (opts, team, file) => {
        const { records, unreadable } = csvRecords(await readFile(file as string));
        if (unreadable !== null) {
          say(describeProblem(unreadable));
          return 1;
        }
        const [header, ...rows] = records;
        const columns = (header?.record ?? []).map((h) => h.toLowerCase());
        const cell = (record: string[], name: string) => record[columns.indexOf(name)] ?? '';
        const api = await connect(opts);
        const needEmails = rows.some((r) => !cell(r.record, 'id') && !cell(r.record, 'agent_id'));
        const byEmail = new Map(
          needEmails ? (await listAllAgents(api, {})).map((a) => [a.email.toLowerCase(), a.id] as const) : [],
        );
        const ids: string[] = [];
        const problems: string[] = [];
        for (const { record, line } of rows) {
          const email = cell(record, 'email');
          const id = cell(record, 'id') || cell(record, 'agent_id') || byEmail.get(email.toLowerCase());
          if (id && UUID.test(id)) {
            ids.push(id.toLowerCase());
          } else {
            problems.push(
              `line ${line}: no agent ${email ? `with email "${email}"` : '(no email or id column)'}`,
            );
          }
        }
        if (problems.length > 0) {
          for (const p of problems) {
            say(p);
          }
          say(`${problems.length} row(s) name no agent; nothing was changed`);
          return 1;
        }
        return changeMembers(api, team as string, ids, 'add', opts.json === true);
      }),
    );
}
