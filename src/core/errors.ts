/**
 * The closed set of domain error codes. The core never speaks HTTP: each dialect maps these codes
 * to its own status codes and envelopes.
 */
export const ErrorCode = {
  InvalidRequest: 'invalid_request',
  Unauthenticated: 'unauthenticated',
  Forbidden: 'forbidden',
  ScopeMissing: 'scope_missing',
  ScopeEscalation: 'scope_escalation',
  NotFound: 'not_found',
  OrgNotFound: 'org_not_found',
  AgentNotFound: 'agent_not_found',
  TeamNotFound: 'team_not_found',
  ApiKeyNotFound: 'api_key_not_found',
  PresenceStatusNotFound: 'presence_status_not_found',
  ConversationNotFound: 'conversation_not_found',
  NotMember: 'not_member',
  Conflict: 'conflict',
  AlreadyMember: 'already_member',
  InviteSelf: 'invite_self',
  TeamNameTaken: 'team_name_taken',
  AgentEmailTaken: 'agent_email_taken',
  AgentUsernameTaken: 'agent_username_taken',
  PresenceStatusTaken: 'presence_status_taken',
  AgentAtCapacity: 'agent_at_capacity',
  PayloadTooLarge: 'payload_too_large',
  UnsupportedMediaType: 'unsupported_media_type',
  IdempotencyKeyInUse: 'idempotency_key_in_use',
  IdempotencyKeyReused: 'idempotency_key_reused',
  PreconditionFailed: 'precondition_failed',
  RateLimited: 'rate_limited',
  Unavailable: 'unavailable',
  Internal: 'internal',
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One problem with one input field, named by its path (for example `body.name`). */
export interface FieldError {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (err: unknown): err is DomainError => err instanceof DomainError;

/** Factories for the errors the core throws, so messages stay consistent across use cases. */
export const ERRORS = {
  invalid: (path: string, message: string) =>
    new DomainError(ErrorCode.InvalidRequest, `${path} ${message}`, [{ path, message }]),
  unauthenticated: (message = 'A valid API key is required') =>
    new DomainError(ErrorCode.Unauthenticated, message),
  forbidden: (message: string) => new DomainError(ErrorCode.Forbidden, message),
  scopeMissing: (scope: string) =>
    new DomainError(ErrorCode.ScopeMissing, `This API key lacks the scope "${scope}"`),
  scopeEscalation: (scopes: string[]) =>
    new DomainError(
      ErrorCode.ScopeEscalation,
      `Cannot grant scopes the caller does not hold: ${scopes.join(', ')}`,
    ),
  orgNotFound: (id: string) => new DomainError(ErrorCode.OrgNotFound, `Org ${id} not found`),
  agentNotFound: (id: string) => new DomainError(ErrorCode.AgentNotFound, `Agent ${id} not found`),
  teamNotFound: (id: string) => new DomainError(ErrorCode.TeamNotFound, `Team ${id} not found`),
  apiKeyNotFound: (id: string) => new DomainError(ErrorCode.ApiKeyNotFound, `API key ${id} not found`),
  presenceStatusNotFound: (key: string) =>
    new DomainError(ErrorCode.PresenceStatusNotFound, `Presence status "${key}" not found`),
  presenceStatusTaken: (key: string) =>
    new DomainError(ErrorCode.PresenceStatusTaken, `A presence status "${key}" already exists`, [
      { path: 'body.key', message: 'is already taken' },
    ]),
  notMember: (teamId: string, agentId: string) =>
    new DomainError(ErrorCode.NotMember, `Agent ${agentId} is not a member of team ${teamId}`),
  alreadyMember: (teamId: string, agentId: string) =>
    new DomainError(ErrorCode.AlreadyMember, `Agent ${agentId} is already a member of team ${teamId}`),
  teamNameTaken: (name: string) =>
    new DomainError(ErrorCode.TeamNameTaken, `A team named "${name}" already exists`, [
      { path: 'body.name', message: 'is already taken' },
    ]),
  agentAlreadyActive: (email: string) =>
    new DomainError(ErrorCode.AlreadyMember, `"${email}" is already an active agent of this org`),
  inviteSelf: () => new DomainError(ErrorCode.InviteSelf, 'An agent cannot invite itself'),
  teamFull: (teamId: string, max: number) =>
    new DomainError(ErrorCode.Conflict, `Team ${teamId} would have more than ${max} members`),
  agentNotTrashed: (id: string) => new DomainError(ErrorCode.Conflict, `Agent ${id} is not in the trash`),
  conversationNotFound: (id: string) =>
    new DomainError(ErrorCode.ConversationNotFound, `Conversation ${id} not found`),
  agentAtCapacity: (id: string) =>
    new DomainError(
      ErrorCode.AgentAtCapacity,
      `Agent ${id} already holds as many open conversations as its capacity`,
      [{ path: 'body.agent_id', message: 'is at capacity' }],
    ),
  agentEmailTaken: (email: string) =>
    new DomainError(ErrorCode.AgentEmailTaken, `An agent with email "${email}" already exists`, [
      { path: 'body.email', message: 'is already taken' },
    ]),
  rateLimited: (retryAfterSeconds: number) =>
    new DomainError(
      ErrorCode.RateLimited,
      `Too many requests for this API key; retry in ${retryAfterSeconds} s (see Retry-After)`,
    ),
  tooManyFailedAuth: (retryAfterSeconds: number) =>
    new DomainError(
      ErrorCode.RateLimited,
      `Too many requests with invalid credentials from this address; retry in ${retryAfterSeconds} s (see Retry-After)`,
    ),
  idempotencyKeyInUse: (key: string) =>
    new DomainError(
      ErrorCode.IdempotencyKeyInUse,
      `A request with Idempotency-Key "${key}" is still being processed; retry once it has finished`,
    ),
  idempotencyKeyReused: (key: string) =>
    new DomainError(
      ErrorCode.IdempotencyKeyReused,
      `Idempotency-Key "${key}" was already used with a different request (method, path or body)`,
      [{ path: 'header.idempotency-key', message: 'was already used with a different request' }],
    ),
  preconditionFailed: (what: string, version: number) =>
    new DomainError(
      ErrorCode.PreconditionFailed,
      `${what} has changed (it is now at version ${version}, ETag "${version}"): read it again and retry`,
    ),
  overloaded: () => new DomainError(ErrorCode.Unavailable, 'The server is overloaded; retry shortly'),
  agentUsernameTaken: (username: string) =>
    new DomainError(ErrorCode.AgentUsernameTaken, `An agent with username "${username}" already exists`, [
      { path: 'body.username', message: 'is already taken' },
    ]),
  agentExternalIdTaken: (externalId: string) =>
    new DomainError(ErrorCode.Conflict, `An agent with externalId "${externalId}" already exists`, [
      { path: 'body.externalId', message: 'is already taken' },
    ]),
} as const;

/** Narrows a nullable lookup, throwing the given domain error when the value is missing. */
export function found<T>(value: T | null | undefined, error: () => DomainError): T {
  if (value === null || value === undefined) {
    throw error();
  }
  return value;
}
