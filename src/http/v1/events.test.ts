import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { buildKey } from '../../../test/factories.js';
import { createTestApp, TEST_MASTER_KEY, type TestApp } from '../../../test/harness.js';
import { expectJson, expectProblem, ISO_UTC, newTenant, type Tenant, UUID_V7 } from '../../../test/http.js';
import { CountingBus, connectSse, eventually, type SseConnection, type SseFrame } from '../../../test/sse.js';

let env: TestApp;
let base: string;
const bus = new CountingBus();
const open: SseConnection[] = [];

before(async () => {
  env = await createTestApp({ sseKeepAliveSeconds: 1, events: bus });
  base = await env.app.listen({ port: 0, host: '127.0.0.1' });
});

afterEach(() => {
  for (const sse of open.splice(0)) {
    sse.close();
  }
});

after(async () => {
  await env.close();
});

/** Opens /v1/events with the tenant's key (or `key`), closed after the test. */
async function subscribe(t: Tenant | null, query = '', key = t?.key): Promise<SseConnection> {
  const sse = await connectSse(`${base}/v1/events${query}`, key ? { authorization: `Bearer ${key}` } : {});
  open.push(sse);
  return sse;
}

const about = (f: SseFrame) => `${f.event} ${String(f.data.data.agent_id ?? f.data.data.team_id)}`;

describe('GET /v1/events', () => {
  // How fast is the benchmarks' to measure (presence p99 in scale-out, commit to receipt in
  // webhooks); a loaded test machine can hold the feed back (another file's open transaction).
  it('delivers a change made through the API to a connected subscriber', async () => {
    const t = await newTenant(env);
    const sse = await subscribe(t);
    assert.equal(sse.status, 200);
    assert.match(String(sse.headers['content-type']), /^text\/event-stream/);
    assert.equal(sse.headers['cache-control'], 'no-cache, no-transform');
    const team = expectJson<{ id: string }>(await t.api.post('/v1/teams', { name: 'Live' }), 201);
    const frame = await sse.waitFor((f) => f.event === 'team.created');
    assert.match(String(frame.id), UUID_V7);
    assert.match(frame.data.occurred_at, ISO_UTC);
    assert.deepEqual(frame.data, {
      id: frame.id,
      type: 'team.created',
      occurred_at: frame.data.occurred_at,
      org_id: t.orgId,
      data: { team_id: team.id, name: 'Live' },
    });
  });

  it('filters by type, with prefix wildcards', async () => {
    const t = await newTenant(env);
    const sse = await subscribe(t, '?types=team.*,agent.deleted');
    const agent = expectJson<{ id: string }>(
      await t.api.post('/v1/agents', { email: 'typed@example.com', full_name: 'Typed' }),
      201,
    );
    const team = expectJson<{ id: string }>(await t.api.post('/v1/teams', { name: 'Typed' }), 201);
    await t.api.patch(`/v1/teams/${team.id}`, { description: 'changed' });
    await t.api.delete(`/v1/agents/${agent.id}`);
    await sse.waitFor((f) => f.event === 'agent.deleted');
    assert.deepEqual(sse.frames.map(about), [
      `team.created ${team.id}`,
      `team.updated ${team.id}`,
      `agent.deleted ${agent.id}`,
    ]);
  });

  it('rejects a malformed type list with a problem naming it', async () => {
    const t = await newTenant(env);
    expectProblem(await t.api.get('/v1/events?types=team.*,Team'), 400, { paths: ['query.types'] });
    expectProblem(await t.api.get('/v1/events?types='), 400, { paths: ['query.types'] });
  });

  it('filters by team: its events and the agent events of its members, following membership', async () => {
    const t = await newTenant(env);
    const post = async (url: string, body: unknown) =>
      expectJson<{ id: string }>(await t.api.post(url, body), 201);
    const team = await post('/v1/teams', { name: 'Watched' });
    const otherTeam = await post('/v1/teams', { name: 'Unwatched' });
    const member = await post('/v1/agents', { email: 'member@example.com', full_name: 'Member' });
    const stranger = await post('/v1/agents', { email: 'stranger@example.com', full_name: 'Stranger' });
    await post(`/v1/teams/${team.id}/members`, { user_id: member.id });

    const all = await subscribe(t, `?team_id=${team.id}`);
    const agentsOnly = await subscribe(t, `?team_id=${team.id}&types=agent.updated`);
    await t.api.patch(`/v1/agents/${stranger.id}`, { full_name: 'Not watched' });
    await t.api.patch(`/v1/agents/${member.id}`, { full_name: 'Watched member' });
    await t.api.patch(`/v1/teams/${otherTeam.id}`, { description: 'elsewhere' });
    await t.api.patch(`/v1/teams/${team.id}`, { description: 'here' });
    await post(`/v1/teams/${team.id}/members`, { user_id: stranger.id });
    await t.api.patch(`/v1/agents/${stranger.id}`, { full_name: 'Now watched' });

    const last = (f: SseFrame) => f.event === 'agent.updated' && f.data.data.agent_id === stranger.id;
    await all.waitFor(last);
    await agentsOnly.waitFor(last);
    assert.deepEqual(all.frames.map(about), [
      `agent.updated ${member.id}`,
      `team.updated ${team.id}`,
      `team.members_added ${team.id}`,
      // Joining makes the stranger a member: its own account of the change follows the team's.
      `agent.teams_changed ${stranger.id}`,
      `agent.updated ${stranger.id}`,
    ]);
    assert.deepEqual(agentsOnly.frames.map(about), [
      `agent.updated ${member.id}`,
      `agent.updated ${stranger.id}`,
    ]);
  });

  it("never shows another org's events, whoever asks", async () => {
    const a = await newTenant(env);
    const b = await newTenant(env);
    const own = await subscribe(a);
    const master = await subscribe(a, `?org_id=${a.orgId}`, TEST_MASTER_KEY);
    await b.api.post('/v1/teams', { name: 'Theirs' });
    const ours = expectJson<{ id: string }>(await a.api.post('/v1/teams', { name: 'Ours' }), 201);
    for (const sse of [own, master]) {
      await sse.waitFor((f) => f.data.data.team_id === ours.id);
      assert.ok(sse.frames.length > 0);
      assert.ok(
        sse.frames.every((f) => f.data.org_id === a.orgId),
        JSON.stringify(sse.frames.map((f) => f.data)),
      );
    }
  });

  it('sends a keep-alive comment at the configured interval', async () => {
    const sse = await subscribe(await newTenant(env));
    await sse.waitForComment('keep-alive', 2500);
  });

  it('answers 401 without a key and 403 to a key without events:read, over the socket', async () => {
    const t = await newTenant(env);
    const anonymous = await subscribe(null);
    assert.equal(anonymous.status, 401);
    assert.match(String(anonymous.headers['content-type']), /^application\/problem\+json/);
    assert.equal(JSON.parse(String(anonymous.body)).code, 'unauthenticated');
    const { secret } = await buildKey(t.ctx, { scopes: ['teams:read', 'agents:read'] });
    const scoped = await subscribe(t, '', secret);
    assert.equal(scoped.status, 403);
    assert.equal(JSON.parse(String(scoped.body)).code, 'scope_missing');
    const allowed = await subscribe(t, '', (await buildKey(t.ctx, { scopes: ['events:read'] })).secret);
    assert.equal(allowed.status, 200);
  });

  it('lets go of the bus when the client disconnects, and after a HEAD request', async () => {
    const t = await newTenant(env);
    await eventually(() => bus.active === 0, 1000, 'earlier streams to close');
    const sse = await subscribe(t);
    assert.equal(bus.active, 1);
    sse.close();
    await eventually(() => bus.active === 0, 1000, 'the subscription to end');
    const head = await connectSse(`${base}/v1/events`, { authorization: `Bearer ${t.key}` }, 'HEAD');
    assert.equal(head.status, 200);
    await head.ended();
    await eventually(() => bus.active === 0, 1000, 'the HEAD subscription to end');
  });
});

describe('shutting down with open streams', () => {
  it('ends them instead of waiting for them', async () => {
    const own = new CountingBus();
    const other = await createTestApp({ events: own });
    const url = await other.app.listen({ port: 0, host: '127.0.0.1' });
    const t = await newTenant(other);
    const sse = await connectSse(`${url}/v1/events`, { authorization: `Bearer ${t.key}` });
    assert.equal(sse.status, 200);
    const started = Date.now();
    await other.close();
    // Well below the shutdown's grace period; on PostgreSQL this includes dropping the database.
    assert.ok(Date.now() - started < 5000, `closed in ${Date.now() - started} ms`);
    await sse.ended();
    assert.equal(own.active, 0);
  });
});
