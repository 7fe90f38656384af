import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { type DixaTenant, expectDixaError, newDixaTenant } from '../../../../test/dixa.js';
import { buildAgent, buildTeam } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import type { Method, Response } from '../../../../test/http.js';

/** Whatever a client sends, the Dixa dialect answers it without a 500: 4xx is `{message}`. */

let env: TestApp;
let t: DixaTenant;
let agentId: string;
let teamId: string;
before(async () => {
  env = await createTestApp();
  t = await newDixaTenant(env);
  agentId = (await buildAgent(t.ctx)).id;
  teamId = (await buildTeam(t.ctx)).id;
});
after(async () => {
  await env.close();
});

function assertHandled(res: Response, what: string): void {
  assert.ok(res.statusCode < 500, `${what} -> ${res.statusCode} ${res.body}`);
  if (res.statusCode >= 400) {
    expectDixaError(res, res.statusCode);
  }
}

const call = (method: Method, url: string, body?: unknown) =>
  t.beta[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url, body);

/** Any text, NUL and other control characters included. */
const text = fc.string({ unit: 'binary', maxLength: 40 });
const value = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
);
const FIELDS = [
  'name',
  'agentIds',
  'displayName',
  'email',
  'phoneNumber',
  'additionalEmails',
  'additionalPhoneNumbers',
  'firstName',
  'lastName',
  'middleNames',
  'avatarUrl',
  'channel',
  'working',
  'id',
  'data',
];
/** Bodies shaped like Dixa's, with wrong or hostile values, and any JSON at all. */
const body = fc.oneof(
  fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }),
  fc.array(fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 4 }), { maxLength: 3 }),
  fc.record({
    data: fc.array(fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 4 }), { maxLength: 3 }),
  }),
  fc.jsonValue(),
);

describe('Dixa client input', () => {
  it('never answers a body with a 500', async () => {
    const routes: [Method, () => string][] = [
      ['POST', () => '/beta/teams'],
      ['PATCH', () => `/beta/teams/${teamId}/agents`],
      ['DELETE', () => `/beta/teams/${teamId}/agents`],
      ['POST', () => '/beta/agents'],
      ['POST', () => '/beta/agents/bulk'],
      ['PUT', () => '/beta/agents'],
      ['PATCH', () => '/beta/agents'],
      ['PUT', () => `/beta/agents/${agentId}`],
      ['PATCH', () => `/beta/agents/${agentId}`],
      ['PUT', () => `/beta/agents/${agentId}/presence/working-channel`],
    ];
    for (const [method, url] of routes) {
      await fc.assert(
        fc.asyncProperty(body, async (b) =>
          assertHandled(await call(method, url(), b), `${method} ${url()} ${JSON.stringify(b)}`),
        ),
        { numRuns: 20 },
      );
    }
  });

  it('never answers a query or a path with a 500', async () => {
    const param = fc.string({ unit: 'binary', maxLength: 30 }).map(encodeURIComponent);
    const query = fc
      .dictionary(fc.constantFrom('pageKey', 'pageLimit', 'email', 'phone'), param, { maxKeys: 3 })
      .map((q) =>
        Object.entries(q)
          .map(([k, v]) => `${k}=${v}`)
          .join('&'),
      );
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        assertHandled(await call('GET', `/beta/agents?${q}`), `GET /beta/agents?${q}`);
        assertHandled(await call('GET', `/beta/teams/${teamId}/presence?${q}`), `team presence ?${q}`);
      }),
      { numRuns: 30 },
    );
    await fc.assert(
      fc.asyncProperty(param, async (id) => {
        for (const url of [
          `/beta/teams/${id}`,
          `/beta/agents/${id}`,
          `/beta/agents/${id}/presence`,
          `/beta/teams/${id}/agents`,
        ]) {
          assertHandled(await call('GET', url), `GET ${url}`);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('refuses text holding NUL, which the database cannot store, as a bad body or parameter', async () => {
    expectDixaError(
      await call('POST', '/beta/teams', { name: 'Team\u0000A' }),
      400,
      'Invalid value for: body',
    );
    expectDixaError(
      await call('PATCH', `/beta/agents/${agentId}`, { middleNames: ['a\u0000'] }),
      400,
      'Invalid value for: body',
    );
    expectDixaError(
      await call('GET', '/beta/agents?phone=%00'),
      400,
      'Invalid value for: query parameter phone',
    );
  });
});
