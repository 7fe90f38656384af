import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addTeamMember } from '../src/core/teams/team-members.js';
import { DIXA_ROUTES, type Fixture } from './dixa-routes.js';
import { buildAgent, buildKey, buildOrg, buildTeam } from './factories.js';
import { createTestApp, type TestApp } from './harness.js';
import { send, sorted, UNKNOWN_ID } from './http.js';
import { routeName } from './security-contract.js';
import { VendorSpec } from './vendor-openapi.js';

/**
 * Every Dixa answer Roster gives, checked against Dixa's own OpenAPI document (the excerpt in
 * test/fixtures/dixa/openapi-excerpt.json names its source and version): at `/beta` and at
 * `/compat/dixa/v1`, which Dixa documents with the same shapes. The document's sum types overlap
 * (their variants leave out the `_type` member that tells them apart), so they are read as anyOf
 * and `_type` is checked against the variants' titles.
 */

const spec = new VendorSpec('dixa/openapi-excerpt.json', '', { oneOfAsAnyOf: true });
let env: TestApp;

async function buildFixture(): Promise<Fixture> {
  const ctx = await buildOrg(env);
  const team = await buildTeam(ctx);
  const member = await buildAgent(ctx, { phoneNumber: '+4520304050' });
  await addTeamMember(ctx, team.id, member.id);
  const agent = await buildAgent(ctx);
  const { secret } = await buildKey(ctx, { scopes: ['*'] });
  return { orgId: ctx.actor.orgId, teamId: team.id, memberId: member.id, agentId: agent.id, key: secret };
}

before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

/** Adding members answers the members (Roster's choice, docs/dialects/dixa-clients.md): GET's schema. */
const bodyAs = (method: string, path: string) =>
  method === 'PATCH' && path === '/beta/teams/{teamId}/agents' ? { method: 'GET', path } : undefined;

describe("Dixa's OpenAPI document", () => {
  it('documents every operation of the Dixa dialect', () => {
    const documented = new Set(spec.operations());
    const missing = DIXA_ROUTES.map(routeName).filter((r) => !documented.has(r));
    assert.deepEqual(missing, []);
    assert.deepEqual(sorted(spec.operations()), sorted(DIXA_ROUTES.map(routeName)));
  });
});

for (const route of DIXA_ROUTES) {
  describe(`Dixa ${routeName(route)}`, () => {
    for (const mount of ['/beta', '/compat/dixa/v1']) {
      it(`answers as Dixa's OpenAPI document describes it, at ${mount}`, async () => {
        const f = await buildFixture();
        const { url, body } = route.sample(f);
        const res = await send(env.app, {
          method: route.method,
          url: `${mount}${url.slice('/beta'.length)}`,
          body,
          headers: { authorization: f.key },
        });
        assert.equal(res.statusCode, route.ok, res.body);
        spec.check(route.method, route.path, res, bodyAs(route.method, route.path));
      });
    }
  });
}

describe("Dixa's documented errors", () => {
  it('are answered in the shapes the document gives them', async () => {
    const f = await buildFixture();
    const headers = { authorization: f.key };
    const cases = [
      { method: 'GET', path: '/beta/teams/{teamId}', url: `/beta/teams/${UNKNOWN_ID}`, status: 404 },
      { method: 'GET', path: '/beta/teams/{teamId}', url: '/beta/teams/not-a-uuid', status: 400 },
      { method: 'GET', path: '/beta/agents/{agentId}', url: `/beta/agents/${UNKNOWN_ID}`, status: 404 },
      {
        method: 'GET',
        path: '/beta/agents/{agentId}/presence',
        url: `/beta/agents/${UNKNOWN_ID}/presence`,
        status: 404,
      },
      {
        method: 'GET',
        path: '/beta/teams/{teamId}/presence',
        url: `/beta/teams/${UNKNOWN_ID}/presence`,
        status: 404,
      },
      { method: 'POST', path: '/beta/teams', url: '/beta/teams', status: 400, body: { title: 'no name' } },
      {
        method: 'POST',
        path: '/beta/agents',
        url: '/beta/agents',
        status: 400,
        body: { displayName: 'No email' },
      },
      {
        method: 'GET',
        path: '/beta/agents',
        url: '/beta/agents?email=a@example.com&phone=%2B4511',
        status: 400,
      },
    ] as const;
    for (const c of cases) {
      const res = await send(env.app, {
        method: c.method,
        url: c.url,
        headers,
        ...('body' in c ? { body: c.body } : {}),
      });
      assert.equal(res.statusCode, c.status, `${c.method} ${c.url}: ${res.body}`);
      spec.check(c.method, c.path, res);
    }
  });

  it('bulk updates report a failed item as a documented BulkError', async () => {
    const f = await buildFixture();
    const res = await send(env.app, {
      method: 'PATCH',
      url: '/beta/agents',
      headers: { authorization: f.key },
      body: [
        { id: f.agentId, displayName: 'Still here' },
        { id: UNKNOWN_ID, displayName: 'Nobody' },
      ],
    });
    assert.equal(res.statusCode, 200, res.body);
    spec.check('PATCH', '/beta/agents', res);
    const outcomes = (res.json() as { data: { _type: string; error?: { _type: string } }[] }).data;
    assert.equal(outcomes[1]?.error?._type, 'NotFound');
    assert.ok(spec.variantTitles('BulkError').includes('NotFound'), 'a BulkError variant of the document');
    assert.deepEqual(
      outcomes.map((o) => o._type),
      ['BulkActionSuccess', 'BulkActionFailure'],
    );
  });
});
