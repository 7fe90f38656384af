import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ErrorCode } from '../../../core/errors.js';
import { DEFAULT_STATUS, renderingErrorHandler, sendJsonError, toDomainError } from '../../errors.js';

/**
 * Rocket.Chat's error envelopes (vendor spec section 1.5, seed 004): a 401 is
 * `{status: "error", message}`, every other failure `{success: false, error, errorType?}`.
 */
export const RocketChatFailure = Type.Object(
  {
    success: Type.Literal(false, { description: 'Always false' }),
    error: Type.String({ description: 'What went wrong; Rocket.Chat error ids in square brackets' }),
    errorType: Type.Optional(Type.String({ description: 'Rocket.Chat error id, when there is one' })),
  },
  { $id: 'RocketChatFailure', description: 'Rocket.Chat failure body' },
);

export const RocketChatUnauthorized = Type.Object(
  {
    status: Type.Literal('error', { description: 'Always "error"' }),
    message: Type.String({ description: 'Always "You must be logged in to do this."' }),
  },
  { $id: 'RocketChatUnauthorized', description: 'Rocket.Chat answer to a request without valid credentials' },
);

export const LOGGED_OUT = 'You must be logged in to do this.';
export const NO_PERMISSION =
  'User does not have the permissions required for this action [error-unauthorized]';

type FailureBody = { success: false; error: string; errorType?: string };
type Body = FailureBody | { status: 'error'; message: string };

/** An answer the adapter gives with Rocket.Chat's own status and body. */
export class RocketChatError extends Error {
  readonly body: FailureBody;
  constructor(
    readonly status: number,
    error: string,
    errorType?: string,
  ) {
    super(error);
    this.name = 'RocketChatError';
    this.body = errorType === undefined ? { success: false, error } : { success: false, error, errorType };
  }
}

/** Rocket.Chat's failure for an error id, worded `<text> [<id>]` as its API does. */
export const failure = (status: number, text: string, errorType: string) =>
  new RocketChatError(status, `${text} [${errorType}]`, errorType);

export const departmentNotFound = () => failure(400, 'Department not found', 'error-department-not-found');

function render(err: unknown): { status: number; body: Body } {
  if (err instanceof RocketChatError) {
    return { status: err.status, body: err.body };
  }
  const error = toDomainError(err);
  switch (error.code) {
    case ErrorCode.Unauthenticated:
      return { status: 401, body: { status: 'error', message: LOGGED_OUT } };
    case ErrorCode.Forbidden:
    case ErrorCode.ScopeMissing:
    case ErrorCode.ScopeEscalation:
    case ErrorCode.OrgNotFound:
      return { status: 403, body: { success: false, error: NO_PERMISSION } };
    case ErrorCode.TeamNotFound:
      return { status: 400, body: departmentNotFound().body };
    case ErrorCode.AgentNotFound:
      return { status: 400, body: failure(400, error.message, 'error-invalid-agent').body };
    case ErrorCode.TeamNameTaken:
      return { status: 400, body: failure(400, error.message, 'error-duplicated-department-name').body };
    case ErrorCode.InvalidRequest:
      return { status: 400, body: failure(400, error.message, 'invalid-params').body };
    case ErrorCode.Internal:
      return { status: 500, body: { success: false, error: 'Internal server error' } };
    default:
      return { status: DEFAULT_STATUS[error.code], body: { success: false, error: error.message } };
  }
}

/** Renders any error raised on a Rocket.Chat route (or refused before routing) in Rocket.Chat's shape. */
export const rocketChatErrorHandler = renderingErrorHandler(render);

/** Installs Rocket.Chat's error bodies and its 404 for unknown paths on the enclosing plugin. */
export function installRocketChatErrors(app: FastifyInstance): void {
  app.setErrorHandler(rocketChatErrorHandler);
  app.setNotFoundHandler((request, reply) =>
    sendJsonError(reply, 404, {
      success: false,
      error: `No endpoint ${request.method} ${request.url.split('?')[0]}`,
    }),
  );
}

/** Response entries for the errors a Rocket.Chat route can answer with. */
export function rocketChatErrors(...statuses: number[]): Record<number, ReturnType<typeof Type.Ref>> {
  return Object.fromEntries(
    statuses.map((s) => [s, Type.Ref(s === 401 ? 'RocketChatUnauthorized' : 'RocketChatFailure')]),
  );
}
