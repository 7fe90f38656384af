import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import pg from 'pg';
import { ADMIN_URL, createTestApp, TEST_DB_KIND, type TestApp } from '../../../test/harness.js';
import { expectJson, expectProblem, newTenant, type Tenant, UNKNOWN_ID } from '../../../test/http.js';
import { CountingBus, connectSse, type SseConnection } from '../../../test/sse.js';
import { feedPositionOf, listOrgFeedAfter, NIL_ID } from '../../core/events/events.repo.js';

let env: TestApp;
let base: string;
const open: SseConnection[] = [];

before(async () => {
  env = await createTestApp({ events: new CountingBus() });
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

async function subscribe(
  t: Tenant,
  query = '',
  headers: Record<string, string> = {},
): Promise<SseConnection> {
  const sse = await connectSse(`${base}/v1/events${query}`, { authorization: `Bearer ${t.key}`, ...headers });
  open.push(sse);
  return sse;
}

/** Ids of the org's stored events after `afterId` (UNKNOWN_ID: all) whose type starts with `prefix`, in feed order. */
async function storedAfter(orgId: string, afterId: string, prefix = '', atLeast = 1): Promise<string[]> {
  const from =
    afterId === UNKNOWN_ID ? { xid: '0', id: NIL_ID } : await feedPositionOf(env.database.db, orgId, afterId);
  assert.ok(from, `event ${afterId} is stored`);
  // The feed shows a commit once no older transaction is still open anywhere on the server, and
  // other test files write to the same PostgreSQL at the same time: wait for it to catch up.
  const deadline = Date.now() + 5000;
  for (;;) {
    const events = await listOrgFeedAfter(env.database.db, orgId, from, 1000);
    const ids = events.filter((e) => e.type.startsWith(prefix)).map((e) => e.id);
    if (ids.length >= atLeast || Date.now() > deadline) {
      return ids;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const createTeam = async (t: Tenant, name: string) =>
  expectJson<{ id: string }>(await t.api.post('/v1/teams', { name }), 201);

describe('GET /v1/events with Last-Event-ID', () => {
  it('from now: sends nothing that committed before, even while an older transaction holds the feed back', {
    skip: TEST_DB_KIND !== 'postgres' && 'needs a second PostgreSQL connection to hold a transaction open',
  }, async () => {
    // An open transaction anywhere on the server keeps the feed's settled position behind it, so
    // the instance's tail of the feed reaches the subscriber's "now" only after it ends.
    const holder = new pg.Client({ connectionString: ADMIN_URL });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('SELECT pg_current_xact_id()');
      const t = await newTenant(env);
      await createTeam(t, 'Before');
      const sse = await subscribe(t);
      const later = await createTeam(t, 'After');
      await holder.query('COMMIT');
      await sse.waitFor((f) => f.event === 'team.created', 5000);
      assert.deepEqual(
        sse.frames.map((f) => `${f.event} ${f.data.data.name ?? ''}`),
        ['team.created After'],
      );
      assert.equal(sse.frames[0]?.data.data.team_id, later.id);
    } finally {
      await holder.end();
    }
  });

  it('replays exactly the missed events, in order, then goes on live', async () => {
    const t = await newTenant(env);
    const stranger = await newTenant(env);
    const first = await subscribe(t, '?types=team.*');
    await createTeam(t, 'Before');
    const seen = await first.waitFor((f) => f.event === 'team.created');
    first.close();

    const missedTeam = await createTeam(t, 'Missed');
    await t.api.post('/v1/agents', { email: 'filtered@example.com', full_name: 'Filtered out' });
    await t.api.patch(`/v1/teams/${missedTeam.id}`, { description: 'while away' });
    await createTeam(stranger, 'Not ours');
    await createTeam(t, 'Missed too');
    const missed = await storedAfter(t.orgId, String(seen.id), 'team.', 3);
    assert.equal(missed.length, 3);

    const resumed = await subscribe(t, '?types=team.*', { 'last-event-id': String(seen.id) });
    assert.equal(resumed.status, 200);
    await resumed.waitFor((f) => f.id === missed[2], 5000);
    await createTeam(t, 'Live again');
    const live = await resumed.waitFor(
      (f) => f.event === 'team.created' && f.data.data.name === 'Live again',
      5000,
    );
    assert.deepEqual(
      resumed.frames.map((f) => f.id),
      [...missed, live.id],
    );
  });

  it('takes last_event_id from the query too, the header winning when both are given', async () => {
    const t = await newTenant(env);
    await createTeam(t, 'Anchor');
    const [anchor] = await storedAfter(t.orgId, UNKNOWN_ID, 'team.created');
    assert.ok(anchor);
    await createTeam(t, 'After anchor');
    const expected = await storedAfter(t.orgId, anchor);

    const byQuery = await subscribe(t, `?last_event_id=${anchor.toUpperCase()}`);
    const byHeader = await subscribe(t, `?last_event_id=${UNKNOWN_ID}`, { 'last-event-id': anchor });
    for (const sse of [byQuery, byHeader]) {
      assert.equal(sse.status, 200);
      await sse.waitFor((f) => f.id === expected.at(-1), 5000);
      assert.deepEqual(
        sse.frames.map((f) => f.id),
        expected,
      );
    }
  });

  it('loses and doubles nothing when writes keep coming during the handover', async () => {
    const t = await newTenant(env);
    await createTeam(t, 'Anchor');
    const [anchor] = await storedAfter(t.orgId, UNKNOWN_ID, 'team.created');
    assert.ok(anchor);
    let written = 0;
    const writes = (async () => {
      for (let i = 0; i < 40; i++) {
        await createTeam(t, `Busy ${i}`);
        written++;
      }
    })();
    while (written < 10) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const sse = await subscribe(t, '', { 'last-event-id': anchor });
    await writes;
    // All 40 committed; wait until the feed shows them all (it trails other files' transactions).
    const stored = await storedAfter(t.orgId, anchor, '', 40);
    assert.equal(stored.length, 40);
    await sse.waitFor((f) => f.id === stored.at(-1), 3000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const received = sse.frames.map((f) => String(f.id));
    assert.equal(new Set(received).size, received.length, 'no event twice');
    assert.deepEqual(received, stored, 'every event once, in feed order');
  });

  it('answers 400 to an id the org does not keep: unknown, malformed, or of another org', async () => {
    const t = await newTenant(env);
    const stranger = await newTenant(env);
    await createTeam(stranger, 'Theirs');
    const [theirs] = await storedAfter(stranger.orgId, UNKNOWN_ID);
    assert.ok(theirs);
    const header = (id: string) => ({ 'last-event-id': id });
    expectProblem(await t.api.get('/v1/events', header(UNKNOWN_ID)), 400, {
      paths: ['header.last-event-id'],
    });
    expectProblem(await t.api.get('/v1/events', header('not-an-id')), 400, {
      paths: ['header.last-event-id'],
    });
    expectProblem(await t.api.get('/v1/events', header(theirs)), 400, { paths: ['header.last-event-id'] });
    expectProblem(await t.api.get(`/v1/events?last_event_id=${UNKNOWN_ID}`), 400, {
      paths: ['query.last_event_id'],
    });
    const overSocket = await subscribe(t, '', header(UNKNOWN_ID));
    assert.equal(overSocket.status, 400);
    assert.match(String(overSocket.headers['content-type']), /^application\/problem\+json/);
  });
});
