import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Scope } from '../src/core/access.js';
import { addTeamMember } from '../src/core/teams/team-members.js';
import { dixaClient, expectData, expectDixaError, NOT_FOUND } from './dixa.js';
import { DIXA_ROUTES, type Fixture } from './dixa-routes.js';
import { buildAgent, buildKey, buildOrg, buildTeam } from './factories.js';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from './harness.js';
import { defined, send, sorted } from './http.js';
import {
  compatMounts,
  compatUrls,
  deadKeys,
  keysLackingEachScope,
  routeName,
  routerRoutes,
  routesUnder,
} from './security-contract.js';

/**
 * The security contract of the Dixa dialect, over every /beta route: no or bad credentials -> 401
 * `{message}`, a key lacking the route's scope -> 403, another org's id -> 404 and nothing
 * changes, and a key holding only the route's scope succeeds, sent bare as Dixa sends it.
 */

let env: TestApp;
let home: Fixture;
let other: Fixture;
let missingScopeKeys = new Map<Scope, string>();
const badCredentials: { name: string; authorization?: string }[] = [];

async function buildFixture(): Promise<Fixture> {
  const ctx = await buildOrg(env);
  const team = await buildTeam(ctx);
  const member = await buildAgent(ctx);
  await addTeamMember(ctx, team.id, member.id);
  const agent = await buildAgent(ctx);
  const { secret } = await buildKey(ctx, { scopes: ['*'] });
  return { orgId: ctx.actor.orgId, teamId: team.id, memberId: member.id, agentId: agent.id, key: secret };
}

const orgCtx = (orgId: string) => ({ ...env.masterCtx, actor: { ...env.masterCtx.actor, orgId } });

before(async () => {
  env = await createTestApp();
  home = await buildFixture();
  other = await buildFixture();
  missingScopeKeys = await keysLackingEachScope(
    orgCtx(home.orgId),
    DIXA_ROUTES.map((r) => r.scope),
  );
  const { expired, revoked } = await deadKeys(orgCtx(home.orgId));
  badCredentials.push(
    { name: 'no Authorization header' },
    { name: 'an empty Authorization header', authorization: '' },
    { name: 'an unknown bare key', authorization: 'roster_sk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    {
      name: 'an unknown Bearer key',
      authorization: 'Bearer roster_sk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    },
    { name: 'a wrong master key', authorization: TEST_MASTER_KEY.replace(/x$/, 'y') },
    { name: 'an expired key', authorization: expired },
    { name: 'a revoked key', authorization: revoked },
    { name: 'a key under another scheme', authorization: `Basic ${home.key}` },
  );
});

after(async () => {
  await env.close();
});

/** Every /beta route the router holds, hidden ones included, read from its printed tree. */
function registeredRoutes(): string[] {
  return routerRoutes(env.app)
    .filter((r) => r.path.startsWith('/beta/'))
    .map(routeName);
}

describe('the Dixa security contract table', () => {
  it('covers every route the router holds under /beta, and every documented one', () => {
    const registered = registeredRoutes();
    assert.ok(registered.length > 0, 'the route tree was read');
    assert.deepEqual(sorted(registered), sorted(DIXA_ROUTES.map(routeName)));
    const doc = env.app.swagger() as {
      paths: Record<string, Record<string, { security?: unknown; responses?: Record<string, unknown> }>>;
    };
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/beta/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => routeName({ method: m.toUpperCase(), path })));
    assert.deepEqual(sorted(documented), sorted(DIXA_ROUTES.map(routeName)));
    for (const route of DIXA_ROUTES) {
      const operation = defined(doc.paths[route.path]?.[route.method.toLowerCase()], routeName(route));
      assert.deepEqual(operation.security, [{ dixaApiKey: [] }], routeName(route));
      assert.ok(operation.responses?.['401'] && operation.responses['403'], routeName(route));
    }
  });

  it('holds the very same routes under /compat/dixa/beta and /compat/dixa/v1', () => {
    const mounts = compatMounts('dixa');
    assert.equal(mounts.length, 2);
    for (const { prefix, compat } of mounts) {
      assert.deepEqual(routesUnder(env.app, compat), routesUnder(env.app, prefix), compat);
    }
  });
});

for (const route of DIXA_ROUTES) {
  describe(routeName(route), () => {
    it('answers 401 {message} without valid credentials', async () => {
      const { url, body } = route.sample(home);
      for (const credentials of badCredentials) {
        const headers =
          credentials.authorization === undefined ? undefined : { authorization: credentials.authorization };
        const res = await send(env.app, { method: route.method, url, body, headers });
        assert.equal(res.statusCode, 401, `${credentials.name}: ${res.body}`);
        expectDixaError(res, 401);
      }
    });

    it(`answers 403 {message} to a key holding every scope but ${route.scope}`, async () => {
      const { url, body } = route.sample(home);
      const key = defined(missingScopeKeys.get(route.scope));
      const res = await send(env.app, { method: route.method, url, body, headers: { authorization: key } });
      assert.ok(expectDixaError(res, 403).includes(route.scope));
    });

    if (route.path.includes('{')) {
      it("answers 404 for another org's id and leaves it alone", async () => {
        const { url, body } = route.sample(other);
        const res = await send(env.app, {
          method: route.method,
          url,
          body,
          headers: { authorization: home.key },
        });
        expectDixaError(res, 404, NOT_FOUND);
        await assertIntact(other);
      });
    }

    it('answers the same 401, and 404 for another org, under /compat/dixa', async () => {
      for (const url of compatUrls(route.sample(home).url)) {
        for (const credentials of badCredentials) {
          const headers =
            credentials.authorization === undefined
              ? undefined
              : { authorization: credentials.authorization };
          const res = await send(env.app, {
            method: route.method,
            url,
            body: route.sample(home).body,
            headers,
          });
          assert.equal(res.statusCode, 401, `${url}, ${credentials.name}: ${res.body}`);
          expectDixaError(res, 401);
        }
      }
      if (route.path.includes('{')) {
        const { url, body } = route.sample(other);
        for (const compat of compatUrls(url)) {
          const headers = { authorization: home.key };
          expectDixaError(
            await send(env.app, { method: route.method, url: compat, body, headers }),
            404,
            NOT_FOUND,
          );
        }
        await assertIntact(other);
      }
    });

    it(`succeeds with a bare key holding only ${route.scope}, and with it after "Bearer "`, async () => {
      for (const scheme of ['bare', 'bearer'] as const) {
        const fresh = await buildFixture();
        const { secret } = await buildKey(orgCtx(fresh.orgId), { scopes: [route.scope] });
        const { url, body } = route.sample(fresh);
        const authorization = scheme === 'bare' ? secret : `Bearer ${secret}`;
        const res = await send(env.app, { method: route.method, url, body, headers: { authorization } });
        assert.equal(res.statusCode, route.ok, `${scheme}: ${res.body}`);
      }
    });
  });
}

/** The other org's team still has its member, and its agent is neither renamed nor disabled. */
async function assertIntact(f: Fixture): Promise<void> {
  const api = dixaClient(env.app, f.key);
  const members = expectData<{ data: { id: string }[] }>(
    await api.get(`/beta/teams/${f.teamId}/agents`),
    200,
  );
  assert.deepEqual(
    members.data.map((m) => m.id),
    [f.memberId],
  );
  const agent = expectData<{ data: { displayName: string; roles: string[] } }>(
    await api.get(`/beta/agents/${f.agentId}`),
    200,
  );
  assert.notEqual(agent.data.displayName, 'Renamed agent');
  assert.deepEqual(agent.data.roles, ['Agent']);
}

describe('the master key over Dixa', () => {
  it('acts on the default organization, sent bare', async () => {
    const res = await send(env.app, {
      method: 'GET',
      url: '/beta/teams',
      headers: { authorization: TEST_MASTER_KEY },
    });
    expectData(res, 200);
  });
});

describe("another org's ids named in a body", () => {
  it('are unknown: membership calls fail 404 whole, bulk actions fail alone', async () => {
    const api = dixaClient(env.app, home.key);
    const url = `/beta/teams/${home.teamId}/agents`;
    expectDixaError(await api.patch(url, { agentIds: [other.agentId] }), 404, NOT_FOUND);
    expectDixaError(await api.delete(url, { agentIds: [home.memberId, other.memberId] }), 404, NOT_FOUND);
    const bulk = expectData<{ data: { error?: { _type: string } }[] }>(
      await api.patch('/beta/agents', [{ id: other.agentId, displayName: 'Renamed agent' }]),
      200,
    );
    assert.equal(bulk.data[0]?.error?._type, 'NotFound');
    await assertIntact(home);
    await assertIntact(other);
  });
});
