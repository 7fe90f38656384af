import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createOrg, deleteOrg, getOrg, listOrgs, updateOrg } from '../../core/orgs/orgs.js';
import type { AppDeps } from '../deps.js';
import {
  IdParams,
  NoContent,
  PageQuery,
  problems,
  SECURED,
  sendPage,
  Timestamp,
  toPageRequest,
  Uuid,
} from './common.schemas.js';
import { presentOrg } from './presenters.js';

const Org = Type.Object({
  id: Uuid('Org id'),
  name: Type.String({ description: 'Org name' }),
  default_max_concurrent: Type.Integer({ description: 'Capacity of agents whose agent and teams set none' }),
  created_at: Timestamp('Creation timestamp'),
  updated_at: Timestamp('Last modification timestamp'),
});
const OrgBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 255, description: 'Org name, 1 to 255 characters' }),
    default_max_concurrent: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 1000,
        description: 'Capacity of agents whose agent and teams set none (default 5)',
      }),
    ),
  },
  { additionalProperties: false },
);
const OrgParams = IdParams('The org ID');
const NoQuery = Type.Object({}, { additionalProperties: false });
const tags = ['orgs'];

// Orgs are platform-level: every route takes the master key (checked in the core). Scopes do not
// apply to the master key, so `keys:write` here only marks the routes as authenticated.
/** Master-only org management. */
export const orgsRoutes =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/orgs',
      {
        schema: {
          tags,
          summary: 'List orgs (master key)',
          security: SECURED,
          querystring: PageQuery({}),
          response: { 200: Type.Array(Org), ...problems(400, 401, 403) },
        },
        config: { scope: 'keys:write', acrossOrgs: true },
      },
      async (request, reply) => {
        const page = await listOrgs(request.ctx, toPageRequest(request.query));
        return sendPage(request, reply, page, presentOrg);
      },
    );

    app.post(
      '/orgs',
      {
        schema: {
          tags,
          summary: 'Create an org (master key)',
          security: SECURED,
          querystring: NoQuery,
          body: OrgBody,
          response: { 201: Org, ...problems(400, 401, 403) },
        },
        config: { scope: 'keys:write', acrossOrgs: true },
      },
      async (request, reply) => {
        reply.status(201);
        const { name, default_max_concurrent } = request.body;
        return presentOrg(
          await createOrg(request.ctx, { name, defaultMaxConcurrent: default_max_concurrent }),
        );
      },
    );

    app.get(
      '/orgs/:id',
      {
        schema: {
          tags,
          summary: 'Get an org (master key)',
          security: SECURED,
          params: OrgParams,
          querystring: NoQuery,
          response: { 200: Org, ...problems(400, 401, 403, 404) },
        },
        config: { scope: 'keys:write', acrossOrgs: true },
      },
      async (request) => presentOrg(await getOrg(request.ctx, request.params.id)),
    );

    app.patch(
      '/orgs/:id',
      {
        schema: {
          tags,
          summary: 'Rename an org (master key)',
          security: SECURED,
          params: OrgParams,
          querystring: NoQuery,
          body: Type.Partial(OrgBody, { additionalProperties: false }),
          response: { 200: Org, ...problems(400, 401, 403, 404) },
        },
        config: { scope: 'keys:write', acrossOrgs: true },
      },
      async (request) => {
        const { name, default_max_concurrent } = request.body;
        return presentOrg(
          await updateOrg(request.ctx, request.params.id, {
            name,
            defaultMaxConcurrent: default_max_concurrent,
          }),
        );
      },
    );

    app.delete(
      '/orgs/:id',
      {
        schema: {
          tags,
          summary: 'Delete an org and everything in it (master key)',
          security: SECURED,
          params: OrgParams,
          querystring: NoQuery,
          response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) },
        },
        config: { scope: 'keys:write', acrossOrgs: true },
      },
      async (request, reply) => {
        await deleteOrg(request.ctx, request.params.id, deps.platform.defaultOrgId);
        return reply.status(204).send(null);
      },
    );
  };
