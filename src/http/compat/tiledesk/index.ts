import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { isUuid } from '../../../core/ids.js';
import type { AppDeps } from '../../deps.js';
import { bearerToken, installAuth } from '../../plugins/auth.js';
import { installTiledeskErrors, NOT_A_MEMBER, TiledeskError } from './errors.js';
import { extraRoutes } from './extras.routes.js';
import { groupRoutes } from './groups.routes.js';
import { readRoutes } from './reads.routes.js';
import { writeRoutes } from './writes.routes.js';

const projectOf = (request: FastifyRequest) =>
  String((request.params as { project_id?: unknown }).project_id ?? '').toLowerCase();

/**
 * Tiledesk sends `Authorization: JWT <token>`; `Bearer <key>` is accepted too. The project in the
 * path is the org asked for, so the master key acts on it; a key of another org is refused below.
 */
export function tiledeskCredentials(request: FastifyRequest): {
  secret: string | null;
  orgId: string | null;
} {
  const project = projectOf(request);
  return { secret: bearerToken(request, 'JWT', 'Bearer'), orgId: isUuid(project) ? project : null };
}

/** The Tiledesk-compatible teammate API (seed 002), `/v3/:project_id/project_users...`, and groups. */
export const tiledeskDialect =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    installTiledeskErrors(app);
    installAuth(app, deps, tiledeskCredentials);
    // After authentication: whatever the project, exists or not, a key of another org is no member.
    app.addHook('onRequest', async (request) => {
      if (request.routeOptions.config.scope !== undefined && request.actor?.orgId !== projectOf(request)) {
        throw new TiledeskError(403, { msg: NOT_A_MEMBER });
      }
    });
    await app.register(readRoutes);
    await app.register(writeRoutes);
    await app.register(extraRoutes);
    await app.register(groupRoutes);
  };
