import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  createAgent,
  disableAgent,
  getAgent,
  listAgents,
  listAgentTeams,
  updateAgent,
} from '../../../core/agents/agents.js';
import { toAgentInput, toAgentPatch, toAgentReplacement } from './agent-inputs.js';
import {
  CreateAgentInput,
  DixaAgent,
  ListAgentsQuery,
  PatchAgentInput,
  UpdateAgentInput,
} from './agents.schemas.js';
import { AgentParams, DIXA_SECURED, NoContent, PaginationLinks } from './common.schemas.js';
import { DixaError, dixaErrors } from './errors.js';
import { collectAll, pageMeta, toPageRequest } from './paging.js';
import { presentAgent, presentTeam } from './presenters.js';
import { DixaTeam } from './teams.schemas.js';

const tags = ['Dixa: agents'];
const AgentOutput = Type.Object({ data: DixaAgent });

/**
 * Dixa's `/beta/agents` (vendor spec section 1.1, "Agents"): list, create, get, replace, patch,
 * delete (a downgrade: the agent is disabled and leaves its teams) and the agent's teams.
 */
export const agentsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/agents',
    {
      schema: {
        tags,
        summary: 'List agents/admins, paged, optionally by email or by phone (not both)',
        security: DIXA_SECURED,
        querystring: ListAgentsQuery,
        response: {
          200: Type.Object({ data: Type.Array(DixaAgent), meta: PaginationLinks }),
          ...dixaErrors(400, 401, 403),
        },
      },
      config: { scope: 'agents:read' },
    },
    async (request) => {
      const { email, phone } = request.query;
      if (email !== undefined && phone !== undefined) {
        throw new DixaError(400, 'Invalid filters: Cannot provide both phone number and email address');
      }
      const page = await listAgents(
        request.ctx,
        { email, phone, excludeDisabled: true },
        toPageRequest(request.query),
      );
      return { data: page.items.map(presentAgent), meta: pageMeta(request, page.next) };
    },
  );

  app.post(
    '/agents',
    {
      schema: {
        tags,
        summary: 'Create an agent',
        security: DIXA_SECURED,
        body: CreateAgentInput,
        response: { 201: AgentOutput, ...dixaErrors(400, 401, 403, 409) },
      },
      config: { scope: 'agents:write' },
    },
    async (request, reply) => {
      reply.status(201);
      return { data: presentAgent(await createAgent(request.ctx, toAgentInput(request.body))) };
    },
  );

  app.get(
    '/agents/:agentId',
    {
      schema: {
        tags,
        summary: 'Get an agent/admin',
        security: DIXA_SECURED,
        params: AgentParams,
        response: { 200: AgentOutput, ...dixaErrors(400, 401, 403, 404) },
      },
      config: { scope: 'agents:read' },
    },
    async (request) => ({ data: presentAgent(await getAgent(request.ctx, request.params.agentId)) }),
  );

  app.put(
    '/agents/:agentId',
    {
      schema: {
        tags,
        summary: 'Update an agent/admin: every field, absent optional ones cleared (the email stays)',
        security: DIXA_SECURED,
        params: AgentParams,
        body: UpdateAgentInput,
        response: { 200: AgentOutput, ...dixaErrors(400, 401, 403, 404) },
      },
      config: { scope: 'agents:write' },
    },
    async (request) => ({
      data: presentAgent(
        await updateAgent(request.ctx, request.params.agentId, toAgentReplacement(request.body)),
      ),
    }),
  );

  app.patch(
    '/agents/:agentId',
    {
      schema: {
        tags,
        summary: 'Patch an agent/admin: only the fields given change',
        security: DIXA_SECURED,
        params: AgentParams,
        body: PatchAgentInput,
        response: { 200: AgentOutput, ...dixaErrors(400, 401, 403, 404) },
      },
      config: { scope: 'agents:write' },
    },
    async (request) => {
      const patch = toAgentPatch(request.body);
      const { agentId } = request.params;
      const agent =
        Object.keys(patch).length === 0
          ? await getAgent(request.ctx, agentId)
          : await updateAgent(request.ctx, agentId, patch);
      return { data: presentAgent(agent) };
    },
  );

  app.delete(
    '/agents/:agentId',
    {
      schema: {
        tags,
        summary: 'Downgrade an agent/admin: disabled, out of every team, gone from agent lists',
        security: DIXA_SECURED,
        params: AgentParams,
        response: { 204: NoContent, ...dixaErrors(400, 401, 403, 404) },
      },
      config: { scope: 'agents:delete' },
    },
    async (request, reply) => {
      await disableAgent(request.ctx, request.params.agentId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/agents/:agentId/teams',
    {
      schema: {
        tags,
        summary: 'List the teams the agent/admin is a member of',
        security: DIXA_SECURED,
        params: AgentParams,
        response: { 200: Type.Object({ data: Type.Array(DixaTeam) }), ...dixaErrors(400, 401, 403, 404) },
      },
      config: { scope: 'teams:read' },
    },
    async (request) => {
      const { agentId } = request.params;
      const teams = await collectAll((page) => listAgentTeams(request.ctx, agentId, page));
      return { data: teams.map(presentTeam) };
    },
  );
};
