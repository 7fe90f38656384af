import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ERRORS } from '../../core/errors.js';
import { updateTeamAndArchive } from '../../core/teams/team-details.js';
import {
  addTeamMember,
  listTeamMembers,
  removeTeamMember,
  setMemberPriority,
  updateTeamMembers,
} from '../../core/teams/team-members.js';
import { createTeam, deleteTeam, getTeam, listTeams } from '../../core/teams/teams.js';
import {
  IdParams,
  NoContent,
  OrgQuery,
  PageQuery,
  problems,
  SECURED,
  sendPage,
  toPageRequest,
} from './common.schemas.js';
import { ifMatch, withEtag } from './etag.js';
import { presentMember, presentTeam, presentTeamSummary } from './presenters.js';
import {
  AddMemberBody,
  BulkMembersBody,
  BulkMembersResult,
  CreateTeamBody,
  Member,
  MemberPriorityBody,
  Team,
  TeamListFilters,
  TeamMemberParams,
  TeamSummary,
  toTeamInput,
  UpdateTeamBody,
} from './teams.schemas.js';

const TeamParams = IdParams('The team ID');
const tags = ['teams'];

/** Seed 001's /v1/teams, plus paged members and bulk membership changes. */
export const teamsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/teams',
    {
      schema: {
        tags,
        summary: 'List teams',
        security: SECURED,
        querystring: PageQuery(TeamListFilters),
        response: { 200: Type.Array(TeamSummary), ...problems(400, 401, 403) },
      },
      config: { scope: 'teams:read' },
    },
    async (request, reply) => {
      const { archived, enabled } = request.query;
      const page = await listTeams(request.ctx, toPageRequest(request.query), { archived, enabled });
      return sendPage(request, reply, page, presentTeamSummary);
    },
  );

  app.get(
    '/teams/:id',
    {
      schema: {
        tags,
        summary: 'Get a team with its members (ETag: its version, for If-Match)',
        security: SECURED,
        params: TeamParams,
        querystring: OrgQuery,
        response: { 200: Team, ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'teams:read' },
    },
    async (request, reply) => presentTeam(withEtag(reply, await getTeam(request.ctx, request.params.id))),
  );

  app.post(
    '/teams',
    {
      schema: {
        tags,
        summary: 'Create a team',
        security: SECURED,
        querystring: OrgQuery,
        body: CreateTeamBody,
        response: { 201: Team, ...problems(400, 401, 403, 409) },
      },
      config: { scope: 'teams:write' },
    },
    async (request, reply) => {
      reply.status(201);
      return presentTeam(
        await createTeam(request.ctx, { ...toTeamInput(request.body), name: request.body.name }),
      );
    },
  );

  app.patch(
    '/teams/:id',
    {
      schema: {
        tags,
        summary: 'Update a team (If-Match: only if still at that ETag, else 412)',
        security: SECURED,
        params: TeamParams,
        querystring: OrgQuery,
        body: UpdateTeamBody,
        response: { 200: Team, ...problems(400, 401, 403, 404, 409, 412) },
      },
      config: { scope: 'teams:write' },
    },
    async (request, reply) => {
      const { archived, ...fields } = request.body;
      const team = await updateTeamAndArchive(
        request.ctx,
        request.params.id,
        toTeamInput(fields),
        archived,
        ifMatch(request),
      );
      return presentTeam(withEtag(reply, team));
    },
  );

  app.delete(
    '/teams/:id',
    {
      schema: {
        tags,
        summary: 'Delete a team (If-Match: only if still at that ETag, else 412)',
        security: SECURED,
        params: TeamParams,
        querystring: OrgQuery,
        response: { 204: NoContent, ...problems(400, 401, 403, 404, 412) },
      },
      config: { scope: 'teams:delete' },
    },
    async (request, reply) => {
      await deleteTeam(request.ctx, request.params.id, ifMatch(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/teams/:id/members',
    {
      schema: {
        tags,
        summary: 'List the members of a team',
        security: SECURED,
        params: TeamParams,
        querystring: PageQuery({}),
        response: { 200: Type.Array(Member), ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'teams:read' },
    },
    async (request, reply) => {
      const page = await listTeamMembers(request.ctx, request.params.id, toPageRequest(request.query));
      return sendPage(request, reply, page, presentMember);
    },
  );

  app.post(
    '/teams/:id/members',
    {
      schema: {
        tags,
        summary: 'Add a member',
        security: SECURED,
        params: TeamParams,
        querystring: OrgQuery,
        body: AddMemberBody,
        response: { 201: Member, ...problems(400, 401, 403, 404, 409) },
      },
      config: { scope: 'teams:write' },
    },
    async (request, reply) => {
      reply.status(201);
      const { agent_id, user_id, priority } = request.body;
      if (agent_id === undefined && user_id === undefined) {
        throw ERRORS.invalid('body.agent_id', 'is required');
      }
      if (agent_id !== undefined && user_id !== undefined && agent_id !== user_id) {
        throw ERRORS.invalid('body.user_id', 'must equal agent_id when both are given');
      }
      const agentId = (agent_id ?? user_id) as string;
      return presentMember(await addTeamMember(request.ctx, request.params.id, agentId, priority));
    },
  );

  app.patch(
    '/teams/:id/members',
    {
      schema: {
        tags,
        summary: 'Add and remove many members in one transaction',
        security: SECURED,
        params: TeamParams,
        querystring: OrgQuery,
        body: BulkMembersBody,
        response: { 200: BulkMembersResult, ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'teams:write' },
    },
    async (request) => ({
      results: await updateTeamMembers(request.ctx, request.params.id, {
        add: request.body.add ?? [],
        remove: request.body.remove ?? [],
      }),
    }),
  );

  app.patch(
    '/teams/:id/members/:agent_id',
    {
      schema: {
        tags,
        summary: "Change a member's priority",
        security: SECURED,
        params: TeamMemberParams,
        querystring: OrgQuery,
        body: MemberPriorityBody,
        response: { 200: Member, ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'teams:write' },
    },
    async (request) =>
      presentMember(
        await setMemberPriority(
          request.ctx,
          request.params.id,
          request.params.agent_id,
          request.body.priority,
        ),
      ),
  );

  app.delete(
    '/teams/:id/members/:agent_id',
    {
      schema: {
        tags,
        summary: 'Remove a member',
        security: SECURED,
        params: TeamMemberParams,
        querystring: OrgQuery,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'teams:write' },
    },
    async (request, reply) => {
      await removeTeamMember(request.ctx, request.params.id, request.params.agent_id);
      return reply.status(204).send(null);
    },
  );
};
