import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorCode, isDomainError } from '../../../core/errors.js';
import { getTeamWithCount, listTeamMemberDetails } from '../../../core/teams/team-details.js';
import { updateTeamMembers } from '../../../core/teams/team-members.js';
import { departmentNotFound, rocketChatErrors } from './errors.js';
import { AGENT_SORT, pageSize, parseSort, teamIdOf, toMemberUpsert } from './inputs.js';
import { presentDepartmentAgent } from './presenters.js';
import {
  AgentList,
  AgentListQuery,
  DepartmentParams,
  ROCKETCHAT_SECURED,
  SuccessOnly,
  UpdateAgentsBody,
} from './schemas.js';

const tags = ['Rocket.Chat: departments'];

/** The agents of a department (seed 004): read one page, or add, reorder and remove in one call. */
export const departmentAgentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/department/:_id/agents',
    {
      schema: {
        tags,
        summary: 'List the agents of a department, by username unless sorted otherwise (none when unknown)',
        security: ROCKETCHAT_SECURED,
        params: DepartmentParams,
        querystring: AgentListQuery,
        response: { 200: AgentList, ...rocketChatErrors(400, 401, 403) },
      },
      config: { scope: 'teams:read', rocketChatPermissions: ['view-livechat-departments', 'view-l-room'] },
    },
    async (request) => {
      const q = request.query;
      const sort = parseSort(q.sort, AGENT_SORT, [{ field: 'username', direction: 'asc' }]);
      const id = teamIdOf(request.params._id);
      const empty = { agents: [], count: 0, offset: q.offset, total: 0, success: true as const };
      if (id === null) {
        return empty;
      }
      try {
        // Read the team first: each agent carries whether its department is enabled.
        const team = await getTeamWithCount(request.ctx, id);
        const { items, total } = await listTeamMemberDetails(request.ctx, id, {
          offset: q.offset,
          limit: Math.min(pageSize(q.count), 100),
          sort,
        });
        const agents = items.map((m) => presentDepartmentAgent(team, m));
        return { agents, count: agents.length, offset: q.offset, total, success: true as const };
      } catch (err) {
        // As Rocket.Chat, an unknown department simply has no agents.
        if (isDomainError(err) && err.code === ErrorCode.TeamNotFound) {
          return empty;
        }
        throw err;
      }
    },
  );

  app.post(
    '/department/:_id/agents',
    {
      schema: {
        tags,
        summary:
          'Add or reorder (upsert) and remove agents of a department in one transaction; an unknown agent changes nothing',
        security: ROCKETCHAT_SECURED,
        params: DepartmentParams,
        body: UpdateAgentsBody,
        response: { 200: SuccessOnly, ...rocketChatErrors(400, 401, 403) },
      },
      config: {
        scope: 'teams:write',
        rocketChatPermissions: ['manage-livechat-departments', 'add-livechat-department-agents'],
      },
    },
    async (request) => {
      const id = teamIdOf(request.params._id);
      if (id === null) {
        throw departmentNotFound();
      }
      const { add, priorities } = toMemberUpsert(request.body.upsert);
      const remove = request.body.remove.map((r) => r.agentId);
      await updateTeamMembers(request.ctx, id, { add, remove }, { requireAll: true, priorities });
      return { success: true as const };
    },
  );
};
