import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { disableAgent, getAgent, listAgents, updateAgent } from '../../../core/agents/agents.js';
import type { AgentFilter } from '../../../core/agents/agents.repo.js';
import type { Ctx } from '../../../core/context.js';
import { ErrorCode, isDomainError } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import { getPresence } from '../../../core/presence/presence.js';
import { listAgentMemberships, MAX_OFFSET_PAGE } from '../../../core/teams/team-details.js';
import type { AgentRow } from '../../../db/schema.js';
import { failure, rocketChatErrors } from './errors.js';
import { pageSize } from './inputs.js';
import type { RocketChatPermission } from './permissions.js';
import { presentLivechatAgent } from './presenters.js';
import { LivechatAgent, ROCKETCHAT_SECURED, SuccessOnly } from './schemas.js';

const tags = ['Rocket.Chat: agents'];
const MANAGE_AGENTS: RocketChatPermission[] = ['manage-livechat-agents'];
const invalidUser = () => failure(400, 'Invalid user', 'error-invalid-user');

/** Agents read in one batch while counting a list's total. */
const BATCH = 100;

/** Every agent matching `filter`: Rocket.Chat lists show the total, so all matches are read. */
async function allAgents(ctx: Ctx, filter: AgentFilter): Promise<AgentRow[]> {
  const out: AgentRow[] = [];
  let afterId: string | null = null;
  do {
    const page = await listAgents(ctx, filter, { skip: 0, limit: BATCH, afterId });
    out.push(...page.items);
    afterId = page.next === null ? null : (page.items.at(-1)?.id ?? null);
  } while (afterId !== null);
  return out;
}

/** The departments (teams) the agent belongs to. */
async function departmentIds(ctx: Ctx, agentId: string): Promise<string[]> {
  return (await listAgentMemberships(ctx, agentId)).map((m) => m.team.id);
}

/** An agent as Rocket.Chat's livechat-agent user, or null when it is none (disabled or trashed). */
async function livechatAgentOf(ctx: Ctx, raw: string) {
  if (!isUuid(raw)) {
    return null;
  }
  try {
    const agent = await getAgent(ctx, raw.toLowerCase());
    if (agent.status === 'disabled' || agent.trashedAt !== null) {
      return null;
    }
    return presentLivechatAgent(agent, await getPresence(ctx, agent.id), await departmentIds(ctx, agent.id));
  } catch (err) {
    if (isDomainError(err) && err.code === ErrorCode.AgentNotFound) {
      return null;
    }
    throw err;
  }
}

const AgentIdParams = Type.Object({
  _id: Type.String({ maxLength: 200, description: 'The agent id (a Roster agent id)' }),
});

/**
 * Rocket.Chat's livechat agents (`/livechat/users/agent`): a Roster agent that is not disabled
 * holds Rocket.Chat's livechat-agent role. Granting the role enables the agent, revoking it
 * disables the agent, both through the core as any other dialect's enable and disable.
 */
export const livechatAgentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/users/agent',
    {
      schema: {
        tags,
        summary: 'List livechat agents (agents not disabled), by username',
        security: ROCKETCHAT_SECURED,
        querystring: Type.Object({
          offset: Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0, description: 'Rows to skip' }),
          count: Type.Integer({
            minimum: 0,
            default: 50,
            description: `Most rows: 0 or absent is 50, more than ${MAX_OFFSET_PAGE} reads ${MAX_OFFSET_PAGE}`,
          }),
          text: Type.Optional(
            Type.String({ maxLength: 255, description: 'Part of the name, username or email' }),
          ),
          onlyAvailable: Type.Optional(
            Type.String({ maxLength: 10, description: '"true": available agents only' }),
          ),
          excludeId: Type.Optional(Type.String({ maxLength: 200, description: 'An agent id to leave out' })),
          sort: Type.Optional(
            Type.String({ maxLength: 500, description: 'Accepted; the list is by username' }),
          ),
          showIdleAgents: Type.Optional(Type.String({ maxLength: 10, description: 'Accepted and ignored' })),
        }),
        response: {
          200: Type.Object({
            users: Type.Array(LivechatAgent),
            count: Type.Integer(),
            offset: Type.Integer(),
            total: Type.Integer(),
            success: Type.Literal(true),
          }),
          ...rocketChatErrors(400, 401, 403),
        },
      },
      config: { scope: 'agents:read', rocketChatPermissions: MANAGE_AGENTS },
    },
    async (request) => {
      const q = request.query;
      const ctx = request.ctx;
      const rows = (await allAgents(ctx, { q: q.text, excludeDisabled: true, trashed: false })).filter(
        (a) => a.id !== q.excludeId?.toLowerCase(),
      );
      const users: ReturnType<typeof presentLivechatAgent>[] = [];
      for (const agent of rows) {
        const user = presentLivechatAgent(
          agent,
          await getPresence(ctx, agent.id),
          await departmentIds(ctx, agent.id),
        );
        if (q.onlyAvailable !== 'true' || user.statusLivechat === 'available') {
          users.push(user);
        }
      }
      users.sort((a, b) => a.username.localeCompare(b.username));
      const page = users.slice(q.offset, q.offset + Math.min(pageSize(q.count), MAX_OFFSET_PAGE));
      return {
        users: page,
        count: page.length,
        offset: q.offset,
        total: users.length,
        success: true as const,
      };
    },
  );

  app.post(
    '/users/agent',
    {
      schema: {
        tags,
        summary: 'Grant the livechat-agent role: enable the agent of this username (or email)',
        security: ROCKETCHAT_SECURED,
        body: Type.Object({
          username: Type.String({
            minLength: 1,
            maxLength: 320,
            description: 'Username (or email) of the agent',
          }),
        }),
        response: {
          200: Type.Object({ user: LivechatAgent, success: Type.Literal(true) }),
          ...rocketChatErrors(400, 401, 403),
        },
      },
      config: { scope: 'agents:write', rocketChatPermissions: MANAGE_AGENTS },
    },
    async (request) => {
      const ctx = request.ctx;
      const { username } = request.body;
      const page = { skip: 0, limit: 1, afterId: null };
      const byUsername = (await listAgents(ctx, { username, trashed: false }, page)).items;
      const [agent] =
        byUsername.length > 0
          ? byUsername
          : (await listAgents(ctx, { email: username, trashed: false }, page)).items;
      if (agent === undefined) {
        throw invalidUser();
      }
      const enabled =
        agent.status === 'disabled' ? await updateAgent(ctx, agent.id, { status: 'active' }) : agent;
      const user = presentLivechatAgent(
        enabled,
        await getPresence(ctx, agent.id),
        await departmentIds(ctx, agent.id),
      );
      return { user, success: true as const };
    },
  );

  app.get(
    '/users/agent/:_id',
    {
      schema: {
        tags,
        summary: 'A livechat agent; null when the agent is unknown or disabled',
        security: ROCKETCHAT_SECURED,
        params: AgentIdParams,
        response: {
          200: Type.Object({ user: Type.Union([LivechatAgent, Type.Null()]), success: Type.Literal(true) }),
          ...rocketChatErrors(400, 401, 403),
        },
      },
      config: { scope: 'agents:read', rocketChatPermissions: MANAGE_AGENTS },
    },
    async (request) => ({
      user: await livechatAgentOf(request.ctx, request.params._id),
      success: true as const,
    }),
  );

  app.delete(
    '/users/agent/:_id',
    {
      schema: {
        tags,
        summary: 'Revoke the livechat-agent role: disable the agent',
        security: ROCKETCHAT_SECURED,
        params: AgentIdParams,
        response: { 200: SuccessOnly, ...rocketChatErrors(400, 401, 403) },
      },
      config: { scope: 'agents:delete', rocketChatPermissions: MANAGE_AGENTS },
    },
    async (request) => {
      const id = request.params._id.toLowerCase();
      if (!isUuid(id)) {
        throw invalidUser();
      }
      try {
        await disableAgent(request.ctx, id);
      } catch (err) {
        throw isDomainError(err) && err.code === ErrorCode.AgentNotFound ? invalidUser() : err;
      }
      return { success: true as const };
    },
  );
};
