import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from 'typebox';
import { Type } from 'typebox';
import {
  type AgentInput,
  type AgentPatch,
  createAgent,
  deleteAgent,
  getAgent,
  listAgents,
  listAgentTeams,
  updateAgent,
} from '../../core/agents/agents.js';
import { Agent, CreateAgentBody, ListAgentsQuery, UpdateAgentBody } from './agents.schemas.js';
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
import { presentAgent, presentTeamSummary } from './presenters.js';
import { TeamSummary } from './teams.schemas.js';

const AgentParams = IdParams('The agent ID');
const tags = ['agents'];

/** Maps the snake_case body onto the core's input, leaving absent fields absent. */
function toAgentPatch(body: Static<typeof UpdateAgentBody>): AgentPatch {
  const patch: AgentPatch = {
    email: body.email,
    fullName: body.full_name,
    role: body.role as AgentPatch['role'],
    status: body.status as AgentPatch['status'],
    username: body.username,
    firstName: body.first_name,
    lastName: body.last_name,
    phoneNumber: body.phone_number,
    middleNames: body.middle_names,
    avatarUrl: body.avatar_url,
    additionalEmails: body.additional_emails,
    additionalPhoneNumbers: body.additional_phone_numbers,
    maxConcurrent: body.max_concurrent,
    attributes: body.attributes,
    tags: body.tags,
    tagColors: body.tag_colors,
    profileStatus: body.profile_status,
    settings: body.settings,
  };
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as AgentPatch;
}

export const agentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/agents',
    {
      schema: {
        tags,
        summary: 'List agents',
        security: SECURED,
        querystring: ListAgentsQuery,
        response: { 200: Type.Array(Agent), ...problems(400, 401, 403) },
      },
      config: { scope: 'agents:read' },
    },
    async (request, reply) => {
      const { role, status, team_id, q } = request.query;
      const page = await listAgents(
        request.ctx,
        { role, status, teamId: team_id, q },
        toPageRequest(request.query),
      );
      return sendPage(request, reply, page, presentAgent);
    },
  );

  app.get(
    '/agents/:id',
    {
      schema: {
        tags,
        summary: 'Get an agent',
        security: SECURED,
        params: AgentParams,
        querystring: OrgQuery,
        response: { 200: Agent, ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'agents:read' },
    },
    async (request, reply) => presentAgent(withEtag(reply, await getAgent(request.ctx, request.params.id))),
  );

  app.post(
    '/agents',
    {
      schema: {
        tags,
        summary: 'Create an agent',
        security: SECURED,
        querystring: OrgQuery,
        body: CreateAgentBody,
        response: { 201: Agent, ...problems(400, 401, 403, 409) },
      },
      config: { scope: 'agents:write' },
    },
    async (request, reply) => {
      reply.status(201);
      return presentAgent(await createAgent(request.ctx, toAgentPatch(request.body) as AgentInput));
    },
  );

  app.patch(
    '/agents/:id',
    {
      schema: {
        tags,
        summary: 'Update an agent (If-Match: only if still at that ETag, else 412)',
        security: SECURED,
        params: AgentParams,
        querystring: OrgQuery,
        body: UpdateAgentBody,
        response: { 200: Agent, ...problems(400, 401, 403, 404, 409, 412) },
      },
      config: { scope: 'agents:write' },
    },
    async (request, reply) => {
      const agent = await updateAgent(
        request.ctx,
        request.params.id,
        toAgentPatch(request.body),
        ifMatch(request),
      );
      return presentAgent(withEtag(reply, agent));
    },
  );

  app.delete(
    '/agents/:id',
    {
      schema: {
        tags,
        summary: 'Delete an agent: it leaves every team and loses its keys (If-Match honoured)',
        security: SECURED,
        params: AgentParams,
        querystring: OrgQuery,
        response: { 204: NoContent, ...problems(400, 401, 403, 404, 412) },
      },
      config: { scope: 'agents:delete' },
    },
    async (request, reply) => {
      await deleteAgent(request.ctx, request.params.id, ifMatch(request));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/agents/:id/teams',
    {
      schema: {
        tags,
        summary: 'List the teams of an agent',
        security: SECURED,
        params: AgentParams,
        querystring: PageQuery({}),
        response: { 200: Type.Array(TeamSummary), ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'teams:read' },
    },
    async (request, reply) => {
      const page = await listAgentTeams(request.ctx, request.params.id, toPageRequest(request.query));
      return sendPage(request, reply, page, presentTeamSummary);
    },
  );
};
