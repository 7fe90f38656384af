import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ERRORS } from '../core/errors.js';
import { dialectOf } from './dialects.js';

/**
 * The few requests Fastify refuses before any route sees them (a path that does not decode to
 * UTF-8, a path parameter beyond the router's length limit) are answered with a 400 in the error
 * shape of the dialect their path belongs to, by that dialect's own error handler.
 */
export function frameworkError(error: Error, request: FastifyRequest, reply: FastifyReply): void {
  const path = request.url.split('?')[0] ?? '';
  reply.header('x-request-id', request.id);
  const invalid = ERRORS.invalid('path', `is not a valid request path (${error.message})`);
  dialectOf(path).errorHandler(invalid as unknown as FastifyError, request, reply);
}
