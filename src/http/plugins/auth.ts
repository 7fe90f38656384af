import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor, Scope } from '../../core/access.js';
import { assertScope } from '../../core/access.js';
import { authenticate } from '../../core/api-keys/authenticate.js';
import type { Ctx } from '../../core/context.js';
import { ERRORS } from '../../core/errors.js';
import { type AppDeps, requestCtx } from '../deps.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Scope the caller's key must hold; routes without one are public. */
    scope?: Scope;
  }
  interface FastifyRequest {
    actor: Actor | null;
    ctx: Ctx;
  }
}

/** How a dialect finds the credentials in a request: the secret and, optionally, the org asked for. */
export type CredentialReader = (request: FastifyRequest) => { secret: string | null; orgId: string | null };

/**
 * Authenticates every route of the enclosing plugin that declares a scope, before validation:
 * a request without valid credentials is answered 401 even when its body is malformed.
 */
export function installAuth(app: FastifyInstance, deps: AppDeps, read: CredentialReader): void {
  app.addHook('onRequest', async (request, reply) => {
    const scope = request.routeOptions.config.scope;
    if (scope === undefined) {
      return;
    }
    const { secret, orgId } = read(request);
    if (secret === null) {
      throw ERRORS.unauthenticated();
    }
    const actor = await authenticate(
      deps.db,
      deps.platform,
      { secret, orgId },
      deps.now(),
      deps.keys ?? null,
    );
    if (deps.limiter) {
      // Buckets are keyed by the key's id, never by its secret.
      const decision = await deps.limiter.take(actor.keyId ?? `master:${actor.orgId}`);
      reply.header('ratelimit-limit', decision.limit);
      reply.header('ratelimit-remaining', decision.remaining);
      reply.header('ratelimit-reset', decision.resetSeconds);
      if (!decision.allowed) {
        reply.header('retry-after', decision.retryAfterSeconds);
        throw ERRORS.rateLimited(decision.retryAfterSeconds);
      }
    }
    request.actor = actor;
    request.ctx = requestCtx(deps, actor, request.log);
    assertScope(actor, scope);
  });
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
