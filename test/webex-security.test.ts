import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Scope } from '../src/core/access.js';
import { updateSupervisorAgents } from '../src/core/supervisors/supervisors.js';
import { toWebexId } from '../src/http/compat/webex/ids.js';
import { buildAgent, buildKey, buildOrg } from './factories.js';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from './harness.js';
import { client, defined, expectStatus, type Method, send, sorted } from './http.js';
import {
  compatMounts,
  compatUrls,
  deadKeys,
  keysLackingEachScope,
  routeName,
  routerRoutes,
  routesUnder,
} from './security-contract.js';
import { expectWebexError, personId, SUPERVISORS } from './webex.js';

/**
 * The security contract of the Webex dialect, over every /v1/telephony/config route: no or bad
 * credentials -> 401 in Webex's error body, a key lacking the route's scope -> 403, another org's
 * id -> 404 and nothing changes, and a key holding only the route's scope succeeds.
 */

interface Fixture {
  orgId: string;
  /** Supervises `memberId`. */
  supervisorId: string;
  memberId: string;
  /** Supervises no one and is supervised by no one. */
  agentId: string;
  email: string;
  key: string;
}

interface Route {
  method: Method;
  path: string;
  scope: Scope;
  ok: number;
  sample: (f: Fixture) => { url: string; body?: unknown };
}

const ONE = `${SUPERVISORS}/{supervisorId}`;
const PERSON = '/v1/people/{personId}';
const ROUTES: Route[] = [
  {
    method: 'GET',
    path: '/v1/people',
    scope: 'agents:read',
    ok: 200,
    sample: (f) => ({ url: `/v1/people?id=${personId(f.agentId)}` }),
  },
  {
    method: 'GET',
    path: PERSON,
    scope: 'agents:read',
    ok: 200,
    sample: (f) => ({ url: `/v1/people/${personId(f.agentId)}` }),
  },
  {
    method: 'GET',
    path: SUPERVISORS,
    scope: 'supervisors:read',
    ok: 200,
    sample: () => ({ url: SUPERVISORS }),
  },
  {
    method: 'POST',
    path: SUPERVISORS,
    scope: 'supervisors:write',
    ok: 201,
    sample: (f) => ({
      url: SUPERVISORS,
      body: { id: personId(f.agentId), agents: [{ id: personId(f.memberId) }] },
    }),
  },
  {
    method: 'DELETE',
    path: SUPERVISORS,
    scope: 'supervisors:write',
    ok: 204,
    sample: (f) => ({ url: SUPERVISORS, body: { supervisorIds: [personId(f.supervisorId)] } }),
  },
  {
    method: 'GET',
    path: `${SUPERVISORS}/availableSupervisors`,
    scope: 'supervisors:read',
    ok: 200,
    sample: () => ({ url: `${SUPERVISORS}/availableSupervisors` }),
  },
  {
    method: 'GET',
    path: `${SUPERVISORS}/availableAgents`,
    scope: 'supervisors:read',
    ok: 200,
    sample: () => ({ url: `${SUPERVISORS}/availableAgents` }),
  },
  {
    method: 'GET',
    path: ONE,
    scope: 'supervisors:read',
    ok: 200,
    sample: (f) => ({ url: `${SUPERVISORS}/${personId(f.supervisorId)}` }),
  },
  {
    method: 'PUT',
    path: ONE,
    scope: 'supervisors:write',
    ok: 204,
    sample: (f) => ({
      url: `${SUPERVISORS}/${personId(f.supervisorId)}`,
      body: { agents: [{ id: personId(f.agentId), action: 'ADD' }] },
    }),
  },
  {
    method: 'DELETE',
    path: ONE,
    scope: 'supervisors:write',
    ok: 204,
    sample: (f) => ({ url: `${SUPERVISORS}/${personId(f.supervisorId)}` }),
  },
];

const PREFIX = '/v1/telephony/config/';
/** Webex's own paths: the supervisor API and the People API. */
const isWebexPath = (path: string) =>
  path.startsWith(PREFIX) || path === '/v1/people' || path.startsWith('/v1/people/');

let env: TestApp;
let home: Fixture;
let other: Fixture;
let missingScopeKeys = new Map<Scope, string>();
const badCredentials: { name: string; authorization?: string }[] = [];

async function buildFixture(): Promise<Fixture> {
  const ctx = await buildOrg(env);
  const supervisor = await buildAgent(ctx);
  const member = await buildAgent(ctx);
  await updateSupervisorAgents(ctx, supervisor.id, { add: [member.id], remove: [] });
  const agent = await buildAgent(ctx);
  const { secret } = await buildKey(ctx, { scopes: ['*'] });
  return {
    orgId: ctx.actor.orgId,
    supervisorId: supervisor.id,
    memberId: member.id,
    agentId: agent.id,
    email: agent.email,
    key: secret,
  };
}

const orgCtx = (orgId: string) => ({ ...env.masterCtx, actor: { ...env.masterCtx.actor, orgId } });

before(async () => {
  env = await createTestApp();
  home = await buildFixture();
  other = await buildFixture();
  missingScopeKeys = await keysLackingEachScope(
    orgCtx(home.orgId),
    ROUTES.map((r) => r.scope),
  );
  const { expired, revoked } = await deadKeys(orgCtx(home.orgId));
  badCredentials.push(
    { name: 'no Authorization header' },
    { name: 'an unknown key', authorization: 'Bearer roster_sk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    { name: 'a wrong master key', authorization: `Bearer ${TEST_MASTER_KEY.replace(/x$/, 'y')}` },
    { name: 'an expired key', authorization: `Bearer ${expired}` },
    { name: 'a revoked key', authorization: `Bearer ${revoked}` },
    { name: 'a key without its scheme', authorization: home.key },
    { name: 'a key under another scheme', authorization: `Basic ${home.key}` },
  );
});

after(async () => {
  await env.close();
});

/** Every Webex route the router holds, hidden ones included, read from its printed tree. */
function registeredRoutes(): string[] {
  return routerRoutes(env.app)
    .filter((r) => isWebexPath(r.path))
    .map(routeName);
}

describe('the Webex security contract table', () => {
  it('covers every documented and every registered Webex route, and nothing else', () => {
    const doc = env.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .filter(([path]) => isWebexPath(path))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => routeName({ method: m.toUpperCase(), path })));
    assert.deepEqual(sorted(documented), sorted(ROUTES.map(routeName)));
    const registered = registeredRoutes();
    assert.deepEqual(sorted(registered), sorted(ROUTES.map(routeName)));
  });

  it('declares bearer security and the 401 and 403 answers on every Webex operation', () => {
    const doc = env.app.swagger() as {
      paths: Record<string, Record<string, { security?: unknown; responses?: Record<string, unknown> }>>;
    };
    for (const route of ROUTES) {
      const operation = defined(doc.paths[route.path]?.[route.method.toLowerCase()], routeName(route));
      assert.deepEqual(operation.security, [{ bearerAuth: [] }], routeName(route));
      assert.ok(operation.responses?.['401'] && operation.responses['403'], routeName(route));
    }
  });

  it('holds the very same routes under /compat/webex/v1/telephony/config and /compat/webex/v1/people', () => {
    const mounts = compatMounts('webex');
    assert.equal(mounts.length, 2);
    for (const { prefix, compat } of mounts) {
      const mirrored = routesUnder(env.app, prefix);
      assert.ok(mirrored.length > 0, prefix);
      assert.deepEqual(routesUnder(env.app, compat), mirrored, compat);
    }
  });
});

for (const route of ROUTES) {
  describe(routeName(route), () => {
    it('answers 401 without valid credentials', async () => {
      const { url, body } = route.sample(home);
      for (const credentials of badCredentials) {
        const headers = credentials.authorization ? { authorization: credentials.authorization } : undefined;
        const res = await send(env.app, { method: route.method, url, body, headers });
        expectWebexError(res, 401);
        assert.equal(res.headers['www-authenticate'], 'Bearer', credentials.name);
      }
      if (route.method === 'GET') {
        expectStatus(await send(env.app, { method: 'HEAD', url }), 401);
      }
    });

    it(`answers 403 to a key holding every scope but ${route.scope}`, async () => {
      const key = defined(missingScopeKeys.get(route.scope));
      const { url, body } = route.sample(home);
      const error = expectWebexError(await send(env.app, { method: route.method, url, body, key }), 403);
      assert.ok(error.message.includes(route.scope), error.message);
    });

    if (route.path === ONE || route.path === PERSON || route.method === 'POST') {
      it("answers 404 for another org's id and leaves it alone", async () => {
        const { url, body } = route.sample(other);
        expectWebexError(await send(env.app, { method: route.method, url, body, key: home.key }), 404);
        await assertIntact(other);
      });
    }

    it('answers the same 401, and 404 for another org, under /compat/webex', async () => {
      const { url, body } = route.sample(home);
      for (const compat of compatUrls(url)) {
        for (const credentials of badCredentials) {
          const headers = credentials.authorization
            ? { authorization: credentials.authorization }
            : undefined;
          const res = await send(env.app, { method: route.method, url: compat, body, headers });
          expectWebexError(res, 401);
          assert.equal(res.headers['www-authenticate'], 'Bearer', credentials.name);
        }
      }
      if (route.path === ONE || route.path === PERSON || route.method === 'POST') {
        const sample = route.sample(other);
        for (const compat of compatUrls(sample.url)) {
          const res = await send(env.app, {
            method: route.method,
            url: compat,
            body: sample.body,
            key: home.key,
          });
          expectWebexError(res, 404);
        }
        await assertIntact(other);
      }
    });

    it(`succeeds with a key holding only ${route.scope}, and with the master key naming the org`, async () => {
      const fresh = await buildFixture();
      const key = (await buildKey(orgCtx(fresh.orgId), { scopes: [route.scope] })).secret;
      const { url, body } = route.sample(fresh);
      expectStatus(await send(env.app, { method: route.method, url, body, key }), route.ok);
      const again = await buildFixture();
      const sample = route.sample(again);
      const orgId = toWebexId('ORGANIZATION', again.orgId);
      const masterUrl = `${sample.url}${sample.url.includes('?') ? '&' : '?'}orgId=${orgId}`;
      const res = await send(env.app, {
        method: route.method,
        url: masterUrl,
        body: sample.body,
        key: TEST_MASTER_KEY,
      });
      expectStatus(res, route.ok);
    });
  });
}

/** The other org's supervisor still supervises its member, and its spare agent supervises no one. */
async function assertIntact(f: Fixture): Promise<void> {
  const api = client(env.app, f.key);
  const res = await api.get(`${SUPERVISORS}/${personId(f.supervisorId)}`);
  expectStatus(res, 200);
  const detail = res.json() as { id: string; agents: { id: string }[] };
  assert.equal(detail.id, personId(f.supervisorId));
  assert.deepEqual(
    detail.agents.map((a) => a.id),
    [personId(f.memberId)],
  );
  expectWebexError(await api.get(`${SUPERVISORS}/${personId(f.agentId)}`), 404);
}

describe("another org's people", () => {
  it('are not listed, by id or by email', async () => {
    const api = client(env.app, home.key);
    for (const query of [`id=${personId(other.agentId)}`, `email=${encodeURIComponent(other.email)}`]) {
      const res = await api.get(`/v1/people?${query}`);
      expectStatus(res, 200);
      assert.deepEqual(res.json(), { items: [] });
    }
  });
});

describe("another org's ids in a body", () => {
  it('are not found either, and stay as they were', async () => {
    const api = client(env.app, home.key);
    const res = await api.put(`${SUPERVISORS}/${personId(home.supervisorId)}`, {
      agents: [
        { id: personId(other.agentId), action: 'ADD' },
        { id: personId(other.memberId), action: 'DELETE' },
      ],
    });
    expectStatus(res, 206);
    assert.deepEqual(
      (res.json() as { supervisorAgentStatus: { status: string }[] }).supervisorAgentStatus.map(
        (s) => s.status,
      ),
      ['NOT_FOUND', 'NOT_FOUND'],
    );
    const bulk = await send(env.app, {
      method: 'DELETE',
      url: SUPERVISORS,
      key: home.key,
      body: { supervisorIds: [personId(other.supervisorId)] },
    });
    expectStatus(bulk, 204);
    await assertIntact(other);
  });
});
