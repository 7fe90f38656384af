import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Scope } from '../src/core/access.js';
import { updateTeamMembers } from '../src/core/teams/team-members.js';
import { getTeam } from '../src/core/teams/teams.js';
import { buildAgent, buildKey, buildTeam } from './factories.js';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from './harness.js';
import { defined, type Response, send, sorted } from './http.js';
import {
  departmentBody,
  expectFailure,
  LIVECHAT,
  newRocketChatTenant,
  rocketChatClient,
  updateAgentsFixture,
} from './rocketchat.js';
import { ALL_ROLES, type Fixture, ROCKETCHAT_ROUTES, type Route, unique } from './rocketchat-routes.js';
import {
  compatMounts,
  compatUrls,
  keysLackingEachScope,
  routeName,
  routerRoutes,
  routesUnder,
} from './security-contract.js';

/**
 * The security contract of the Rocket.Chat dialect over every /api/v1/livechat route: no or bad
 * credentials (a key not bound to the X-User-Id agent included) -> 401 in Rocket.Chat's shape; a
 * key lacking the route's scope, or a role lacking the route's permissions -> 403; another org's
 * department is never visible nor changed; and each role can do exactly what its permissions allow.
 */

let env: TestApp;
let home: Fixture;
let other: Fixture;
let missingScopeKeys = new Map<Scope, string>();

async function buildFixture(): Promise<Fixture> {
  const t = await newRocketChatTenant(env);
  const team = await buildTeam(t.ctx);
  const member = await buildAgent(t.ctx, { username: `member-${unique()}` });
  const spare = await buildAgent(t.ctx, { username: `spare-${unique()}` });
  await updateTeamMembers(t.ctx, team.id, { add: [member.id], remove: [] });
  const users = {} as Fixture['users'];
  for (const role of ALL_ROLES) {
    const agent = await buildAgent(t.ctx, { role });
    const { secret } = await buildKey(t.ctx, { scopes: ['*'], agentId: agent.id });
    users[role] = { key: secret, agentId: agent.id };
  }
  return {
    t,
    teamId: team.id,
    memberId: member.id,
    memberUsername: member.username ?? '',
    spareId: spare.id,
    users,
  };
}

before(async () => {
  env = await createTestApp();
  home = await buildFixture();
  other = await buildFixture();
  missingScopeKeys = await keysLackingEachScope(
    home.t.ctx,
    ROCKETCHAT_ROUTES.map((r) => r.scope),
    home.users.owner.agentId,
  );
});

after(async () => {
  await env.close();
});

/** Rocket.Chat's own mount, then the same routes under /compat/rocketchat. */
const BASES = [LIVECHAT, ...compatUrls(LIVECHAT)];

function call(f: Fixture, route: Route, headers: Record<string, string>, base = LIVECHAT): Promise<Response> {
  const { url, body } = route.sample(f, headers['x-user-id'] ?? '');
  return send(env.app, { method: route.method, url: `${base}/${url}`, body, headers });
}

const as = (key: string, userId: string) => ({ 'x-auth-token': key, 'x-user-id': userId });

/** Every /api/v1/livechat route the router holds, read from its printed tree (HEAD mirrors GET). */
function registeredRoutes(): string[] {
  return routerRoutes(env.app, { colons: true })
    .filter((r) => r.path.startsWith(`${LIVECHAT}/`))
    .map((r) => routeName({ method: r.method, path: r.path.slice(LIVECHAT.length) }));
}

describe('the Rocket.Chat security contract table', () => {
  it('covers every route registered under /api/v1/livechat, and nothing else', () => {
    const registered = registeredRoutes();
    assert.ok(registered.length > 0, 'the route tree was read');
    assert.deepEqual(sorted(registered), sorted(ROCKETCHAT_ROUTES.map(routeName)));
  });

  it('holds the very same routes under /compat/rocketchat/api/v1/livechat', () => {
    const mounts = compatMounts('rocketchat');
    assert.equal(mounts.length, 1);
    for (const { prefix, compat } of mounts) {
      assert.deepEqual(routesUnder(env.app, compat), routesUnder(env.app, prefix), compat);
    }
  });

  it('documents every route with the X-Auth-Token and X-User-Id headers and the 401 and 403 answers', () => {
    const doc = env.app.swagger() as {
      paths: Record<string, Record<string, { security?: unknown; responses?: Record<string, unknown> }>>;
    };
    for (const route of ROCKETCHAT_ROUTES) {
      const path = `${LIVECHAT}${route.path.replace(/:(\w+)/g, '{$1}')}`;
      const operation = defined(doc.paths[path]?.[route.method.toLowerCase()], routeName(route));
      assert.deepEqual(operation.security, [{ rocketChatToken: [], rocketChatUserId: [] }], routeName(route));
      assert.ok(operation.responses?.['401'] && operation.responses['403'], routeName(route));
    }
  });
});

for (const route of ROCKETCHAT_ROUTES) {
  describe(`Rocket.Chat ${routeName(route)}`, () => {
    it('answers 401 in Rocket.Chat shape without valid credentials or for another agent than the key, under /compat too', async () => {
      const fx = updateAgentsFixture();
      const owner = home.users.owner;
      const attempts: Record<string, string>[] = [
        {},
        { 'x-auth-token': owner.key },
        { 'x-user-id': owner.agentId },
        as('roster_sk_unknown', owner.agentId),
        as(owner.key, home.users.agent.agentId),
        as(owner.key, other.users.owner.agentId),
        as(TEST_MASTER_KEY, owner.agentId),
        { authorization: `Bearer ${owner.key}` },
      ];
      for (const base of BASES) {
        for (const headers of attempts) {
          expectFailure(await call(home, route, headers, base), 401, fx.responses['401']);
        }
      }
    });

    it(`answers 403 to a key holding every scope but ${route.scope}`, async () => {
      const key = defined(missingScopeKeys.get(route.scope));
      const fx = updateAgentsFixture();
      expectFailure(await call(home, route, as(key, home.users.owner.agentId)), 403, fx.responses['403']);
    });

    for (const role of ALL_ROLES) {
      const allowed = route.roles.includes(role);
      it(`${allowed ? 'lets' : 'refuses with 403'} a ${role}`, async () => {
        const f = await buildFixture();
        const user = f.users[role];
        const res = await call(f, route, as(user.key, user.agentId));
        if (allowed) {
          assert.equal(res.statusCode, 200, res.body);
          assert.equal((res.json() as { success: boolean }).success, true);
        } else {
          expectFailure(res, 403, updateAgentsFixture().responses['403']);
        }
      });
    }

    if (route.otherOrg !== 'none') {
      it("never shows nor changes another org's department, under /compat either", async () => {
        for (const base of BASES) {
          await expectOtherOrgUntouched(route, base);
        }
      });
    }
  });
}

/** A request of `home` naming `other`'s department or agents shows and changes nothing of it. */
async function expectOtherOrgUntouched(route: Route, base: string): Promise<void> {
  const before = await getTeam(other.t.ctx, other.teamId);
  const { url, body } = route.sample(other, home.users.owner.agentId);
  const res = await send(env.app, {
    method: route.method,
    url: `${base}/${url}`,
    body,
    headers: as(home.users.owner.key, home.users.owner.agentId),
  });
  if (typeof route.otherOrg === 'function') {
    await route.otherOrg(res, other);
  } else if (route.otherOrg === 'empty') {
    assert.equal(res.statusCode, 200, res.body);
    const json = res.json() as { department?: unknown; agents?: unknown[] };
    assert.ok(json.department === null || json.department === undefined, res.body);
    assert.deepEqual(json.agents, []);
  } else {
    expectFailure(res, 400, {
      success: false,
      error: 'Department not found [error-department-not-found]',
      errorType: 'error-department-not-found',
    });
  }
  assert.deepEqual(await getTeam(other.t.ctx, other.teamId), before);
}

describe('Rocket.Chat PUT /department/:_id by a supervisor', () => {
  it('adds the agents but leaves the department fields, as add-livechat-department-agents allows', async () => {
    const f = await buildFixture();
    const sup = f.users.supervisor;
    const api = rocketChatClient(env.app, sup.key, sup.agentId);
    const before = await getTeam(f.t.ctx, f.teamId);
    const res = await api.put(`department/${f.teamId}`, {
      ...departmentBody('Hijacked'),
      agents: [{ agentId: f.spareId, order: 4 }],
    });
    assert.equal(res.statusCode, 200, res.body);
    const after = await getTeam(f.t.ctx, f.teamId);
    assert.equal(after.name, before.name);
    assert.deepEqual(
      new Map(after.members.map((m) => [m.id, m.priority])),
      new Map([
        [f.memberId, 0],
        [f.spareId, 4],
      ]),
    );
  });
});
