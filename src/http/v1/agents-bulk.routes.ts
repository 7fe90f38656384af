import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { assertScope, type Role } from '../../core/access.js';
import { upsertAgents } from '../../core/agents/agents-bulk.js';
import { BulkAgentsBody, BulkAgentsResult } from './agents.schemas.js';
import { OrgQuery, problems, SECURED } from './common.schemas.js';

/** `POST /v1/agents/bulk`: create or update up to 1,000 agents by email, one result per item. */
export const agentsBulkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/agents/bulk',
    {
      schema: {
        tags: ['agents'],
        summary:
          'Create or update up to 1,000 agents, matched by email (case-insensitive), in one transaction',
        description:
          'Agents that do not exist are created (full_name required). Agents that exist are left as ' +
          'they are (`unchanged`) unless `update` is true, which writes the fields that differ. An item ' +
          'that cannot be applied fails alone, with its reason; repeating a call changes nothing. ' +
          'Items may name `teams` (by name): their agents join them in the same transaction, and ' +
          'teams that do not exist are created (this needs the teams:write scope too).',
        security: SECURED,
        querystring: OrgQuery,
        body: BulkAgentsBody,
        response: { 200: BulkAgentsResult, ...problems(400, 401, 403, 409) },
      },
      config: { scope: 'agents:write' },
    },
    async (request) => {
      if (request.body.agents.some((a) => a.teams !== undefined && a.teams.length > 0)) {
        // Joining teams is a change to them as well.
        assertScope(request.ctx.actor, 'teams:write');
      }
      const { results, teamsCreated } = await upsertAgents(
        request.ctx,
        request.body.agents.map((a) => ({
          email: a.email,
          fullName: a.full_name,
          role: a.role as Role | undefined,
          username: a.username,
          phoneNumber: a.phone_number,
          maxConcurrent: a.max_concurrent,
          tags: a.tags,
          teams: a.teams,
        })),
        { update: request.body.update ?? false, dryRun: request.body.dry_run ?? false },
      );
      const count = (status: string) => results.filter((r) => r.status === status).length;
      return {
        created: count('created'),
        updated: count('updated'),
        unchanged: count('unchanged'),
        failed: count('failed'),
        teams_created: teamsCreated,
        results: results.map((r) => ({
          index: r.index,
          email: r.email,
          status: r.status,
          id: r.agentId,
          fields: r.fields,
          error: r.error,
          joined_team_ids: r.joinedTeamIds,
        })),
      };
    },
  );
};
