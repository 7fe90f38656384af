import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type DomainError, ErrorCode } from '../../../core/errors.js';
import { DEFAULT_STATUS, toDomainError } from '../../errors.js';

/** Webex's generic error body. */
export const WebexError = Type.Object(
  {
    message: Type.String({ description: 'What went wrong' }),
    errors: Type.Array(
      Type.Object({
        description: Type.String({ description: 'One problem, naming the field when one is at fault' }),
      }),
      { description: 'The problems found' },
    ),
    trackingId: Type.String({
      description: 'Id of the request, as in the X-Request-Id and TrackingID headers',
    }),
  },
  { $id: 'WebexError', description: "Webex's error body" },
);

/** Reference to the shared WebexError schema (registered once on the app, listed once in OpenAPI). */
const WebexErrorRef = Type.Ref('WebexError');

/** Response entries for the errors a Webex route can answer with. */
export function webexErrors(...statuses: number[]): Record<number, typeof WebexErrorRef> {
  return Object.fromEntries(statuses.map((s) => [s, WebexErrorRef]));
}

/** Webex's names for the scopes its routes need. */
export const WEBEX_SCOPES: Record<string, string> = {
  'supervisors:read': 'spark-admin:telephony_config_read',
  'supervisors:write': 'spark-admin:telephony_config_write',
  'agents:read': 'spark-admin:people_read',
};

const DEFAULT_RETRY_AFTER_SECONDS = '1';

function send(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  message: string,
  descriptions: string[],
): FastifyReply {
  if (status === 401) {
    reply.header('www-authenticate', 'Bearer');
  }
  const body = {
    message,
    errors: (descriptions.length > 0 ? descriptions : [message]).map((description) => ({ description })),
    trackingId: request.id,
  };
  return reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(body));
}

function describe(error: DomainError): { message: string; descriptions: string[] } {
  if (error.code === ErrorCode.ScopeMissing) {
    const scope = /"([^"]+)"/.exec(error.message)?.[1] ?? '';
    const webex = WEBEX_SCOPES[scope];
    const message = webex === undefined ? error.message : `${error.message} (Webex scope ${webex})`;
    return { message, descriptions: [message] };
  }
  return { message: error.message, descriptions: error.fieldErrors.map((f) => `${f.path} ${f.message}`) };
}

/** Path pattern of a route (`/a/:id`) as an anchored regular expression. */
const patternOf = (url: string) =>
  new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+')}/?$`);

/** Renders any error raised on a Webex route (or refused before routing) in Webex's shape. */
export function webexErrorHandler(
  err: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (err.statusCode === 429) {
    if (!reply.hasHeader('retry-after')) {
      reply.header('retry-after', DEFAULT_RETRY_AFTER_SECONDS);
    }
    return send(reply, request, 429, err.message || 'Too many requests', []);
  }
  const error = toDomainError(err);
  if (error.code === ErrorCode.Internal) {
    request.log.error({ err }, 'unhandled error');
  }
  const { message, descriptions } = describe(error);
  return send(reply, request, DEFAULT_STATUS[error.code], message, descriptions);
}

/**
 * Installs Webex's error body on the enclosing plugin: domain errors map to the default statuses,
 * a rate limit keeps its 429 and Retry-After, an unknown path is a 404 and a known path asked with
 * a method it does not serve is a 405 with `Allow`. Call before the routes are registered.
 */
export function installWebexErrors(app: FastifyInstance): void {
  const routes: { pattern: RegExp; methods: string[] }[] = [];
  app.addHook('onRoute', (route) => {
    const methods = ([] as string[]).concat(route.method);
    const existing = routes.find((r) => r.pattern.source === patternOf(route.url).source);
    if (existing) {
      existing.methods.push(...methods);
    } else {
      routes.push({ pattern: patternOf(route.url), methods: [...methods] });
    }
  });

  app.setErrorHandler(webexErrorHandler);

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = [...new Set(routes.filter((r) => r.pattern.test(path)).flatMap((r) => r.methods))];
    if (allowed.length > 0) {
      reply.header('allow', allowed.sort().join(', '));
      return send(reply, request, 405, `Method ${request.method} is not allowed on ${path}`, []);
    }
    return send(reply, request, 404, `No route ${request.method} ${path}`, []);
  });
}
