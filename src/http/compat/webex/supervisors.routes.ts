import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { ERRORS } from '../../../core/errors.js';
import type { SupervisionResult } from '../../../core/supervisors/supervisors.js';
import {
  deleteSupervisor,
  deleteSupervisors,
  listSupervisedAgents,
  listSupervisors,
  updateSupervisorAgents,
} from '../../../core/supervisors/supervisors.js';
import { webexErrors } from './errors.js';
import { toWebexId } from './ids.js';
import { filterOf, pageOf, personId, SECURED, setNextLink } from './paging.js';
import { presentFailures, presentPerson, presentSupervisor } from './presenters.js';
import {
  CreateSupervisorBody,
  DeleteSupervisorsBody,
  NoContent,
  SupervisorAgentStatus,
  SupervisorDetail,
  SupervisorList,
  SupervisorParams,
  UpdateSupervisorBody,
  WebexListQuery,
  WebexQuery,
} from './schemas.js';

const tags = ['webex'];
const READ = { scope: 'supervisors:read' } as const;
const WRITE = { scope: 'supervisors:write' } as const;

/** 206 with the actions that did not apply, or `success` (201 or 204) with no body when all did. */
function sendOutcome(reply: FastifyReply, results: SupervisionResult[], success: 201 | 204) {
  const failures = presentFailures(results);
  if (failures.length > 0) {
    return reply.status(206).send({ supervisorAgentStatus: failures });
  }
  // No body at all: a serialized null would be the four characters `null`.
  return reply.status(success).send();
}

/** Webex Calling's supervisor API (seed 003), on the core's supervisor assignments. */
export const webexSupervisorsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/supervisors',
    {
      schema: {
        tags,
        summary: 'Webex: list supervisors',
        security: SECURED,
        querystring: WebexListQuery,
        response: { 200: SupervisorList, ...webexErrors(400, 401, 403, 404) },
      },
      config: READ,
    },
    async (request, reply) => {
      const page = await listSupervisors(request.ctx, filterOf(request.query), pageOf(request.query));
      setNextLink(request, reply, page);
      const cx = request.query.hasCxEssentials ?? false;
      return { supervisors: page.items.map((s) => presentSupervisor(s, cx)) };
    },
  );

  app.post(
    '/supervisors',
    {
      schema: {
        tags,
        summary: 'Webex: create a supervisor with at least one agent',
        description:
          'Creates the supervisor with the agents that can be assigned: 201 when all were, else 206 with ' +
          'the ones that were not. A person who supervises agents already is a 409: change it with PUT.',
        security: SECURED,
        querystring: WebexQuery,
        body: CreateSupervisorBody,
        response: {
          201: NoContent,
          206: SupervisorAgentStatus,
          ...webexErrors(400, 401, 403, 404, 409, 415),
        },
      },
      config: WRITE,
    },
    async (request, reply) => {
      const supervisorId = personId(request.body.id, 'body.id');
      const add = request.body.agents.map((a, i) => personId(a.id, `body.agents.${i}.id`));
      const results = await updateSupervisorAgents(
        request.ctx,
        supervisorId,
        { add, remove: [] },
        { requireNew: true },
      );
      return sendOutcome(reply, results, 201);
    },
  );

  app.delete(
    '/supervisors',
    {
      schema: {
        tags,
        summary: 'Webex: delete supervisors in bulk',
        description: 'Unassigns every agent of the named supervisors, or with deleteAll of every supervisor.',
        security: SECURED,
        querystring: WebexQuery,
        body: DeleteSupervisorsBody,
        response: { 204: NoContent, ...webexErrors(400, 401, 403, 404, 415) },
      },
      config: WRITE,
    },
    async (request, reply) => {
      const { supervisorIds, supervisorsIds, deleteAll } = request.body;
      if (deleteAll === true) {
        await deleteSupervisors(request.ctx, 'all');
        return reply.status(204).send(null);
      }
      if (supervisorIds === undefined && supervisorsIds === undefined) {
        throw ERRORS.invalid('body.supervisorIds', 'is required unless deleteAll is true');
      }
      const ids = [
        ...(supervisorIds ?? []).map((id, i) => personId(id, `body.supervisorIds.${i}`)),
        ...(supervisorsIds ?? []).map((id, i) => personId(id, `body.supervisorsIds.${i}`)),
      ];
      await deleteSupervisors(request.ctx, { supervisorIds: ids });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/supervisors/:supervisorId',
    {
      schema: {
        tags,
        summary: 'Webex: get a supervisor and its agents',
        security: SECURED,
        params: SupervisorParams,
        querystring: WebexListQuery,
        response: { 200: SupervisorDetail, ...webexErrors(400, 401, 403, 404) },
      },
      config: READ,
    },
    async (request, reply) => {
      const id = personId(request.params.supervisorId, 'path.supervisorId');
      const page = await listSupervisedAgents(
        request.ctx,
        id,
        filterOf(request.query),
        pageOf(request.query),
        {
          requireSupervisor: true,
        },
      );
      setNextLink(request, reply, page);
      return { id: toWebexId('PEOPLE', id), agents: page.items.map(presentPerson) };
    },
  );

  app.put(
    '/supervisors/:supervisorId',
    {
      schema: {
        tags,
        summary: 'Webex: assign or unassign agents of a supervisor',
        description:
          'Applies every action that can apply: 204 when all did, else 206 with the ones that did not ' +
          '(DUPLICATE, NOT_AVAILABLE, NOT_FOUND).',
        security: SECURED,
        params: SupervisorParams,
        querystring: WebexQuery,
        body: UpdateSupervisorBody,
        response: {
          204: NoContent,
          206: SupervisorAgentStatus,
          ...webexErrors(400, 401, 403, 404, 409, 415),
        },
      },
      config: WRITE,
    },
    async (request, reply) => {
      const id = personId(request.params.supervisorId, 'path.supervisorId');
      const actions = request.body.agents.map((a, i) => ({
        id: personId(a.id, `body.agents.${i}.id`),
        action: a.action,
      }));
      const deleting = new Set(actions.filter((a) => a.action === 'DELETE').map((a) => a.id));
      const conflicting = actions.find((a) => a.action === 'ADD' && deleting.has(a.id));
      if (conflicting !== undefined) {
        throw ERRORS.invalid('body.agents', `must not both ADD and DELETE agent ${conflicting.id}`);
      }
      const add = actions.filter((a) => a.action === 'ADD').map((a) => a.id);
      const remove = actions.filter((a) => a.action === 'DELETE').map((a) => a.id);
      const results = await updateSupervisorAgents(
        request.ctx,
        id,
        { add, remove },
        { requireSupervisor: true },
      );
      return sendOutcome(reply, inRequestOrder(actions, results), 204);
    },
  );

  app.delete(
    '/supervisors/:supervisorId',
    {
      schema: {
        tags,
        summary: 'Webex: delete a supervisor',
        description: 'Unassigns every agent of the supervisor.',
        security: SECURED,
        params: SupervisorParams,
        querystring: WebexQuery,
        response: { 204: NoContent, ...webexErrors(400, 401, 403, 404) },
      },
      config: WRITE,
    },
    async (request, reply) => {
      const id = personId(request.params.supervisorId, 'path.supervisorId');
      await deleteSupervisor(request.ctx, id, { requireSupervisor: true });
      return reply.status(204).send(null);
    },
  );
};

/** The core reports adds then removes; Webex lists the actions as the request ordered them. */
function inRequestOrder(
  actions: { action: 'ADD' | 'DELETE' }[],
  results: SupervisionResult[],
): SupervisionResult[] {
  const adds = results.filter((r) => r.action === 'add');
  const removes = results.filter((r) => r.action === 'remove');
  return actions.flatMap((a) => {
    const next = a.action === 'ADD' ? adds.shift() : removes.shift();
    return next === undefined ? [] : [next];
  });
}
