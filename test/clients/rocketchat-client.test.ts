import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
// Rocket.Chat's published typings; its REST client from npm is set up in ./vendors.ts.
import type {
  ILivechatAgent,
  ILivechatAgentStatus,
  ILivechatDepartment,
  ILivechatDepartmentAgents,
  Serialized,
  UserStatus,
} from '@rocket.chat/core-typings';
import type { PresenceView } from '../../src/core/presence/presence.js';
import type { MemberDetailRow } from '../../src/core/teams/team-details.js';
import type { AgentRow, TeamRow } from '../../src/db/schema.js';
import {
  presentDepartment,
  presentDepartmentAgent,
  presentLivechatAgent,
} from '../../src/http/compat/rocketchat/presenters.js';
import { buildAgent, buildKey, buildOrg } from '../factories.js';
import { listenTestApp, type TestApp } from '../harness.js';
import { departmentBody } from '../rocketchat.js';
import { rawRequest } from './raw.js';
import {
  assertShape,
  DEPARTMENT_AGENT_FIELDS,
  DEPARTMENT_FIELDS,
  type LooseRestClient,
  rocketChatClient,
} from './vendors.js';

/**
 * Compile-time conformance: what Roster's presenters return is assignable to the JSON form of
 * Rocket.Chat's own types (core-typings), so a field the typings require cannot go missing
 * without `npm run typecheck` failing. The runtime checks below hold the answers to the same.
 */
export function conformsToRocketChatTypings(t: TeamRow, m: MemberDetailRow, a: AgentRow, v: PresenceView) {
  const department: Serialized<ILivechatDepartment> = presentDepartment(t);
  const departmentAgent: Serialized<ILivechatDepartmentAgents> = presentDepartmentAgent(t, m);
  // Rocket.Chat's statuses are TypeScript enums; their JSON form is the enum's string values.
  const agent: Serialized<Pick<ILivechatAgent, '_id' | 'username' | 'name' | 'emails' | 'livechat'>> & {
    status: `${UserStatus}`;
    statusLivechat: `${ILivechatAgentStatus}`;
  } = presentLivechatAgent(a, v, []);
  return { department, departmentAgent, agent };
}

let env: TestApp & { base: string };
let admin: { id: string; key: string };
let agent: { id: string; username: string };

before(async () => {
  env = await listenTestApp();
  const ctx = await buildOrg(env);
  const owner = await buildAgent(ctx, { role: 'admin', username: 'rc.admin' });
  admin = { id: owner.id, key: (await buildKey(ctx, { scopes: ['*'], agentId: owner.id })).secret };
  const a = await buildAgent(ctx, { username: 'rc.agent', fullName: 'Rita Agent' });
  agent = { id: a.id, username: 'rc.agent' };
});

after(async () => {
  await env.close();
});

for (const server of ['', '/compat/rocketchat']) {
  describe(`@rocket.chat/api-client against Roster${server === '' ? '' : ` at ${server}`}`, () => {
    const client = (): LooseRestClient => rocketChatClient(`${env.base}${server}`, admin.id, admin.key);
    let departmentId = '';

    it('walks the admin UI: new department page, create, list, pick, archive and unarchive', async () => {
      const api = client();
      assert.deepEqual(await api.get('/v1/livechat/department/isDepartmentCreationAvailable'), {
        isDepartmentCreationAvailable: true,
        success: true,
      });
      const name = `Support ${server.length}`;
      const created = await api.post('/v1/livechat/department', departmentBody(name));
      const department = created.department as Record<string, unknown>;
      assertShape(department, DEPARTMENT_FIELDS, 'department');
      departmentId = String(department._id);

      const list = await api.get('/v1/livechat/department', { offset: 0, count: 25, text: 'Support' });
      for (const d of list.departments as unknown[]) {
        assertShape(d, DEPARTMENT_FIELDS, 'department');
      }
      const picked = await api.get('/v1/livechat/department.autocomplete', {
        selector: JSON.stringify({ term: name, exceptions: [] }),
        onlyMyDepartments: 'false',
      });
      assert.deepEqual(
        (picked.items as { _id: string }[]).map((d) => d._id),
        [departmentId],
      );
      const byIds = await api.get('/v1/livechat/department.listByIds', { ids: [departmentId] });
      assert.deepEqual(
        (byIds.departments as { _id: string }[]).map((d) => d._id),
        [departmentId],
      );
      // The admin UI posts these with no params: a JSON content type and no body.
      assert.deepEqual(await api.post(`/v1/livechat/department/${departmentId}/archive`), { success: true });
      assert.deepEqual(await api.post(`/v1/livechat/department/${departmentId}/unarchive`), {
        success: true,
      });
    });

    it('manages department agents and reads an agent’s departments', async () => {
      const api = client();
      await api.post(`/v1/livechat/department/${departmentId}/agents`, {
        upsert: [{ agentId: agent.id, username: agent.username, count: 0, order: 2 }],
        remove: [],
      });
      const agents = await api.get(`/v1/livechat/department/${departmentId}/agents`, {
        offset: 0,
        count: 25,
      });
      for (const a of agents.agents as unknown[]) {
        assertShape(a, DEPARTMENT_AGENT_FIELDS, 'department agent');
      }
      const mine = await api.get(`/v1/livechat/agents/${agent.id}/departments`, {
        enabledDepartmentsOnly: 'true',
      });
      const records = mine.departments as Record<string, unknown>[];
      assert.ok(records.some((r) => r.departmentId === departmentId && r.order === 2));
      for (const r of records) {
        assertShape(r, { ...DEPARTMENT_AGENT_FIELDS, departmentName: 'string' }, 'agent department');
      }
    });

    it('grants and revokes the livechat-agent role (users/agent)', async () => {
      const api = client();
      const listed = await api.get('/v1/livechat/users/agent', { text: 'Rita', offset: 0, count: 25 });
      assert.deepEqual(
        (listed.users as { _id: string }[]).map((u) => u._id),
        [agent.id],
      );
      const one = await api.get(`/v1/livechat/users/agent/${agent.id}`);
      assert.equal((one.user as { username: string }).username, agent.username);
      assert.deepEqual(await api.delete(`/v1/livechat/users/agent/${agent.id}`), { success: true });
      assert.deepEqual(await api.get(`/v1/livechat/users/agent/${agent.id}`), { user: null, success: true });
      const granted = await api.post('/v1/livechat/users/agent', { username: agent.username });
      assert.equal((granted.user as { _id: string })._id, agent.id);
      assert.equal(granted.success, true);
    });
  });
}

describe('Rocket.Chat requests with a trailing slash or an empty JSON body', () => {
  const headers = () => ({ 'x-user-id': admin.id, 'x-auth-token': admin.key });

  it('GET /api/v1/livechat/department/ is the list', async () => {
    const res = await rawRequest('GET', `${env.base}/api/v1/livechat/department/`, headers());
    assert.equal(res.status, 200, res.body);
    assert.equal(res.json<{ success: boolean }>().success, true);
  });

  it('POST .../archive with Content-Length: 0 and a JSON content type', async () => {
    const made = await rawRequest(
      'POST',
      `${env.base}/api/v1/livechat/department`,
      { ...headers(), 'content-type': 'application/json' },
      JSON.stringify(departmentBody('Raw archive')),
    );
    const id = made.json<{ department: { _id: string } }>().department._id;
    const res = await rawRequest('POST', `${env.base}/api/v1/livechat/department/${id}/archive`, {
      ...headers(),
      'content-type': 'application/json; charset=utf-8',
      'content-length': '0',
    });
    assert.equal(res.status, 200, res.body);
  });
});
