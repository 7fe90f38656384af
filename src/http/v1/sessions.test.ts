import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildAgent, buildKey } from '../../../test/factories.js';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from '../../../test/harness.js';
import { expectJson, expectNoContent, expectProblem, newTenant, send } from '../../../test/http.js';
import { rowsOf } from '../../db/client.js';

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

interface SessionJson {
  org_id: string;
  is_master: boolean;
  key_id: string | null;
  scopes: string[];
  agent: { id: string; role: string } | null;
  expires_at: string | null;
  csrf_header: string;
}

/** Signs in with `key`; returns the session and the `name=value` of its cookie. */
async function signIn(
  key: string,
  orgId?: string,
): Promise<{ session: SessionJson; cookie: string; raw: string }> {
  const res = await send(env.app, {
    method: 'POST',
    url: '/v1/sessions',
    body: orgId === undefined ? { key } : { key, org_id: orgId },
  });
  const session = expectJson<SessionJson>(res, 201);
  const raw = String(res.headers['set-cookie']);
  return { session, cookie: raw.split(';')[0] as string, raw };
}

const withCookie = (cookie: string, extra: Record<string, string> = {}) => ({ cookie, ...extra });

describe('/v1/sessions', () => {
  it('sets an HttpOnly SameSite=Strict cookie that holds a token, never the key, stored only as a hash', async () => {
    const t = await newTenant(env);
    const { session, cookie, raw } = await signIn(t.key);
    assert.match(
      raw,
      /^roster_session=roster_ss_[A-Za-z0-9_-]{40,}; Max-Age=28800; Path=\/; HttpOnly; SameSite=Strict$/,
    );
    assert.ok(!raw.includes(t.key));
    assert.equal(session.org_id, t.orgId);
    assert.equal(session.is_master, false);
    assert.equal(session.csrf_header, 'x-requested-with');
    assert.ok(session.scopes.includes('teams:write'));
    const token = cookie.slice('roster_session='.length);
    const rows = rowsOf<{ token_hash: string }>(
      await env.database.db.execute(sql`SELECT token_hash FROM sessions WHERE org_id = ${t.orgId}`),
    );
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0]?.token_hash, token);
    assert.match(rows[0]?.token_hash ?? '', /^[0-9a-f]{64}$/);
  });

  it('is accepted by /v1 reads and the event stream; current says who is signed in', async () => {
    const t = await newTenant(env);
    const { cookie } = await signIn(t.key);
    const teams = await send(env.app, { method: 'GET', url: '/v1/teams', headers: withCookie(cookie) });
    expectJson(teams, 200);
    const current = expectJson<SessionJson>(
      await send(env.app, { method: 'GET', url: '/v1/sessions/current', headers: withCookie(cookie) }),
      200,
    );
    assert.equal(current.org_id, t.orgId);
    assert.ok(current.expires_at !== null && Date.parse(current.expires_at) > Date.now());
    const stream = await send(env.app, { method: 'HEAD', url: '/v1/events', headers: withCookie(cookie) });
    assert.equal(stream.statusCode, 200);
    assert.match(String(stream.headers['content-type']), /^text\/event-stream/);
  });

  it('refuses a cookie-authenticated write without the CSRF header, and accepts it with the header', async () => {
    const t = await newTenant(env);
    const { cookie } = await signIn(t.key);
    const forged = await send(env.app, {
      method: 'POST',
      url: '/v1/teams',
      body: { name: 'forged' },
      headers: withCookie(cookie),
    });
    const problem = expectProblem(forged, 403, { code: 'forbidden' });
    assert.match(problem.detail, /x-requested-with/);
    const made = await send(env.app, {
      method: 'POST',
      url: '/v1/teams',
      body: { name: 'real' },
      headers: withCookie(cookie, { 'x-requested-with': 'roster-console' }),
    });
    expectJson(made, 201);
  });

  it('ends when the key is revoked, and when signing out', async () => {
    const t = await newTenant(env);
    const agent = await buildAgent(t.ctx, { role: 'supervisor' });
    const { secret, row } = await buildKey(t.ctx, { scopes: ['*'], agentId: agent.id });
    const first = await signIn(secret);
    assert.deepEqual(first.session.agent, { id: agent.id, role: 'supervisor' });
    const second = await signIn(secret);
    const revoked = await t.api.delete(`/v1/api-keys/${row.id}`);
    expectNoContent(revoked);
    const after = await send(env.app, { method: 'GET', url: '/v1/teams', headers: withCookie(first.cookie) });
    expectProblem(after, 401, { code: 'unauthenticated' });

    const other = await signIn(t.key);
    const out = await send(env.app, {
      method: 'DELETE',
      url: '/v1/sessions/current',
      headers: withCookie(other.cookie, { 'x-requested-with': 'roster-console' }),
    });
    expectNoContent(out);
    assert.match(String(out.headers['set-cookie']), /^roster_session=; Max-Age=0;/);
    const gone = await send(env.app, { method: 'GET', url: '/v1/teams', headers: withCookie(other.cookie) });
    expectProblem(gone, 401, { code: 'unauthenticated' });
    assert.ok(second.cookie !== first.cookie);
  });

  it('refuses a bad key with 401 and a missing key with 400 naming the field; a token is not a key', async () => {
    const bad = await send(env.app, { method: 'POST', url: '/v1/sessions', body: { key: 'roster_sk_nope' } });
    expectProblem(bad, 401, { code: 'unauthenticated' });
    const missing = await send(env.app, { method: 'POST', url: '/v1/sessions', body: {} });
    expectProblem(missing, 400, { code: 'invalid_request', paths: ['body.key'] });
    const t = await newTenant(env);
    const { cookie } = await signIn(t.key);
    const token = cookie.slice('roster_session='.length);
    expectProblem(await send(env.app, { method: 'GET', url: '/v1/teams', key: token }), 401);
    expectProblem(await send(env.app, { method: 'POST', url: '/v1/sessions', body: { key: token } }), 401);
  });

  it('lets a master session act on any org it names, and an org session on its own only', async () => {
    const t = await newTenant(env);
    const master = await signIn(TEST_MASTER_KEY);
    assert.equal(master.session.is_master, true);
    const theirs = await send(env.app, {
      method: 'GET',
      url: `/v1/teams?org_id=${t.orgId}`,
      headers: withCookie(master.cookie),
    });
    expectJson(theirs, 200);
    const other = await newTenant(env);
    const mine = await signIn(t.key);
    const cross = await send(env.app, {
      method: 'GET',
      url: `/v1/teams?org_id=${other.orgId}`,
      headers: withCookie(mine.cookie),
    });
    expectProblem(cross, 404);
  });
});
