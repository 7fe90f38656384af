import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode, isDomainError } from '../core/errors.js';
import { isConnectionFailure } from '../db/errors.js';
import { toFieldErrors } from './plugins/validation.js';

/**
 * Brings every error a route can raise into the domain vocabulary, so that each dialect renders
 * from one shape: domain errors pass through, Fastify's own client errors (validation, body size,
 * media type, malformed JSON) become the matching code, a lost or refused database connection is
 * `unavailable` (503, retry), and anything else is an internal error.
 */
export function toDomainError(err: unknown): DomainError {
  if (isDomainError(err)) {
    return err;
  }
  const fe = err as FastifyError;
  if (isConnectionFailure(err)) {
    return new DomainError(ErrorCode.Unavailable, 'The database is unavailable; retry shortly');
  }
  if (Array.isArray(fe.validation)) {
    const fieldErrors = toFieldErrors(fe.validation, fe.validationContext);
    const detail = fieldErrors.map((f) => `${f.path} ${f.message}`).join('; ');
    return new DomainError(ErrorCode.InvalidRequest, detail, fieldErrors);
  }
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  if (status === 413) {
    return new DomainError(ErrorCode.PayloadTooLarge, 'The request body is larger than allowed');
  }
  if (status === 415) {
    return new DomainError(ErrorCode.UnsupportedMediaType, 'The request body must be application/json');
  }
  if (status === 429) {
    return new DomainError(ErrorCode.RateLimited, fe.message || 'Too many requests');
  }
  if (status === 503) {
    return new DomainError(ErrorCode.Unavailable, fe.message || 'The service is unavailable; retry shortly');
  }
  if (status >= 400 && status < 500) {
    return new DomainError(ErrorCode.InvalidRequest, fe.message);
  }
  return new DomainError(ErrorCode.Internal, 'An internal error occurred');
}

/** The status most dialects use for each code; a dialect may override single entries. */
export const DEFAULT_STATUS: Record<ErrorCode, number> = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  scope_missing: 403,
  scope_escalation: 403,
  not_found: 404,
  org_not_found: 404,
  agent_not_found: 404,
  team_not_found: 404,
  api_key_not_found: 404,
  presence_status_not_found: 404,
  conversation_not_found: 404,
  not_member: 404,
  conflict: 409,
  already_member: 409,
  invite_self: 403,
  team_name_taken: 409,
  agent_email_taken: 409,
  agent_username_taken: 409,
  presence_status_taken: 409,
  agent_at_capacity: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_in_use: 409,
  idempotency_key_reused: 422,
  precondition_failed: 412,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** Sends an error body as JSON with its status. */
export function sendJsonError(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.status(status).type('application/json').send(JSON.stringify(body));
}

/**
 * The error handler of a dialect whose `render` turns any error into its status and JSON body;
 * what renders as a 500 is logged with the error behind it.
 */
export function renderingErrorHandler(
  render: (err: unknown) => { status: number; body: unknown },
): (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => FastifyReply {
  return (err, request, reply) => {
    const { status, body } = render(err);
    if (status === 500) {
      request.log.error({ err }, 'unhandled error');
    }
    return sendJsonError(reply, status, body);
  };
}
