import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type DomainError, ErrorCode } from '../../../core/errors.js';
import { DEFAULT_STATUS, sendJsonError, toDomainError } from '../../errors.js';

/**
 * Dixa's error envelope and texts (vendor spec: "Error shape everywhere: {message}"; 400 texts
 * "Invalid value for: path parameter teamId", "Invalid value for: body", ...).
 */
export const DixaErrorSchema = Type.Object(
  { message: Type.String({ description: 'What went wrong, in Dixa wording' }) },
  { $id: 'DixaError', description: 'Dixa error body' },
);

export const NOT_FOUND_MESSAGE = 'An entity in this request could not be found';
const NO_ROUTE_MESSAGE = 'The requested resource could not be found';
const INTERNAL_MESSAGE = 'There was an internal server error while processing the request';
const BODY_MESSAGE = 'Invalid value for: body';
const REQUEST_MESSAGE = 'Invalid value in request';

/** An error the adapter raises with Dixa's own status and text (vendor rules on vendor input only). */
export class DixaError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'DixaError';
  }
}

/** Dixa's 400 text for the first field at fault: `path.teamId`, `query.pageKey`, `body.name`. */
function invalidMessage(error: DomainError): string {
  const [part, name] = (error.fieldErrors[0]?.path ?? '').split('.');
  if (part === 'path' && name) {
    return `Invalid value for: path parameter ${name}`;
  }
  if (part === 'query' && name) {
    return `Invalid value for: query parameter ${name}`;
  }
  if (part === 'body') {
    return BODY_MESSAGE;
  }
  if (part === 'header') {
    return 'Invalid value extracted from request context';
  }
  return REQUEST_MESSAGE;
}

/** Status and text of a domain error as Dixa answers it. */
function render(error: DomainError, raw: unknown): { status: number; message: string } {
  // Dixa knows no 415: a body that is not JSON is a body it cannot decode.
  if (error.code === ErrorCode.UnsupportedMediaType) {
    return { status: 400, message: BODY_MESSAGE };
  }
  const status = DEFAULT_STATUS[error.code];
  if (status === 400) {
    const parseFailure = String((raw as FastifyError).code ?? '').startsWith('FST_ERR_CTP_');
    return { status, message: parseFailure ? BODY_MESSAGE : invalidMessage(error) };
  }
  if (status === 404) {
    return { status, message: NOT_FOUND_MESSAGE };
  }
  if (status === 500) {
    return { status, message: INTERNAL_MESSAGE };
  }
  return { status, message: error.message };
}

function send(reply: FastifyReply, status: number, message: string): FastifyReply {
  return sendJsonError(reply, status, { message });
}

/** Renders any error raised on a Dixa route (or refused before routing) in Dixa's shape. */
export function dixaErrorHandler(
  err: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  if (err instanceof DixaError) {
    return send(reply, err.status, err.message);
  }
  const error = toDomainError(err);
  if (error.code === ErrorCode.Internal) {
    request.log.error({ err }, 'unhandled error');
  }
  const { status, message } = render(error, err);
  return send(reply, status, message);
}

/** Installs the `{message}` renderer and the 404 for unknown paths on the Dixa plugin. */
export function installDixaErrors(app: FastifyInstance): void {
  app.setErrorHandler(dixaErrorHandler);
  app.setNotFoundHandler((_request, reply) => send(reply, 404, NO_ROUTE_MESSAGE));
}

/** Response entries for the errors a Dixa route can answer with, all `{message}`. */
export function dixaErrors(...statuses: number[]): Record<number, ReturnType<typeof Type.Ref>> {
  const ref = Type.Ref('DixaError');
  return Object.fromEntries(statuses.map((s) => [s, ref]));
}
