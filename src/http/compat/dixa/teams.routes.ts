import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createTeam, deleteTeam, getTeam, listTeams } from '../../../core/teams/teams.js';
import { DIXA_SECURED, NoContent, TeamParams } from './common.schemas.js';
import { dixaErrors } from './errors.js';
import { collectAll } from './paging.js';
import { presentTeam } from './presenters.js';
import { CreateTeamInput, DixaTeam } from './teams.schemas.js';

const tags = ['Dixa: teams'];

/** Dixa's `/beta/teams` (seed 000): list, create, get and delete teams of the key's organization. */
export const teamsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/teams',
    {
      schema: {
        tags,
        summary: 'List teams (all of them: Dixa does not page this list)',
        security: DIXA_SECURED,
        response: { 200: Type.Object({ data: Type.Array(DixaTeam) }), ...dixaErrors(400, 401, 403) },
      },
      config: { scope: 'teams:read' },
    },
    async (request) => ({
      data: (await collectAll((page) => listTeams(request.ctx, page))).map(presentTeam),
    }),
  );

  app.post(
    '/teams',
    {
      schema: {
        tags,
        summary: 'Create a team',
        security: DIXA_SECURED,
        body: CreateTeamInput,
        response: { 201: Type.Object({ data: DixaTeam }), ...dixaErrors(400, 401, 403, 409) },
      },
      config: { scope: 'teams:write' },
    },
    async (request, reply) => {
      reply.status(201);
      return { data: presentTeam(await createTeam(request.ctx, { name: request.body.name })) };
    },
  );

  app.get(
    '/teams/:teamId',
    {
      schema: {
        tags,
        summary: 'Get a team',
        security: DIXA_SECURED,
        params: TeamParams,
        response: { 200: Type.Object({ data: DixaTeam }), ...dixaErrors(400, 401, 403, 404) },
      },
      config: { scope: 'teams:read' },
    },
    async (request) => ({ data: presentTeam(await getTeam(request.ctx, request.params.teamId)) }),
  );

  app.delete(
    '/teams/:teamId',
    {
      schema: {
        tags,
        summary: 'Delete a team',
        security: DIXA_SECURED,
        params: TeamParams,
        response: { 204: NoContent, ...dixaErrors(400, 401, 403, 404) },
      },
      config: { scope: 'teams:delete' },
    },
    async (request, reply) => {
      await deleteTeam(request.ctx, request.params.teamId);
      return reply.status(204).send(null);
    },
  );
};
