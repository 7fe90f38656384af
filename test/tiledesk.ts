import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../src/core/access.js';
import type { Ctx } from '../src/core/context.js';
import { buildAgent, buildKey, buildOrg } from './factories.js';
import type { TestEnv } from './harness.js';
import { type Method, type Response, send } from './http.js';

/** Helpers for the Tiledesk dialect's tests: JWT/Bearer client, `{success:false}` errors, fixtures. */

export interface TiledeskClient {
  get(url: string): Promise<Response>;
  post(url: string, body?: unknown): Promise<Response>;
  put(url: string, body?: unknown): Promise<Response>;
  delete(url: string): Promise<Response>;
}

/** A client sending `Authorization: JWT <key>` as Tiledesk clients do (or `Bearer <key>`). */
export function tiledeskClient(
  app: FastifyInstance,
  key: string,
  scheme: 'JWT' | 'Bearer' = 'JWT',
): TiledeskClient {
  const authorization = `${scheme} ${key}`;
  const call = (method: Method) => (url: string, body?: unknown) =>
    send(app, { method, url, body, headers: { authorization } });
  return { get: call('GET'), post: call('POST'), put: call('PUT'), delete: call('DELETE') };
}

/** A project (org) with an unbound `*` key; `base` is `/v3/<project>/project_users`. */
export interface TiledeskTenant {
  orgId: string;
  ctx: Ctx;
  key: string;
  base: string;
  api: TiledeskClient;
}

export async function newTiledeskTenant(env: TestEnv & { app: FastifyInstance }): Promise<TiledeskTenant> {
  const ctx = await buildOrg(env);
  const { secret } = await buildKey(ctx, { scopes: ['*'] });
  const orgId = ctx.actor.orgId;
  return {
    orgId,
    ctx,
    key: secret,
    base: `/v3/${orgId}/project_users`,
    api: tiledeskClient(env.app, secret),
  };
}

/** An agent of `role` in the tenant and a `*` key bound to it. */
export async function teammateWithKey(
  env: TestEnv & { app: FastifyInstance },
  t: TiledeskTenant,
  role: Role,
  overrides: { email?: string } = {},
) {
  const agent = await buildAgent(t.ctx, { role, ...overrides });
  const { secret } = await buildKey(t.ctx, { scopes: ['*'], agentId: agent.id });
  return { agent, key: secret, api: tiledeskClient(env.app, secret) };
}

function describe(res: Response): string {
  return `${res.statusCode} ${res.headers['content-type'] ?? ''} ${res.body.slice(0, 500)}`;
}

export function expectOk<T>(res: Response, status = 200): T {
  assert.equal(res.statusCode, status, `expected ${status}, got ${describe(res)}`);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  return res.json() as T;
}

/** Asserts a Tiledesk error: the status, JSON, `success: false`, and exactly the given members. */
export function expectTiledeskError(res: Response, status: number, body?: Record<string, unknown>) {
  assert.equal(res.statusCode, status, `expected ${status}, got ${describe(res)}`);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  const json = res.json() as Record<string, unknown>;
  assert.equal(json.success, false, res.body);
  if (body !== undefined) {
    assert.deepEqual(json, body);
  }
  return json;
}

export interface TeammateJson {
  _id: string;
  id: string;
  id_project: string;
  id_user: { _id: string; email: string; firstname: string; lastname: string };
  role: string;
  user_available: boolean;
  profileStatus: string;
  max_served_chat: number;
  number_assigned_requests: number;
  isBusy: boolean;
  attributes: Record<string, unknown>;
  tags: { tag: string; color?: string }[];
  settings: Record<string, unknown>;
  presence: { status: string; changedAt: string };
  isAuthenticated: boolean;
  status: string;
  trashed: boolean;
  createdAt: string;
  updatedAt: string;
  createdBy: string | null;
}

export interface TeammateFixture {
  fields: Record<string, string>;
  id_user: Record<string, string>;
  presence: { status: string[]; changedAt: string };
  roles: string[];
  errors: Record<string, Record<string, unknown> | number>;
}

/** The teammate field list from the seed, stored under test/fixtures/tiledesk/. */
export function teammateFixture(): TeammateFixture {
  return JSON.parse(
    readFileSync(new URL('./fixtures/tiledesk/teammate.json', import.meta.url), 'utf8'),
  ) as TeammateFixture;
}

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Checks a teammate field by field against the seed's list: every field, of its type, nothing else. */
export function assertTeammateShape(t: TeammateJson): void {
  const fx = teammateFixture();
  assert.deepEqual(Object.keys(t).sort(), Object.keys(fx.fields).sort());
  for (const [key, type] of Object.entries(fx.fields)) {
    const value = (t as unknown as Record<string, unknown>)[key];
    assert.ok(type.split('|').includes(typeOf(value)), `${key} is ${type}, got ${typeOf(value)}`);
  }
  assert.deepEqual(Object.keys(t.id_user).sort(), Object.keys(fx.id_user).sort());
  for (const [key, type] of Object.entries(fx.id_user)) {
    assert.equal(typeOf((t.id_user as Record<string, unknown>)[key]), type, `id_user.${key}`);
  }
  assert.ok(fx.presence.status.includes(t.presence.status), t.presence.status);
  assert.ok(!Number.isNaN(Date.parse(t.presence.changedAt)));
  assert.ok(fx.roles.includes(t.role), t.role);
  assert.equal(t._id, t.id);
}
