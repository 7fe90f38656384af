import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { getAgent } from '../../../core/agents/agents.js';
import { ErrorCode, isDomainError } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import { getPresence, setAvailability } from '../../../core/presence/presence.js';
import { BODY_OPTIONAL } from '../../plugins/openapi.js';
import { RocketChatError, rocketChatErrors } from './errors.js';
import { hasPermission } from './permissions.js';
import { AgentStatusBody, AgentStatusResult, ROCKETCHAT_SECURED } from './schemas.js';

const agentNotFound = () => new RocketChatError(404, 'Agent not found');

/**
 * Rocket.Chat's livechat status switch: the agent's availability, the same switch as `available`
 * in `PUT /v1/agents/{id}/availability`. Without `status` it flips.
 */
export const agentStatusRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/agent.status',
    {
      schema: {
        tags: ['Rocket.Chat: agents'],
        summary: "Set the caller's livechat status, or another agent's (manage-livechat-agents)",
        security: ROCKETCHAT_SECURED,
        body: AgentStatusBody,
        [BODY_OPTIONAL]: true,
        response: { 200: AgentStatusResult, ...rocketChatErrors(400, 401, 403, 404) },
      },
      config: { scope: 'presence:write', rocketChatPermissions: ['view-l-room'] },
      // A toggle needs no input: a POST without a body is the empty object.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const ctx = request.ctx;
      const self = ctx.actor.agent?.id ?? '';
      const given = request.body.agentId;
      const agentId = given === undefined || given === '' ? self : given.toLowerCase();
      if (agentId !== self && !hasPermission(ctx.actor, 'manage-livechat-agents')) {
        throw new RocketChatError(403, 'unauthorized');
      }
      if (!isUuid(agentId)) {
        throw agentNotFound();
      }
      const agent = await getAgent(ctx, agentId).catch((err: unknown) => {
        throw isDomainError(err) && err.code === ErrorCode.AgentNotFound ? agentNotFound() : err;
      });
      if (agent.status === 'disabled' || agent.trashedAt !== null) {
        throw new RocketChatError(400, 'error-user-deactivated');
      }
      const current = (await getPresence(ctx, agentId)).available;
      const wanted = request.body.status ?? (current ? 'not-available' : 'available');
      if ((wanted === 'available') !== current) {
        await setAvailability(ctx, agentId, { available: wanted === 'available' });
      }
      return { status: wanted, success: true as const };
    },
  );
};
