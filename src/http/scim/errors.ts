import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '../../core/errors.js';
import { DEFAULT_STATUS, toDomainError } from '../errors.js';

export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

/** RFC 7644 §3.12 error types. */
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive';

/** A client error only SCIM has words for (a bad filter, a PATCH path): a 400 with its scimType. */
export class ScimRequestError extends DomainError {
  constructor(
    readonly scimType: ScimType,
    detail: string,
  ) {
    super(ErrorCode.InvalidRequest, detail);
  }
}

export const scimError = (scimType: ScimType, detail: string) => new ScimRequestError(scimType, detail);

/** Domain errors that mean "that value is taken": SCIM's 409 uniqueness. */
const TAKEN = new Set<string>([
  ErrorCode.AgentEmailTaken,
  ErrorCode.AgentUsernameTaken,
  ErrorCode.TeamNameTaken,
  ErrorCode.AlreadyMember,
]);

/** SCIM names the attribute, not Roster's field: the detail says which SCIM attribute is taken. */
function uniquenessDetail(error: DomainError): string {
  switch (error.code) {
    case ErrorCode.AgentEmailTaken:
      return `emails: ${error.message}`;
    case ErrorCode.AgentUsernameTaken:
      return `userName: ${error.message.replace('username', 'userName')}`;
    case ErrorCode.TeamNameTaken:
      return `displayName: ${error.message.replace('team named', 'group with displayName')}`;
    default:
      return error.message;
  }
}

/** The status and SCIM error body of any error a SCIM route raises. */
export function renderScimError(err: unknown): { status: number; body: Record<string, unknown> } {
  const fe = err as FastifyError;
  if (fe?.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || fe?.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
    return {
      status: 400,
      body: body(400, 'invalidSyntax', `The request body is not valid JSON: ${fe.message}`),
    };
  }
  if (
    (err as SyntaxError)?.name === 'SyntaxError' &&
    (fe?.statusCode === 400 || fe?.statusCode === undefined)
  ) {
    return {
      status: 400,
      body: body(400, 'invalidSyntax', `The request body is not valid JSON: ${fe.message}`),
    };
  }
  const error = toDomainError(err);
  if (error instanceof ScimRequestError) {
    return { status: 400, body: body(400, error.scimType, error.message) };
  }
  const status = DEFAULT_STATUS[error.code];
  if (error.code === ErrorCode.InvalidRequest) {
    return { status, body: body(status, 'invalidValue', error.message) };
  }
  if (TAKEN.has(error.code) || (error.code === ErrorCode.Conflict && error.fieldErrors.length > 0)) {
    return { status: 409, body: body(409, 'uniqueness', uniquenessDetail(error)) };
  }
  return { status, body: body(status, undefined, error.message) };
}

function body(status: number, scimType: ScimType | undefined, detail: string): Record<string, unknown> {
  // RFC 7644 §3.12: status is a string.
  return { schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail };
}

/** Renders any error raised on a SCIM route (or refused before routing) in SCIM's error shape. */
export function scimErrorHandler(
  err: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  const { status, body: payload } = renderScimError(err);
  if (status === 500) {
    request.log.error({ err }, 'unhandled error');
  }
  if (status === 401) {
    reply.header('www-authenticate', 'Bearer realm="roster-scim"');
  }
  if (status === 429 && !reply.hasHeader('retry-after')) {
    reply.header('retry-after', '1');
  }
  return reply.status(status).type(SCIM_CONTENT_TYPE).send(JSON.stringify(payload));
}

/** Installs SCIM's error body on the enclosing plugin, and a SCIM 404 for unknown paths. */
export function installScimErrors(app: FastifyInstance): void {
  app.setErrorHandler(scimErrorHandler);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    return reply
      .status(404)
      .type(SCIM_CONTENT_TYPE)
      .send(JSON.stringify(body(404, undefined, `No SCIM endpoint ${request.method} ${path}`)));
  });
}
