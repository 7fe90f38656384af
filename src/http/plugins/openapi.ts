import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { DixaErrorSchema } from '../compat/dixa/errors.js';
import { RocketChatFailure, RocketChatUnauthorized } from '../compat/rocketchat/errors.js';
import { WebexError } from '../compat/webex/errors.js';
import { ProblemSchema } from '../v1/errors.js';

/** Schema key of a route that accepts a request without a body (documented as optional). */
export const BODY_OPTIONAL = 'x-body-optional';

type OpenApiParameter = { in?: string; required?: boolean; schema?: { default?: unknown } };
type OpenApiOperation = Record<string, unknown> & {
  requestBody?: { required?: boolean };
  parameters?: OpenApiParameter[];
};
type OpenApiDocument = { paths?: Record<string, Record<string, OpenApiOperation | undefined>> };

/**
 * Client errors every route of a kind can answer, added to its documented responses in the shape
 * of its own client errors: 400 (malformed input) everywhere, 413 and 415 on every write (a body
 * too large or not JSON), 404 wherever `org_id` names the org (an unknown or foreign org is not
 * found), 429 wherever a caller authenticates (rate limits). Runs for every route registered after it.
 */
function documentCommonErrors(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const schema = route.schema as
      | {
          body?: unknown;
          querystring?: { properties?: Record<string, unknown> };
          response?: Record<string, unknown>;
        }
      | undefined;
    const response = schema?.response;
    if (schema === undefined || response === undefined) {
      return;
    }
    // The route's own client-error shape: its 400, else another 4xx it documents (not a 401: some
    // dialects answer authentication failures in a shape of their own).
    const template =
      [400, 403, 404, 409, 422].map((status) => response[status]).find((entry) => entry !== undefined) ??
      Object.entries(response).find(([status]) => status.startsWith('4') && status !== '401')?.[1];
    if (template === undefined) {
      return;
    }
    const extra: number[] = [400];
    const methods = ([] as string[]).concat(route.method);
    if (schema.body !== undefined || methods.some((m) => m === 'POST' || m === 'PUT' || m === 'PATCH')) {
      // Any write may come with a body too large or not JSON, whether or not it expects one.
      extra.push(413, 415);
    }
    if (schema.querystring?.properties?.org_id !== undefined) {
      extra.push(404);
    }
    if (response[401] !== undefined) {
      // Whatever authenticates may be told to slow down: the per-key rate limit, or an address
      // that used up its failed authentications (both with Retry-After).
      extra.push(429);
    }
    for (const status of extra) {
      response[status] ??= template;
    }
  });
}

/** Generates the OpenAPI 3.1 document from the route schemas; serves it and a reference page. */
export async function installOpenApi(app: FastifyInstance, version: string): Promise<void> {
  documentCommonErrors(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Roster',
        version,
        description:
          'Directory of organizations, agents, teams and who can take work right now. ' +
          'Errors of /v1 are RFC 9457 problem details (application/problem+json); the Dixa-compatible ' +
          '/beta routes answer {"message": ...} as Dixa does, and the Webex-compatible /v1/telephony/config ' +
          'routes {"message", "errors", "trackingId"} as Webex does, and the Rocket.Chat-compatible ' +
          '/api/v1/livechat routes {"success": false, "error"} (401: {"status": "error", "message"}). ' +
          "Every vendor dialect is also served under /compat/<dialect> followed by the vendor's own " +
          'paths (/compat/dixa/v1/agents, /compat/webex/v1/people, /compat/tiledesk/v3/..., ' +
          '/compat/rocketchat/api/v1/livechat/...), for clients whose paths collide with the native /v1.',
      },
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API key or the master key' },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'roster_session',
            description:
              'A console session (POST /v1/sessions); writes also need the X-Requested-With header',
          },
          dixaApiKey: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description: 'An API key, bare as Dixa sends it or after "Bearer "',
          },
          rocketChatToken: {
            type: 'apiKey',
            in: 'header',
            name: 'X-Auth-Token',
            description: 'Rocket.Chat dialect: an API key bound to an agent',
          },
          rocketChatUserId: {
            type: 'apiKey',
            in: 'header',
            name: 'X-User-Id',
            description: 'Rocket.Chat dialect: the id of the agent the key is bound to',
          },
        },
      },
    },
    // The `/compat/<dialect>/...` mounts repeat their dialect's routes under a second prefix: they
    // are documented once, at the dialect's own prefix.
    transform: ({ schema, url }) => ({
      schema: url.startsWith('/compat/') ? { ...schema, hide: true } : schema,
      url,
    }),
    // Routes whose body may be left out say so with `x-body-optional` in their schema: Fastify
    // would otherwise document every declared body as required. Query parameters with a default
    // are optional to the caller.
    transformObject: (documentObject) => {
      const document = (documentObject as { openapiObject: OpenApiDocument }).openapiObject;
      for (const operations of Object.values(document.paths ?? {})) {
        for (const operation of Object.values(operations)) {
          // A query parameter with a default may be left out: TypeBox marks it required because the
          // validator fills it in, but a client (packages/client) must not be made to send it.
          for (const parameter of operation?.parameters ?? []) {
            if (parameter.in === 'query' && parameter.schema?.default !== undefined) {
              parameter.required = false;
            }
          }
          if (operation?.[BODY_OPTIONAL] === true) {
            delete operation[BODY_OPTIONAL];
            if (operation.requestBody !== undefined) {
              operation.requestBody.required = false;
            }
          }
        }
      }
      return document;
    },
    // Shared schemas are listed under components.schemas by their $id rather than def-N.
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  app.addSchema(ProblemSchema);
  app.addSchema(DixaErrorSchema);
  app.addSchema(WebexError);
  app.addSchema(RocketChatFailure);
  app.addSchema(RocketChatUnauthorized);
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
