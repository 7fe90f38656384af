import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Scope } from '../src/core/access.js';
import { trashAgent } from '../src/core/agents/agent-lifecycle.js';
import { addTeamMember } from '../src/core/teams/team-members.js';
import { buildAgent, buildKey, buildOrg, buildTeam } from './factories.js';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from './harness.js';
import { defined, send, sorted } from './http.js';
import {
  compatMounts,
  compatUrls,
  keysLackingEachScope,
  routeName,
  routerRoutes,
  routesUnder,
} from './security-contract.js';
import { expectTiledeskError } from './tiledesk.js';
import { base, type Fixture, TILEDESK_ROUTES } from './tiledesk-routes.js';

/**
 * The security contract of the Tiledesk dialect over every /v3 route: no or bad credentials -> 401,
 * a key of another project (existing or not) -> 403 "you dont belong to the project.", a key
 * lacking the route's scope -> 403, another org's teammate id -> 404 and left alone, and a key
 * holding only the route's scope (bound to an owner agent) succeeds.
 */

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
    teamId: team.id,
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
    TILEDESK_ROUTES.map((r) => r.scope),
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
    assert.deepEqual(sorted(registered), sorted(TILEDESK_ROUTES.map(routeName)));
  });

  it('documents every /v3 route with bearer security and the 401 and 403 answers', () => {
    const doc = env.app.swagger() as {
      paths: Record<string, Record<string, { security?: unknown; responses?: Record<string, unknown> }>>;
    };
    for (const route of TILEDESK_ROUTES) {
      const operation = defined(doc.paths[route.path]?.[route.method.toLowerCase()], routeName(route));
      assert.deepEqual(operation.security, [{ bearerAuth: [] }], routeName(route));
      assert.ok(operation.responses?.['401'] && operation.responses['403'], routeName(route));
    }
  });

  it('holds the very same routes under /compat/tiledesk/v3', () => {
    const mounts = compatMounts('tiledesk');
    assert.equal(mounts.length, 1);
    for (const { prefix, compat } of mounts) {
      assert.deepEqual(routesUnder(env.app, compat), routesUnder(env.app, prefix), compat);
    }
  });
});

for (const route of TILEDESK_ROUTES) {
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

    it("answers the same 401, and 403 for another org's project, under /compat/tiledesk", async () => {
      const { url, body } = route.sample(home, home.orgId);
      for (const compat of compatUrls(url)) {
        for (const headers of [undefined, auth('roster_sk_unknown'), auth(home.key, 'Basic')]) {
          expectTiledeskError(await send(env.app, { method: route.method, url: compat, body, headers }), 401);
        }
      }
      const notMember = { success: false, msg: 'you dont belong to the project.' };
      for (const compat of compatUrls(route.sample(home, other.orgId).url)) {
        const res = await send(env.app, { method: route.method, url: compat, body, headers: auth(home.key) });
        expectTiledeskError(res, 403, notMember);
      }
    });

    if (/\{(project_user_id|user_id|group_id)\}/.test(route.path)) {
      it("answers 404 for another org's id and leaves it alone, under /compat/tiledesk too", async () => {
        const { url, body } = route.sample(other, home.orgId);
        for (const target of [url, ...compatUrls(url)]) {
          const res = await send(env.app, {
            method: route.method,
            url: target,
            body,
            headers: auth(home.key),
          });
          if (route.emptyForOther) {
            assert.equal(res.statusCode, 200);
            assert.deepEqual(res.json(), []);
          } else {
            expectTiledeskError(res, 404);
          }
        }
        await assertIntact(other);
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

/** The other org's teammate is as it was, and so is its group. */
async function assertIntact(f: Fixture): Promise<void> {
  const still = await send(env.app, {
    method: 'GET',
    url: `${base(f.orgId)}/${f.agentId}`,
    headers: auth(f.key),
  });
  assert.equal(still.statusCode, 200);
  assert.equal((still.json() as { profileStatus: string }).profileStatus, '');
  const group = await send(env.app, {
    method: 'GET',
    url: `/v3/${f.orgId}/groups/${f.teamId}`,
    headers: auth(f.key),
  });
  assert.equal(group.statusCode, 200, group.body);
  const json = group.json() as { name: string; members: string[]; trashed: boolean; enabled: boolean };
  assert.doesNotMatch(json.name, /^Renamed/);
  assert.deepEqual([json.members, json.trashed, json.enabled], [[f.userId], false, true]);
}
