import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  closeConversation,
  getConversation,
  listConversations,
  transferConversation,
} from '../../core/routing/conversations.js';
import { createConversation } from '../../core/routing/create-conversation.js';
import {
  IdParams,
  OrgQuery,
  PageQuery,
  problems,
  SECURED,
  sendPage,
  toPageRequest,
} from './common.schemas.js';
import {
  Conversation,
  ConversationFilters,
  CreateConversationBody,
  TransferBody,
  UpdateConversationBody,
} from './conversations.schemas.js';
import { presentConversation } from './presenters.js';

const ConversationParams = IdParams('The conversation ID');
const tags = ['conversations'];

/** Conversations and their routing: created routed, closed to free capacity, transferred. */
export const conversationsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/conversations',
    {
      schema: {
        tags,
        summary: 'List conversations',
        security: SECURED,
        querystring: PageQuery(ConversationFilters),
        response: { 200: Type.Array(Conversation), ...problems(400, 401, 403) },
      },
      config: { scope: 'conversations:read' },
    },
    async (request, reply) => {
      const { status, team_id, assignee_id, channel } = request.query;
      const page = await listConversations(
        request.ctx,
        { status, teamId: team_id, assigneeId: assignee_id, channel },
        toPageRequest(request.query),
      );
      return sendPage(request, reply, page, presentConversation);
    },
  );

  app.get(
    '/conversations/:id',
    {
      schema: {
        tags,
        summary: 'Get a conversation',
        security: SECURED,
        params: ConversationParams,
        querystring: OrgQuery,
        response: { 200: Conversation, ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'conversations:read' },
    },
    async (request) => presentConversation(await getConversation(request.ctx, request.params.id)),
  );

  app.post(
    '/conversations',
    {
      schema: {
        tags,
        summary: 'Create a conversation: routed at once, assigned to agent_id, or queued',
        description:
          'Returns 201 with the conversation as routing left it. A repeated external_id returns the ' +
          'existing conversation with 200 and changes nothing.',
        security: SECURED,
        querystring: OrgQuery,
        body: CreateConversationBody,
        response: { 200: Conversation, 201: Conversation, ...problems(400, 401, 403, 404, 409) },
      },
      config: { scope: 'conversations:write' },
    },
    async (request, reply) => {
      const { team_id, agent_id, external_id, ...rest } = request.body;
      const { conversation, created } = await createConversation(request.ctx, {
        ...rest,
        teamId: team_id,
        agentId: agent_id,
        externalId: external_id,
      });
      reply.status(created ? 201 : 200);
      return presentConversation(conversation);
    },
  );

  app.patch(
    '/conversations/:id',
    {
      schema: {
        tags,
        summary: 'Close a conversation, freeing its agent capacity',
        security: SECURED,
        params: ConversationParams,
        querystring: OrgQuery,
        body: UpdateConversationBody,
        response: { 200: Conversation, ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'conversations:write' },
    },
    async (request) => presentConversation(await closeConversation(request.ctx, request.params.id)),
  );

  app.post(
    '/conversations/:id/transfer',
    {
      schema: {
        tags,
        summary: 'Transfer a conversation to another team and/or agent',
        security: SECURED,
        params: ConversationParams,
        querystring: OrgQuery,
        body: TransferBody,
        response: { 200: Conversation, ...problems(400, 401, 403, 404, 409) },
      },
      config: { scope: 'conversations:write' },
    },
    async (request) => {
      const { team_id, agent_id, force } = request.body;
      return presentConversation(
        await transferConversation(request.ctx, request.params.id, {
          teamId: team_id,
          agentId: agent_id,
          force,
        }),
      );
    },
  );
};
