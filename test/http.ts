import assert from 'node:assert/strict';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Ctx } from '../src/core/context.js';
import { buildKey, buildOrg } from './factories.js';
import type { TestEnv } from './harness.js';

export type Response = LightMyRequestResponse;
export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request: `key` goes out as `Authorization: Bearer <key>`; an object `body` as JSON. */
export interface Request {
  method: Method;
  url: string;
  key?: string | null;
  body?: unknown;
  headers?: Record<string, string>;
}

export function send(app: FastifyInstance, request: Request): Promise<Response> {
  const headers: Record<string, string> = {};
  if (request.key) {
    headers.authorization = `Bearer ${request.key}`;
  }
  Object.assign(headers, request.headers);
  return app.inject({
    method: request.method,
    url: request.url,
    headers,
    ...(request.body === undefined ? {} : { payload: request.body as string | object }),
  });
}

export interface Client {
  get(url: string, headers?: Record<string, string>): Promise<Response>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  delete(url: string, headers?: Record<string, string>): Promise<Response>;
}

/** Shorthands for requests made with one key (or none). */
export function client(app: FastifyInstance, key: string | null): Client {
  return {
    get: (url, headers) => send(app, { method: 'GET', url, key, headers }),
    post: (url, body, headers) => send(app, { method: 'POST', url, key, body, headers }),
    put: (url, body, headers) => send(app, { method: 'PUT', url, key, body, headers }),
    patch: (url, body, headers) => send(app, { method: 'PATCH', url, key, body, headers }),
    delete: (url, headers) => send(app, { method: 'DELETE', url, key, headers }),
  };
}

/** A fresh org of its own with a `*` key, so tests never share state. */
export interface Tenant {
  orgId: string;
  /** Master context acting on the org, for core factories. */
  ctx: Ctx;
  key: string;
  api: Client;
}

export async function newTenant(env: TestEnv & { app: FastifyInstance }): Promise<Tenant> {
  const ctx = await buildOrg(env);
  const { secret } = await buildKey(ctx, { scopes: ['*'] });
  return { orgId: ctx.actor.orgId, ctx, key: secret, api: client(env.app, secret) };
}

function describeResponse(res: Response): string {
  return `${res.statusCode} ${res.headers['content-type'] ?? ''} ${res.body.slice(0, 500)}`;
}

export function expectStatus(res: Response, status: number): void {
  assert.equal(res.statusCode, status, `expected ${status}, got ${describeResponse(res)}`);
}

/** Asserts the status and a JSON body, and returns the body. */
export function expectJson<T>(res: Response, status: number): T {
  expectStatus(res, status);
  assert.match(String(res.headers['content-type']), /^application\/json/);
  return res.json() as T;
}

/** Asserts a 204 with nothing in the body. */
export function expectNoContent(res: Response): void {
  expectStatus(res, 204);
  assert.equal(res.body, '');
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  request_id: string;
  errors?: { path: string; message: string }[];
}

/**
 * Asserts an RFC 9457 problem: the status, problem+json, every member, a request_id equal to the
 * X-Request-Id header, and optionally the code and exactly which fields `errors` names.
 */
export function expectProblem(
  res: Response,
  status: number,
  expected: { code?: string; paths?: string[] } = {},
): Problem {
  expectStatus(res, status);
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/);
  const problem = res.json() as Problem;
  assert.equal(problem.status, status);
  assert.equal(problem.type, `urn:roster:problem:${problem.code}`);
  for (const member of ['title', 'detail', 'code', 'request_id'] as const) {
    assert.equal(typeof problem[member], 'string', `problem.${member} is a string`);
    assert.ok(problem[member].length > 0, `problem.${member} is not empty`);
  }
  assert.equal(problem.request_id, res.headers['x-request-id']);
  if (expected.code !== undefined) {
    assert.equal(problem.code, expected.code, problem.detail);
  }
  if (expected.paths !== undefined) {
    const named = [...new Set((problem.errors ?? []).map((e) => e.path))].sort();
    assert.deepEqual(named, [...expected.paths].sort(), problem.detail);
    if (problem.code === 'invalid_request') {
      for (const path of expected.paths) {
        assert.ok(problem.detail.includes(path), `detail "${problem.detail}" names ${path}`);
      }
    }
  }
  return problem;
}

/** The target of the `Link: <...>; rel="next"` header, or null when there is none. */
export function nextLink(res: Response): string | null {
  const link = res.headers.link;
  if (link === undefined) {
    return null;
  }
  const match = /^<([^>]+)>; rel="next"$/.exec(String(link));
  assert.ok(match, `Link header "${link}" has the form <url>; rel="next"`);
  return match[1] ?? null;
}

/** Follows rel="next" from `url` to the last page; returns every page's items in order. */
export async function allPages<T>(api: Client, url: string): Promise<T[][]> {
  const pages: T[][] = [];
  let next: string | null = url;
  while (next !== null) {
    assert.ok(pages.length < 100, 'paging ends');
    const res = await api.get(next);
    pages.push(expectJson<T[]>(res, 200));
    next = nextLink(res);
  }
  return pages;
}

/** Narrows away undefined (arrays are indexed with noUncheckedIndexedAccess). */
export function defined<T>(value: T | undefined | null, what = 'value'): T {
  assert.ok(value !== undefined && value !== null, `${what} is defined`);
  return value;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** A UUID no row has: v7-shaped, but from 1970. */
export const UNKNOWN_ID = '00000000-0000-7000-8000-000000000001';

export const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
export const sorted = (values: string[]) => [...values].sort();
