import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  BAD_BODY,
  DIXA_LOCAL_TIME,
  type DixaTenant,
  expectData,
  expectDixaError,
  expectEmpty,
  fixture,
  NOT_FOUND,
  newDixaTenant,
  seedAgent,
} from '../../../../test/dixa.js';
import { buildAgent, buildTeam } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { client, expectJson, UNKNOWN_ID } from '../../../../test/http.js';
import { updateTeamMembers } from '../../../core/teams/team-members.js';

/**
 * Dixa presence over the same availability and connection presence as /v1, driven by seed 000's
 * team presence sample and the working-channel sample of the vendor spec (fixtures/dixa/presence.json).
 */

interface UserPresenceJson {
  userId: string;
  requestTime: string;
  lastSeen?: string;
  presenceStatus: string;
  connectionStatus: string;
  activeChannels: string[];
}
interface PresenceFixture {
  teamPresenceResponse: { data: UserPresenceJson[] };
  workingChannelRequest: { channel: string; working: boolean };
}
const samples = fixture<PresenceFixture>('presence.json');
type PageJson = { data: UserPresenceJson[]; meta: { next?: string } };

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

/** The native API of the same tenant, to drive and read the shared presence. */
const v1 = (t: DixaTenant) => client(env.app, t.key);

async function heartbeat(t: DixaTenant, agentId: string, channels: string[] = []): Promise<void> {
  const res = await v1(t).post(`/v1/agents/${agentId}/presence/heartbeat`, { device_id: 'desk', channels });
  assert.equal(res.statusCode, 204, res.body);
}

/** Everything but the two clock readings, which the sample took at its own time. */
function withoutTimes({ requestTime, lastSeen, ...rest }: UserPresenceJson) {
  assert.match(requestTime, DIXA_LOCAL_TIME);
  if (lastSeen !== undefined) {
    assert.match(lastSeen, DIXA_LOCAL_TIME);
  }
  return rest;
}

describe('/beta presence', () => {
  it("lists a team's presence: the seed response, field by field", async () => {
    const t = await newDixaTenant(env);
    const team = await buildTeam(t.ctx);
    const ids = samples.teamPresenceResponse.data.map((p) => p.userId);
    for (const id of ids) {
      await seedAgent(t.ctx, { id, name: `Agent ${id.slice(0, 4)}`, email: `${id}@example.org` });
      await heartbeat(t, id, ['Email', 'FacebookMessenger']);
    }
    await updateTeamMembers(t.ctx, team.id, { add: ids, remove: [] });

    const page = expectData<PageJson>(await t.beta.get(`/beta/teams/${team.id}/presence`), 200);
    assert.deepEqual(Object.keys(page).sort(), ['data', 'meta']);
    assert.deepEqual(page.meta, {}, 'one page: no next link');
    assert.equal(page.data.length, samples.teamPresenceResponse.data.length);
    for (const [i, view] of page.data.entries()) {
      const sample = samples.teamPresenceResponse.data[i] as UserPresenceJson;
      assert.deepEqual(Object.keys(view).sort(), Object.keys(sample).sort());
      assert.deepEqual(withoutTimes(view), withoutTimes(sample));
    }
  });

  it('maps the choice to Working/Away and the connection to Online/Offline, independently', async () => {
    const t = await newDixaTenant(env);
    const agent = await buildAgent(t.ctx);
    const read = async () =>
      expectData<{ data: UserPresenceJson }>(await t.beta.get(`/beta/agents/${agent.id}/presence`), 200).data;

    const fresh = await read();
    assert.deepEqual(withoutTimes(fresh), {
      userId: agent.id,
      presenceStatus: 'Working',
      connectionStatus: 'Offline',
      activeChannels: [],
    });
    assert.equal(fresh.lastSeen, undefined, 'never seen: no lastSeen');

    await heartbeat(t, agent.id, ['Email']);
    assert.deepEqual(
      { ...(await read()), requestTime: '', lastSeen: '' },
      {
        userId: agent.id,
        requestTime: '',
        lastSeen: '',
        presenceStatus: 'Working',
        connectionStatus: 'Online',
        activeChannels: ['Email'],
      },
    );
    const put = (body: object) => v1(t).put(`/v1/agents/${agent.id}/availability`, body);
    expectJson(await put({ status: 'away' }), 200);
    assert.equal((await read()).presenceStatus, 'Away');
    expectJson(await put({ status: 'working', available: false }), 200);
    assert.equal((await read()).presenceStatus, 'Away', 'the switch alone makes the agent Away');
    expectJson(await put({ available: true }), 200);
    assert.equal((await read()).presenceStatus, 'Working');
    const v1View = expectJson<{ last_seen: string }>(await v1(t).get(`/v1/agents/${agent.id}/presence`), 200);
    assert.equal((await read()).lastSeen, v1View.last_seen.slice(0, 23), 'the same instant, without the Z');
  });

  it('pages a team with pageLimit, meta.next as a URL and an opaque pageKey', async () => {
    const t = await newDixaTenant(env);
    const team = await buildTeam(t.ctx);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await buildAgent(t.ctx)).id);
    }
    await updateTeamMembers(t.ctx, team.id, { add: ids, remove: [] });

    const seen: string[] = [];
    let url: string | undefined = `/beta/teams/${team.id}/presence?pageLimit=2`;
    let pages = 0;
    while (url !== undefined) {
      const page: PageJson = expectData<PageJson>(await t.beta.get(url), 200);
      pages++;
      seen.push(...page.data.map((p) => p.userId));
      url = page.meta.next;
      if (url !== undefined) {
        const next = new URL(url);
        assert.equal(next.protocol, 'http:');
        assert.equal(next.pathname, `/beta/teams/${team.id}/presence`);
        assert.equal(next.searchParams.get('pageLimit'), '2');
        url = `${next.pathname}${next.search}`;
      }
    }
    assert.equal(pages, 3);
    assert.deepEqual(seen, [...ids].sort());
    // Without pageLimit a page holds up to 50; a limit above 100 reads 100.
    assert.equal(
      expectData<PageJson>(await t.beta.get(`/beta/teams/${team.id}/presence`), 200).data.length,
      5,
    );
    expectData(await t.beta.get(`/beta/teams/${team.id}/presence?pageLimit=5000`), 200);
  });

  it('answers a tampered pageKey or a bad pageLimit 400, an unknown team 404', async () => {
    const t = await newDixaTenant(env);
    const team = await buildTeam(t.ctx);
    const url = `/beta/teams/${team.id}/presence`;
    for (const key of ['garbage', 'AAAA', Buffer.from('{"after":"x"}').toString('base64'), '%%%']) {
      expectDixaError(
        await t.beta.get(`${url}?pageKey=${key}`),
        400,
        'Invalid value for: query parameter pageKey',
      );
    }
    for (const limit of ['0', '-1', 'ten', '1.5']) {
      expectDixaError(
        await t.beta.get(`${url}?pageLimit=${limit}`),
        400,
        'Invalid value for: query parameter pageLimit',
      );
    }
    expectDixaError(await t.beta.get(`/beta/teams/${UNKNOWN_ID}/presence`), 404, NOT_FOUND);
    expectDixaError(
      await t.beta.get('/beta/teams/x/presence'),
      400,
      'Invalid value for: path parameter teamId',
    );
  });

  it('lists every agent of the organization as a bare array, not paged, without deleted agents', async () => {
    const t = await newDixaTenant(env);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await buildAgent(t.ctx)).id);
    }
    const gone = defined(ids.pop());
    expectEmpty(await t.beta.delete(`/beta/agents/${gone}`), 204);
    const res = await t.beta.get('/beta/agents/presence');
    const list = expectData<UserPresenceJson[]>(res, 200);
    assert.ok(Array.isArray(list), 'a bare array, as Dixa answers');
    assert.deepEqual(
      list.map((p) => p.userId),
      ids,
    );
    assert.deepEqual(
      Object.keys(list[0] ?? {}).sort(),
      ['activeChannels', 'connectionStatus', 'presenceStatus', 'requestTime', 'userId'],
      'never seen: no lastSeen',
    );
  });

  it('sets a working channel (the vendor sample): 204, the same flags as /v1 availability', async () => {
    const t = await newDixaTenant(env);
    const agent = await buildAgent(t.ctx);
    const url = `/beta/agents/${agent.id}/presence/working-channel`;
    expectEmpty(await t.beta.put(url, { channel: 'Email', working: true }), 204);
    expectEmpty(await t.beta.put(url, samples.workingChannelRequest), 204);
    const view = expectJson<{ channels: Record<string, boolean> }>(
      await v1(t).get(`/v1/agents/${agent.id}/presence`),
      200,
    );
    assert.deepEqual(view.channels, { Email: true, Speak: false });

    for (const body of [
      { channel: 'Fax', working: true },
      { channel: 'Email' },
      { channel: 'Email', working: 'yes' },
    ]) {
      expectDixaError(await t.beta.put(url, body), 400, BAD_BODY);
    }
    expectDixaError(
      await t.beta.put(`/beta/agents/${UNKNOWN_ID}/presence/working-channel`, samples.workingChannelRequest),
      404,
      NOT_FOUND,
    );
    expectDixaError(await t.beta.get(`/beta/agents/${UNKNOWN_ID}/presence`), 404, NOT_FOUND);
    expectDixaError(
      await t.beta.get('/beta/agents/nope/presence'),
      400,
      'Invalid value for: path parameter agentId',
    );
  });
});

function defined<T>(value: T | undefined): T {
  assert.ok(value !== undefined);
  return value;
}
