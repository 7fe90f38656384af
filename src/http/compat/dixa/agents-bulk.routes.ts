import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { createAgent, updateAgent } from '../../../core/agents/agents.js';
import { type DomainError, ErrorCode, isDomainError } from '../../../core/errors.js';
import { isUuid } from '../../../core/ids.js';
import type { AgentRow } from '../../../db/schema.js';
import { toAgentInput, toAgentPatch, toAgentReplacement } from './agent-inputs.js';
import {
  BulkActionOutcome,
  BulkPatchAgentsInput,
  BulkUpdateAgentsInput,
  CreateAgentsInput,
} from './agents.schemas.js';
import { DIXA_SECURED } from './common.schemas.js';
import { dixaErrors } from './errors.js';
import { type DixaAgent, presentAgent } from './presenters.js';

const tags = ['Dixa: agents'];
const BulkOutput = Type.Object({ data: Type.Array(BulkActionOutcome) });

type BulkError = { _type: string; id?: string; message: string };
type Outcome =
  | { _type: 'BulkActionSuccess'; data: DixaAgent }
  | { _type: 'BulkActionFailure'; error: BulkError };

const NOT_FOUND_CODES = new Set<string>([ErrorCode.AgentNotFound, ErrorCode.NotFound]);
const VALIDATION_CODES = new Set<string>([
  ErrorCode.InvalidRequest,
  ErrorCode.AgentEmailTaken,
  ErrorCode.AgentUsernameTaken,
  ErrorCode.Conflict,
]);

/** Dixa's BulkError variant for a domain error of one action. */
function bulkError(error: DomainError, id: string | undefined): BulkError {
  if (NOT_FOUND_CODES.has(error.code)) {
    return { _type: 'NotFound', id: id ?? '', message: 'Agent not found' };
  }
  if (VALIDATION_CODES.has(error.code)) {
    return { _type: 'Validation', ...(id === undefined ? {} : { id }), message: error.message };
  }
  return { _type: 'ErrorResponse', message: error.message };
}

/**
 * Runs one action of a bulk call. Domain errors become that action's failure, so one bad item
 * never fails the others; anything else is a real failure of the call.
 */
async function outcome(id: string | undefined, action: () => Promise<AgentRow>): Promise<Outcome> {
  try {
    return { _type: 'BulkActionSuccess', data: presentAgent(await action()) };
  } catch (err) {
    if (!isDomainError(err)) {
      throw err;
    }
    return { _type: 'BulkActionFailure', error: bulkError(err, id) };
  }
}

/** An id that is no UUID names no agent: that action fails as not found, the others go on. */
const notFound = (id: string): Outcome => ({
  _type: 'BulkActionFailure',
  error: { _type: 'NotFound', id, message: 'Agent not found' },
});

/** Actions run one after another, in input order, each in its own transaction. */
async function eachInOrder<T>(items: T[], run: (item: T) => Promise<Outcome>): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const item of items) {
    outcomes.push(await run(item));
  }
  return outcomes;
}

/**
 * Dixa's bulk agent calls (vendor spec section 1.1: POST /agents/bulk, PUT and PATCH /agents),
 * answered with one BulkActionOutcome per input, in input order.
 */
export const agentsBulkRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/agents/bulk',
    {
      schema: {
        tags,
        summary: 'Create agents in bulk: one outcome per input',
        security: DIXA_SECURED,
        body: CreateAgentsInput,
        response: { 201: BulkOutput, ...dixaErrors(400, 401, 403) },
      },
      config: { scope: 'agents:write' },
    },
    async (request, reply) => {
      const data = await eachInOrder(request.body.data, (item) =>
        outcome(undefined, () => createAgent(request.ctx, toAgentInput(item))),
      );
      reply.status(201);
      return { data };
    },
  );

  app.put(
    '/agents',
    {
      schema: {
        tags,
        summary: 'Update agents in bulk (each replaces every field): one outcome per input',
        security: DIXA_SECURED,
        body: BulkUpdateAgentsInput,
        response: { 200: BulkOutput, ...dixaErrors(400, 401, 403) },
      },
      config: { scope: 'agents:write' },
    },
    async (request) => ({
      data: await eachInOrder(request.body, (item) => {
        const id = item.id.toLowerCase();
        return isUuid(id)
          ? outcome(item.id, () => updateAgent(request.ctx, id, toAgentReplacement(item)))
          : Promise.resolve(notFound(item.id));
      }),
    }),
  );

  app.patch(
    '/agents',
    {
      schema: {
        tags,
        summary: 'Patch agents in bulk: one outcome per input',
        security: DIXA_SECURED,
        body: BulkPatchAgentsInput,
        response: { 200: BulkOutput, ...dixaErrors(400, 401, 403) },
      },
      config: { scope: 'agents:write' },
    },
    async (request) => ({
      data: await eachInOrder(request.body, async (item): Promise<Outcome> => {
        const id = item.id.toLowerCase();
        if (!isUuid(id)) {
          return notFound(item.id);
        }
        const patch = toAgentPatch(item);
        if (Object.keys(patch).length === 0) {
          return {
            _type: 'BulkActionFailure',
            error: { _type: 'EmptyPatchSet', id: item.id, message: 'The patch changes no field' },
          };
        }
        return outcome(item.id, () => updateAgent(request.ctx, id, patch));
      }),
    }),
  );
};
