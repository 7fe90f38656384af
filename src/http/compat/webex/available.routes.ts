import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listAssignableAgents, listSupervisorCandidates } from '../../../core/supervisors/supervisors.js';
import { webexErrors } from './errors.js';
import { filterOf, pageOf, SECURED, setNextLink } from './paging.js';
import { presentCandidateAgent, presentCandidateSupervisor } from './presenters.js';
import { AvailableAgents, AvailableSupervisors, WebexListQuery } from './schemas.js';

const tags = ['webex'];

/** Webex's lists of people who may become supervisors and of agents who may be assigned. */
export const webexAvailableRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/supervisors/availableSupervisors',
    {
      schema: {
        tags,
        summary: 'Webex: list people who may become supervisors',
        security: SECURED,
        querystring: WebexListQuery,
        response: { 200: AvailableSupervisors, ...webexErrors(400, 401, 403, 404) },
      },
      config: { scope: 'supervisors:read' },
    },
    async (request, reply) => {
      const page = await listSupervisorCandidates(
        request.ctx,
        filterOf(request.query),
        pageOf(request.query),
      );
      setNextLink(request, reply, page);
      const cx = request.query.hasCxEssentials ?? false;
      return { supervisors: page.items.map((a) => presentCandidateSupervisor(a, cx)) };
    },
  );

  app.get(
    '/supervisors/availableAgents',
    {
      schema: {
        tags,
        summary: 'Webex: list agents who may be assigned to a supervisor',
        security: SECURED,
        querystring: WebexListQuery,
        response: { 200: AvailableAgents, ...webexErrors(400, 401, 403, 404) },
      },
      config: { scope: 'supervisors:read' },
    },
    async (request, reply) => {
      const page = await listAssignableAgents(request.ctx, filterOf(request.query), pageOf(request.query));
      setNextLink(request, reply, page);
      return { agents: page.items.map(presentCandidateAgent) };
    },
  );
};
