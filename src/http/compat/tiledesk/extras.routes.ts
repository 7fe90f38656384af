import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listAgents } from '../../../core/agents/agents.js';
import { tiledeskErrors } from './errors.js';
import { presentPendingRecord } from './presenters.js';
import { PendingInvitationRecord, ProjectParams, TILEDESK_SECURED } from './schemas.js';
import { everyPage, loadTeammates } from './teammates.js';

const tags = ['Tiledesk: teammates'];

/**
 * The Tiledesk calls around the teammate API: the agents available now (what bots ask before a
 * hand-off to a human) and the pending invitations. Groups are in groups.routes.ts.
 */
export const extraRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/projects/:project_id/users/availables',
    {
      schema: {
        tags,
        summary:
          'The users available now: teammates whose availability switch is on (not disabled, not pending)',
        security: TILEDESK_SECURED,
        params: ProjectParams,
        response: {
          200: Type.Array(
            Type.Object({
              id: Type.String({ description: 'The user id (id_user._id)' }),
              firstname: Type.String(),
              lastname: Type.String(),
            }),
          ),
          ...tiledeskErrors(400, 401, 403),
        },
      },
      config: { scope: 'agents:read' },
    },
    async (request) => {
      const teammates = await loadTeammates(request.ctx, { status: 'active', trashed: false });
      return teammates
        .filter((t) => t.user_available)
        .map((t) => ({ id: t.id_user._id, firstname: t.id_user.firstname, lastname: t.id_user.lastname }));
    },
  );

  app.get(
    '/:project_id/pendinginvitations',
    {
      schema: {
        tags,
        summary: 'Invitations not accepted yet',
        security: TILEDESK_SECURED,
        params: ProjectParams,
        response: { 200: Type.Array(PendingInvitationRecord), ...tiledeskErrors(400, 401, 403) },
      },
      config: { scope: 'agents:read' },
    },
    async (request) =>
      (await everyPage((page) => listAgents(request.ctx, { status: 'invited', trashed: false }, page))).map(
        presentPendingRecord,
      ),
  );
};
