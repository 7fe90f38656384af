import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { bearerToken, installAuth } from '../../plugins/auth.js';
import { agentsRoutes } from './agents.routes.js';
import { agentsBulkRoutes } from './agents-bulk.routes.js';
import { installDixaErrors } from './errors.js';
import { presenceRoutes } from './presence.routes.js';
import { teamMembersRoutes } from './team-members.routes.js';
import { teamsRoutes } from './teams.routes.js';

/**
 * Dixa sends the API key bare in `Authorization` (vendor spec: apiKey in the Authorization
 * header); `Bearer <key>` is accepted too. Any other scheme is no credential. The key's org is
 * the Dixa organization, so no org is ever named in the request.
 */
export function dixaCredentials(request: FastifyRequest): { secret: string | null; orgId: null } {
  const header = request.headers.authorization?.trim();
  if (header === undefined || header === '') {
    return { secret: null, orgId: null };
  }
  return { secret: header.includes(' ') ? bearerToken(request, 'Bearer') : header, orgId: null };
}

/** The Dixa-compatible API (Teams and Agents, seed 000): camelCase, `{data}`, `{message}` errors. */
export const dixaDialect =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    installDixaErrors(app);
    installAuth(app, deps, dixaCredentials);
    await app.register(teamsRoutes);
    await app.register(teamMembersRoutes);
    await app.register(presenceRoutes);
    await app.register(agentsRoutes);
    await app.register(agentsBulkRoutes);
  };
