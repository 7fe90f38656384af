import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AppDeps } from '../deps.js';
import { bearerToken, installAuth } from '../plugins/auth.js';
import { resourceTypes, schemaDocuments, serviceProviderConfig } from './discovery.js';
import { installScimErrors, scimError } from './errors.js';
import { scimGroupRoutes } from './groups.routes.js';
import { listResponse, SCIM_PREFIX, scimRoute, sendScim, urlOf } from './http.js';
import { scimUserRoutes } from './users.routes.js';

/**
 * SCIM 2.0 (RFC 7643/7644) at /scim/v2 for identity providers (Okta, Microsoft Entra ID): Users
 * are agents, Groups are teams. `Authorization: Bearer <key>` with the scope `scim`; SCIM's error
 * schema; application/scim+json (application/json accepted). Discovery needs no key.
 */
export const scimDialect =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    installScimErrors(app);
    app.addContentTypeParser(
      'application/scim+json',
      { parseAs: 'string' },
      app.getDefaultJsonParser('error', 'error'),
    );
    installAuth(app, deps, (request) => ({ secret: bearerToken(request, 'Bearer'), orgId: null }));

    const base = (request: Parameters<typeof urlOf>[0]) => urlOf(request, '');
    app.get('/ServiceProviderConfig', { schema: scimRoute }, async (request, reply) =>
      sendScim(reply, 200, serviceProviderConfig(base(request))),
    );
    app.get('/ResourceTypes', { schema: scimRoute }, async (request, reply) => {
      const all = resourceTypes(base(request));
      return sendScim(reply, 200, listResponse(all.length, 1, all));
    });
    const Named = { params: Type.Object({ id: Type.String({ maxLength: 200 }) }) };
    app.get('/ResourceTypes/:id', { schema: { ...scimRoute, ...Named } }, async (request, reply) => {
      const found = resourceTypes(base(request)).find((r) => r.id === request.params.id);
      if (found === undefined) {
        return sendScim(reply, 404, notFound(`No resource type ${request.params.id}`));
      }
      return sendScim(reply, 200, found);
    });
    app.get('/Schemas', { schema: scimRoute }, async (request, reply) => {
      const all = schemaDocuments(base(request));
      return sendScim(reply, 200, listResponse(all.length, 1, all));
    });
    app.get('/Schemas/:id', { schema: { ...scimRoute, ...Named } }, async (request, reply) => {
      const found = schemaDocuments(base(request)).find((s) => s.id === request.params.id);
      if (found === undefined) {
        return sendScim(reply, 404, notFound(`No schema ${request.params.id}`));
      }
      return sendScim(reply, 200, found);
    });
    // Bulk is not offered (ServiceProviderConfig says so); a request for it is told plainly.
    app.post('/Bulk', { schema: scimRoute }, async () => {
      throw scimError('invalidSyntax', 'Bulk operations are not supported (see /ServiceProviderConfig)');
    });
    await app.register(scimUserRoutes);
    await app.register(scimGroupRoutes);
  };

function notFound(detail: string) {
  return { schemas: ['urn:ietf:params:scim:api:messages:2.0:Error'], status: '404', detail };
}

export { SCIM_PREFIX };
