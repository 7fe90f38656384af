import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  changeScimUser,
  createScimUser,
  deleteScimUser,
  getScimUser,
  listScimUsers,
} from '../../core/scim/scim-users.js';
import type { AgentRow } from '../../db/schema.js';
import { userFilter } from './filter.js';
import {
  assertSameId,
  IdParams,
  ifMatch,
  ListQuery,
  listResponse,
  notModified,
  PatchBody,
  ReadQuery,
  scimRoute,
  sendScim,
  UserBody,
  urlOf,
  userId,
} from './http.js';
import { applyPatch, type PatchOperation } from './patch.js';
import { pageOf, project, type ScimQuery } from './projection.js';
import { fromScimUser, type Json, nestExtensionKeys, toScimUser } from './users.js';

const config = { scope: 'scim' } as const;

const present = (request: FastifyRequest, agent: AgentRow) =>
  toScimUser(agent, urlOf(request, `/Users/${agent.id}`));

/** SCIM Users: Roster's agents. */
export const scimUserRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/Users', { schema: { ...scimRoute, querystring: ListQuery }, config }, async (request, reply) => {
    const query = request.query as ScimQuery;
    const page = pageOf(query);
    const found = await listScimUsers(request.ctx, userFilter(query.filter), page);
    const resources = found.items.map((a) => project(present(request, a), query));
    return sendScim(reply, 200, listResponse(found.total, page.startIndex, resources));
  });

  app.get(
    '/Users/:id',
    { schema: { ...scimRoute, params: IdParams, querystring: ReadQuery }, config },
    async (request, reply) => {
      const agent = await getScimUser(request.ctx, userId(request.params.id));
      const resource = present(request, agent);
      if (notModified(request, String((resource.meta as Json).version))) {
        return reply
          .status(304)
          .header('etag', (resource.meta as Json).version)
          .send();
      }
      return sendScim(reply, 200, project(resource, request.query as ScimQuery));
    },
  );

  app.post('/Users', { schema: { ...scimRoute, body: UserBody }, config }, async (request, reply) => {
    const state = fromScimUser(nestExtensionKeys(request.body as Json));
    const { agent } = await createScimUser(request.ctx, state);
    const resource = present(request, agent);
    reply.header('location', (resource.meta as Json).location);
    return sendScim(reply, 201, resource);
  });

  app.put(
    '/Users/:id',
    { schema: { ...scimRoute, params: IdParams, body: UserBody }, config },
    async (request, reply) => {
      const id = userId(request.params.id);
      const body = nestExtensionKeys(request.body as Json);
      assertSameId(body, id);
      const agent = await changeScimUser(request.ctx, id, () => fromScimUser(body), ifMatch(request));
      return sendScim(reply, 200, present(request, agent));
    },
  );

  app.patch(
    '/Users/:id',
    { schema: { ...scimRoute, params: IdParams, body: PatchBody }, config },
    async (request, reply) => {
      const id = userId(request.params.id);
      const operations = request.body.Operations as PatchOperation[];
      const agent = await changeScimUser(
        request.ctx,
        id,
        (current) => {
          const patched = applyPatch(present(request, current), operations);
          assertSameId(patched, id);
          return fromScimUser(nestExtensionKeys(patched));
        },
        ifMatch(request),
      );
      return sendScim(reply, 200, project(present(request, agent), request.query as ScimQuery));
    },
  );

  app.delete('/Users/:id', { schema: { ...scimRoute, params: IdParams }, config }, async (request, reply) => {
    await deleteScimUser(request.ctx, userId(request.params.id), ifMatch(request));
    return reply.status(204).send();
  });
};
