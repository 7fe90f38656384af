import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { buildAgent } from '../../../../test/factories.js';
import { createTestApp, type TestApp } from '../../../../test/harness.js';
import {
  expectNoContent,
  expectStatus,
  newTenant,
  sorted,
  type Tenant,
  UNKNOWN_ID,
} from '../../../../test/http.js';
import { agentWithId, expectWebexError, personId, SUPERVISORS } from '../../../../test/webex.js';
import { updateSupervisorAgents } from '../../../core/supervisors/supervisors.js';

const fixture = JSON.parse(
  readFileSync(
    new URL('../../../../test/fixtures/webex/assign-unassign-agents.json', import.meta.url),
    'utf8',
  ),
);

const OTHER_UNKNOWN = '00000000-0000-7000-8000-000000000002';

interface Person {
  id: string;
  firstName: string;
  lastName: string;
  phoneNumber?: string;
  extension?: string;
}
interface Detail {
  id: string;
  agents: Person[];
}
interface StatusBody {
  supervisorAgentStatus: { id: string; status: string; message: string }[];
}

let env: TestApp;
before(async () => {
  env = await createTestApp();
});
after(async () => {
  await env.close();
});

async function people(t: Tenant, count: number, overrides = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push((await buildAgent(t.ctx, overrides)).id);
  }
  return ids;
}

const detail = async (t: Tenant, supervisor: string) => {
  const res = await t.api.get(`${SUPERVISORS}/${personId(supervisor)}`);
  expectStatus(res, 200);
  return res.json() as Detail;
};

describe('Webex supervisors: the seed example', () => {
  it('answers the seed request with exactly the seed 206 DUPLICATE body, and assigns the other agent', async () => {
    const t = await newTenant(env);
    const duplicate = await agentWithId(t.ctx, '9508978d-9bad-4faa-a9c4-09d85d8fdce6');
    const fresh = await agentWithId(t.ctx, 'bc2214e6-3c7e-4dd0-977c-374e9a6d981c');
    const supervisor = (await buildAgent(t.ctx)).id;
    await updateSupervisorAgents(t.ctx, supervisor, { add: [duplicate], remove: [] });

    const res = await t.api.put(
      `${SUPERVISORS}/${personId(supervisor)}?hasCxEssentials=true`,
      fixture.request,
    );
    expectStatus(res, 206);
    assert.deepEqual(res.json(), fixture.response206);
    assert.deepEqual(
      sorted((await detail(t, supervisor)).agents.map((a) => a.id)),
      sorted([personId(duplicate), personId(fresh)]),
    );
  });
});

describe('Webex supervisors: partial success', () => {
  it('PUT applies what can apply and reports the rest in request order (206), or 204 when all applied', async () => {
    const t = await newTenant(env);
    const [supervisor, kept, fresh, leaving, stranger] = await people(t, 5);
    const [disabled] = await people(t, 1, { status: 'disabled' });
    assert.ok(supervisor && kept && fresh && leaving && stranger && disabled);
    await updateSupervisorAgents(t.ctx, supervisor, { add: [kept, leaving], remove: [] });
    const url = `${SUPERVISORS}/${personId(supervisor)}`;
    const res = await t.api.put(url, {
      agents: [
        { id: personId(fresh), action: 'ADD' },
        { id: personId(leaving), action: 'DELETE' },
        { id: personId(kept), action: 'ADD' },
        { id: personId(disabled), action: 'ADD' },
        { id: personId(supervisor), action: 'ADD' },
        { id: personId(UNKNOWN_ID), action: 'ADD' },
        { id: personId(stranger), action: 'DELETE' },
        { id: OTHER_UNKNOWN, action: 'DELETE' },
      ],
    });
    expectStatus(res, 206);
    const body = res.json() as StatusBody;
    assert.deepEqual(
      body.supervisorAgentStatus.map((s) => [s.id, s.status]),
      [
        [personId(kept), 'DUPLICATE'],
        [personId(disabled), 'NOT_AVAILABLE'],
        [personId(supervisor), 'NOT_AVAILABLE'],
        [personId(UNKNOWN_ID), 'NOT_FOUND'],
        [personId(stranger), 'NOT_FOUND'],
        [personId(OTHER_UNKNOWN), 'NOT_FOUND'],
      ],
    );
    assert.equal(body.supervisorAgentStatus[1]?.message, `[Error 6612] Agent ${disabled} is not available.`);
    assert.equal(
      body.supervisorAgentStatus[4]?.message,
      `Agent ${stranger} is not assigned to the supervisor.`,
    );
    assert.deepEqual(
      sorted((await detail(t, supervisor)).agents.map((a) => a.id)),
      sorted([personId(kept), personId(fresh)]),
    );
    expectNoContent(await t.api.put(url, { agents: [{ id: personId(stranger), action: 'ADD' }] }));
  });

  it('POST creates a supervisor: 201 when every agent was assigned, 206 when some were not', async () => {
    const t = await newTenant(env);
    const [a, b, c, agent, other] = await people(t, 5);
    const [disabled] = await people(t, 1, { status: 'disabled' });
    assert.ok(a && b && c && agent && other && disabled);
    const created = await t.api.post(SUPERVISORS, { id: personId(a), agents: [{ id: personId(agent) }] });
    expectStatus(created, 201);
    assert.equal(created.body, '');
    const partial = await t.api.post(SUPERVISORS, {
      id: personId(b),
      agents: [{ id: personId(agent) }, { id: personId(disabled) }],
    });
    expectStatus(partial, 206);
    assert.deepEqual((partial.json() as StatusBody).supervisorAgentStatus, [
      {
        id: personId(disabled),
        status: 'NOT_AVAILABLE',
        message: `[Error 6612] Agent ${disabled} is not available.`,
      },
    ]);
    assert.deepEqual(
      (await detail(t, b)).agents.map((x) => x.id),
      [personId(agent)],
    );
    expectWebexError(await t.api.post(SUPERVISORS, { id: personId(c), agents: [] }), 400);
    expectWebexError(await t.api.post(SUPERVISORS, { id: personId(c) }), 400);
    expectWebexError(
      await t.api.post(SUPERVISORS, { id: personId(a), agents: [{ id: personId(other) }] }),
      409,
    );
    expectWebexError(
      await t.api.post(SUPERVISORS, { id: UNKNOWN_ID, agents: [{ id: personId(agent) }] }),
      404,
    );
  });

  it('PUT on a person who supervises no one is a 404, and an agent both added and deleted a 400', async () => {
    const t = await newTenant(env);
    const [nobody, agent] = await people(t, 2);
    assert.ok(nobody && agent);
    const url = `${SUPERVISORS}/${personId(nobody)}`;
    expectWebexError(await t.api.put(url, { agents: [{ id: personId(agent), action: 'ADD' }] }), 404);
    expectWebexError(await t.api.get(url), 404);
    expectWebexError(await t.api.delete(url), 404);
    await updateSupervisorAgents(t.ctx, nobody, { add: [agent], remove: [] });
    const both = await t.api.put(url, {
      agents: [
        { id: personId(agent), action: 'DELETE' },
        { id: agent, action: 'ADD' },
      ],
    });
    assert.match(expectWebexError(both, 400).message, /both ADD and DELETE/);
    expectWebexError(await t.api.put(url, { agents: [{ id: personId(agent), action: 'REMOVE' }] }), 400);
  });
});

describe('Webex supervisors: ids in either form', () => {
  it('takes plain, upper-case, base64url and padded base64 ids as the same person, and answers base64', async () => {
    const t = await newTenant(env);
    const supervisor = (await buildAgent(t.ctx)).id;
    const agent = (await buildAgent(t.ctx, { fullName: 'Ada King Lovelace', phoneNumber: '+1 555 0101' })).id;
    const hydra = personId(supervisor);
    const padded = Buffer.from(`ciscospark://us/PEOPLE/${supervisor}`).toString('base64');
    expectStatus(
      await t.api.post(SUPERVISORS, { id: supervisor.toUpperCase(), agents: [{ id: agent }] }),
      201,
    );
    for (const form of [supervisor, supervisor.toUpperCase(), hydra, padded]) {
      const body = await t.api.get(`${SUPERVISORS}/${encodeURIComponent(form)}`);
      expectStatus(body, 200);
      assert.deepEqual(body.json(), {
        id: hydra,
        agents: [
          { id: personId(agent), firstName: 'Ada', lastName: 'King Lovelace', phoneNumber: '+1 555 0101' },
        ],
      });
    }
    const dup = await t.api.put(`${SUPERVISORS}/${supervisor}`, { agents: [{ id: agent, action: 'ADD' }] });
    assert.equal((dup.json() as StatusBody).supervisorAgentStatus[0]?.id, personId(agent));
    const orgTyped = Buffer.from(`ciscospark://us/ORGANIZATION/${supervisor}`).toString('base64url');
    for (const bad of ['not-an-id', orgTyped, '%%%']) {
      expectWebexError(await t.api.get(`${SUPERVISORS}/${encodeURIComponent(bad)}`), 400);
    }
    expectWebexError(
      await t.api.put(`${SUPERVISORS}/${hydra}`, { agents: [{ id: 'x', action: 'ADD' }] }),
      400,
    );
  });
});
