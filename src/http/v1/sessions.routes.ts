import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { parse as parseCookie, serialize as serializeCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../../core/access.js';
import { createSession, endSession, findSession } from '../../core/sessions/sessions.js';
import type { AppDeps } from '../deps.js';
import { CSRF_HEADER } from '../plugins/auth.js';
import { NoContent, Nullable, OrgQuery, problems, SECURED, Timestamp, Uuid } from './common.schemas.js';

/** The cookie that holds a console session token. */
export const SESSION_COOKIE = 'roster_session';
const DEFAULT_TTL_SECONDS = 28_800;

/** The session token the request's cookie holds, or null. */
export function sessionToken(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (typeof header !== 'string') {
    return null;
  }
  const value = parseCookie(header)[SESSION_COOKIE];
  return value === undefined || value === '' ? null : value;
}

/** HttpOnly, SameSite=Strict, for the whole origin; Secure when the request came over https. */
function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAge: number): void {
  reply.header(
    'set-cookie',
    serializeCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      secure: request.protocol === 'https',
      path: '/',
      maxAge,
    }),
  );
}

const Session = Type.Object({
  org_id: Uuid('Org the session acts on'),
  is_master: Type.Boolean({ description: 'Signed in with the master key: every org is reachable' }),
  key_id: Nullable(Uuid('The API key signed in with; null for the master key')),
  scopes: Type.Array(Type.String(), { description: 'Scopes the key holds' }),
  agent: Type.Union([
    Type.Object({
      id: Uuid('Agent the key acts as'),
      role: Type.String({ description: 'Role of that agent: owner, admin, supervisor or agent' }),
    }),
    Type.Null(),
  ]),
  expires_at: Nullable(Timestamp('When the session ends; null when not signed in with a session')),
  csrf_header: Type.String({ description: 'Header every write made with the session cookie must carry' }),
});
const SignInBody = Type.Object(
  {
    key: Type.String({ minLength: 1, maxLength: 200, description: 'An API key or the master key' }),
    org_id: Type.Optional(Uuid('Org to act on (master key only; defaults to the default org)')),
  },
  { additionalProperties: false },
);
const tags = ['sessions'];

const presentSession = (actor: Actor, expiresAt: Date | null) => ({
  org_id: actor.orgId,
  is_master: actor.isMaster,
  key_id: actor.keyId,
  scopes: [...actor.scopes],
  agent: actor.agent,
  expires_at: expiresAt?.toISOString() ?? null,
  csrf_header: CSRF_HEADER,
});

/** Console sign-in: an API key exchanged for a session held in an HttpOnly cookie. */
export const sessionsRoutes =
  (deps: AppDeps): FastifyPluginAsyncTypebox =>
  async (app) => {
    const ttlSeconds = deps.config.sessionTtlSeconds ?? DEFAULT_TTL_SECONDS;

    app.post(
      '/sessions',
      {
        schema: {
          tags,
          summary: 'Sign in: exchange an API key for a session cookie (HttpOnly, SameSite=Strict)',
          body: SignInBody,
          response: { 201: Session, ...problems(400, 401, 404) },
        },
      },
      async (request, reply) => {
        const session = await createSession(
          deps.db,
          deps.platform,
          { key: request.body.key, orgId: request.body.org_id ?? null, ttlSeconds },
          deps.now(),
          deps.keys ?? null,
        );
        setSessionCookie(request, reply, session.token, ttlSeconds);
        reply.header('cache-control', 'no-store');
        reply.status(201);
        return presentSession(session.actor, session.row.expiresAt);
      },
    );

    app.get(
      '/sessions/current',
      {
        schema: {
          tags,
          summary: 'Who is signed in: the org, scopes and agent role of the session (or key)',
          security: SECURED,
          querystring: OrgQuery,
          response: { 200: Session, ...problems(400, 401, 404) },
        },
        config: { signedIn: true },
      },
      async (request, reply) => {
        const token = request.headers.authorization === undefined ? sessionToken(request) : null;
        const session = token === null ? null : await findSession(deps.db, token);
        reply.header('cache-control', 'no-store');
        return presentSession(request.ctx.actor, session?.expiresAt ?? null);
      },
    );

    app.delete(
      '/sessions/current',
      {
        schema: {
          tags,
          summary: 'Sign out: end the session and clear its cookie',
          security: SECURED,
          querystring: OrgQuery,
          response: { 204: NoContent, ...problems(401, 403) },
        },
        config: { signedIn: true },
      },
      async (request, reply) => {
        const token = sessionToken(request);
        if (token !== null) {
          await endSession(deps.db, token);
        }
        setSessionCookie(request, reply, '', 0);
        return reply.status(204).send(null);
      },
    );
  };
