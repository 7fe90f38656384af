import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { updateSupervisorAgents } from '../../src/core/supervisors/supervisors.js';
import { toWebexId } from '../../src/http/compat/webex/ids.js';
import { buildAgent, buildKey, buildOrg, buildTeam } from '../factories.js';
import { listenTestApp, type TestApp } from '../harness.js';
import { nextLinkOf, rawRequest } from './raw.js';
// wxc_sdk's and Dixa's requests, reproduced as they send them (see ./vendors.ts).
import { dixa, wxc } from './vendors.js';

let env: TestApp & { base: string };
let key: string;
let orgId: string;
let agents: { id: string; email: string }[];
let supervisorId: string;

before(async () => {
  env = await listenTestApp({ trustProxy: '127.0.0.1' });
  const ctx = await buildOrg(env);
  orgId = ctx.actor.orgId;
  agents = [];
  for (let i = 0; i < 5; i++) {
    const a = await buildAgent(ctx, { email: `wx${i}-${orgId.slice(0, 8)}@example.com` });
    agents.push({ id: a.id, email: a.email });
  }
  supervisorId = (await buildAgent(ctx)).id;
  key = (await buildKey(ctx, { scopes: ['*'] })).secret;
});

after(async () => {
  await env.close();
});

describe('Webex requests as wxc_sdk sends them', () => {
  it('finds people by email (GET /v1/people?email=) and by id', async () => {
    const api = wxc(env.base, key);
    const target = agents[2] as { id: string; email: string };
    const res = await api.send('GET', `/v1/people?email=${encodeURIComponent(target.email)}`);
    assert.equal(res.status, 200, res.body);
    const { items } = res.json<{ items: { id: string; emails: string[]; type: string }[] }>();
    assert.deepEqual(
      items.map((p) => p.id),
      [toWebexId('PEOPLE', target.id)],
    );
    assert.equal(items[0]?.type, 'person');
    const one = await api.send('GET', `/v1/people/${toWebexId('PEOPLE', target.id)}`);
    assert.equal(one.json<{ emails: string[] }>().emails[0], target.email);
  });

  it('follows absolute Link headers through every page, at /v1 and at /compat/webex/v1', async () => {
    for (const prefix of ['', '/compat/webex']) {
      const api = wxc(env.base, key);
      const seen: string[] = [];
      for await (const page of api.pages(`${prefix}/v1/telephony/config/supervisors/availableAgents?max=2`)) {
        const link = nextLinkOf(page);
        if (link !== null) {
          assert.ok(link.startsWith(`${env.base}${prefix}/v1/telephony/config/`), link);
        }
        seen.push(...page.json<{ agents: { id: string }[] }>().agents.map((a) => a.id));
      }
      assert.equal(seen.length, 6);
      assert.equal(new Set(seen).size, 6);
    }
  });

  it('builds the Link from X-Forwarded-Proto/-Host when the proxy is trusted', async () => {
    const res = await rawRequest('GET', `${env.base}/v1/people?max=1`, {
      authorization: `Bearer ${key}`,
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'roster.example',
    });
    assert.equal(res.status, 200, res.body);
    assert.match(String(nextLinkOf(res)), /^https:\/\/roster\.example\/v1\/people\?/);
  });

  it('creates a supervisor, then DELETEs it with a JSON content type and no body', async () => {
    const ctx = { ...env.masterCtx, actor: { ...env.masterCtx.actor, orgId } };
    await updateSupervisorAgents(ctx, supervisorId, { add: [(agents[0] as { id: string }).id], remove: [] });
    const api = wxc(env.base, key);
    const res = await api.send(
      'DELETE',
      `/v1/telephony/config/supervisors/${toWebexId('PEOPLE', supervisorId)}`,
    );
    assert.equal(res.status, 204, res.body);
    // Trailing slash: the same route.
    const list = await api.send('GET', '/v1/telephony/config/supervisors/');
    assert.equal(list.status, 200, list.body);
  });
});

describe('Dixa requests as its tooling sends them, at /compat/dixa', () => {
  it('serves Dixa’s /v1 and /beta paths under /compat/dixa, trailing slashes included', async () => {
    const call = dixa(`${env.base}/compat/dixa`, key);
    for (const path of ['/v1/agents', '/beta/agents', '/v1/agents/', '/v1/teams']) {
      assert.equal((await call('GET', path)).status, 200);
    }
  });

  it('PATCH /v1/teams/{id}/agents answers JSON the tooling can parse, and pages follow meta.next', async () => {
    const ctx = { ...env.masterCtx, actor: { ...env.masterCtx.actor, orgId } };
    const team = await buildTeam(ctx);
    const call = dixa(`${env.base}/compat/dixa`, key);
    const added = await call('PATCH', `/v1/teams/${team.id}/agents`, { agentIds: agents.map((a) => a.id) });
    assert.equal(added.status, 200);
    assert.deepEqual(
      ((added.json as { data: { id: string }[] }).data.map((m) => m.id) ?? []).sort(),
      agents.map((a) => a.id).sort(),
    );
    const ids: string[] = [];
    let next: string | undefined = '/v1/agents?pageLimit=2';
    while (next !== undefined) {
      const page = (await call('GET', next)).json as { data: { id: string }[]; meta?: { next?: string } };
      ids.push(...page.data.map((a) => a.id));
      next = page.meta?.next;
      if (next !== undefined) {
        assert.ok(next.startsWith(`${env.base}/compat/dixa/v1/agents?`), next);
      }
    }
    assert.equal(ids.length, 6);
  });
});

describe('the native /v1 API', () => {
  it('takes offset as well as skip, and links the next page absolutely', async () => {
    const headers = { authorization: `Bearer ${key}` };
    const all = (await rawRequest('GET', `${env.base}/v1/agents?limit=100`, headers)).json<
      { id: string }[]
    >();
    const byOffset = await rawRequest('GET', `${env.base}/v1/agents?offset=2&limit=2`, headers);
    const bySkip = await rawRequest('GET', `${env.base}/v1/agents/?skip=2&limit=2`, headers);
    assert.equal(byOffset.status, 200, byOffset.body);
    assert.deepEqual(byOffset.json(), bySkip.json());
    assert.deepEqual(
      byOffset.json<{ id: string }[]>().map((a) => a.id),
      all.slice(2, 4).map((a) => a.id),
    );
    assert.ok(String(nextLinkOf(byOffset)).startsWith(`${env.base}/v1/agents?`));
  });
});

describe('vendor paths Roster does not serve, under /compat/<dialect>', () => {
  it('answer 404 in the vendor’s error shape', async () => {
    const webex = await rawRequest('GET', `${env.base}/compat/webex/v1/licenses`, {
      authorization: `Bearer ${key}`,
    });
    assert.equal(webex.status, 404);
    assert.ok(Array.isArray(webex.json<{ errors: unknown[] }>().errors), webex.body);
    const dixaQueues = await rawRequest('GET', `${env.base}/compat/dixa/v1/queues`, { authorization: key });
    assert.equal(dixaQueues.status, 404);
    assert.equal(typeof dixaQueues.json<{ message: string }>().message, 'string');
    const rc = await rawRequest('GET', `${env.base}/compat/rocketchat/api/v1/rooms.get`, {});
    assert.equal(rc.status, 404);
    assert.equal(rc.json<{ success: boolean }>().success, false);
    const td = await rawRequest('GET', `${env.base}/compat/tiledesk/v3/${orgId}/requests`, {
      authorization: `JWT ${key}`,
    });
    assert.equal(td.status, 404);
    assert.equal(td.json<{ success: boolean }>().success, false);
  });
});

describe('X-Forwarded-* from a proxy that is not trusted', () => {
  it('is ignored: the Link keeps the host the request was sent to', async () => {
    const untrusting = await listenTestApp();
    try {
      const ctx = await buildOrg(untrusting);
      await buildAgent(ctx);
      await buildAgent(ctx);
      const secret = (await buildKey(ctx, { scopes: ['*'] })).secret;
      const res = await rawRequest('GET', `${untrusting.base}/v1/agents?limit=1`, {
        authorization: `Bearer ${secret}`,
        'x-forwarded-proto': 'https',
        'x-forwarded-host': 'attacker.example',
      });
      assert.equal(res.status, 200, res.body);
      assert.ok(
        String(nextLinkOf(res)).startsWith(`${untrusting.base}/v1/agents?`),
        String(res.headers.link),
      );
    } finally {
      await untrusting.close();
    }
  });
});
