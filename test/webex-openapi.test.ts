import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { updateSupervisorAgents } from '../src/core/supervisors/supervisors.js';
import { buildAgent, buildKey, buildOrg } from './factories.js';
import { createTestApp, type TestApp } from './harness.js';
import { type Method, send, sorted, UNKNOWN_ID } from './http.js';
import { routesUnder } from './security-contract.js';
import { VendorSpec } from './vendor-openapi.js';
import { personId } from './webex.js';

/**
 * Every Webex answer Roster gives, checked against Webex's published OpenAPI documents (the
 * excerpts in test/fixtures/webex/openapi-*.json name their sources and versions): the supervisor
 * API of Webex Calling and the People API, at `/v1` and at `/compat/webex/v1`.
 */

const supervisorsSpec = new VendorSpec('webex/openapi-supervisors.json', '/v1');
const peopleSpec = new VendorSpec('webex/openapi-people.json', '/v1');
const SUP = '/v1/telephony/config/supervisors';

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

interface Call {
  method: Method;
  /** The operation, as the document's path template under `/v1`. */
  path: string;
  url: string;
  body?: unknown;
  status: number;
}

/** One org: Kim supervises Lee; Max supervises no one, with a phone number; Ann is disabled. */
async function scenario(): Promise<{ key: string; calls: Call[] }> {
  const ctx = await buildOrg(env);
  const [kim, lee, max] = [
    await buildAgent(ctx, { fullName: 'Kim Park' }),
    await buildAgent(ctx, { fullName: 'Lee Chan', phoneNumber: '+14085550100' }),
    await buildAgent(ctx, { fullName: 'Max Ruiz', phoneNumber: '+14085550101' }),
  ];
  await updateSupervisorAgents(ctx, kim.id, { add: [lee.id], remove: [] });
  const { secret } = await buildKey(ctx, { scopes: ['*'] });
  const [k, l, m] = [personId(kim.id), personId(lee.id), personId(max.id)];
  const calls: Call[] = [
    { method: 'GET', path: SUP, url: SUP, status: 200 },
    { method: 'GET', path: `${SUP}/{supervisorId}`, url: `${SUP}/${k}`, status: 200 },
    { method: 'GET', path: `${SUP}/availableSupervisors`, url: `${SUP}/availableSupervisors`, status: 200 },
    { method: 'GET', path: `${SUP}/availableAgents`, url: `${SUP}/availableAgents?max=2`, status: 200 },
    {
      method: 'PUT',
      path: `${SUP}/{supervisorId}`,
      url: `${SUP}/${k}`,
      status: 204,
      body: { agents: [{ id: m, action: 'ADD' }] },
    },
    {
      method: 'PUT',
      path: `${SUP}/{supervisorId}`,
      url: `${SUP}/${k}`,
      status: 206,
      body: { agents: [{ id: m, action: 'ADD' }] },
    },
    { method: 'POST', path: SUP, url: SUP, status: 201, body: { id: m, agents: [{ id: l }] } },
    {
      method: 'POST',
      path: SUP,
      url: SUP,
      status: 206,
      body: { id: l, agents: [{ id: k }, { id: personId(UNKNOWN_ID) }] },
    },
    {
      method: 'GET',
      path: '/v1/people',
      url: `/v1/people?email=${encodeURIComponent(lee.email)}`,
      status: 200,
    },
    { method: 'GET', path: '/v1/people', url: '/v1/people?max=2', status: 200 },
    { method: 'GET', path: '/v1/people/{personId}', url: `/v1/people/${l}`, status: 200 },
    { method: 'DELETE', path: `${SUP}/{supervisorId}`, url: `${SUP}/${m}`, status: 204 },
    { method: 'DELETE', path: SUP, url: SUP, status: 204, body: { supervisorIds: [k] } },
  ];
  return { key: secret, calls };
}

const specOf = (path: string) => (path.startsWith('/v1/people') ? peopleSpec : supervisorsSpec);

describe("Webex's OpenAPI documents", () => {
  it('document every operation of the Webex dialect', () => {
    const routes = [
      ...routesUnder(env.app, '/v1/telephony/config').map((r) => r.replace(' ', ' /v1/telephony/config')),
      ...routesUnder(env.app, '/v1/people').map((r) => r.replace(' /', ' /v1/people/').replace(/\/$/, '')),
    ];
    const documented = [...supervisorsSpec.operations(), ...peopleSpec.operations()];
    assert.deepEqual(sorted(routes), sorted(documented));
  });
});

for (const mount of ['/v1', '/compat/webex/v1']) {
  describe(`Webex answers at ${mount}`, () => {
    it("conform to Webex's published schemas, 206 partial answers included", async () => {
      const { key, calls } = await scenario();
      for (const call of calls) {
        const url = `${mount}${call.url.slice('/v1'.length)}`;
        const res = await send(env.app, { method: call.method, url, body: call.body, key });
        assert.equal(res.statusCode, call.status, `${call.method} ${url}: ${res.body}`);
        specOf(call.path).check(call.method, call.path, res);
      }
    });
  });
}
