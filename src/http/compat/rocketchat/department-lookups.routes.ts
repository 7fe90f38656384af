import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorCode, isDomainError } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import { getTeamWithCount, listAgentMemberships, searchTeams } from '../../../core/teams/team-details.js';
import { failure, rocketChatErrors } from './errors.js';
import type { RocketChatPermission } from './permissions.js';
import { presentDepartment, presentDepartmentAgent } from './presenters.js';
import { Department, DepartmentAgent, ROCKETCHAT_SECURED } from './schemas.js';

const tags = ['Rocket.Chat: departments'];
const VIEW: RocketChatPermission[] = ['view-livechat-departments', 'view-l-room'];
const Success = Type.Literal(true);
/** Most departments the autocomplete and listByIds answer with. */
const LOOKUP_LIMIT = 100;
const AUTOCOMPLETE_LIMIT = 10;

/** The autocomplete's `selector`: JSON with the text typed and ids to leave out. */
function parseSelector(raw: string): { term: string; exceptions: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw failure(400, 'The "selector" parameter must be a valid JSON string', 'error-invalid-params');
  }
  const value = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Record<string, unknown>;
  const term = typeof value.term === 'string' ? value.term.slice(0, 255) : '';
  const exceptions = Array.isArray(value.exceptions)
    ? value.exceptions.filter((e): e is string => typeof e === 'string')
    : [];
  return { term, exceptions };
}

/**
 * The department lookups Rocket.Chat's admin UI makes around the department pages: whether a new
 * department may be created, the department pickers, and the departments of one agent.
 */
export const departmentLookupsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/department/isDepartmentCreationAvailable',
    {
      schema: {
        tags,
        summary: 'Whether a department may be created: always true (Roster has no department limit)',
        security: ROCKETCHAT_SECURED,
        response: {
          200: Type.Object({ isDepartmentCreationAvailable: Type.Boolean(), success: Success }),
          ...rocketChatErrors(401, 403),
        },
      },
      config: { scope: 'teams:read', rocketChatPermissions: VIEW },
    },
    async () => ({ isDepartmentCreationAvailable: true, success: true as const }),
  );

  app.get(
    '/department.autocomplete',
    {
      schema: {
        tags,
        summary: 'Departments whose name contains the term, for pickers (at most 10)',
        security: ROCKETCHAT_SECURED,
        querystring: Type.Object({
          selector: Type.String({
            maxLength: 10_000,
            description: 'JSON: {"term": text to match, "exceptions": ids to leave out}',
          }),
          onlyMyDepartments: Type.Optional(
            Type.String({ maxLength: 10, description: 'Accepted and ignored' }),
          ),
          showArchived: Type.Optional(
            Type.String({ maxLength: 10, description: '"true": archived ones too' }),
          ),
        }),
        response: {
          200: Type.Object({ items: Type.Array(Department), total: Type.Integer(), success: Success }),
          ...rocketChatErrors(400, 401, 403),
        },
      },
      config: { scope: 'teams:read', rocketChatPermissions: VIEW },
    },
    async (request) => {
      const { term, exceptions } = parseSelector(request.query.selector);
      const { items } = await searchTeams(request.ctx, {
        text: term === '' ? undefined : term,
        archived: request.query.showArchived === 'true' ? 'include' : 'exclude',
        sort: [{ field: 'name', direction: 'asc' }],
        offset: 0,
        limit: AUTOCOMPLETE_LIMIT + exceptions.length,
      });
      const left = items.filter((t) => !exceptions.includes(t.id)).slice(0, AUTOCOMPLETE_LIMIT);
      return { items: left.map(presentDepartment), total: left.length, success: true as const };
    },
  );

  app.get(
    '/department.listByIds',
    {
      schema: {
        tags,
        summary: 'The departments of the given ids (unknown ids are left out)',
        security: ROCKETCHAT_SECURED,
        querystring: Type.Object({
          ids: Type.Array(Type.String({ maxLength: 200 }), {
            maxItems: LOOKUP_LIMIT,
            description: `Department ids (ids=a&ids=b or ids[]=a), at most ${LOOKUP_LIMIT}`,
          }),
          fields: Type.Optional(
            Type.String({ maxLength: 1000, description: 'Accepted; every field is returned' }),
          ),
        }),
        response: {
          200: Type.Object({ departments: Type.Array(Department), success: Success }),
          ...rocketChatErrors(400, 401, 403),
        },
      },
      config: { scope: 'teams:read', rocketChatPermissions: VIEW },
      // Rocket.Chat's client sends `ids[]=...`: read it as `ids`.
      preValidation: async (request) => {
        const query = request.query as Record<string, unknown>;
        if (query.ids === undefined && query['ids[]'] !== undefined) {
          query.ids = ([] as unknown[]).concat(query['ids[]']);
          delete query['ids[]'];
        }
      },
    },
    async (request) => {
      const departments = [];
      for (const id of new Set(request.query.ids.filter(isUuid).map((i) => i.toLowerCase()))) {
        try {
          departments.push(presentDepartment(await getTeamWithCount(request.ctx, id)));
        } catch (err) {
          if (!(isDomainError(err) && err.code === ErrorCode.TeamNotFound)) {
            throw err;
          }
        }
      }
      return { departments, success: true as const };
    },
  );

  app.get(
    '/agents/:agentId/departments',
    {
      schema: {
        tags,
        summary: 'The departments an agent belongs to, as department-agent records (none when unknown)',
        security: ROCKETCHAT_SECURED,
        params: Type.Object({ agentId: Type.String({ maxLength: 200, description: 'The agent id' }) }),
        querystring: Type.Object({
          enabledDepartmentsOnly: Type.Optional(
            Type.String({ maxLength: 10, description: '"true": enabled, not archived departments only' }),
          ),
        }),
        response: {
          200: Type.Object({
            departments: Type.Array(
              Type.Object({ ...DepartmentAgent.properties, departmentName: Type.String() }),
            ),
            success: Success,
          }),
          ...rocketChatErrors(400, 401, 403),
        },
      },
      config: { scope: 'teams:read', rocketChatPermissions: VIEW },
    },
    async (request) => {
      const id = request.params.agentId.toLowerCase();
      if (!isUuid(id)) {
        return { departments: [], success: true as const };
      }
      try {
        const memberships = await listAgentMemberships(request.ctx, id);
        const enabledOnly = request.query.enabledDepartmentsOnly === 'true';
        const departments = memberships
          .filter(({ team }) => !enabledOnly || (team.enabled && team.archivedAt === null))
          .map(({ team, member }) => ({
            ...presentDepartmentAgent(team, member),
            departmentName: team.name,
          }));
        return { departments, success: true as const };
      } catch (err) {
        if (isDomainError(err) && err.code === ErrorCode.AgentNotFound) {
          return { departments: [], success: true as const };
        }
        throw err;
      }
    },
  );
};
