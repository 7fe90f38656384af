import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  deleteSupervisor,
  listSupervisedAgents,
  listSupervisors,
  updateSupervisorAgents,
} from '../../core/supervisors/supervisors.js';
import type { SupervisedRow, SupervisorRow } from '../../core/supervisors/supervisors.repo.js';
import type { AgentRow } from '../../db/schema.js';
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
import {
  SupervisedAgent,
  SupervisedAgentsBody,
  SupervisedAgentsResult,
  Supervisor,
} from './supervisors.schemas.js';

const SupervisorParams = IdParams('The supervisor (an agent id)');
const tags = ['supervisors'];

const person = (a: AgentRow) => ({
  id: a.id,
  email: a.email,
  full_name: a.fullName,
  phone_number: a.phoneNumber,
  role: a.role,
  status: a.status,
});
const presentSupervisor = (s: SupervisorRow) => ({ ...person(s), agent_count: s.agentCount });
const presentSupervised = (a: SupervisedRow) => ({ ...person(a), assigned_at: a.assignedAt.toISOString() });

/** Supervisors and the agents they monitor. */
export const supervisorsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/supervisors',
    {
      schema: {
        tags,
        summary: 'List supervisors with the number of agents each monitors',
        security: SECURED,
        querystring: PageQuery({}),
        response: { 200: Type.Array(Supervisor), ...problems(400, 401, 403) },
      },
      config: { scope: 'supervisors:read' },
    },
    async (request, reply) => {
      const page = await listSupervisors(request.ctx, {}, toPageRequest(request.query));
      return sendPage(request, reply, page, presentSupervisor);
    },
  );

  app.get(
    '/supervisors/:id/agents',
    {
      schema: {
        tags,
        summary: 'List the agents a supervisor monitors',
        security: SECURED,
        params: SupervisorParams,
        querystring: PageQuery({}),
        response: { 200: Type.Array(SupervisedAgent), ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'supervisors:read' },
    },
    async (request, reply) => {
      const page = await listSupervisedAgents(
        request.ctx,
        request.params.id,
        {},
        toPageRequest(request.query),
      );
      return sendPage(request, reply, page, presentSupervised);
    },
  );

  app.patch(
    '/supervisors/:id/agents',
    {
      schema: {
        tags,
        summary: 'Assign and unassign many agents of a supervisor in one transaction',
        security: SECURED,
        params: SupervisorParams,
        querystring: OrgQuery,
        body: SupervisedAgentsBody,
        response: { 200: SupervisedAgentsResult, ...problems(400, 401, 403, 404, 409) },
      },
      config: { scope: 'supervisors:write' },
    },
    async (request) => ({
      results: await updateSupervisorAgents(request.ctx, request.params.id, {
        add: request.body.add ?? [],
        remove: request.body.remove ?? [],
      }),
    }),
  );

  app.delete(
    '/supervisors/:id',
    {
      schema: {
        tags,
        summary: 'Unassign every agent of a supervisor',
        security: SECURED,
        params: SupervisorParams,
        querystring: OrgQuery,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'supervisors:write' },
    },
    async (request, reply) => {
      await deleteSupervisor(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
