import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppDeps } from '../deps.js';
import { bearerToken, installAuth, queryParam } from '../plugins/auth.js';
import { installIdempotency } from '../plugins/idempotency.js';
import { agentsRoutes } from './agents.routes.js';
import { agentsBulkRoutes } from './agents-bulk.routes.js';
import { apiKeysRoutes } from './api-keys.routes.js';
import { auditRoutes } from './audit.routes.js';
import { backupRoutes } from './backup.routes.js';
import { conversationsRoutes } from './conversations.routes.js';
import { installV1Errors } from './errors.js';
import { eventsRoutes } from './events.routes.js';
import { orgsRoutes } from './orgs.routes.js';
import { presenceRoutes } from './presence.routes.js';
import { presenceStatusesRoutes } from './presence-statuses.routes.js';
import { sessionsRoutes, sessionToken } from './sessions.routes.js';
import { supervisorsRoutes } from './supervisors.routes.js';
import { teamsRoutes } from './teams.routes.js';
import { webhooksRoutes } from './webhooks.routes.js';

/**
 * The native API: `Authorization: Bearer <key>` (or the console's session cookie), snake_case,
 * RFC 9457 errors.
 */
export const v1Dialect =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    installV1Errors(app);
    installAuth(app, deps, (request) => {
      const orgId = queryParam(request, 'org_id', 'orgId');
      const key = bearerToken(request, 'Bearer');
      if (key !== null || request.headers.authorization !== undefined) {
        return { secret: key, orgId };
      }
      // The console's browser sends no Authorization header: its session cookie stands in.
      const token = sessionToken(request);
      return { secret: token, orgId, session: token !== null };
    });
    installIdempotency(app, deps);
    await app.register(orgsRoutes(deps));
    await app.register(apiKeysRoutes);
    await app.register(agentsRoutes);
    await app.register(agentsBulkRoutes);
    await app.register(teamsRoutes);
    await app.register(eventsRoutes(deps));
    await app.register(presenceRoutes);
    await app.register(presenceStatusesRoutes);
    await app.register(supervisorsRoutes);
    await app.register(conversationsRoutes);
    await app.register(webhooksRoutes(deps));
    await app.register(backupRoutes(deps));
    await app.register(auditRoutes);
    await app.register(sessionsRoutes(deps));
  };
