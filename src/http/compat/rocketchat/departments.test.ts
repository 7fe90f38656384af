import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildAgent } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import { ISO_UTC, UNKNOWN_ID } from '../../../../test/http.js';
import {
  type DepartmentAgentJson,
  type DepartmentJson,
  departmentBody,
  expectFailure,
  expectSuccess,
  newRocketChatTenant,
  rocketChatUser,
  updateAgentsFixture,
} from '../../../../test/rocketchat.js';

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

type Created = { department: DepartmentJson; agents: DepartmentAgentJson[] };
type Listed = { departments: DepartmentJson[]; count: number; offset: number; total: number };
type AgentsPage = { agents: DepartmentAgentJson[]; count: number; offset: number; total: number };

async function admin() {
  const t = await newRocketChatTenant(env);
  const user = await rocketChatUser(env, t, 'admin');
  return { t, ...user };
}

describe('Rocket.Chat: the seed 004 call', () => {
  it('updates the agents of a department with the seed request, answering exactly {success: true}', async () => {
    const { t, api } = await admin();
    const kim = await buildAgent(t.ctx, { username: 'kim' });
    const created = expectSuccess<Created>(await api.post('department', departmentBody('Support')));
    const fx = updateAgentsFixture();
    const body = structuredClone(fx.request);
    // The seed's agent id is a Rocket.Chat (Mongo) id; Roster's agent ids are UUIDs.
    body.upsert[0] = { ...body.upsert[0], agentId: kim.id } as (typeof body.upsert)[0];
    const res = await api.post(`department/${created.department._id}/agents`, body);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(res.json(), fx.responses['200']);

    const page = expectSuccess<AgentsPage>(await api.get(`department/${created.department._id}/agents`));
    assert.match(String(page.agents[0]?._updatedAt), /^\d{4}-\d{2}-\d{2}T/);
    assert.deepEqual(
      page.agents.map(({ _updatedAt, ...rest }) => rest),
      [
        {
          _id: `${created.department._id}:${kim.id}`,
          departmentId: created.department._id,
          departmentEnabled: true,
          agentId: kim.id,
          username: 'kim',
          count: 0,
          order: 0,
        },
      ],
    );
    assert.deepEqual([page.count, page.offset, page.total], [1, 0, 1]);
  });

  it('answers the seed 401 without credentials and the seed 403 without the permission', async () => {
    const { t, api } = await admin();
    const fx = updateAgentsFixture();
    const created = expectSuccess<Created>(await api.post('department', departmentBody('Sales')));
    const url = `/api/v1/livechat/department/${created.department._id}/agents`;
    const none = await env.app.inject({ method: 'POST', url, payload: fx.request });
    expectFailure(none, 401, fx.responses['401']);
    const agent = await rocketChatUser(env, t, 'agent');
    expectFailure(await agent.api.post(url, fx.request), 403, fx.responses['403']);
  });
});

describe('Rocket.Chat: departments', () => {
  it('creates a department with agents and reads it back, with agents on request', async () => {
    const { t, api } = await admin();
    const lee = await buildAgent(t.ctx, { username: 'lee' });
    const ann = await buildAgent(t.ctx, { username: 'ann' });
    const created = expectSuccess<Created>(
      await api.post('department', {
        ...departmentBody('Billing', { description: 'Invoices', maxNumberSimultaneousChat: 4 }),
        agents: [
          { agentId: lee.id, username: 'lee', order: 2 },
          { agentId: ann.id, username: 'ann', count: 7 },
        ],
      }),
    );
    const d = created.department;
    assert.deepEqual(Object.keys(d).sort(), [
      '_id',
      '_updatedAt',
      'archived',
      'chatClosingTags',
      'departmentsAllowedToForward',
      'description',
      'email',
      'enabled',
      'fallbackForwardDepartment',
      'maxNumberSimultaneousChat',
      'name',
      'numAgents',
      'offlineMessageChannelName',
      'requestTagBeforeClosingChat',
      'showOnOfflineForm',
      'showOnRegistration',
    ]);
    assert.deepEqual(
      { ...d, _id: undefined, _updatedAt: undefined },
      {
        _id: undefined,
        _updatedAt: undefined,
        name: 'Billing',
        enabled: true,
        description: 'Invoices',
        showOnRegistration: true,
        showOnOfflineForm: true,
        email: 'billing@example.com',
        numAgents: 2,
        archived: false,
        maxNumberSimultaneousChat: 4,
        // The rest of ILivechatDepartment, at Rocket.Chat's defaults.
        offlineMessageChannelName: '',
        requestTagBeforeClosingChat: false,
        chatClosingTags: [],
        departmentsAllowedToForward: [],
        fallbackForwardDepartment: '',
      },
    );
    assert.match(d._updatedAt, ISO_UTC);
    assert.deepEqual(
      created.agents.map((a) => [a.username, a.order, a.count]),
      [
        ['ann', 0, 0],
        ['lee', 2, 0],
      ],
    );

    const plain = expectSuccess<{ department: DepartmentJson; agents?: unknown }>(
      await api.get(`department/${d._id}`),
    );
    assert.deepEqual(plain.department, d);
    assert.equal(plain.agents, undefined);
    const withAgents = expectSuccess<Created>(await api.get(`department/${d._id}?includeAgents=true`));
    assert.deepEqual(withAgents.agents, created.agents);
  });

  it('answers 200 with department null for an unknown or malformed id', async () => {
    const { api } = await admin();
    for (const id of [UNKNOWN_ID, 'rcDepartmentId123']) {
      const res = expectSuccess<{ department: null }>(await api.get(`department/${id}`));
      assert.deepEqual(res, { department: null, success: true });
    }
    const withAgents = expectSuccess(await api.get(`department/${UNKNOWN_ID}?includeAgents=true`));
    assert.deepEqual(withAgents, { department: null, agents: [], success: true });
  });

  it('refuses a department missing a required field, or an unknown agent, creating nothing', async () => {
    const { t, api } = await admin();
    for (const field of ['enabled', 'showOnRegistration', 'name', 'email', 'showOnOfflineForm']) {
      const body = departmentBody('Missing');
      delete (body.department as Record<string, unknown>)[field];
      const error = expectFailure(await api.post('department', body), 400);
      assert.ok(error.error.includes(field), error.error);
    }
    expectFailure(await api.post('department', { agents: [] }), 400);
    const known = await buildAgent(t.ctx);
    expectFailure(
      await api.post('department', {
        ...departmentBody('Ghosts'),
        agents: [{ agentId: known.id }, { agentId: UNKNOWN_ID }],
      }),
      400,
    );
    const list = expectSuccess<Listed>(await api.get('department'));
    assert.equal(list.total, 0, 'nothing was created');
    expectSuccess(await api.post('department', departmentBody('Taken')));
    expectFailure(await api.post('department', departmentBody('TAKEN')), 400);
  });

  it('lists by name with offset, count, total, text, enabled and a JSON sort', async () => {
    const { api } = await admin();
    for (const [name, enabled] of [
      ['delta', true],
      ['Alpha', true],
      ['charlie', false],
      ['Bravo', true],
    ] as const) {
      expectSuccess(await api.post('department', departmentBody(name, { enabled })));
    }
    const all = expectSuccess<Listed>(await api.get('department'));
    assert.deepEqual(
      all.departments.map((d) => d.name),
      ['Alpha', 'Bravo', 'charlie', 'delta'],
    );
    assert.deepEqual([all.count, all.offset, all.total], [4, 0, 4]);
    const page = expectSuccess<Listed>(await api.get('department?offset=1&count=2'));
    assert.deepEqual(
      page.departments.map((d) => d.name),
      ['Bravo', 'charlie'],
    );
    assert.deepEqual([page.count, page.offset, page.total], [2, 1, 4]);
    const enabled = expectSuccess<Listed>(await api.get('department?enabled=true'));
    assert.deepEqual(
      enabled.departments.map((d) => d.name),
      ['Alpha', 'Bravo', 'delta'],
    );
    const text = expectSuccess<Listed>(await api.get('department?text=LP'));
    assert.deepEqual(
      text.departments.map((d) => d.name),
      ['Alpha'],
    );
    const sorted = expectSuccess<Listed>(
      await api.get(`department?sort=${encodeURIComponent('{"name":-1}')}`),
    );
    assert.deepEqual(
      sorted.departments.map((d) => d.name),
      ['delta', 'charlie', 'Bravo', 'Alpha'],
    );
    expectFailure(await api.get('department?sort=name'), 400);
    expectFailure(await api.get(`department?sort=${encodeURIComponent('{"secret":1}')}`), 400);
    expectFailure(await api.get(`department?sort=${encodeURIComponent('{"name":2}')}`), 400);
  });

  it('updates a department and adds or reorders agents without removing others', async () => {
    const { t, api } = await admin();
    const [kim, lee] = [
      await buildAgent(t.ctx, { username: 'kim' }),
      await buildAgent(t.ctx, { username: 'lee' }),
    ];
    const created = expectSuccess<Created>(
      await api.post('department', { ...departmentBody('Tech'), agents: [{ agentId: kim.id }] }),
    );
    const id = created.department._id;
    const updated = expectSuccess<Created>(
      await api.put(`department/${id}`, {
        ...departmentBody('Tech Support', {
          enabled: false,
          email: '',
          showOnOfflineForm: false,
          maxNumberSimultaneousChat: '0',
        }),
        agents: [
          { agentId: lee.id, username: 'lee', order: 1 },
          { agentId: kim.id, username: 'kim', order: 3 },
        ],
      }),
    );
    assert.deepEqual(
      [updated.department.name, updated.department.enabled, updated.department.email],
      ['Tech Support', false, ''],
    );
    assert.equal(updated.department.showOnOfflineForm, false);
    assert.equal(updated.department.maxNumberSimultaneousChat, 0);
    assert.equal(updated.department.numAgents, 2);
    assert.deepEqual(
      updated.agents.map((a) => [a.username, a.order, a.departmentEnabled]),
      [
        ['kim', 3, false],
        ['lee', 1, false],
      ],
    );
    expectFailure(await api.put(`department/${UNKNOWN_ID}`, departmentBody('Nope')), 400, {
      success: false,
      error: 'Department not found [error-department-not-found]',
      errorType: 'error-department-not-found',
    });
  });

  it('updates agents: upsert with order and remove in one transaction; unknown ids change nothing', async () => {
    const { t, api } = await admin();
    const agents = [];
    for (const name of ['dan', 'bea', 'cal', 'abe']) {
      agents.push(await buildAgent(t.ctx, { username: name }));
    }
    const [dan, bea, cal, abe] = agents as [
      (typeof agents)[0],
      (typeof agents)[0],
      (typeof agents)[0],
      (typeof agents)[0],
    ];
    const id = expectSuccess<Created>(await api.post('department', departmentBody('Queue'))).department._id;
    const upsert = (a: { id: string; username: string | null }, order?: number) => ({
      agentId: a.id,
      username: a.username,
      ...(order === undefined ? {} : { order }),
    });
    expectSuccess(
      await api.post(`department/${id}/agents`, {
        upsert: [upsert(dan, 4), upsert(bea, 1), upsert(cal)],
        remove: [],
      }),
    );
    expectSuccess(
      await api.post(`department/${id}/agents`, {
        upsert: [upsert(abe, 2), upsert(dan, 0)],
        remove: [{ agentId: cal.id }],
      }),
    );
    const byName = expectSuccess<AgentsPage>(await api.get(`department/${id}/agents`));
    assert.deepEqual(
      byName.agents.map((a) => [a.username, a.order]),
      [
        ['abe', 2],
        ['bea', 1],
        ['dan', 0],
      ],
    );
    const byOrder = expectSuccess<AgentsPage>(
      await api.get(`department/${id}/agents?sort=${encodeURIComponent('{"order":-1}')}&count=2&offset=0`),
    );
    assert.deepEqual(
      byOrder.agents.map((a) => a.username),
      ['abe', 'bea'],
    );
    assert.deepEqual([byOrder.count, byOrder.total], [2, 3]);

    expectFailure(
      await api.post(`department/${id}/agents`, {
        upsert: [upsert(cal, 9)],
        remove: [{ agentId: abe.id }, { agentId: UNKNOWN_ID }],
      }),
      400,
    );
    const unchanged = expectSuccess<AgentsPage>(await api.get(`department/${id}/agents`));
    assert.deepEqual(unchanged.agents, byName.agents, 'nothing changed');
    expectFailure(await api.post(`department/${id}/agents`, { upsert: [] }), 400);
    expectFailure(await api.post(`department/${id}/agents`, { remove: [] }), 400);
    expectFailure(
      await api.post(`department/${id}/agents`, { upsert: [{ agentId: cal.id }], remove: [] }),
      400,
      undefined,
    );
    const unknownDept = expectSuccess<AgentsPage>(await api.get(`department/${UNKNOWN_ID}/agents`));
    assert.deepEqual(unknownDept.agents, []);
  });

  it('archives, lists archived departments, unarchives, and deletes with the agent links', async () => {
    const { t, api } = await admin();
    const kim = await buildAgent(t.ctx, { username: 'kim' });
    const old = expectSuccess<Created>(
      await api.post('department', { ...departmentBody('Old'), agents: [{ agentId: kim.id }] }),
    ).department;
    const kept = expectSuccess<Created>(await api.post('department', departmentBody('Kept'))).department;
    assert.deepEqual(expectSuccess(await api.post(`department/${old._id}/archive`)), { success: true });
    const names = async (url: string) =>
      expectSuccess<Listed>(await api.get(url)).departments.map((d) => d.name);
    assert.deepEqual(await names('department'), ['Kept']);
    assert.deepEqual(await names('department?showArchived=true'), ['Kept', 'Old']);
    assert.deepEqual(await names('departments/archived'), ['Old']);
    const archived = expectSuccess<{ department: DepartmentJson }>(await api.get(`department/${old._id}`));
    assert.equal(archived.department.archived, true);
    const agents = expectSuccess<AgentsPage>(await api.get(`department/${old._id}/agents`)).agents;
    assert.equal(agents[0]?.departmentEnabled, false);
    expectSuccess(await api.post(`department/${old._id}/unarchive`));
    assert.deepEqual(await names('departments/archived'), []);

    assert.deepEqual(expectSuccess(await api.delete(`department/${old._id}`)), { success: true });
    const gone = expectSuccess<{ department: null }>(await api.get(`department/${old._id}`));
    assert.equal(gone.department, null);
    expectFailure(await api.delete(`department/${old._id}`), 400);
    expectFailure(await api.post(`department/${UNKNOWN_ID}/archive`), 400);
    assert.deepEqual(await names('department'), [kept.name]);
  });
});
