import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { createAgent } from '../src/core/agents/agents.js';
import type { Ctx } from '../src/core/context.js';
import { createTeam } from '../src/core/teams/teams.js';
import { agents, teams } from '../src/db/schema.js';
import { buildKey, buildOrg } from './factories.js';
import type { TestEnv } from './harness.js';
import { type Method, type Response, send } from './http.js';

/** Helpers for the Dixa dialect's tests: bare-key client, `{message}` errors, seed fixtures. */

export interface DixaClient {
  get(url: string): Promise<Response>;
  post(url: string, body?: unknown): Promise<Response>;
  put(url: string, body?: unknown): Promise<Response>;
  patch(url: string, body?: unknown): Promise<Response>;
  /** Dixa removes team members with a DELETE that carries a JSON body. */
  delete(url: string, body?: unknown): Promise<Response>;
}

/** A client that sends `Authorization: <key>` bare, as Dixa clients do (or `Bearer <key>`). */
export function dixaClient(
  app: FastifyInstance,
  key: string,
  scheme: 'bare' | 'bearer' = 'bare',
): DixaClient {
  const authorization = scheme === 'bare' ? key : `Bearer ${key}`;
  const call = (method: Method) => (url: string, body?: unknown) =>
    send(app, { method, url, body, headers: { authorization } });
  return {
    get: call('GET'),
    post: call('POST'),
    put: call('PUT'),
    patch: call('PATCH'),
    delete: call('DELETE'),
  };
}

/** A fresh org with a `*` key: `beta` speaks Dixa, `ctx` builds rows through the core. */
export interface DixaTenant {
  orgId: string;
  ctx: Ctx;
  key: string;
  beta: DixaClient;
}

/** A new org of its own with a `*` key, so tests never share state. */
export async function newDixaTenant(env: TestEnv & { app: FastifyInstance }): Promise<DixaTenant> {
  const ctx = await buildOrg(env);
  const { secret } = await buildKey(ctx, { scopes: ['*'] });
  return { orgId: ctx.actor.orgId, ctx, key: secret, beta: dixaClient(env.app, secret) };
}

function describe(res: Response): string {
  return `${res.statusCode} ${res.headers['content-type'] ?? ''} ${res.body.slice(0, 500)}`;
}

/** Asserts the status and a JSON body (Dixa's `{data: ...}`), and returns the body. */
export function expectData<T>(res: Response, status: number): T {
  assert.equal(res.statusCode, status, `expected ${status}, got ${describe(res)}`);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  return res.json() as T;
}

/** Asserts a Dixa error: the status, JSON, exactly one member `message`, and its text when given. */
export function expectDixaError(res: Response, status: number, message?: string | RegExp): string {
  assert.equal(res.statusCode, status, `expected ${status}, got ${describe(res)}`);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  const body = res.json() as { message: string };
  assert.deepEqual(Object.keys(body), ['message'], res.body);
  assert.equal(typeof body.message, 'string');
  if (typeof message === 'string') {
    assert.equal(body.message, message);
  } else if (message !== undefined) {
    assert.match(body.message, message);
  }
  return body.message;
}

/** Asserts a response with no body at all. */
export function expectEmpty(res: Response, status: number): void {
  assert.equal(res.statusCode, status, `expected ${status}, got ${describe(res)}`);
  assert.equal(res.body, '');
}

export const NOT_FOUND = 'An entity in this request could not be found';
export const BAD_BODY = 'Invalid value for: body';

/** A sample copied from the seed or the vendor spec, stored under test/fixtures/dixa/. */
export function fixture<T>(file: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/dixa/${file}`, import.meta.url), 'utf8')) as T;
}

/**
 * An agent with a given id, so a sample's ids can be used as they are: made through the core,
 * then given the sample's id before anything refers to it.
 */
export async function seedAgent(
  ctx: Ctx,
  agent: { id: string; name: string; email: string; phoneNumber?: string },
): Promise<void> {
  const made = await createAgent(ctx, {
    email: agent.email,
    fullName: agent.name,
    phoneNumber: agent.phoneNumber,
  });
  await ctx.db.update(agents).set({ id: agent.id }).where(eq(agents.id, made.id));
}

/** A team with a given id, made the same way as `seedAgent`. */
export async function seedTeam(ctx: Ctx, team: { id: string; name: string }): Promise<void> {
  const made = await createTeam(ctx, { name: team.name });
  await ctx.db.update(teams).set({ id: team.id }).where(eq(teams.id, made.id));
}

/** Dixa's presence time form: UTC to the millisecond with no zone designator. */
export const DIXA_LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}$/;
/** Dixa's createdAt form: UTC to the second with a Z. */
export const DIXA_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
