import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { toWebexId } from '../../src/http/compat/webex/ids.js';
import { createPgDatabase, TEST_DB_KIND } from '../harness.js';
import { departmentBody } from '../rocketchat.js';
import { call, killServers, type Server, startServer } from '../server.js';
import { nextLinkOf, rawRequest } from './raw.js';
import {
  assertShape,
  DEPARTMENT_AGENT_FIELDS,
  DEPARTMENT_FIELDS,
  dixa,
  rocketChatClient,
  type Teammate,
  tiledeskClient,
  viaCallback,
  wxc,
} from './vendors.js';

/**
 * Issue 19: the vendor clients run their usual calls against Roster as `npm start` runs it,
 * `node dist/roster.mjs` in a process of its own, set up through HTTP only (master key, org keys,
 * agent-bound keys), as an operator following docs/getting-started.md would. The detailed checks
 * stay in the in-process files beside this one (tiledesk-client, rocketchat-client,
 * webex-dixa-clients); this one makes sure the same calls work against the real process: its
 * bundle, its configuration from the environment (ROSTER_TRUST_PROXY included) and its database.
 */

const MASTER = `roster_mk_clients_${'c'.repeat(32)}`;
const dataDir = mkdtempSync(join(tmpdir(), 'roster-clients-npm-start-'));
let server: Server;
let stopped = false;
let dropDatabase = async () => {};

/** A 2xx answer's body; anything else fails with the status and the body. */
async function ok<T>(answer: Promise<{ status: number; body: unknown }>, what: string): Promise<T> {
  const res = await answer;
  assert.ok(res.status >= 200 && res.status < 300, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

interface AgentJson {
  id: string;
  user_id: string;
  email: string;
}

/**
 * A new org through the master key and an org-level key for it (every scope), with helpers that
 * create agents and agent-bound keys through the native API, as the dialect pages of docs/ do.
 */
async function tenant(name: string) {
  const base = server.base;
  const org = await ok<{ id: string }>(call(base, MASTER, 'POST', '/v1/orgs', { name }), 'POST /v1/orgs');
  const { key } = await ok<{ key: string }>(
    call(base, MASTER, 'POST', `/v1/api-keys?org_id=${org.id}`, { name: 'setup', scopes: ['*'] }),
    'POST /v1/api-keys?org_id=',
  );
  const v1 = <T>(method: string, path: string, body?: unknown) =>
    ok<T>(call(base, key, method, path, body), `${method} ${path}`);
  return {
    orgId: org.id,
    key,
    v1,
    agent: (fields: { email: string; full_name: string; role?: string; username?: string }) =>
      v1<AgentJson>('POST', '/v1/agents', fields),
    /** A key bound to the agent: it acts as that agent, within its role. */
    boundKey: async (agentId: string) =>
      (await v1<{ key: string }>('POST', '/v1/api-keys', { name: 'bound', scopes: ['*'], agent_id: agentId }))
        .key,
  };
}

before(
  async () => {
    let env: Record<string, string> = {
      ROSTER_DATA_DIR: dataDir,
      ROSTER_MASTER_KEY: MASTER,
      ROSTER_TRUST_PROXY: '127.0.0.1',
      ROSTER_SHUTDOWN_DRAIN_MS: '100',
    };
    if (TEST_DB_KIND === 'postgres') {
      const pgDb = await createPgDatabase();
      env = { ...env, DATABASE_URL: pgDb.appUrl, ROSTER_MIGRATION_DATABASE_URL: pgDb.url };
      dropDatabase = pgDb.drop;
    }
    server = await startServer(env);
  },
  { timeout: 240_000 },
);

after(async () => {
  if (!stopped) {
    await server?.stop();
  }
  killServers();
  rmSync(dataDir, { recursive: true, force: true });
  await dropDatabase();
});

describe('@tiledesk/tiledesk-client against npm start', () => {
  let t: Awaited<ReturnType<typeof tenant>>;
  let owner: AgentJson;
  let ada: AgentJson;
  let teamId: string;
  let token: string;

  before(async () => {
    t = await tenant('Tiledesk clients');
    owner = await t.agent({ email: 'olga@example.com', full_name: 'Olga Owner', role: 'owner' });
    ada = await t.agent({ email: 'ada@example.com', full_name: 'Ada Agent' });
    teamId = (await t.v1<{ id: string }>('POST', '/v1/teams', { name: 'Support' })).id;
    await t.v1('POST', `/v1/teams/${teamId}/members`, { agent_id: ada.id });
    const invited = await rawRequest(
      'POST',
      `${server.base}/v3/${t.orgId}/project_users/invite`,
      { authorization: `JWT ${t.key}`, 'content-type': 'application/json' },
      JSON.stringify({ email: 'pending@example.com', role: 'agent' }),
    );
    assert.equal(invited.status, 200, invited.body);
    token = await t.boundKey(owner.id);
  });

  for (const mount of ['/v3', '/compat/tiledesk/v3']) {
    it(`runs a bot's calls at ${mount}`, async () => {
      const client = tiledeskClient(`${server.base}${mount}`, t.orgId, token);
      const team = await viaCallback<Teammate[]>((cb) => client.getTeam(cb));
      assert.deepEqual(team.map((m) => m.id).sort(), [owner.id, ada.id].sort(), 'the invitation left out');
      const found = await viaCallback<Teammate[]>((cb) => client.getProjectUser(ada.user_id, cb));
      assert.deepEqual(
        found.map((m) => m.id),
        [ada.id],
      );
      const me = await viaCallback<Teammate>((cb) =>
        client.updateProjectUserCurrentlyLoggedIn({ max_assigned_chat: 4, user_available: false }, cb),
      );
      assert.equal(me.id, owner.id);
      assert.equal(me.max_served_chat, 4);
      assert.equal(me.user_available, false);
      const on = await viaCallback<Teammate>((cb) => client.updateProjectUserAvailable(ada.id, true, cb));
      assert.equal(on.user_available, true);
      const tagged = await viaCallback<Teammate>((cb) =>
        client.updateProjectUserAttributes(ada.id, { desk: mount }, cb),
      );
      assert.deepEqual(tagged.attributes, { desk: mount });
      assert.deepEqual(await client.getProjectAvailableAgents(), [
        { id: ada.user_id, firstname: 'Ada', lastname: 'Agent' },
      ]);
      const group = await viaCallback<{ _id: string; name: string; members: string[] }>((cb) =>
        client.getGroup(teamId, cb),
      );
      assert.deepEqual([group._id, group.name, group.members], [teamId, 'Support', [ada.user_id]]);
    });
  }

  it('takes the dashboard’s bodiless DELETE ...?soft=true sent with a JSON content type', async () => {
    const leaving = await t.agent({ email: 'leaving@example.com', full_name: 'Leo Leaving' });
    const res = await rawRequest(
      'DELETE',
      `${server.base}/v3/${t.orgId}/project_users/${leaving.id}?soft=true`,
      {
        authorization: `JWT ${token}`,
        'content-type': 'application/json;charset=utf-8',
      },
    );
    assert.equal(res.status, 200, res.body);
  });
});

describe('@rocket.chat/api-client against npm start', () => {
  let admin: { id: string; key: string };
  let rita: AgentJson;

  before(async () => {
    const t = await tenant('Rocket.Chat clients');
    const a = await t.agent({
      email: 'rc.admin@example.com',
      full_name: 'Rae Admin',
      username: 'rc.admin',
      role: 'admin',
    });
    admin = { id: a.id, key: await t.boundKey(a.id) };
    rita = await t.agent({ email: 'rita@example.com', full_name: 'Rita Agent', username: 'rc.agent' });
  });

  for (const prefix of ['', '/compat/rocketchat']) {
    it(`runs the admin UI's livechat calls at ${prefix || '/'}`, async () => {
      const api = rocketChatClient(`${server.base}${prefix}`, admin.id, admin.key);
      assert.deepEqual(await api.get('/v1/livechat/department/isDepartmentCreationAvailable'), {
        isDepartmentCreationAvailable: true,
        success: true,
      });
      const name = `Support ${prefix.length}`;
      const created = await api.post('/v1/livechat/department', departmentBody(name));
      assertShape(created.department, DEPARTMENT_FIELDS, 'department');
      const id = String((created.department as { _id: string })._id);
      const list = await api.get('/v1/livechat/department', { offset: 0, count: 25, text: name });
      assert.deepEqual(
        (list.departments as { _id: string }[]).map((d) => d._id),
        [id],
      );
      const picked = await api.get('/v1/livechat/department.autocomplete', {
        selector: JSON.stringify({ term: name, exceptions: [] }),
        onlyMyDepartments: 'false',
      });
      assert.deepEqual(
        (picked.items as { _id: string }[]).map((d) => d._id),
        [id],
      );
      const byIds = await api.get('/v1/livechat/department.listByIds', { ids: [id] });
      assert.equal((byIds.departments as unknown[]).length, 1);
      // The admin UI posts these with no params: a JSON content type and no body.
      assert.deepEqual(await api.post(`/v1/livechat/department/${id}/archive`), { success: true });
      assert.deepEqual(await api.post(`/v1/livechat/department/${id}/unarchive`), { success: true });

      await api.post(`/v1/livechat/department/${id}/agents`, {
        upsert: [{ agentId: rita.id, username: 'rc.agent', count: 0, order: 2 }],
        remove: [],
      });
      const agents = await api.get(`/v1/livechat/department/${id}/agents`, { offset: 0, count: 25 });
      assert.deepEqual(
        (agents.agents as { agentId: string }[]).map((a) => a.agentId),
        [rita.id],
      );
      assertShape((agents.agents as unknown[])[0], DEPARTMENT_AGENT_FIELDS, 'department agent');
      const mine = await api.get(`/v1/livechat/agents/${rita.id}/departments`, {
        enabledDepartmentsOnly: 'true',
      });
      const records = mine.departments as { departmentId: string; order: number; departmentName: string }[];
      assert.ok(records.some((r) => r.departmentId === id && r.order === 2 && r.departmentName === name));

      const listed = await api.get('/v1/livechat/users/agent', { text: 'Rita', offset: 0, count: 25 });
      assert.deepEqual(
        (listed.users as { _id: string }[]).map((u) => u._id),
        [rita.id],
      );
      const one = await api.get(`/v1/livechat/users/agent/${rita.id}`);
      assert.equal((one.user as { username: string }).username, 'rc.agent');
      assert.deepEqual(await api.delete(`/v1/livechat/users/agent/${rita.id}`), { success: true });
      assert.deepEqual(await api.get(`/v1/livechat/users/agent/${rita.id}`), { user: null, success: true });
      const granted = await api.post('/v1/livechat/users/agent', { username: 'rc.agent' });
      assert.equal((granted.user as { _id: string })._id, rita.id);
    });
  }
});

describe('Webex requests as wxc_sdk sends them, against npm start', () => {
  let t: Awaited<ReturnType<typeof tenant>>;
  let people: AgentJson[];
  let supervisor: AgentJson;

  before(async () => {
    t = await tenant('Webex clients');
    people = [];
    for (let i = 0; i < 5; i++) {
      people.push(await t.agent({ email: `wx${i}@example.com`, full_name: `Wx Person${i}` }));
    }
    supervisor = await t.agent({ email: 'wx.super@example.com', full_name: 'Wx Super' });
  });

  it('finds people by email and by id, and pages through absolute Link headers', async () => {
    const api = wxc(`${server.base}/compat/webex`, t.key);
    const target = people[2] as AgentJson;
    const res = await api.send('GET', `/v1/people?email=${encodeURIComponent(target.email)}`);
    assert.equal(res.status, 200, res.body);
    const { items } = res.json<{ items: { id: string; type: string }[] }>();
    assert.deepEqual(
      items.map((p) => [p.id, p.type]),
      [[toWebexId('PEOPLE', target.id), 'person']],
    );
    const one = await api.send('GET', `/v1/people/${toWebexId('PEOPLE', target.id)}`);
    assert.equal(one.status, 200, one.body);
    assert.deepEqual(one.json<{ emails: string[] }>().emails, [target.email]);

    for (const prefix of ['', '/compat/webex']) {
      const seen: string[] = [];
      const pager = wxc(server.base, t.key);
      for await (const page of pager.pages(
        `${prefix}/v1/telephony/config/supervisors/availableAgents?max=2`,
      )) {
        const link = nextLinkOf(page);
        assert.ok(
          link === null || link.startsWith(`${server.base}${prefix}/v1/telephony/config/`),
          String(link),
        );
        seen.push(...page.json<{ agents: { id: string }[] }>().agents.map((a) => a.id));
      }
      assert.equal(new Set(seen).size, 6, `${prefix}: every agent once`);
    }
  });

  it('builds the Link from X-Forwarded-* as ROSTER_TRUST_PROXY trusts the proxy', async () => {
    const res = await rawRequest('GET', `${server.base}/v1/people?max=1`, {
      authorization: `Bearer ${t.key}`,
      'x-forwarded-proto': 'https',
      'x-forwarded-host': 'roster.example',
    });
    assert.equal(res.status, 200, res.body);
    assert.match(String(nextLinkOf(res)), /^https:\/\/roster\.example\/v1\/people\?/);
  });

  it('creates a supervisor, lists it, and DELETEs it with a JSON content type and no body', async () => {
    const api = wxc(`${server.base}/compat/webex`, t.key);
    const superId = toWebexId('PEOPLE', supervisor.id);
    const created = await api.send('POST', '/v1/telephony/config/supervisors', {
      id: superId,
      agents: [{ id: toWebexId('PEOPLE', (people[0] as AgentJson).id) }],
    });
    assert.equal(created.status, 201, created.body);
    const list = await api.send('GET', '/v1/telephony/config/supervisors/');
    assert.equal(list.status, 200, list.body);
    assert.deepEqual(
      list.json<{ supervisors: { id: string }[] }>().supervisors.map((s) => s.id),
      [superId],
    );
    const gone = await api.send('DELETE', `/v1/telephony/config/supervisors/${superId}`);
    assert.equal(gone.status, 204, gone.body);
    assert.equal(gone.body, '');
  });
});

describe('Dixa requests as its tooling sends them, against npm start', () => {
  it('creates agents and a team, adds members, and pages through meta.next', async () => {
    const t = await tenant('Dixa clients');
    const base = `${server.base}/compat/dixa`;
    const dx = dixa(base, t.key);
    for (const path of ['/v1/agents', '/beta/agents', '/v1/agents/', '/v1/teams']) {
      assert.equal((await dx('GET', path)).status, 200);
    }
    const ids: string[] = [];
    for (const name of ['Dana', 'Dino', 'Dora']) {
      const made = await dx('POST', '/v1/agents', {
        displayName: `${name} Dixa`,
        email: `${name}@example.com`,
      });
      ids.push((made.json as { data: { id: string } }).data.id);
    }
    const team = (await dx('POST', '/v1/teams', { name: 'Tier 1' })).json as { data: { id: string } };
    const added = await dx('PATCH', `/v1/teams/${team.data.id}/agents`, { agentIds: ids });
    assert.equal(added.status, 200);
    assert.deepEqual(
      (added.json as { data: { id: string }[] }).data.map((m) => m.id).sort(),
      [...ids].sort(),
    );
    const paged: string[] = [];
    let next: string | undefined = '/v1/agents?pageLimit=2';
    while (next !== undefined) {
      const page = (await dx('GET', next)).json as { data: { id: string }[]; meta?: { next?: string } };
      paged.push(...page.data.map((a) => a.id));
      next = page.meta?.next;
      assert.ok(next === undefined || next.startsWith(`${base}/v1/agents?`), next);
    }
    assert.deepEqual([...paged].sort(), [...ids].sort());
  });
});

describe('after the clients', () => {
  it('the server logged no error and stops on SIGTERM with exit code 0', async () => {
    const errors = server
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('{') && (JSON.parse(line) as { level: number }).level >= 50);
    assert.deepEqual(errors, []);
    stopped = true;
    assert.equal(await server.stop(), 0);
  });
});
