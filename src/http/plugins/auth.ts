import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor, Scope } from '../../core/access.js';
import { assertScope } from '../../core/access.js';
import { type AuthRequest, authenticate } from '../../core/api-keys/authenticate.js';
import type { Ctx } from '../../core/context.js';
import { DomainError, ERRORS, ErrorCode } from '../../core/errors.js';
import { rateLimitRejections } from '../../observability/metrics.js';
import { type AppDeps, auditSource, requestCtx } from '../deps.js';
import { dialectOf } from '../dialects.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Scope the caller's key must hold; routes without one are public. */
    scope?: Scope;
    /**
     * The route works across orgs (managing orgs, master key only): its requests get the all-orgs
     * database handle. Every other route's requests are held to the org they act on.
     */
    acrossOrgs?: boolean;
    /** Needs valid credentials but no particular scope (who am I, sign out). */
    signedIn?: boolean;
  }
  interface FastifyRequest {
    actor: Actor | null;
    ctx: Ctx;
  }
}

/**
 * How a dialect finds the credentials in a request: the secret and, optionally, the org asked for;
 * `session` when the secret is a console session token from the session cookie.
 */
export type CredentialReader = (request: FastifyRequest) => {
  secret: string | null;
  orgId: string | null;
  session?: boolean;
};

/**
 * The header a write authenticated by the session cookie must carry (any value). A page of another
 * site can neither send the cookie (SameSite=Strict) nor set this header without a CORS preflight,
 * which Roster never grants: a forged cross-site write fails twice over.
 */
export const CSRF_HEADER = 'x-requested-with';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authenticates every route of the enclosing plugin that declares a scope, before validation:
 * a request without valid credentials is answered 401 even when its body is malformed.
 */
export function installAuth(app: FastifyInstance, deps: AppDeps, read: CredentialReader): void {
  app.addHook('onRequest', async (request, reply) => {
    const { scope, signedIn } = request.routeOptions.config;
    if (scope === undefined && signedIn !== true) {
      return;
    }
    const { secret, orgId, session = false } = read(request);
    if (secret === null) {
      throw ERRORS.unauthenticated();
    }
    const actor = await authenticateLimited(deps, request, reply, { secret, orgId, session });
    if (session && !SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] === undefined) {
      throw ERRORS.forbidden(`A write signed in with the session cookie needs the ${CSRF_HEADER} header`);
    }
    if (deps.limiter) {
      // Buckets are keyed by the key's id, never by its secret.
      const decision = await deps.limiter.take(actor.keyId ?? `master:${actor.orgId}`);
      reply.header('ratelimit-limit', decision.limit);
      reply.header('ratelimit-remaining', decision.remaining);
      reply.header('ratelimit-reset', decision.resetSeconds);
      if (!decision.allowed) {
        rateLimitRejections.inc();
        reply.header('retry-after', decision.retryAfterSeconds);
        throw ERRORS.rateLimited(decision.retryAfterSeconds);
      }
    }
    request.actor = actor;
    request.ctx = requestCtx(deps, actor, request.log, {
      acrossOrgs: request.routeOptions.config.acrossOrgs,
      audit: auditSource(request, dialectOf(request.url).name),
    });
    if (scope !== undefined) {
      assertScope(actor, scope);
    }
  });
}

/**
 * `authenticate`, with failed attempts limited per client address (`deps.authFailures`): an
 * address that used up its failures is answered 429 with Retry-After, before its credentials are
 * checked, until its next attempt is due. Every dialect authenticates through here.
 */
export async function authenticateLimited(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  credentials: AuthRequest,
): Promise<Actor> {
  const guard = deps.authFailures ?? null;
  const refuse = (seconds: number) => {
    reply.header('retry-after', seconds);
    return ERRORS.tooManyFailedAuth(seconds);
  };
  const wait = guard?.wait(request.ip) ?? 0;
  if (wait > 0) {
    throw refuse(wait);
  }
  try {
    return await authenticate(deps.db, deps.platform, credentials, deps.now(), deps.keys ?? null);
  } catch (err) {
    if (guard !== null && err instanceof DomainError && err.code === ErrorCode.Unauthenticated) {
      const seconds = await guard.failed(request.ip);
      if (seconds > 0) {
        throw refuse(seconds);
      }
    }
    throw err;
  }
}

/** The value of a query parameter given under either of two spellings. */
export function queryParam(request: FastifyRequest, ...names: string[]): string | null {
  const query = request.query as Record<string, unknown> | undefined;
  for (const name of names) {
    const value = query?.[name];
    if (typeof value === 'string') {
      return value;
    }
  }
  return null;
}

/** The token after `scheme` in the Authorization header (case-insensitive scheme), or null. */
export function bearerToken(request: FastifyRequest, ...schemes: string[]): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') {
    return null;
  }
  const space = header.indexOf(' ');
  if (space < 0) {
    return null;
  }
  const scheme = header.slice(0, space).toLowerCase();
  const token = header.slice(space + 1).trim();
  return schemes.some((s) => s.toLowerCase() === scheme) && token !== '' ? token : null;
}
