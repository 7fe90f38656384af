import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ERRORS } from '../../../core/errors.js';
import type { AppDeps } from '../../deps.js';
import { bearerToken, installAuth, queryParam } from '../../plugins/auth.js';
import { webexAvailableRoutes } from './available.routes.js';
import { installWebexErrors } from './errors.js';
import { fromWebexId } from './ids.js';
import { webexPeopleRoutes } from './people.routes.js';
import { webexSupervisorsRoutes } from './supervisors.routes.js';

/** Webex's `orgId` in either form, as the UUID the core knows. @throws invalid_request. */
function orgIdOf(request: FastifyRequest): string | null {
  const given = queryParam(request, 'orgId');
  if (given === null) {
    return null;
  }
  const id = fromWebexId(given, 'ORGANIZATION');
  if (id === null) {
    throw ERRORS.invalid('query.orgId', 'is not an org id (a UUID, or a Webex base64 ORGANIZATION id)');
  }
  return id;
}

/**
 * Webex Calling's supervisor API at `/v1/telephony/config`: `Authorization: Bearer <key>`, camelCase,
 * `{message, errors, trackingId}` errors. It shares the `/v1` prefix with the native API but is a
 * plugin of its own, so neither's error handler, 404 or credentials reach the other.
 */
function installWebexBase(app: FastifyInstance, deps: AppDeps): void {
  installWebexErrors(app);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('trackingid', request.id);
  });
  installAuth(app, deps, (request) => {
    const secret = bearerToken(request, 'Bearer');
    // Credentials first: a request without a key is a 401 whatever its orgId.
    return { secret, orgId: secret === null ? null : orgIdOf(request) };
  });
}

export const webexDialect =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    installWebexBase(app, deps);
    await app.register(webexAvailableRoutes);
    await app.register(webexSupervisorsRoutes);
  };

/** Webex's People API at `/v1/people`, with the same credentials and error shape. */
export const webexPeopleDialect =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    installWebexBase(app, deps);
    await app.register(webexPeopleRoutes);
  };
