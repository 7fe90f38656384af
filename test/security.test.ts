import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Scope } from '../src/core/access.js';
import { createPresenceStatus } from '../src/core/presence/presence-statuses.js';
import { createConversation } from '../src/core/routing/create-conversation.js';
import { updateSupervisorAgents } from '../src/core/supervisors/supervisors.js';
import { addTeamMember } from '../src/core/teams/team-members.js';
import { buildAgent, buildKey, buildOrg, buildTeam } from './factories.js';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from './harness.js';
import { client, defined, expectJson, expectProblem, expectStatus, send, sorted } from './http.js';
import { deadKeys, keysLackingEachScope, routeName, routerRoutes } from './security-contract.js';
import { type Fixture, ROUTES, type Route, unique } from './security-routes.js';
import { buildWebhookFixture } from './security-webhook-routes.js';
import { connectSse } from './sse.js';

/**
 * The security contract of the /v1 dialect, run over every route the app registers:
 * no or bad credentials -> 401, a key lacking the route's scope -> 403, another org's id -> 404
 * (orgs are master-only: any other key -> 403), and a key holding only the route's scope succeeds.
 */

/**
 * The native /v1 routes the table covers. Webex's own paths also start with /v1 (its API's
 * version; its contract is test/webex-security.test.ts), and the session routes authenticate by
 * the key in the body or the session cookie: src/http/v1/sessions.test.ts holds their contract.
 */
const isNative = (path: string) =>
  path.startsWith('/v1/') &&
  !path.startsWith('/v1/telephony/config/') &&
  !path.startsWith('/v1/people') &&
  !path.startsWith('/v1/sessions');

let address: Promise<string> | null = null;

/** The app on a real socket, for stream routes: inject would wait for a response that never ends. */
function listening(): Promise<string> {
  if (address === null) {
    address = env.app.listen({ port: 0, host: '127.0.0.1' });
  }
  return address;
}

const hasPathId = (r: Route) => r.path.includes('{');

let env: TestApp;
/** The org every request is made from. */
let home: Fixture;
/** Another org, whose ids must look unknown from `home`. */
let other: Fixture;
let missingScopeKeys = new Map<Scope, string>();
const badCredentials: { name: string; authorization?: string }[] = [];

async function buildFixture(): Promise<Fixture> {
  const ctx = await buildOrg(env);
  const team = await buildTeam(ctx);
  const member = await buildAgent(ctx);
  await addTeamMember(ctx, team.id, member.id);
  const agent = await buildAgent(ctx);
  const spare = await buildKey(ctx, { scopes: ['teams:read'] });
  const all = await buildKey(ctx, { scopes: ['*'] });
  const supervisor = await buildAgent(ctx);
  await updateSupervisorAgents(ctx, supervisor.id, { add: [member.id], remove: [] });
  const conversation = await createConversation(ctx, { teamId: team.id, agentId: agent.id });
  const status = await createPresenceStatus(ctx, {
    key: `lunch-${unique()}`,
    label: 'Lunch',
    available: false,
  });
  const webhook = await buildWebhookFixture(ctx);
  return {
    ...webhook,
    statusKey: status.key,
    orgId: ctx.actor.orgId,
    teamId: team.id,
    memberId: member.id,
    agentId: agent.id,
    keyId: spare.row.id,
    key: all.secret,
    supervisorId: supervisor.id,
    conversationId: conversation.conversation.id,
  };
}

before(async () => {
  env = await createTestApp({ webhookAllowHosts: ['127.0.0.1'] });
  home = await buildFixture();
  other = await buildFixture();
  const homeCtx = { ...env.masterCtx, actor: { ...env.masterCtx.actor, orgId: home.orgId } };
  missingScopeKeys = await keysLackingEachScope(
    homeCtx,
    ROUTES.map((r) => r.scope),
  );
  const { expired, revoked } = await deadKeys(homeCtx);
  badCredentials.push(
    { name: 'no Authorization header' },
    { name: 'an unknown key', authorization: 'Bearer roster_sk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' },
    { name: 'a wrong master key', authorization: `Bearer ${TEST_MASTER_KEY.replace(/x$/, 'y')}` },
    { name: 'an expired key', authorization: `Bearer ${expired}` },
    { name: 'a revoked key', authorization: `Bearer ${revoked}` },
    { name: 'a key under another scheme', authorization: `Basic ${home.key}` },
  );
});

after(async () => {
  await env.close();
});

/** Every documented /v1 operation, from the OpenAPI document the app generates. */
function documentedRoutes(): string[] {
  const doc = env.app.swagger() as { paths?: Record<string, Record<string, unknown>> };
  const methods = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
  return Object.entries(doc.paths ?? {})
    .filter(([path]) => isNative(path))
    .flatMap(([path, operations]) =>
      Object.keys(operations)
        .filter((m) => methods.has(m))
        .map((m) => routeName({ method: m.toUpperCase(), path })),
    );
}

/** Every /v1 route the router holds, hidden ones included, read from its printed tree. */
function registeredRoutes(): string[] {
  return routerRoutes(env.app, { head: true })
    .filter((r) => isNative(r.path))
    .map(routeName);
}

describe('the security contract table', () => {
  it('covers every documented /v1 route, and nothing else', () => {
    assert.deepEqual(sorted(documentedRoutes()), sorted(ROUTES.map(routeName)));
  });

  it('covers every route the router holds under /v1, hidden ones too (HEAD mirrors GET)', () => {
    const registered = registeredRoutes();
    assert.ok(registered.length > 0, 'the route tree was read');
    assert.deepEqual(sorted(registered.filter((r) => !r.startsWith('HEAD '))), sorted(ROUTES.map(routeName)));
    assert.deepEqual(
      sorted(registered.filter((r) => r.startsWith('HEAD ')).map((r) => r.replace(/^HEAD/, 'GET'))),
      sorted(ROUTES.filter((r) => r.method === 'GET').map(routeName)),
    );
  });

  it('declares bearer security and the 401 and 403 answers on every /v1 operation', () => {
    const doc = env.app.swagger() as {
      paths: Record<string, Record<string, { security?: unknown; responses?: Record<string, unknown> }>>;
    };
    for (const route of ROUTES) {
      const operation = defined(doc.paths[route.path]?.[route.method.toLowerCase()], routeName(route));
      // A bearer key always; the console's session cookie is the one other way in.
      assert.ok(Array.isArray(operation.security), routeName(route));
      const schemes = (operation.security as Record<string, unknown>[]).flatMap((s) => Object.keys(s));
      assert.ok(schemes.includes('bearerAuth'), routeName(route));
      assert.deepEqual(
        schemes.filter((s) => s !== 'bearerAuth'),
        schemes.includes('sessionCookie') ? ['sessionCookie'] : [],
        routeName(route),
      );
      assert.ok(operation.responses?.['401'] && operation.responses['403'], routeName(route));
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
        expectProblem(res, 401, { code: 'unauthenticated' });
        assert.equal(res.headers['www-authenticate'], 'Bearer', credentials.name);
      }
      if (route.method === 'GET') {
        expectStatus(await send(env.app, { method: 'HEAD', url }), 401);
      }
    });

    it(`answers 403 to a key holding every scope but ${route.scope}`, async () => {
      const key = defined(missingScopeKeys.get(route.scope));
      const { url, body } = route.sample(home);
      const problem = expectProblem(await send(env.app, { method: route.method, url, body, key }), 403, {
        code: 'scope_missing',
      });
      assert.ok(problem.detail.includes(route.scope), problem.detail);
      if (route.method === 'GET') {
        expectStatus(await send(env.app, { method: 'HEAD', url, key }), 403);
      }
    });

    if (route.masterOnly) {
      it('answers 403 to any key but the master key, even one holding every scope', async () => {
        const { url, body } = route.sample(home);
        expectProblem(await send(env.app, { method: route.method, url, body, key: home.key }), 403, {
          code: 'forbidden',
        });
      });
    } else if (hasPathId(route)) {
      it("answers 404 for another org's id and leaves it alone", async () => {
        const { url, body } = route.sample(other);
        expectProblem(await send(env.app, { method: route.method, url, body, key: home.key }), 404);
        await assertIntact(other);
      });
    }

    it(`succeeds with ${route.masterOnly ? 'the master key' : `a key holding only ${route.scope}`}`, async () => {
      const fresh = await buildFixture();
      const freshCtx = { ...env.masterCtx, actor: { ...env.masterCtx.actor, orgId: fresh.orgId } };
      const key = route.masterOnly
        ? TEST_MASTER_KEY
        : (await buildKey(freshCtx, { scopes: [route.scope] })).secret;
      const { url, body } = route.sample(fresh);
      if (route.stream) {
        const sse = await connectSse(`${await listening()}${url}`, { authorization: `Bearer ${key}` });
        sse.close();
        assert.equal(sse.status, route.ok, String(sse.body));
        assert.match(String(sse.headers['content-type']), /^text\/event-stream/);
        return;
      }
      const res = await send(env.app, { method: route.method, url, body, key });
      expectStatus(res, route.ok);
    });
  });
}

/** The other org's team still has its member, and its agent and key still exist. */
async function assertIntact(f: Fixture): Promise<void> {
  const api = client(env.app, f.key);
  const team = expectJson<{ members: { id: string }[]; description: string | null }>(
    await api.get(`/v1/teams/${f.teamId}`),
    200,
  );
  assert.deepEqual(
    team.members.map((m) => m.id),
    [f.memberId],
  );
  assert.equal(team.description, null);
  const agent = expectJson<{ full_name: string }>(await api.get(`/v1/agents/${f.agentId}`), 200);
  assert.notEqual(agent.full_name, 'Renamed agent');
  expectJson(await api.get(`/v1/api-keys/${f.keyId}`), 200);
  expectJson(await api.get(`/v1/agents/${f.memberId}`), 200);
  const conversation = expectJson<{ status: string; assignee_id: string | null }>(
    await api.get(`/v1/conversations/${f.conversationId}`),
    200,
  );
  assert.deepEqual([conversation.status, conversation.assignee_id], ['assigned', f.agentId]);
  const webhook = expectJson<{ description: string | null }>(
    await api.get(`/v1/webhooks/${f.webhookId}`),
    200,
  );
  assert.equal(webhook.description, null);
  const supervised = expectJson<{ id: string }[]>(
    await api.get(`/v1/supervisors/${f.supervisorId}/agents`),
    200,
  );
  assert.deepEqual(
    supervised.map((a) => a.id),
    [f.memberId],
  );
}

describe('ids of another org named in a body or a query', () => {
  it('are not found either', async () => {
    const api = client(env.app, home.key);
    expectProblem(await api.post(`/v1/teams/${home.teamId}/members`, { user_id: other.agentId }), 404, {
      code: 'agent_not_found',
    });
    const bulk = await api.patch(`/v1/teams/${home.teamId}/members`, {
      add: [other.agentId],
      remove: [other.memberId],
    });
    assert.deepEqual(expectJson<{ results: unknown[] }>(bulk, 200).results, [
      { id: other.agentId, action: 'add', status: 'not_found' },
      { id: other.memberId, action: 'remove', status: 'not_found' },
    ]);
    expectProblem(await api.delete(`/v1/teams/${home.teamId}/members/${other.memberId}`), 404);
    assert.deepEqual(expectJson(await api.get(`/v1/agents?team_id=${other.teamId}`), 200), []);
    expectProblem(
      await api.post('/v1/api-keys', { name: 'x', scopes: ['teams:read'], agent_id: other.agentId }),
      404,
      {
        code: 'agent_not_found',
      },
    );
    const supervision = await api.patch(`/v1/supervisors/${home.supervisorId}/agents`, {
      add: [other.agentId],
      remove: [other.memberId],
    });
    assert.deepEqual(expectJson<{ results: unknown[] }>(supervision, 200).results, [
      { id: other.agentId, action: 'add', status: 'not_found' },
      { id: other.memberId, action: 'remove', status: 'not_found' },
    ]);
    const homeTeam = expectJson<{ members: { id: string }[] }>(
      await api.get(`/v1/teams/${home.teamId}`),
      200,
    );
    assert.deepEqual(
      homeTeam.members.map((m) => m.id),
      [home.memberId],
    );
    await assertIntact(other);
  });
});
