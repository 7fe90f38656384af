import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import {
  changeScimGroup,
  createScimGroup,
  deleteScimGroup,
  getScimGroup,
  listScimGroups,
  type ScimGroup,
} from '../../core/scim/scim-groups.js';
import { groupFilter } from './filter.js';
import { fromScimGroup, toScimGroup } from './groups.js';
import {
  assertSameId,
  GroupBody,
  groupId,
  IdParams,
  ifMatch,
  ListQuery,
  listResponse,
  notModified,
  PatchBody,
  ReadQuery,
  scimRoute,
  sendScim,
  urlOf,
} from './http.js';
import { applyPatch, type PatchOperation } from './patch.js';
import { pageOf, project, type ScimQuery, wantsMembers } from './projection.js';
import type { Json } from './users.js';

const config = { scope: 'scim' } as const;

const present = (request: FastifyRequest, group: ScimGroup) =>
  toScimGroup(group, urlOf(request, `/Groups/${group.team.id}`), urlOf(request, '/Users'));

/** The group as a PATCH sees it: members by value and display only. */
function patchable(group: ScimGroup): Json {
  return {
    id: group.team.id,
    displayName: group.team.name,
    ...(group.team.externalId === null ? {} : { externalId: group.team.externalId }),
    members: (group.members ?? []).map((m) => ({ value: m.id, display: m.fullName })),
  };
}

/** SCIM Groups: Roster's teams. */
export const scimGroupRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/Groups', { schema: { ...scimRoute, querystring: ListQuery }, config }, async (request, reply) => {
    const query = request.query as ScimQuery;
    const page = pageOf(query);
    const found = await listScimGroups(request.ctx, groupFilter(query.filter), page, wantsMembers(query));
    const resources = found.items.map((g) => project(present(request, g), query));
    return sendScim(reply, 200, listResponse(found.total, page.startIndex, resources));
  });

  app.get(
    '/Groups/:id',
    { schema: { ...scimRoute, params: IdParams, querystring: ReadQuery }, config },
    async (request, reply) => {
      const query = request.query as ScimQuery;
      const group = await getScimGroup(request.ctx, groupId(request.params.id), wantsMembers(query));
      const resource = present(request, group);
      if (notModified(request, String((resource.meta as Json).version))) {
        return reply
          .status(304)
          .header('etag', (resource.meta as Json).version)
          .send();
      }
      return sendScim(reply, 200, project(resource, query));
    },
  );

  app.post('/Groups', { schema: { ...scimRoute, body: GroupBody }, config }, async (request, reply) => {
    const group = await createScimGroup(request.ctx, fromScimGroup(request.body as Json));
    const resource = present(request, group);
    reply.header('location', (resource.meta as Json).location);
    return sendScim(reply, 201, resource);
  });

  app.put(
    '/Groups/:id',
    { schema: { ...scimRoute, params: IdParams, body: GroupBody }, config },
    async (request, reply) => {
      const id = groupId(request.params.id);
      const body = request.body as Json;
      assertSameId(body, id);
      const group = await changeScimGroup(request.ctx, id, () => fromScimGroup(body), ifMatch(request));
      return sendScim(reply, 200, present(request, group));
    },
  );

  app.patch(
    '/Groups/:id',
    { schema: { ...scimRoute, params: IdParams, body: PatchBody, querystring: ReadQuery }, config },
    async (request, reply) => {
      const id = groupId(request.params.id);
      const operations = request.body.Operations as PatchOperation[];
      const group = await changeScimGroup(
        request.ctx,
        id,
        (current) => {
          const patched = applyPatch(patchable(current), operations);
          assertSameId(patched, id);
          return fromScimGroup(patched);
        },
        ifMatch(request),
      );
      const query = request.query as ScimQuery;
      if (query.attributes === undefined && query.excludedAttributes === undefined) {
        // Entra expects 204 from a group PATCH; the new version still goes out as the ETag.
        reply.header('etag', (present(request, group).meta as Json).version);
        return reply.status(204).send();
      }
      return sendScim(reply, 200, project(present(request, group), query));
    },
  );

  app.delete(
    '/Groups/:id',
    { schema: { ...scimRoute, params: IdParams }, config },
    async (request, reply) => {
      await deleteScimGroup(request.ctx, groupId(request.params.id), ifMatch(request));
      return reply.status(204).send();
    },
  );
};
