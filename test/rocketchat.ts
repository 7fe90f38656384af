import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../src/core/access.js';
import type { Ctx } from '../src/core/context.js';
import { buildAgent, buildKey, buildOrg } from './factories.js';
import type { TestEnv } from './harness.js';
import { type Method, type Response, send } from './http.js';

/** Helpers for the Rocket.Chat dialect's tests: X-Auth-Token/X-User-Id clients, errors, the seed fixture. */

export const LIVECHAT = '/api/v1/livechat';

export interface RocketChatClient {
  agentId: string;
  get(url: string): Promise<Response>;
  post(url: string, body?: unknown): Promise<Response>;
  put(url: string, body?: unknown): Promise<Response>;
  delete(url: string): Promise<Response>;
}

/** A client sending `X-Auth-Token` and `X-User-Id` as Rocket.Chat clients do. */
export function rocketChatClient(app: FastifyInstance, key: string, userId: string): RocketChatClient {
  const headers = { 'x-auth-token': key, 'x-user-id': userId };
  const call = (method: Method) => (url: string, body?: unknown) =>
    send(app, { method, url: url.startsWith('/') ? url : `${LIVECHAT}/${url}`, body, headers });
  return { agentId: userId, get: call('GET'), post: call('POST'), put: call('PUT'), delete: call('DELETE') };
}

/** An org with a master context for the core factories. */
export interface RocketChatTenant {
  orgId: string;
  ctx: Ctx;
}

export async function newRocketChatTenant(env: TestEnv): Promise<RocketChatTenant> {
  const ctx = await buildOrg(env);
  return { orgId: ctx.actor.orgId, ctx };
}

/** An agent of `role` in the tenant with a key bound to it (`*` unless scopes are given), as a client. */
export async function rocketChatUser(
  env: TestEnv & { app: FastifyInstance },
  t: RocketChatTenant,
  role: Role,
  options: { username?: string; scopes?: string[] } = {},
) {
  const agent = await buildAgent(t.ctx, { role, username: options.username });
  const { secret } = await buildKey(t.ctx, { scopes: options.scopes ?? ['*'], agentId: agent.id });
  return { agent, key: secret, api: rocketChatClient(env.app, secret, agent.id) };
}

function describe(res: Response): string {
  return `${res.statusCode} ${res.headers['content-type'] ?? ''} ${res.body.slice(0, 500)}`;
}

/** Asserts a Rocket.Chat success: the status (200), JSON and `success: true`. */
export function expectSuccess<T>(res: Response): T {
  assert.equal(res.statusCode, 200, `expected 200, got ${describe(res)}`);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  const json = res.json() as T & { success: unknown };
  assert.equal(json.success, true, res.body);
  return json;
}

/** Asserts a Rocket.Chat failure `{success: false, error}` with the status, and optionally the exact body. */
export function expectFailure(res: Response, status: number, body?: Record<string, unknown>) {
  assert.equal(res.statusCode, status, `expected ${status}, got ${describe(res)}`);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  const json = res.json() as { success: boolean; error: string; errorType?: string };
  if (body !== undefined) {
    assert.deepEqual(json, body);
  }
  if (status !== 401) {
    assert.equal(json.success, false, res.body);
    assert.equal(typeof json.error, 'string');
  }
  return json;
}

export interface UpdateAgentsFixture {
  request: { upsert: { agentId: string; username: string }[]; remove: { agentId: string }[] };
  responses: Record<'200' | '401' | '403' | '403-other', Record<string, unknown>>;
}

/** The seed's example request and responses, stored under test/fixtures/rocketchat/. */
export function updateAgentsFixture(): UpdateAgentsFixture {
  return JSON.parse(
    readFileSync(new URL('./fixtures/rocketchat/update-agents.json', import.meta.url), 'utf8'),
  ) as UpdateAgentsFixture;
}

/** The body a Rocket.Chat admin UI sends to create or save a department. */
export function departmentBody(name: string, extra: Record<string, unknown> = {}) {
  return {
    department: {
      enabled: true,
      showOnRegistration: true,
      name,
      email: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}@example.com`,
      showOnOfflineForm: true,
      ...extra,
    },
  };
}

export interface DepartmentJson {
  _id: string;
  name: string;
  enabled: boolean;
  description: string;
  showOnRegistration: boolean;
  showOnOfflineForm: boolean;
  email: string;
  numAgents: number;
  archived: boolean;
  maxNumberSimultaneousChat: number;
  _updatedAt: string;
}

export interface DepartmentAgentJson {
  _id: string;
  departmentId: string;
  departmentEnabled: boolean;
  agentId: string;
  username: string;
  count: number;
  order: number;
  _updatedAt: string;
}
