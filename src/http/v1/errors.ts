import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { DomainError, ErrorCode } from '../../core/errors.js';
import { DEFAULT_STATUS, toDomainError } from '../errors.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  412: 'Precondition Failed',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** RFC 9457 problem details, as every /v1 error is rendered. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String({ description: 'URI naming the problem type: urn:roster:problem:<code>' }),
    title: Type.String({ description: 'Short summary of the HTTP status' }),
    status: Type.Integer({ description: 'The HTTP status code' }),
    detail: Type.String({ description: 'What went wrong, naming the field when one is at fault' }),
    code: Type.String({ description: 'Stable machine-readable error code' }),
    request_id: Type.String({ description: 'Id of the request, as in the X-Request-Id header' }),
    errors: Type.Optional(
      Type.Array(
        Type.Object({
          path: Type.String({ description: 'The field at fault, e.g. body.name or query.limit' }),
          message: Type.String({ description: 'What is wrong with it' }),
        }),
        { description: 'One entry per invalid field (validation errors only)' },
      ),
    ),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details' },
);

function send(reply: FastifyReply, request: FastifyRequest, error: DomainError): FastifyReply {
  const status = DEFAULT_STATUS[error.code];
  const body: Record<string, unknown> = {
    type: `urn:roster:problem:${error.code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: error.message,
    code: error.code,
    request_id: request.id,
  };
  if (status === 401) {
    reply.header('www-authenticate', 'Bearer');
  }
  if (error.fieldErrors.length > 0) {
    body.errors = error.fieldErrors;
  }
  return reply.status(status).type('application/problem+json').send(JSON.stringify(body));
}

/** Renders any error raised on a /v1 route (or refused before routing) in /v1's shape. */
export function v1ErrorHandler(
  err: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const error = toDomainError(err);
  if (error.code === ErrorCode.Internal) {
    request.log.error({ err }, 'unhandled error');
  }
  return send(reply, request, error);
}

/** Installs the problem+json renderer and the 404 for unknown paths on the /v1 plugin. */
export function installV1Errors(app: FastifyInstance): void {
  app.setErrorHandler(v1ErrorHandler);
  app.setNotFoundHandler((request, reply) =>
    send(
      reply,
      request,
      new DomainError(ErrorCode.NotFound, `No route ${request.method} ${request.url.split('?')[0]}`),
    ),
  );
}
