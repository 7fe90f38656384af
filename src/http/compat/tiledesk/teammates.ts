import { getAgent, listAgents } from '../../../core/agents/agents.js';
import type { AgentFilter } from '../../../core/agents/agents.repo.js';
import type { Ctx } from '../../../core/context.js';
import type { PageRequest } from '../../../core/paging.js';
import { getPresence, listPresence, type PresenceView } from '../../../core/presence/presence.js';
import type { AgentRow } from '../../../db/schema.js';
import { presentTeammate } from './presenters.js';

/** Rows are read in pages of this size: Tiledesk lists are unpaginated. */
const BATCH = 100;

/** One teammate, read through the core. @throws forbidden; agent_not_found. */
export async function loadTeammate(ctx: Ctx, id: string) {
  const agent = await getAgent(ctx, id);
  return presentTeammate(agent, await getPresence(ctx, id));
}

/** Every item of a core keyset list, page by page: Tiledesk lists are one array. */
export async function everyPage<T extends { id: string }>(
  read: (page: PageRequest) => Promise<{ items: T[]; next: string | null }>,
): Promise<T[]> {
  const out: T[] = [];
  let afterId: string | null = null;
  do {
    const page = await read({ skip: 0, limit: BATCH, afterId });
    out.push(...page.items);
    afterId = page.next === null ? null : (page.items.at(-1)?.id ?? null);
  } while (afterId !== null);
  return out;
}

const allAgents = (ctx: Ctx, filter: AgentFilter): Promise<AgentRow[]> =>
  everyPage((page) => listAgents(ctx, filter, page));

async function allPresence(ctx: Ctx): Promise<Map<string, PresenceView>> {
  const views = new Map<string, PresenceView>();
  let afterId: string | null = null;
  do {
    const page = await listPresence(ctx, {}, { limit: BATCH, afterId });
    for (const view of page.items) {
      views.set(view.agentId, view);
    }
    afterId = page.next === null ? null : (page.items.at(-1)?.agentId ?? null);
  } while (afterId !== null);
  return views;
}

/** Every teammate matching the filter, with its presence: Tiledesk lists are one array. */
export async function loadTeammates(ctx: Ctx, filter: AgentFilter, connection?: 'online' | 'offline') {
  const agents = await allAgents(ctx, filter);
  const views = await allPresence(ctx);
  const out = [];
  for (const agent of agents) {
    const view = views.get(agent.id);
    if (view !== undefined && (connection === undefined || view.connection === connection)) {
      out.push(presentTeammate(agent, view));
    }
  }
  return out;
}
