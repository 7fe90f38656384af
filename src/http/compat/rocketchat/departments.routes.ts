import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { inTransaction } from '../../../core/context.js';
import { ErrorCode, isDomainError } from '../../../core/errors.js';
import {
  archiveTeam,
  getTeamWithCount,
  searchTeams,
  type TeamSearchQuery,
  unarchiveTeam,
} from '../../../core/teams/team-details.js';
import { updateTeamMembers } from '../../../core/teams/team-members.js';
import { createTeam, deleteTeam, getTeam, updateTeam } from '../../../core/teams/teams.js';
import { departmentNotFound, rocketChatErrors } from './errors.js';
import {
  allDepartmentAgents,
  DEPARTMENT_SORT,
  pageSize,
  parseSort,
  teamIdOf,
  toMemberUpsert,
  toTeamInput,
} from './inputs.js';
import { hasAnyPermission, hasPermission, type RocketChatPermission } from './permissions.js';
import { presentDepartment } from './presenters.js';
import {
  ArchivedListQuery,
  DepartmentBody,
  DepartmentList,
  DepartmentListQuery,
  DepartmentParams,
  DepartmentQuery,
  DepartmentRead,
  DepartmentWithAgents,
  ROCKETCHAT_SECURED,
  SuccessOnly,
} from './schemas.js';

const tags = ['Rocket.Chat: departments'];
const VIEW: RocketChatPermission[] = ['view-livechat-departments', 'view-l-room'];
const MANAGE: RocketChatPermission[] = ['manage-livechat-departments'];
const ADD_AGENTS: RocketChatPermission[] = ['manage-livechat-departments', 'add-livechat-department-agents'];

/** The team a write names; an id that cannot name one is Rocket.Chat's unknown department. */
function writableId(raw: string): string {
  const id = teamIdOf(raw);
  if (id === null) {
    throw departmentNotFound();
  }
  return id;
}

type ListQuery = { offset: number; count?: number; sort?: string; text?: string };

function searchOf(q: ListQuery, archived: TeamSearchQuery['archived'], enabled?: boolean): TeamSearchQuery {
  return {
    text: q.text,
    enabled,
    archived,
    sort: parseSort(q.sort, DEPARTMENT_SORT, [{ field: 'name', direction: 'asc' }]),
    offset: q.offset,
    limit: pageSize(q.count),
  };
}

/**
 * Rocket.Chat's omnichannel departments (seed 004): a department is a Roster team, its agents the
 * team's members, `order` their priority and `maxNumberSimultaneousChat` the team's default capacity.
 */
export const departmentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/department',
    {
      schema: {
        tags,
        summary: 'List departments, by name unless sorted otherwise (archived ones with showArchived=true)',
        security: ROCKETCHAT_SECURED,
        querystring: DepartmentListQuery,
        response: { 200: DepartmentList, ...rocketChatErrors(400, 401, 403) },
      },
      config: { scope: 'teams:read', rocketChatPermissions: VIEW },
    },
    async (request) => {
      const q = request.query;
      const archived = q.showArchived === 'true' ? 'include' : 'exclude';
      const { items, total } = await searchTeams(
        request.ctx,
        searchOf(q, archived, q.enabled === 'true' ? true : undefined),
      );
      const departments = items.map(presentDepartment);
      return { departments, count: departments.length, offset: q.offset, total, success: true as const };
    },
  );

  app.get(
    '/departments/archived',
    {
      schema: {
        tags,
        summary: 'List archived departments',
        security: ROCKETCHAT_SECURED,
        querystring: ArchivedListQuery,
        response: { 200: DepartmentList, ...rocketChatErrors(400, 401, 403) },
      },
      config: { scope: 'teams:read', rocketChatPermissions: VIEW },
    },
    async (request) => {
      const { items, total } = await searchTeams(request.ctx, searchOf(request.query, 'only'));
      const departments = items.map(presentDepartment);
      return {
        departments,
        count: departments.length,
        offset: request.query.offset,
        total,
        success: true as const,
      };
    },
  );

  app.post(
    '/department',
    {
      schema: {
        tags,
        summary: 'Create a department (a team), optionally with agents',
        security: ROCKETCHAT_SECURED,
        body: DepartmentBody,
        response: { 200: DepartmentWithAgents, ...rocketChatErrors(400, 401, 403) },
      },
      config: { scope: 'teams:write', rocketChatPermissions: MANAGE },
    },
    async (request) => {
      const { department, agents } = request.body;
      const input = toTeamInput(department);
      // One department, one change: an unknown agent leaves no department behind.
      const team = await inTransaction(request.ctx, async (tx) => {
        const created = await createTeam(tx, { ...input, name: department.name });
        if (agents !== undefined && agents.length > 0) {
          const { add, priorities } = toMemberUpsert(agents);
          await updateTeamMembers(tx, created.id, { add, remove: [] }, { requireAll: true, priorities });
        }
        return created;
      });
      return {
        department: presentDepartment(await getTeamWithCount(request.ctx, team.id)),
        agents: await allDepartmentAgents(request.ctx, team),
        success: true as const,
      };
    },
  );

  app.get(
    '/department/:_id',
    {
      schema: {
        tags,
        summary: 'Get a department, and its agents with includeAgents=true; department is null when unknown',
        security: ROCKETCHAT_SECURED,
        params: DepartmentParams,
        querystring: DepartmentQuery,
        response: { 200: DepartmentRead, ...rocketChatErrors(401, 403) },
      },
      config: { scope: 'teams:read', rocketChatPermissions: VIEW },
    },
    async (request) => {
      const withAgents = request.query.includeAgents === 'true';
      const id = teamIdOf(request.params._id);
      const team = id === null ? null : await getTeamWithCount(request.ctx, id).catch(nullWhenUnknown);
      if (team === null) {
        // Rocket.Chat answers an unknown department with 200 and null, not 404.
        return withAgents
          ? { department: null, agents: [], success: true as const }
          : { department: null, success: true as const };
      }
      const department = presentDepartment(team);
      return withAgents
        ? { department, agents: await allDepartmentAgents(request.ctx, team), success: true as const }
        : { department, success: true as const };
    },
  );

  app.put(
    '/department/:_id',
    {
      schema: {
        tags,
        summary:
          'Update a department (manage-livechat-departments) and add or reorder its agents (add-livechat-department-agents)',
        security: ROCKETCHAT_SECURED,
        params: DepartmentParams,
        body: DepartmentBody,
        response: { 200: DepartmentWithAgents, ...rocketChatErrors(400, 401, 403) },
      },
      config: { scope: 'teams:write', rocketChatPermissions: ADD_AGENTS },
    },
    async (request) => {
      const id = writableId(request.params._id);
      const { department, agents } = request.body;
      const actor = request.ctx.actor;
      const input = toTeamInput(department);
      await inTransaction(request.ctx, async (tx) => {
        if (hasPermission(actor, 'manage-livechat-departments')) {
          await updateTeam(tx, id, input);
        } else {
          await getTeam(tx, id);
        }
        if (agents !== undefined && agents.length > 0 && hasAnyPermission(actor, ADD_AGENTS)) {
          const { add, priorities } = toMemberUpsert(agents);
          await updateTeamMembers(tx, id, { add, remove: [] }, { requireAll: true, priorities });
        }
      });
      const team = await getTeamWithCount(request.ctx, id);
      return {
        department: presentDepartment(team),
        agents: await allDepartmentAgents(request.ctx, team),
        success: true as const,
      };
    },
  );

  app.delete(
    '/department/:_id',
    {
      schema: {
        tags,
        summary: 'Delete a department and its agent links',
        security: ROCKETCHAT_SECURED,
        params: DepartmentParams,
        response: { 200: SuccessOnly, ...rocketChatErrors(400, 401, 403) },
      },
      config: {
        scope: 'teams:delete',
        rocketChatPermissions: ['manage-livechat-departments', 'remove-livechat-department'],
      },
    },
    async (request) => {
      await deleteTeam(request.ctx, writableId(request.params._id));
      return { success: true as const };
    },
  );

  for (const [action, run] of [
    ['archive', archiveTeam],
    ['unarchive', unarchiveTeam],
  ] as const) {
    app.post(
      `/department/:_id/${action}`,
      {
        schema: {
          tags,
          summary: action === 'archive' ? 'Archive a department' : 'Take a department out of the archive',
          security: ROCKETCHAT_SECURED,
          params: DepartmentParams,
          response: { 200: SuccessOnly, ...rocketChatErrors(400, 401, 403) },
        },
        config: { scope: 'teams:write', rocketChatPermissions: MANAGE },
      },
      async (request) => {
        await run(request.ctx, writableId(request.params._id));
        return { success: true as const };
      },
    );
  }
};

function nullWhenUnknown(err: unknown): null {
  if (isDomainError(err) && err.code === ErrorCode.TeamNotFound) {
    return null;
  }
  throw err;
}
