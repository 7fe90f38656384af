import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Scope } from '../src/core/access.js';
import { trashAgent } from '../src/core/agents/agent-lifecycle.js';
import { addTeamMember } from '../src/core/teams/team-members.js';
import { buildAgent, buildKey, buildOrg, buildTeam } from './factories.js';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from './harness.js';
import { defined, type Method, send, sorted } from './http.js';
import { keysLackingEachScope, routeName, routerRoutes } from './security-contract.js';
import { expectTiledeskError } from './tiledesk.js';

/**
 * The security contract of the Tiledesk dialect over every /v3 route: no or bad credentials -> 401,
 * a key of another project (existing or not) -> 403 "you dont belong to the project.", a key
 * lacking the route's scope -> 403, another org's teammate id -> 404 and left alone, and a key
 * holding only the route's scope (bound to an owner agent) succeeds.
 */

interface Fixture {
  orgId: string;
  /** Owner agent the keys are bound to. */
  ownerId: string;
  agentId: string;
  userId: string;
  trashedId: string;
  key: string;
}

interface Route {
  method: Method;
  path: string;
  scope: Scope;
  ok: number;
  /** A path id of another org answers with an empty list rather than a 404. */
  emptyForOther?: boolean;
  sample: (f: Fixture, project: string) => { url: string; body?: unknown };
}

let serial = 0;
const unique = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;
const base = (project: string) => `/v3/${project}/project_users`;

const ROUTES: Route[] = [
  {
    method: 'GET',
    path: '/v3/{project_id}/project_users',
    scope: 'agents:read',
    ok: 200,
    sample: (_f, p) => ({ url: base(p) }),
  },
  {
    method: 'GET',
    path: '/v3/{project_id}/project_users/me',
    scope: 'agents:read',
    ok: 200,
    sample: (_f, p) => ({ url: `${base(p)}/me` }),
  },
  {
    method: 'GET',
    path: '/v3/{project_id}/project_users/{project_user_id}',
    scope: 'agents:read',
    ok: 200,
    sample: (f, p) => ({ url: `${base(p)}/${f.agentId}` }),
  },
  {
    method: 'GET',
    path: '/v3/{project_id}/project_users/users/{user_id}',
    scope: 'agents:read',
    ok: 200,
    emptyForOther: true,
    sample: (f, p) => ({ url: `${base(p)}/users/${f.userId}` }),
  },
  {
    method: 'POST',
    path: '/v3/{project_id}/project_users/invite',
    scope: 'agents:write',
    ok: 200,
    sample: (_f, p) => ({
      url: `${base(p)}/invite`,
      body: { email: `inv-${unique()}@example.com`, role: 'agent' },
    }),
  },
  {
    method: 'PUT',
    path: '/v3/{project_id}/project_users',
    scope: 'agents:write',
    ok: 200,
    sample: (_f, p) => ({ url: base(p), body: { profileStatus: 'contract' } }),
  },
  {
    method: 'PUT',
    path: '/v3/{project_id}/project_users/{project_user_id}',
    scope: 'agents:write',
    ok: 200,
    sample: (f, p) => ({
      url: `${base(p)}/${f.agentId}`,
      body: { profileStatus: 'changed', user_available: false },
    }),
  },
  {
    method: 'DELETE',
    path: '/v3/{project_id}/project_users/{project_user_id}',
    scope: 'agents:delete',
    ok: 200,
    sample: (f, p) => ({ url: `${base(p)}/${f.agentId}?hard=true` }),
  },
  {
    method: 'PUT',
    path: '/v3/{project_id}/project_users/{project_user_id}/restore',
    scope: 'agents:delete',
    ok: 200,
    sample: (f, p) => ({ url: `${base(p)}/${f.trashedId}/restore` }),
  },
];

let env: TestApp;
let home: Fixture;
let other: Fixture;
let missingScopeKeys = new Map<Scope, string>();

async function buildFixture(): Promise<Fixture> {
  const ctx = await buildOrg(env);
  const owner = await buildAgent(ctx, { role: 'owner' });
  const agent = await buildAgent(ctx);
  const team = await buildTeam(ctx);
  await addTeamMember(ctx, team.id, agent.id);
  const trashed = await buildAgent(ctx);
  const { secret } = await buildKey(ctx, { scopes: ['*'], agentId: owner.id });
  await trashAgent(ctx, trashed.id);
  return {
    orgId: ctx.actor.orgId,
    ownerId: owner.id,
    agentId: agent.id,
    userId: agent.userId,
    trashedId: trashed.id,
    key: secret,
  };
}

const ctxOf = (orgId: string) => ({ ...env.masterCtx, actor: { ...env.masterCtx.actor, orgId } });

before(async () => {
  env = await createTestApp();
  home = await buildFixture();
  other = await buildFixture();
  missingScopeKeys = await keysLackingEachScope(
    ctxOf(home.orgId),
    ROUTES.map((r) => r.scope),
    home.ownerId,
  );
});

after(async () => {
  await env.close();
});

const auth = (key: string, scheme = 'JWT') => ({ authorization: `${scheme} ${key}` });

/** Every /v3 route the router holds, read from its printed tree (HEAD mirrors GET). */
function registeredRoutes(): string[] {
  return routerRoutes(env.app)
    .filter((r) => r.path.startsWith('/v3/'))
    .map(routeName);
}

describe('the Tiledesk security contract table', () => {
  it('covers every route registered under /v3, and nothing else', () => {
    const registered = registeredRoutes();
    assert.ok(registered.length > 0, 'the route tree was read');
    assert.deepEqual(sorted(registered), sorted(ROUTES.map(routeName)));
  });

  it('documents every /v3 route with bearer security and the 401 and 403 answers', () => {
    const doc = env.app.swagger() as {
      paths: Record<string, Record<string, { security?: unknown; responses?: Record<string, unknown> }>>;
    };
    for (const route of ROUTES) {
      const operation = defined(doc.paths[route.path]?.[route.method.toLowerCase()], routeName(route));
      assert.deepEqual(operation.security, [{ bearerAuth: [] }], routeName(route));
      assert.ok(operation.responses?.['401'] && operation.responses['403'], routeName(route));
    }
  });
});

for (const route of ROUTES) {
  describe(routeName(route), () => {
    it('answers 401 without valid credentials', async () => {
      const { url, body } = route.sample(home, home.orgId);
      for (const headers of [undefined, auth('roster_sk_unknown'), auth(home.key, 'Basic')]) {
        expectTiledeskError(await send(env.app, { method: route.method, url, body, headers }), 401);
      }
    });

    it('answers 403 to a key of another project, existing or not', async () => {
      const notMember = { success: false, msg: 'you dont belong to the project.' };
      for (const project of [other.orgId, '00000000-0000-7000-8000-0000000000aa', 'no-such-project']) {
        const { url, body } = route.sample(home, project);
        const res = await send(env.app, { method: route.method, url, body, headers: auth(home.key) });
        expectTiledeskError(res, 403, notMember);
      }
    });

    it(`answers 403 to a key holding every scope but ${route.scope}`, async () => {
      const { url, body } = route.sample(home, home.orgId);
      const headers = auth(defined(missingScopeKeys.get(route.scope)));
      expectTiledeskError(await send(env.app, { method: route.method, url, body, headers }), 403);
    });

    if (route.path.includes('{project_user_id}') || route.path.includes('{user_id}')) {
      it("answers 404 for another org's id and leaves it alone", async () => {
        const { url, body } = route.sample(other, home.orgId);
        const res = await send(env.app, { method: route.method, url, body, headers: auth(home.key) });
        if (route.emptyForOther) {
          assert.equal(res.statusCode, 200);
          assert.deepEqual(res.json(), []);
        } else {
          expectTiledeskError(res, 404);
        }
        const still = await send(env.app, {
          method: 'GET',
          url: `${base(other.orgId)}/${other.agentId}`,
          headers: auth(other.key),
        });
        assert.equal(still.statusCode, 200);
        assert.equal((still.json() as { profileStatus: string }).profileStatus, '');
      });
    }

    it(`succeeds with a key holding only ${route.scope}`, async () => {
      const fresh = await buildFixture();
      const { secret } = await buildKey(ctxOf(fresh.orgId), {
        scopes: [route.scope],
        agentId: fresh.ownerId,
      });
      const { url, body } = route.sample(fresh, fresh.orgId);
      const res = await send(env.app, { method: route.method, url, body, headers: auth(secret) });
      assert.equal(res.statusCode, route.ok, res.body);
      const master = await send(env.app, {
        method: 'GET',
        url: base(fresh.orgId),
        headers: auth(TEST_MASTER_KEY, 'Bearer'),
      });
      assert.equal(master.statusCode, 200, 'the master key acts on the project it names');
    });
  });
}
