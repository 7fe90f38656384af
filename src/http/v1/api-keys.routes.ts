import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SCOPES } from '../../core/access.js';
import { createApiKey, deleteApiKey, getApiKey, listApiKeys } from '../../core/api-keys/api-keys.js';
import {
  IdParams,
  NoContent,
  Nullable,
  OrgQuery,
  PageQuery,
  problems,
  SECURED,
  sendPage,
  Timestamp,
  toPageRequest,
  Uuid,
} from './common.schemas.js';
import { presentApiKey } from './presenters.js';

const ScopeName = Type.Enum([...SCOPES, '*'], { description: 'A scope, or * for all' });

const keyProperties = {
  id: Uuid('Key id'),
  name: Type.String({ description: 'Name of the key' }),
  scopes: Type.Array(Type.String(), { description: 'Scopes the key holds' }),
  agent_id: Nullable(Uuid('Agent the key acts as, or null for an org-level key')),
  last4: Type.String({ description: 'Last four characters of the secret, for recognition' }),
  created_at: Timestamp('Creation timestamp'),
  expires_at: Nullable(Timestamp('Expiry; null never expires')),
  last_used_at: Nullable(Timestamp('Last use, updated at most once a minute')),
};
const ApiKey = Type.Object(keyProperties);
const CreatedApiKey = Type.Object({
  ...keyProperties,
  key: Type.String({ description: 'The secret. Shown in this response only: store it now' }),
});
const CreateKeyBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 255, description: 'Name of the key' }),
    scopes: Type.Array(ScopeName, {
      minItems: 1,
      maxItems: 32,
      description: 'Scopes to grant; never more than the caller holds',
    }),
    agent_id: Type.Optional(Nullable(Uuid('Agent the key acts as: its role then limits the scopes'))),
    expires_at: Type.Optional(Nullable(Timestamp('When the key stops working'))),
  },
  { additionalProperties: false },
);
const KeyParams = IdParams('The key ID');
const tags = ['api-keys'];

export const apiKeysRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api-keys',
    {
      schema: {
        tags,
        summary: 'Create an API key (the secret is shown once)',
        security: SECURED,
        querystring: OrgQuery,
        body: CreateKeyBody,
        response: { 201: CreatedApiKey, ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'keys:write' },
    },
    async (request, reply) => {
      const { name, scopes, agent_id, expires_at } = request.body;
      const created = await createApiKey(request.ctx, {
        name,
        scopes,
        agentId: agent_id ?? null,
        expiresAt: expires_at ? new Date(expires_at) : null,
      });
      reply.status(201);
      return { ...presentApiKey(created.row), key: created.secret };
    },
  );

  app.get(
    '/api-keys',
    {
      schema: {
        tags,
        summary: 'List API keys (never the secrets)',
        security: SECURED,
        querystring: PageQuery({}),
        response: { 200: Type.Array(ApiKey), ...problems(400, 401, 403) },
      },
      config: { scope: 'keys:read' },
    },
    async (request, reply) => {
      const page = await listApiKeys(request.ctx, toPageRequest(request.query));
      return sendPage(request, reply, page, presentApiKey);
    },
  );

  app.get(
    '/api-keys/:id',
    {
      schema: {
        tags,
        summary: 'Get an API key (never the secret)',
        security: SECURED,
        params: KeyParams,
        querystring: OrgQuery,
        response: { 200: ApiKey, ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'keys:read' },
    },
    async (request) => presentApiKey(await getApiKey(request.ctx, request.params.id)),
  );

  app.delete(
    '/api-keys/:id',
    {
      schema: {
        tags,
        summary: 'Revoke an API key at once',
        security: SECURED,
        params: KeyParams,
        querystring: OrgQuery,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
      config: { scope: 'keys:write' },
    },
    async (request, reply) => {
      await deleteApiKey(request.ctx, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
