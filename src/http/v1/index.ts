import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../deps.js';
import { bearerToken, installAuth, queryParam } from '../plugins/auth.js';
import { installIdempotency } from '../plugins/idempotency.js';
import { agentsRoutes } from './agents.routes.js';
import { apiKeysRoutes } from './api-keys.routes.js';
import { conversationsRoutes } from './conversations.routes.js';
import { installV1Errors } from './errors.js';
import { eventsRoutes } from './events.routes.js';
import { orgsRoutes } from './orgs.routes.js';
import { presenceRoutes } from './presence.routes.js';
import { presenceStatusesRoutes } from './presence-statuses.routes.js';
import { supervisorsRoutes } from './supervisors.routes.js';
import { teamsRoutes } from './teams.routes.js';

/** The native API: `Authorization: Bearer <key>`, snake_case, RFC 9457 errors. */
export const v1Dialect =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    installV1Errors(app);
    installAuth(app, deps, (request) => ({
      secret: bearerToken(request, 'Bearer'),
      orgId: queryParam(request, 'org_id', 'orgId'),
    }));
    installIdempotency(app, deps);
    await app.register(orgsRoutes(deps));
    await app.register(apiKeysRoutes);
    await app.register(agentsRoutes);
    await app.register(teamsRoutes);
    await app.register(eventsRoutes(deps));
    await app.register(presenceRoutes);
    await app.register(presenceStatusesRoutes);
    await app.register(supervisorsRoutes);
    await app.register(conversationsRoutes);
  };
