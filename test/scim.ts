import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { buildKey } from './factories.js';
import type { TestApp } from './harness.js';
import { newTenant, type Tenant } from './http.js';

/** One answer of the SCIM server: status, headers and the parsed body (null when empty). */
export interface ScimResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: SCIM documents are read field by field in tests
  body: any;
}

export type ScimCall = (
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<ScimResponse>;

/** Listens on a random loopback port; returns the SCIM base URL. */
export async function listen(env: TestApp): Promise<string> {
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = env.app.server.address() as AddressInfo;
  return `http://127.0.0.1:${port}/scim/v2`;
}

/** A client of the SCIM base URL speaking as an identity provider with `token` (null: none). */
export function scimClient(
  base: string,
  token: string | null,
  userAgent = 'Okta SCIM Client 1.0.0',
): ScimCall {
  return async (method, path, body, headers = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        accept: 'application/scim+json',
        'user-agent': userAgent,
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/scim+json; charset=utf-8' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text === '' ? null : JSON.parse(text) };
  };
}

/** A fresh org with a key holding only the scope `scim`, and a client using it. */
export async function scimTenant(
  env: TestApp,
  base: string,
  userAgent?: string,
): Promise<{ t: Tenant; scim: ScimCall; key: string }> {
  const t = await newTenant(env);
  const { secret } = await buildKey(t.ctx, { scopes: ['scim'] });
  return { t, scim: scimClient(base, secret, userAgent), key: secret };
}

export const ERROR_URN = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const LIST_URN = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
export const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_URN = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const ROSTER_URN = 'urn:roster:params:scim:schemas:extension:roster:2.0:User';

/** Asserts a SCIM error: status (also as the body's string), the error URN, and the scimType if given. */
export function expectScimError(res: ScimResponse, status: number, scimType?: string): void {
  assert.equal(res.status, status, JSON.stringify(res.body));
  assert.match(String(res.headers.get('content-type')), /^application\/scim\+json/);
  assert.deepEqual(res.body.schemas, [ERROR_URN]);
  assert.equal(res.body.status, String(status));
  assert.equal(typeof res.body.detail, 'string');
  assert.ok(res.body.detail.length > 0);
  if (scimType !== undefined) {
    assert.equal(res.body.scimType, scimType, res.body.detail);
  }
}

/** Asserts a status and returns the body. */
// biome-ignore lint/suspicious/noExplicitAny: SCIM documents are read field by field in tests
export function expectOk(res: ScimResponse, status = 200): any {
  assert.equal(res.status, status, JSON.stringify(res.body));
  return res.body;
}

export const patchOp = (...Operations: unknown[]) => ({ schemas: [PATCH_URN], Operations });

/** An Okta-shaped create body. */
export function oktaUser(login: string, extra: Record<string, unknown> = {}) {
  return {
    schemas: [USER_URN],
    userName: login,
    name: { givenName: 'Test', familyName: 'User' },
    emails: [{ primary: true, value: login, type: 'work' }],
    displayName: 'Test User',
    locale: 'en-US',
    externalId: `00u${login.replace(/\W/g, '').slice(0, 12)}`,
    groups: [],
    password: '1mz050nq',
    active: true,
    ...extra,
  };
}
