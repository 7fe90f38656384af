import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { updateTeamMembers } from '../../../core/teams/team-members.js';
import { getTeam } from '../../../core/teams/teams.js';
import { DIXA_SECURED, NoContent, TeamParams } from './common.schemas.js';
import { dixaErrors } from './errors.js';
import { presentTeamMember } from './presenters.js';
import { AgentIdsInput, TeamMember } from './teams.schemas.js';

const tags = ['Dixa: teams'];

/**
 * Dixa's `/beta/teams/{teamId}/agents` (seed 000): list, add (PATCH) and remove (DELETE with a
 * body). An agent already in the team, or not in it, is no error; an unknown agent id fails the
 * whole call and changes nothing, which the core enforces with `requireAll`.
 */
export const teamMembersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/teams/:teamId/agents',
    {
      schema: {
        tags,
        summary: 'List the members of a team (all of them: Dixa does not page this list)',
        security: DIXA_SECURED,
        params: TeamParams,
        response: { 200: Type.Object({ data: Type.Array(TeamMember) }), ...dixaErrors(400, 401, 403, 404) },
      },
      config: { scope: 'teams:read' },
    },
    async (request) => ({
      data: (await getTeam(request.ctx, request.params.teamId)).members.map(presentTeamMember),
    }),
  );

  app.patch(
    '/teams/:teamId/agents',
    {
      schema: {
        tags,
        summary: 'Add agents/admins to a team (200 with the members, as GET answers)',
        description:
          "Dixa's spec documents no response body, but its own tooling parses every 2xx that is not " +
          'a 204 as JSON: the answer is the team members after the change, `{data: [...]}`.',
        security: DIXA_SECURED,
        params: TeamParams,
        body: AgentIdsInput,
        response: {
          200: Type.Object({ data: Type.Array(TeamMember) }, { description: 'The members after the change' }),
          ...dixaErrors(400, 401, 403, 404),
        },
      },
      config: { scope: 'teams:write' },
    },
    async (request) => {
      const add = request.body.agentIds ?? [];
      await updateTeamMembers(request.ctx, request.params.teamId, { add, remove: [] }, { requireAll: true });
      return { data: (await getTeam(request.ctx, request.params.teamId)).members.map(presentTeamMember) };
    },
  );

  app.delete(
    '/teams/:teamId/agents',
    {
      schema: {
        tags,
        summary: 'Remove agents/admins from a team (a DELETE with a JSON body)',
        security: DIXA_SECURED,
        params: TeamParams,
        body: AgentIdsInput,
        response: { 204: NoContent, ...dixaErrors(400, 401, 403, 404) },
      },
      config: { scope: 'teams:write' },
    },
    async (request, reply) => {
      const remove = request.body.agentIds ?? [];
      await updateTeamMembers(request.ctx, request.params.teamId, { add: [], remove }, { requireAll: true });
      return reply.status(204).send(null);
    },
  );
};
