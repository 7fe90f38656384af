/**
 * `roster`: the command line of Roster. Every command but `serve` and `migrate` talks HTTP to a
 * running server through the typed client (packages/client). Exit codes: 0 success, 1 the API
 * refused (its message on stderr) or could not be reached, 2 a usage error.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { ApiError } from './api.js';
import { adminCommands } from './commands/admin.js';
import { agentCommands } from './commands/agents.js';
import { liveCommands } from './commands/live.js';
import { opsCommands } from './commands/ops.js';
import { teamCommands } from './commands/teams.js';
import { UsageError } from './config.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export function buildProgram(): Command {
  const program = new Command('roster')
    .description(
      'Administer a Roster server: orgs, keys, agents (CSV import and export), teams, live presence and events',
    )
    .addHelpText(
      'after',
      '\nEach connection setting comes from its flag, else its environment variable, else the profile\n' +
        '(roster login stores profiles in $XDG_CONFIG_HOME/roster/config.json, mode 0600).\n' +
        'Exit codes: 0 success, 1 the API refused (its message on stderr) or was not reachable, 2 usage error.',
    )
    .version(version)
    .option('--url <url>', 'where Roster listens (env ROSTER_URL; default http://127.0.0.1:8080)')
    .option('--key <key>', 'API key (env ROSTER_KEY)')
    .option('--org <id>', 'org to act on, with the master key (env ROSTER_ORG)')
    .option('--profile <name>', 'stored profile to use (env ROSTER_PROFILE; default "default")')
    .option('--json', 'machine output: one JSON document (NDJSON for streams)')
    .showHelpAfterError('(roster --help lists every command)')
    .exitOverride();
  adminCommands(program);
  opsCommands(program);
  agentCommands(program);
  teamCommands(program);
  liveCommands(program);
  for (const command of program.commands) {
    command.exitOverride();
    for (const sub of command.commands) {
      sub.exitOverride();
      for (const leaf of sub.commands) {
        leaf.exitOverride();
      }
    }
  }
  return program;
}

export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and version end with 0; anything commander refuses is a usage error.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`roster: ${err.message}\n`);
      return 2;
    }
    if (err instanceof ApiError) {
      process.stderr.write(`roster: ${err.message}\n`);
      return 1;
    }
    process.stderr.write(`roster: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
