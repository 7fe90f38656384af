import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  createPresenceStatus,
  deletePresenceStatus,
  listPresenceStatuses,
  updatePresenceStatus,
} from '../../core/presence/presence-statuses.js';
import { NoContent, OrgQuery, problems, SECURED } from './common.schemas.js';
import { CreateStatusBody, PresenceStatus, StatusParams, UpdateStatusBody } from './presence.schemas.js';
import { presentPresenceStatus } from './presenters.js';

const tags = ['presence'];

/** The org's presence statuses: built-in working and away, plus its own. */
export const presenceStatusesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/presence-statuses',
    {
      schema: {
        tags,
        summary: 'List presence statuses (built-in first)',
        security: SECURED,
        querystring: OrgQuery,
        response: { 200: Type.Array(PresenceStatus), ...problems(400, 401, 403) },
      },
      config: { scope: 'presence:read' },
    },
    async (request) => (await listPresenceStatuses(request.ctx)).map(presentPresenceStatus),
  );

  app.post(
    '/presence-statuses',
    {
      schema: {
        tags,
        summary: 'Create a presence status',
        security: SECURED,
        querystring: OrgQuery,
        body: CreateStatusBody,
        response: { 201: PresenceStatus, ...problems(400, 401, 403, 409) },
      },
      config: { scope: 'presence:write' },
    },
    async (request, reply) => {
      reply.status(201);
      return presentPresenceStatus(await createPresenceStatus(request.ctx, request.body));
    },
  );

  app.patch(
    '/presence-statuses/:key',
    {
      schema: {
        tags,
        summary: 'Change the label or availability of a presence status',
        security: SECURED,
        params: StatusParams,
        querystring: OrgQuery,
        body: UpdateStatusBody,
        response: { 200: PresenceStatus, ...problems(400, 401, 403, 404, 409) },
      },
      config: { scope: 'presence:write' },
    },
    async (request) =>
      presentPresenceStatus(await updatePresenceStatus(request.ctx, request.params.key, request.body)),
  );

  app.delete(
    '/presence-statuses/:key',
    {
      schema: {
        tags,
        summary: 'Delete a presence status; its agents move to away',
        security: SECURED,
        params: StatusParams,
        querystring: OrgQuery,
        response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
      },
      config: { scope: 'presence:write' },
    },
    async (request, reply) => {
      await deletePresenceStatus(request.ctx, request.params.key);
      return reply.status(204).send(null);
    },
  );
};
