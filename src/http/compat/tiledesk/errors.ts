import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ErrorCode } from '../../../core/errors.js';
import { DEFAULT_STATUS, renderingErrorHandler, sendJsonError, toDomainError } from '../../errors.js';

/**
 * Tiledesk's error envelope `{success: false, msg | error, code?}` and its texts (vendor spec
 * section 1.3, from routes/project_user.js and middleware/has-role.js).
 */
export const TiledeskErrorBody = Type.Object(
  {
    success: Type.Boolean({ description: 'Always false' }),
    msg: Type.Optional(Type.String({ description: 'What went wrong, in Tiledesk wording' })),
    error: Type.Optional(Type.String({ description: 'What went wrong (DELETE of an unknown teammate)' })),
    code: Type.Optional(
      Type.Integer({ description: 'Tiledesk code: 4000 self-invite, 4001 already a member' }),
    ),
  },
  { description: 'Tiledesk error body' },
);

export const NOT_A_MEMBER = 'you dont belong to the project.';
export const WRONG_ROLE = 'you dont have the required role.';
export const OBJECT_NOT_FOUND = 'Object not found.';

type Body = { success: false; msg?: string; error?: string; code?: number };

/** An answer the adapter gives with Tiledesk's own status and body. */
export class TiledeskError extends Error {
  readonly body: Body;
  constructor(
    readonly status: number,
    body: Omit<Body, 'success'>,
  ) {
    super(body.msg ?? body.error ?? 'error');
    this.name = 'TiledeskError';
    this.body = { success: false, ...body };
  }
}

/** Status and body of an error as Tiledesk answers it. */
function render(err: unknown): { status: number; body: Body } {
  if (err instanceof TiledeskError) {
    return { status: err.status, body: err.body };
  }
  const error = toDomainError(err);
  switch (error.code) {
    case ErrorCode.Unauthenticated:
      return { status: 401, body: { success: false, msg: 'Unauthorized' } };
    case ErrorCode.OrgNotFound:
      return { status: 403, body: { success: false, msg: NOT_A_MEMBER } };
    case ErrorCode.Forbidden:
      return { status: 403, body: { success: false, msg: WRONG_ROLE } };
    case ErrorCode.InviteSelf:
      return {
        status: 403,
        body: { success: false, msg: 'Forbidden. It is not allowed to invite yourself', code: 4000 },
      };
    case ErrorCode.AlreadyMember:
      return {
        status: 403,
        body: { success: false, msg: 'Forbidden. User is already a member', code: 4001 },
      };
    case ErrorCode.AgentNotFound:
    case ErrorCode.TeamNotFound:
    case ErrorCode.NotFound:
      return { status: 404, body: { success: false, msg: OBJECT_NOT_FOUND } };
    case ErrorCode.Conflict:
      return { status: 400, body: { success: false, msg: error.message } };
    case ErrorCode.Internal:
      return { status: 500, body: { success: false, msg: 'Error' } };
    default:
      return { status: DEFAULT_STATUS[error.code], body: { success: false, msg: error.message } };
  }
}

/** Renders any error raised on a Tiledesk route (or refused before routing) in Tiledesk's shape. */
export const tiledeskErrorHandler = renderingErrorHandler(render);

/** Installs the `{success: false, ...}` renderer and the 404 for unknown paths on the Tiledesk plugin. */
export function installTiledeskErrors(app: FastifyInstance): void {
  app.setErrorHandler(tiledeskErrorHandler);
  app.setNotFoundHandler((_request, reply) =>
    sendJsonError(reply, 404, { success: false, msg: OBJECT_NOT_FOUND }),
  );
}

/** Response entries for the errors a Tiledesk route can answer with. */
export function tiledeskErrors(...statuses: number[]): Record<number, typeof TiledeskErrorBody> {
  return Object.fromEntries(statuses.map((s) => [s, TiledeskErrorBody]));
}
