import type { Command } from 'commander';
import { type Api, allPages, connect, ok } from '../api.js';
import { action } from '../command.js';
import { printJsonLine, renderTable, say } from '../output.js';
import { followEvents, type StreamedEvent } from '../stream.js';
import { listAllAgents } from './agents.js';

interface View {
  agent_id: string;
  effective_status: string;
  connection: string;
  status: string;
  active_conversations: number;
  capacity: number;
  last_seen: string | null;
}

/** Ends on Ctrl-C (SIGINT) or SIGTERM, through an AbortSignal, so that streams close cleanly. */
function untilInterrupted(): AbortController {
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return controller;
}

const clock = () => new Date().toISOString().slice(11, 19);

async function presenceViews(api: Api, teamId: string | undefined): Promise<View[]> {
  return teamId === undefined
    ? allPages((after) =>
        api.client.GET('/v1/presence', { params: { query: { ...api.org, limit: 100, after } } }),
      )
    : allPages((after) =>
        api.client.GET('/v1/teams/{id}/presence', {
          params: { path: { id: teamId }, query: { ...api.org, limit: 100, after } },
        }),
      );
}

/** Types after which only one agent's view is read again; any other event reads them all. */
const ONE_AGENT = new Set(['agent.presence_changed', 'agent.availability_changed', 'agent.updated']);

function watchCommand(program: Command): void {
  program
    .command('watch')
    .description("A live table of agents' effective status, from the event stream (Ctrl-C quits)")
    .option('--team <id>', "only this team's members")
    .option('--once', 'print the table once and exit')
    .action(
      action(async (opts) => {
        const api = await connect(opts);
        const teamId = opts.team as string | undefined;
        const tty = process.stdout.isTTY === true && opts.json !== true;
        const names = new Map<string, { email: string; full_name: string }>();
        const views = new Map<string, View>();
        const loadAll = async () => {
          const [agents, list] = await Promise.all([
            listAllAgents(api, { team_id: teamId }),
            presenceViews(api, teamId),
          ]);
          names.clear();
          for (const a of agents) {
            names.set(a.id, { email: a.email, full_name: a.full_name });
          }
          const changed = list.filter((v) => !sameView(views.get(v.agent_id), v));
          views.clear();
          for (const v of list) {
            views.set(v.agent_id, v);
          }
          return changed;
        };
        const rows = () =>
          [...views.values()]
            .map((v) => ({ ...v, ...names.get(v.agent_id) }))
            .sort((a, b) => (a.full_name ?? '').localeCompare(b.full_name ?? ''));
        const columns = [
          'full_name',
          'email',
          'effective_status',
          'connection',
          'status',
          'active_conversations',
          'capacity',
          'last_seen',
        ];
        const print = (changed: View[]) => {
          if (opts.json === true) {
            for (const v of changed) {
              printJsonLine({ ...v, ...names.get(v.agent_id) });
            }
          } else if (tty) {
            const title = `Roster presence${teamId ? ` of team ${teamId}` : ''}, ${views.size} agent(s), ${clock()}  (Ctrl-C quits)`;
            process.stdout.write(`\x1b[H\x1b[2J${title}\n\n${renderTable(rows(), columns)}\n`);
          } else {
            for (const v of changed) {
              const who = names.get(v.agent_id);
              process.stdout.write(
                `${clock()}  ${who?.email ?? v.agent_id}  ${v.effective_status}  ${v.connection}  ${v.status}\n`,
              );
            }
          }
        };
        if (opts.once === true) {
          await loadAll();
          // One snapshot, terminal or not: the table (a pipe gets no redraw codes), or JSON.
          if (opts.json === true) {
            print([...views.values()]);
          } else {
            process.stdout.write(`${renderTable(rows(), columns)}\n`);
          }
          return 0;
        }
        const controller = untilInterrupted();
        if (tty) {
          process.stdout.write('\x1b[?1049h\x1b[?25l');
        }
        let pending: Promise<void> = Promise.resolve();
        const refresh = (event: StreamedEvent | null) => {
          pending = pending.then(async () => {
            const agentId = event?.data.agent_id;
            if (
              event !== null &&
              ONE_AGENT.has(event.type) &&
              typeof agentId === 'string' &&
              names.has(agentId)
            ) {
              const view = await ok(
                api.client.GET('/v1/agents/{id}/presence', {
                  params: { path: { id: agentId }, query: api.org },
                }),
              );
              const before = views.get(agentId);
              views.set(agentId, view);
              print(sameView(before, view) ? [] : [view]);
              return;
            }
            print(await loadAll());
          });
          pending = pending.catch((err) => say(`refresh failed: ${(err as Error).message}`));
        };
        try {
          await followEvents(
            api,
            {
              types: 'agent.*,team.*',
              teamId,
              signal: controller.signal,
              onOpen: () => refresh(null),
              onDrop: (reason) => say(`connection lost (${reason}); reconnecting`),
            },
            (event) => refresh(event),
          );
          await pending;
        } finally {
          if (tty) {
            process.stdout.write('\x1b[?25h\x1b[?1049l');
          }
        }
        return 0;
      }),
    );
}

function sameView(a: View | undefined, b: View): boolean {
  return (
    a !== undefined &&
    a.effective_status === b.effective_status &&
    a.connection === b.connection &&
    a.status === b.status &&
    a.active_conversations === b.active_conversations &&
    a.capacity === b.capacity
  );
}

export function liveCommands(program: Command): void {
  const presence = program.command('presence').description('Presence of agents');
  watchCommand(presence);

  const events = program.command('events').description('The org event stream');
  events
    .command('tail')
    .description('Print events as they happen (Ctrl-C quits); NDJSON with --json')
    .option('--types <types>', 'comma list of types; an item ending in .* matches a prefix (team.*,agent.*)')
    .option('--team <id>', 'only events about this team and its members')
    .option('--since-id <id>', 'first replay the events after this one (Last-Event-ID)')
    .option('--count <n>', 'exit after this many events', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1) {
        throw new Error('--count takes a whole number above 0');
      }
      return n;
    })
    .action(
      action(async (opts) => {
        const api = await connect(opts);
        const controller = untilInterrupted();
        let seen = 0;
        await followEvents(
          api,
          {
            types: opts.types as string | undefined,
            teamId: opts.team as string | undefined,
            sinceId: opts.sinceId as string | undefined,
            signal: controller.signal,
            onOpen: () => say('Listening for events (Ctrl-C quits)'),
            onDrop: (reason) => say(`connection lost (${reason}); reconnecting`),
          },
          (event) => {
            if (opts.json === true) {
              printJsonLine(event);
            } else {
              process.stdout.write(
                `${event.occurred_at}  ${event.type.padEnd(28)} ${event.id}  ${JSON.stringify(event.data)}\n`,
              );
            }
            seen++;
            if (opts.count !== undefined && seen >= (opts.count as number)) {
              controller.abort();
            }
          },
        );
        return 0;
      }),
    );
}
