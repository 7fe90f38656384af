import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Role, Scope } from '../src/core/access.js';
import { updateTeamMembers } from '../src/core/teams/team-members.js';
import { getTeam } from '../src/core/teams/teams.js';
import { buildAgent, buildKey, buildTeam } from './factories.js';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from './harness.js';
import { defined, type Method, type Response, send, sorted } from './http.js';
import {
  departmentBody,
  expectFailure,
  LIVECHAT,
  newRocketChatTenant,
  type RocketChatTenant,
  rocketChatClient,
  updateAgentsFixture,
} from './rocketchat.js';
import { keysLackingEachScope, routeName, routerRoutes } from './security-contract.js';

/**
 * The security contract of the Rocket.Chat dialect over every /api/v1/livechat route: no or bad
 * credentials (a key not bound to the X-User-Id agent included) -> 401 in Rocket.Chat's shape; a
 * key lacking the route's scope, or a role lacking the route's permissions -> 403; another org's
 * department is never visible nor changed; and each role can do exactly what its permissions allow.
 */

interface Fixture {
  t: RocketChatTenant;
  teamId: string;
  memberId: string;
  spareId: string;
  /** `*` keys bound to an agent of each role. */
  users: Record<Role, { key: string; agentId: string }>;
}

interface Route {
  method: Method;
  path: string;
  scope: Scope;
  /** Roles allowed by the route's permissions (Rocket.Chat's any-of list). */
  roles: Role[];
  sample: (f: Fixture, caller: string) => { url: string; body?: unknown };
  /** What a request naming another org's department answers: a 200 that shows nothing, or a 400. */
  otherOrg: 'empty' | 400 | 'none';
}

const ALL_ROLES: Role[] = ['owner', 'admin', 'supervisor', 'agent'];
const MANAGERS: Role[] = ['owner', 'admin'];
const ADDERS: Role[] = ['owner', 'admin', 'supervisor'];
let serial = 0;
const unique = () => `${Date.now().toString(36)}${(serial++).toString(36)}`;

const ROUTES: Route[] = [
  {
    method: 'GET',
    path: '/department',
    scope: 'teams:read',
    roles: ALL_ROLES,
    otherOrg: 'none',
    sample: () => ({ url: 'department' }),
  },
  {
    method: 'POST',
    path: '/department',
    scope: 'teams:write',
    roles: MANAGERS,
    otherOrg: 'none',
    sample: () => ({ url: 'department', body: departmentBody(`Contract ${unique()}`) }),
  },
  {
    method: 'GET',
    path: '/department/:_id',
    scope: 'teams:read',
    roles: ALL_ROLES,
    otherOrg: 'empty',
    sample: (f) => ({ url: `department/${f.teamId}?includeAgents=true` }),
  },
  {
    method: 'PUT',
    path: '/department/:_id',
    scope: 'teams:write',
    roles: ADDERS,
    otherOrg: 400,
    sample: (f) => ({
      url: `department/${f.teamId}`,
      body: { ...departmentBody(`Renamed ${unique()}`), agents: [{ agentId: f.spareId, username: 'spare' }] },
    }),
  },
  {
    method: 'DELETE',
    path: '/department/:_id',
    scope: 'teams:delete',
    roles: MANAGERS,
    otherOrg: 400,
    sample: (f) => ({ url: `department/${f.teamId}` }),
  },
  {
    method: 'GET',
    path: '/department/:_id/agents',
    scope: 'teams:read',
    roles: ALL_ROLES,
    otherOrg: 'empty',
    sample: (f) => ({ url: `department/${f.teamId}/agents` }),
  },
  {
    method: 'POST',
    path: '/department/:_id/agents',
    scope: 'teams:write',
    roles: ADDERS,
    otherOrg: 400,
    sample: (f) => ({
      url: `department/${f.teamId}/agents`,
      body: {
        upsert: [{ agentId: f.spareId, username: 'spare', order: 1 }],
        remove: [{ agentId: f.memberId }],
      },
    }),
  },
  {
    method: 'POST',
    path: '/department/:_id/archive',
    scope: 'teams:write',
    roles: MANAGERS,
    otherOrg: 400,
    sample: (f) => ({ url: `department/${f.teamId}/archive` }),
  },
  {
    method: 'POST',
    path: '/department/:_id/unarchive',
    scope: 'teams:write',
    roles: MANAGERS,
    otherOrg: 400,
    sample: (f) => ({ url: `department/${f.teamId}/unarchive` }),
  },
  {
    method: 'GET',
    path: '/departments/archived',
    scope: 'teams:read',
    roles: ALL_ROLES,
    otherOrg: 'none',
    sample: () => ({ url: 'departments/archived' }),
  },
  {
    method: 'POST',
    path: '/agent.status',
    scope: 'presence:write',
    roles: ALL_ROLES,
    otherOrg: 'none',
    sample: (_f, caller) => ({ url: 'agent.status', body: { agentId: caller } }),
  },
];

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
  return { t, teamId: team.id, memberId: member.id, spareId: spare.id, users };
}

before(async () => {
  env = await createTestApp();
  home = await buildFixture();
  other = await buildFixture();
  missingScopeKeys = await keysLackingEachScope(
    home.t.ctx,
    ROUTES.map((r) => r.scope),
    home.users.owner.agentId,
  );
});

after(async () => {
  await env.close();
});

function call(f: Fixture, route: Route, headers: Record<string, string>): Promise<Response> {
  const { url, body } = route.sample(f, headers['x-user-id'] ?? '');
  return send(env.app, { method: route.method, url: `${LIVECHAT}/${url}`, body, headers });
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
    assert.deepEqual(sorted(registered), sorted(ROUTES.map(routeName)));
  });

  it('documents every route with the X-Auth-Token and X-User-Id headers and the 401 and 403 answers', () => {
    const doc = env.app.swagger() as {
      paths: Record<string, Record<string, { security?: unknown; responses?: Record<string, unknown> }>>;
    };
    for (const route of ROUTES) {
      const path = `${LIVECHAT}${route.path.replace(/:(\w+)/g, '{$1}')}`;
      const operation = defined(doc.paths[path]?.[route.method.toLowerCase()], routeName(route));
      assert.deepEqual(operation.security, [{ rocketChatToken: [], rocketChatUserId: [] }], routeName(route));
      assert.ok(operation.responses?.['401'] && operation.responses['403'], routeName(route));
    }
  });
});

for (const route of ROUTES) {
  describe(`Rocket.Chat ${routeName(route)}`, () => {
    it('answers 401 in Rocket.Chat shape without valid credentials, or for another agent than the key', async () => {
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
      for (const headers of attempts) {
        expectFailure(await call(home, route, headers), 401, fx.responses['401']);
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
      it("never shows nor changes another org's department", async () => {
        const before = await getTeam(other.t.ctx, other.teamId);
        const { url, body } = route.sample(other, home.users.owner.agentId);
        const res = await send(env.app, {
          method: route.method,
          url: `${LIVECHAT}/${url}`,
          body,
          headers: as(home.users.owner.key, home.users.owner.agentId),
        });
        if (route.otherOrg === 'empty') {
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
      });
    }
  });
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
