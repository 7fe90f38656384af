import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { inArray } from 'drizzle-orm';
import fc from 'fast-check';
import { buildAgent, buildOrg, buildTeam } from '../../../test/factories.js';
import { createTestEnv, type TestEnv } from '../../../test/harness.js';
import { agents } from '../../db/schema.js';
import type { Ctx } from '../context.js';
import { heartbeat, setAvailability, signOutDevice } from '../presence/presence.js';
import { updateTeamMembers } from '../teams/team-members.js';
import { updateTeam } from '../teams/teams.js';
import { closeConversation, listConversations } from './conversations.js';
import { createConversation } from './create-conversation.js';
import type { RoutingMode } from './selection.js';

/**
 * Random interleavings of create / close / availability / presence / membership / channel flags,
 * checking the routing invariants after every step against a model of what each agent chose:
 * no agent above capacity; nothing newly assigned to an agent that was not eligible; no queued
 * conversation while an eligible member of its team has room.
 */

const AGENTS = 3;
const TEAMS = 2;

type Action =
  | { kind: 'create'; team: number; chat: boolean }
  | { kind: 'close'; pick: number }
  | { kind: 'available'; agent: number; on: boolean }
  | { kind: 'online'; agent: number; on: boolean }
  | { kind: 'member'; agent: number; team: number; on: boolean }
  | { kind: 'chat'; agent: number; on: boolean };

const agent = fc.integer({ min: 0, max: AGENTS - 1 });
const team = fc.integer({ min: 0, max: TEAMS - 1 });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('create' as const), team, chat: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('close' as const), pick: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('available' as const), agent, on: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('online' as const), agent, on: fc.boolean() }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('member' as const), agent, team, on: fc.boolean() }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('chat' as const), agent, on: fc.boolean() }) },
);

interface Model {
  online: boolean[];
  available: boolean[];
  chat: boolean[];
  member: boolean[][];
  capacity: number[];
}

interface Row {
  id: string;
  teamId: string | null;
  assigneeId: string | null;
  status: string;
  channel: string | null;
  assignedAt: Date | null;
}

let env: TestEnv;

before(async () => {
  env = await createTestEnv();
});

after(async () => {
  await env.close();
});

async function allConversations(ctx: Ctx): Promise<Row[]> {
  const out: Row[] = [];
  let afterId: string | null = null;
  do {
    const page = await listConversations(ctx, {}, { skip: 0, limit: 100, afterId });
    out.push(...page.items);
    afterId = page.next === null ? null : (page.items.at(-1)?.id ?? null);
  } while (afterId !== null);
  return out;
}

/** How a run starts: which agents are online, and which are members of which team. */
interface Start {
  online: boolean[];
  member: boolean[][];
}

async function run(
  actions: Action[],
  capacities: number[],
  modes: RoutingMode[],
  start?: Start,
): Promise<void> {
  const ctx = await buildOrg(env);
  const agentIds: string[] = [];
  for (const capacity of capacities) {
    agentIds.push((await buildAgent(ctx, { maxConcurrent: capacity })).id);
  }
  const teamIds: string[] = [];
  for (const mode of modes) {
    const t = await buildTeam(ctx);
    await updateTeam(ctx, t.id, { routing: mode });
    teamIds.push(t.id);
  }
  const model: Model = {
    online: agentIds.map((_, a) => start?.online[a] ?? false),
    available: agentIds.map(() => true),
    chat: agentIds.map(() => true),
    member: agentIds.map((_, a) => teamIds.map((_, t) => start?.member[a]?.[t] ?? false)),
    capacity: capacities,
  };
  for (const [a, id] of agentIds.entries()) {
    if (model.online[a]) {
      await heartbeat(ctx, id, { deviceId: 'desk' });
    }
  }
  for (const [t, id] of teamIds.entries()) {
    const add = agentIds.filter((_, a) => model.member[a]?.[t] === true);
    await updateTeamMembers(ctx, id, { add, remove: [] });
  }
  const index = new Map(agentIds.map((id, i) => [id, i]));
  const eligible = (a: number, c: Row) => {
    const t = teamIds.indexOf(c.teamId ?? '');
    return (
      t >= 0 &&
      model.online[a] === true &&
      model.available[a] === true &&
      model.member[a]?.[t] === true &&
      (c.channel === null || model.chat[a] === true)
    );
  };
  let before = new Map<string, Row>();

  for (const [step, act] of actions.entries()) {
    const open = [...before.values()].filter((c) => c.status !== 'closed');
    switch (act.kind) {
      case 'create':
        await createConversation(ctx, { teamId: teamIds[act.team], channel: act.chat ? 'chat' : null });
        break;
      case 'close': {
        const target = open[act.pick % Math.max(open.length, 1)];
        if (target !== undefined) {
          await closeConversation(ctx, target.id);
        }
        break;
      }
      case 'available':
        model.available[act.agent] = act.on;
        await setAvailability(ctx, agentIds[act.agent] ?? '', { available: act.on });
        break;
      case 'online':
        model.online[act.agent] = act.on;
        if (act.on) {
          await heartbeat(ctx, agentIds[act.agent] ?? '', { deviceId: 'desk' });
        } else {
          await signOutDevice(ctx, agentIds[act.agent] ?? '', 'desk');
        }
        break;
      case 'member': {
        const row = model.member[act.agent] as boolean[];
        row[act.team] = act.on;
        const change = {
          add: act.on ? [agentIds[act.agent] ?? ''] : [],
          remove: act.on ? [] : [agentIds[act.agent] ?? ''],
        };
        await updateTeamMembers(ctx, teamIds[act.team] ?? '', change);
        break;
      }
      case 'chat':
        model.chat[act.agent] = act.on;
        await setAvailability(ctx, agentIds[act.agent] ?? '', { channels: { chat: act.on } });
        break;
    }

    const rows = await allConversations(ctx);
    const where = `step ${step} (${JSON.stringify(act)})`;
    const load = agentIds.map(
      (id) => rows.filter((c) => c.status === 'assigned' && c.assigneeId === id).length,
    );
    // The load each agent's row carries (kept by triggers) is the one its conversations give.
    const counted = await ctx.db
      .select({ id: agents.id, n: agents.assignedCount })
      .from(agents)
      .where(inArray(agents.id, agentIds));
    for (const { id, n } of counted) {
      assert.equal(
        n,
        load[agentIds.indexOf(id)],
        `${where}: assigned_count of agent ${agentIds.indexOf(id)}`,
      );
    }
    load.forEach((n, a) => {
      assert.ok(
        n <= (model.capacity[a] ?? 0),
        `${where}: agent ${a} holds ${n} > capacity ${model.capacity[a]}`,
      );
    });
    for (const c of rows) {
      const previous = before.get(c.id);
      const newlyAssigned =
        c.status === 'assigned' &&
        (previous === undefined || previous.assigneeId !== c.assigneeId || previous.status !== 'assigned');
      if (newlyAssigned) {
        const a = index.get(c.assigneeId ?? '') ?? -1;
        assert.ok(eligible(a, c), `${where}: ${c.id} went to agent ${a}, which is not eligible`);
      }
      if (c.status === 'queued') {
        const t = teamIds.indexOf(c.teamId ?? '');
        if (modes[t] !== 'manual') {
          const idle = agentIds.findIndex(
            (_, a) => eligible(a, c) && (load[a] ?? 0) < (model.capacity[a] ?? 0),
          );
          assert.equal(idle, -1, `${where}: ${c.id} waits while agent ${idle} could take it`);
        }
      }
    }
    before = new Map(rows.map((c) => [c.id, c]));
  }
}

describe('routing invariants over random interleavings', () => {
  it('hold for a member joining a team with queued work while online', async () => {
    await run(
      [
        { kind: 'create', team: 0, chat: false },
        { kind: 'online', agent: 0, on: true },
        { kind: 'member', agent: 0, team: 0, on: true },
        { kind: 'create', team: 0, chat: true },
        { kind: 'close', pick: 0 },
      ],
      [1, 1, 1],
      ['least_busy', 'round_robin'],
    );
  });

  it('hold after every step', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(action, { minLength: 15, maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 2 }), { minLength: AGENTS, maxLength: AGENTS }),
        fc.array(fc.constantFrom<RoutingMode>('least_busy', 'round_robin'), {
          minLength: TEAMS,
          maxLength: TEAMS,
        }),
        fc.record({
          online: fc.array(fc.boolean(), { minLength: AGENTS, maxLength: AGENTS }),
          member: fc.array(fc.array(fc.boolean(), { minLength: TEAMS, maxLength: TEAMS }), {
            minLength: AGENTS,
            maxLength: AGENTS,
          }),
        }),
        (actions, capacities, modes, start) => run(actions, capacities, modes, start),
      ),
      { numRuns: 20 },
    );
  });
});
