import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { getPresence, listPresence, setAvailability } from '../../../core/presence/presence.js';
import { AgentParams, DIXA_SECURED, NoContent, PaginationLinks, TeamParams } from './common.schemas.js';
import { dixaErrors } from './errors.js';
import { collectAll, pageMeta, toPageRequest } from './paging.js';
import { TeamPresenceQuery, UserPresence, WorkingChannelInput } from './presence.schemas.js';
import { presentPresence } from './presenters.js';

/**
 * Dixa presence (vendor spec section 1.1: teams/{teamId}/presence, agents/presence,
 * agents/{agentId}/presence, working-channel) over the same availability and connection
 * presence as /v1.
 */
export const presenceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/teams/:teamId/presence',
    {
      schema: {
        tags: ['Dixa: teams'],
        summary: 'List the presence of the members of a team, paged with pageKey and pageLimit',
        security: DIXA_SECURED,
        params: TeamParams,
        querystring: TeamPresenceQuery,
        response: {
          200: Type.Object({ data: Type.Array(UserPresence), meta: PaginationLinks }),
          ...dixaErrors(400, 401, 403, 404),
        },
      },
      config: { scope: 'presence:read' },
    },
    async (request) => {
      const page = await listPresence(
        request.ctx,
        { teamId: request.params.teamId },
        toPageRequest(request.query),
      );
      return { data: page.items.map(presentPresence), meta: pageMeta(request, page.next) };
    },
  );

  app.get(
    '/agents/presence',
    {
      schema: {
        tags: ['Dixa: agents'],
        summary: 'List the presence of every agent/admin (a bare array, not paged, as in Dixa)',
        security: DIXA_SECURED,
        response: { 200: Type.Array(UserPresence), ...dixaErrors(400, 401, 403) },
      },
      config: { scope: 'presence:read' },
    },
    async (request) => {
      const views = await collectAll((page) => listPresence(request.ctx, { excludeDisabled: true }, page));
      return views.map(presentPresence);
    },
  );

  app.get(
    '/agents/:agentId/presence',
    {
      schema: {
        tags: ['Dixa: agents'],
        summary: 'Get the presence of an agent/admin',
        security: DIXA_SECURED,
        params: AgentParams,
        response: { 200: Type.Object({ data: UserPresence }), ...dixaErrors(400, 401, 403, 404) },
      },
      config: { scope: 'presence:read' },
    },
    async (request) => ({ data: presentPresence(await getPresence(request.ctx, request.params.agentId)) }),
  );

  app.put(
    '/agents/:agentId/presence/working-channel',
    {
      schema: {
        tags: ['Dixa: agents'],
        summary: 'Set whether the agent works one channel (the same channel flags as /v1 availability)',
        security: DIXA_SECURED,
        params: AgentParams,
        body: WorkingChannelInput,
        response: { 204: NoContent, ...dixaErrors(400, 401, 403, 404) },
      },
      config: { scope: 'presence:write' },
    },
    async (request, reply) => {
      const { channel, working } = request.body;
      await setAvailability(request.ctx, request.params.agentId, { channels: { [channel]: working } });
      return reply.status(204).send(null);
    },
  );
};
