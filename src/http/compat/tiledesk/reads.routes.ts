import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { tiledeskErrors } from './errors.js';
import {
  ListQuery,
  ProjectParams,
  Teammate,
  TeammateParams,
  TILEDESK_SECURED,
  UserParams,
} from './schemas.js';
import { selfId } from './self.js';
import { loadTeammate, loadTeammates } from './teammates.js';

const tags = ['Tiledesk: teammates'];

/**
 * Reads of Tiledesk's `/v3/:project_id/project_users` (seed 002): the team, the caller, one
 * teammate, and the teammate that is a given user.
 */
export const readRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/:project_id/project_users',
    {
      schema: {
        tags,
        summary: 'Get the team: every teammate of the project, unpaginated (not trashed by default)',
        security: TILEDESK_SECURED,
        params: ProjectParams,
        querystring: ListQuery,
        response: { 200: Type.Array(Teammate), ...tiledeskErrors(400, 401, 403) },
      },
      config: { scope: 'agents:read' },
    },
    async (request) => {
      const q = request.query;
      const roles = [...(q.role ?? []), ...(q['role[]'] ?? [])].flatMap((r) => r.split(','));
      const teammates = await loadTeammates(
        request.ctx,
        { roles: roles.length > 0 ? roles : undefined, status: q.status, trashed: q.trashed ?? false },
        q.presencestatus,
      );
      // Tiledesk keeps pending invitations apart (GET .../pendinginvitations).
      return q.status === undefined ? teammates.filter((t) => t.status !== 'invited') : teammates;
    },
  );

  app.get(
    '/:project_id/project_users/me',
    {
      schema: {
        tags,
        summary: "The caller's own teammate, in an array (a key bound to an agent)",
        security: TILEDESK_SECURED,
        params: ProjectParams,
        response: { 200: Type.Array(Teammate), ...tiledeskErrors(401, 403, 404) },
      },
      config: { scope: 'agents:read' },
    },
    async (request) => [await loadTeammate(request.ctx, selfId(request.ctx))],
  );

  app.get(
    '/:project_id/project_users/:project_user_id',
    {
      schema: {
        tags,
        summary: 'Get a teammate by id',
        security: TILEDESK_SECURED,
        params: TeammateParams,
        response: { 200: Teammate, ...tiledeskErrors(400, 401, 403, 404) },
      },
      config: { scope: 'agents:read' },
    },
    async (request) => loadTeammate(request.ctx, request.params.project_user_id),
  );

  app.get(
    '/:project_id/project_users/users/:user_id',
    {
      schema: {
        tags,
        summary: 'Get a teammate by user id: an array with the teammate, empty when the user is none here',
        security: TILEDESK_SECURED,
        params: UserParams,
        response: { 200: Type.Array(Teammate), ...tiledeskErrors(400, 401, 403) },
      },
      config: { scope: 'agents:read' },
    },
    async (request) => loadTeammates(request.ctx, { userId: request.params.user_id }),
  );
};
