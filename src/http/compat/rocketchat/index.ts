import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { assertScope } from '../../../core/access.js';
import { ERRORS } from '../../../core/errors.js';
import { type AppDeps, auditSource, requestCtx } from '../../deps.js';
import { dialectOf } from '../../dialects.js';
import { authenticateLimited } from '../../plugins/auth.js';
import { agentStatusRoutes } from './agent-status.routes.js';
import { departmentAgentsRoutes } from './department-agents.routes.js';
import { departmentLookupsRoutes } from './department-lookups.routes.js';
import { departmentsRoutes } from './departments.routes.js';
import { installRocketChatErrors, NO_PERMISSION, RocketChatError } from './errors.js';
import { livechatAgentsRoutes } from './livechat-agents.routes.js';
import { hasAnyPermission, type RocketChatPermission } from './permissions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Rocket.Chat permissions of which the caller must hold at least one (`hasAny`). */
    rocketChatPermissions?: readonly RocketChatPermission[];
  }
}

function header(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Rocket.Chat's omnichannel department API at `/api/v1/livechat`: `X-Auth-Token: <api key>` with
 * `X-User-Id: <agent id>`, the agent the key is bound to. Checks, in Rocket.Chat's order:
 * credentials (401), then the key's scope and the route's permissions (403), then the input (400).
 */
export const rocketChatDialect =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    installRocketChatErrors(app);
    app.addHook('onRequest', async (request, reply) => {
      const { scope, rocketChatPermissions } = request.routeOptions.config;
      if (scope === undefined) {
        return;
      }
      const token = header(request, 'x-auth-token');
      const userId = header(request, 'x-user-id');
      if (token === null || userId === null) {
        throw ERRORS.unauthenticated();
      }
      const actor = await authenticateLimited(deps, request, reply, { secret: token, orgId: null });
      // A token stands for one user: a key bound to no agent, or to another one, is no login here.
      if (actor.agent === null || actor.agent.id !== userId.toLowerCase()) {
        throw ERRORS.unauthenticated('The key is not bound to the agent in X-User-Id');
      }
      request.actor = actor;
      request.ctx = requestCtx(deps, actor, request.log, {
        audit: auditSource(request, dialectOf(request.url).name),
      });
      assertScope(actor, scope);
      if (rocketChatPermissions !== undefined && !hasAnyPermission(actor, rocketChatPermissions)) {
        throw new RocketChatError(403, NO_PERMISSION);
      }
    });
    // Before the department routes: its static paths are no department ids.
    await app.register(departmentLookupsRoutes);
    await app.register(departmentsRoutes);
    await app.register(departmentAgentsRoutes);
    await app.register(agentStatusRoutes);
    await app.register(livechatAgentsRoutes);
  };
